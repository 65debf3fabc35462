class BaseWhatsAppBackend:
    """Base class for WhatsApp backends.

    ``send(message)`` receives a ``portal.models.WhatsAppMessage`` (``to``, ``body``, ``pk``) and
    returns when the message is delivered; it raises ``WhatsAppError`` (or any exception) otherwise.
    """

    def __init__(self, **kwargs):
        pass

    def send(self, message):
        raise NotImplementedError("subclasses of BaseWhatsAppBackend must override send()")
