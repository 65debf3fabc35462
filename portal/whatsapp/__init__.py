"""WhatsApp gateway with pluggable backends, in the manner of Django's email backends.

``send_whatsapp(to, body)`` stores the message in the outbox table (``portal.models.WhatsAppMessage``)
and delivers it in a background job through the backend named by ``settings.WHATSAPP_BACKEND``:
``console``, ``file``, ``http``, ``locmem`` or the dotted path of a backend class.
"""

from django.db import transaction

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
    "requeue_failed",
    "send_whatsapp",
]

#: Messages "sent" by the ``locmem`` backend (WhatsAppMessage instances), like ``django.core.mail.outbox``.
outbox = []


def clear_outbox():
    """Empty :data:`outbox` in place (test fixtures call this before each test)."""
    outbox.clear()


def send_whatsapp(to, body, *, delay=0):
    """Queue a WhatsApp message to ``to`` (international form without "+", e.g. 6281234567890).

    Returns the new ``WhatsAppMessage`` (status "queued"); its delivery job is written to the job
    outbox in the current transaction and runs once that commits (portal/tasks.py): on django-rq with
    retries when ``REDIS_URL`` is set (kept pending through a Redis outage), inline otherwise.

    ``delay`` (seconds) holds the delivery back, to throttle broadcasts: on an asynchronous django-rq
    queue the job is scheduled for then (``run_after``; run the worker with ``--with-scheduler``,
    which the retries need as well); inline and synchronous queues deliver at once.
    """
    to = "".join(str(to).split())
    if not to:
        raise ValueError("A WhatsApp message needs a recipient number.")
    message = WhatsAppMessage.objects.create(to=to, body=body)
    _enqueue_delivery(message.pk, delay)
    return message


@transaction.atomic
def requeue_failed(message_id):
    """Kirim Ulang: queue the failed outbox message ``message_id`` again, as the same row.

    The error is cleared and the status becomes "queued"; ``attempts`` is left alone (the delivery
    job counts its own attempts). Returns the message, or None when it is not (or no longer) failed,
    so a repeated request queues it once.
    """
    message = WhatsAppMessage.objects.select_for_update().filter(pk=message_id).first()
    if message is None or message.status != WhatsAppMessage.Status.FAILED:
        return None
    message.status = WhatsAppMessage.Status.QUEUED
    message.error = ""
    message.save(update_fields=["status", "error"])
    _enqueue_delivery(message.pk)
    return message


def _enqueue_delivery(message_id, delay=0):
    enqueue_call(
        tasks.deliver_whatsapp, args=(message_id,), retry_intervals=tasks.RETRY_INTERVALS, delay=delay
    )
