"""WhatsApp gateway with pluggable backends, in the manner of Django's email backends.

``send_whatsapp(to, body)`` stores the message in the outbox table (``portal.models.WhatsAppMessage``)
and delivers it in a background job through the backend named by ``settings.WHATSAPP_BACKEND``:
``console``, ``file``, ``http``, ``locmem`` or the dotted path of a backend class.
"""

from portal.models import WhatsAppMessage
from portal.tasks import enqueue_call
from portal.whatsapp import tasks
from portal.whatsapp.backends import get_backend
from portal.whatsapp.exceptions import WhatsAppError, WhatsAppGatewayError

__all__ = [
    "WhatsAppError",
    "WhatsAppGatewayError",
    "clear_outbox",
    "get_backend",
    "outbox",
    "send_whatsapp",
]

#: Messages "sent" by the ``locmem`` backend (WhatsAppMessage instances), like ``django.core.mail.outbox``.
outbox = []


def clear_outbox():
    """Empty :data:`outbox` in place (test fixtures call this before each test)."""
    outbox.clear()


def send_whatsapp(to, body):
    """Queue a WhatsApp message to ``to`` (international form without "+", e.g. 6281234567890).

    Returns the new ``WhatsAppMessage`` (status "queued"); delivery runs once the current transaction
    commits, on django-rq with retries when ``REDIS_URL`` is set, inline otherwise.
    """
    to = "".join(str(to).split())
    if not to:
        raise ValueError("A WhatsApp message needs a recipient number.")
    message = WhatsAppMessage.objects.create(to=to, body=body)
    enqueue_call(tasks.deliver_whatsapp, args=(message.pk,), retry_intervals=tasks.RETRY_INTERVALS)
    return message
