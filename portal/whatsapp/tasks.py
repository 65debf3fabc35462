"""The delivery job: one attempt per run; django-rq runs it again after a failure while retries remain."""

import logging

from django.utils import timezone

from portal.models import WhatsAppMessage
from portal.tasks import will_retry
from portal.whatsapp.backends import backend_name, get_backend
from portal.whatsapp.exceptions import WhatsAppGatewayError

logger = logging.getLogger(__name__)

#: Seconds before each retry of a failed delivery on django-rq (3 retries, 4 attempts in all).
RETRY_INTERVALS = (10, 60, 300)

ERROR_MAX_LENGTH = 1000


def deliver_whatsapp(message_id):
    """Send the outbox message ``message_id`` through the configured backend and record the outcome.

    Raises only when the running rq job will be retried, so inline (web request) and final attempts
    never raise; the outcome is on the row either way. Log lines carry the message id, never the
    recipient or the text.
    """
    message = WhatsAppMessage.objects.filter(pk=message_id).first()
    if message is None:
        logger.warning("WhatsApp message %s no longer exists; nothing to deliver", message_id)
        return None
    if message.status == WhatsAppMessage.Status.SENT:
        logger.info("WhatsApp message %s was already sent; skipping", message_id)
        return message.status

    message.attempts += 1
    try:
        get_backend().send(message)
    except Exception as exc:
        retrying = will_retry()
        message.status = WhatsAppMessage.Status.QUEUED if retrying else WhatsAppMessage.Status.FAILED
        message.error = _describe(exc)
        message.save(update_fields=["attempts", "status", "error"])
        if retrying:
            logger.warning(
                "WhatsApp message %s: attempt %s via %s failed (%s); will retry",
                message_id,
                message.attempts,
                backend_name(),
                type(exc).__name__,
            )
            raise
        logger.error(
            "WhatsApp message %s: attempt %s via %s failed (%s); giving up",
            message_id,
            message.attempts,
            backend_name(),
            type(exc).__name__,
        )
        return message.status

    message.status = WhatsAppMessage.Status.SENT
    message.sent_at = timezone.now()
    message.error = ""
    message.save(update_fields=["attempts", "status", "error", "sent_at"])
    logger.info("WhatsApp message %s sent via %s (attempt %s)", message_id, backend_name(), message.attempts)
    return message.status


def _describe(exc):
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, WhatsAppGatewayError) and exc.detail:
        text = f"{text}\n{exc.detail}"
    return text[:ERROR_MAX_LENGTH]
