"""Backend lookup: ``settings.WHATSAPP_BACKEND`` is a short name below or a dotted path to a class."""

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "console": "portal.whatsapp.backends.console.WhatsAppBackend",
    "file": "portal.whatsapp.backends.file.WhatsAppBackend",
    "http": "portal.whatsapp.backends.http.WhatsAppBackend",
    "locmem": "portal.whatsapp.backends.locmem.WhatsAppBackend",
}


def backend_name(backend=None):
    return backend or settings.WHATSAPP_BACKEND


def get_backend(backend=None, **kwargs):
    """An instance of the backend ``backend`` (default: ``settings.WHATSAPP_BACKEND``)."""
    name = backend_name(backend)
    return import_string(BACKENDS.get(name, name))(**kwargs)
