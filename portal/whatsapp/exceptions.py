class WhatsAppError(Exception):
    """A backend could not deliver a WhatsApp message."""


class WhatsAppGatewayError(WhatsAppError):
    """The HTTP gateway refused the message (non-2xx answer) or could not be reached.

    ``str(error)`` never contains the recipient or the message text, so it is safe to log;
    ``detail`` holds the gateway's own answer (which may echo them) for the outbox row only.
    """

    def __init__(self, message, detail=""):
        super().__init__(message)
        self.detail = detail
