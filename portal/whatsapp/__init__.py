"""WhatsApp gateway with pluggable backends, in the manner of Django's email backends.

``send_whatsapp(to, body)`` stores the message in the outbox table (``portal.models.WhatsAppMessage``)
and delivers it in a background job through the backend named by ``settings.WHATSAPP_BACKEND``:
``console``, ``file``, ``http``, ``locmem`` or the dotted path of a backend class.
"""

import logging
from datetime import timedelta
from functools import partial

import django_rq
from django.conf import settings
from django.db import transaction
from redis.exceptions import RedisError
from rq import Retry

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

logger = logging.getLogger(__name__)

#: Messages "sent" by the ``locmem`` backend (WhatsAppMessage instances), like ``django.core.mail.outbox``.
outbox = []


def clear_outbox():
    """Empty :data:`outbox` in place (test fixtures call this before each test)."""
    outbox.clear()


def send_whatsapp(to, body, *, delay=0):
    """Queue a WhatsApp message to ``to`` (international form without "+", e.g. 6281234567890).

    Returns the new ``WhatsAppMessage`` (status "queued"); delivery runs once the current transaction
    commits, on django-rq with retries when ``REDIS_URL`` is set, inline otherwise.

    ``delay`` (seconds) holds the delivery back, to throttle broadcasts: on an asynchronous django-rq
    queue the job is scheduled with ``queue.enqueue_in`` (run the worker with ``--with-scheduler``,
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
    if delay and delay > 0 and settings.REDIS_URL and django_rq.get_queue("default").is_async:
        transaction.on_commit(partial(_schedule_delivery, message_id, delay))
    else:
        enqueue_call(tasks.deliver_whatsapp, args=(message_id,), retry_intervals=tasks.RETRY_INTERVALS)


def _schedule_delivery(message_id, delay):
    queue = django_rq.get_queue("default", commit_mode="auto")
    intervals = list(tasks.RETRY_INTERVALS)
    try:
        queue.enqueue_in(
            timedelta(seconds=delay),
            tasks.deliver_whatsapp,
            message_id,
            retry=Retry(max=len(intervals), interval=intervals) if intervals else None,
        )
    except RedisError:
        # The message row is committed and stays "queued"; never turn an outage into an error page.
        logger.exception("could not schedule WhatsApp message %s", message_id)
