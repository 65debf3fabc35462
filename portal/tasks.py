"""One way to run background work: after the current transaction commits, on django-rq when
REDIS_URL is set (served by `manage.py rqworker default`), inline otherwise."""

import logging
from functools import partial

import django_rq
from django.conf import settings
from django.db import transaction
from redis.exceptions import RedisError
from rq import Retry, get_current_job

logger = logging.getLogger(__name__)


def enqueue(func, *args, queue="default", **kwargs):
    """Run ``func(*args, **kwargs)`` once the surrounding transaction has committed."""
    enqueue_call(func, args=args, kwargs=kwargs, queue=queue)


def enqueue_call(func, args=(), kwargs=None, *, queue="default", retry_intervals=None):
    """Like :func:`enqueue`, with job options kept apart from the function's arguments.

    ``retry_intervals``: seconds to wait before each retry when the job raises on django-rq, e.g.
    ``(10, 60, 300)`` for up to three retries. Inline jobs (no REDIS_URL) and synchronous queues run
    once. A job can ask :func:`will_retry` whether raising now leads to another attempt.
    """
    transaction.on_commit(
        partial(_dispatch, func, tuple(args), dict(kwargs or {}), queue, retry_intervals=retry_intervals)
    )


def will_retry():
    """Whether the job being executed will run again if it raises now (only ever on django-rq)."""
    job = get_current_job()
    return job is not None and job.should_retry


def _dispatch(func, args, kwargs, queue, retry_intervals=None):
    if settings.REDIS_URL:
        # Already after commit: enqueue at once rather than waiting for yet another commit.
        rq_queue = django_rq.get_queue(queue, commit_mode="auto")
        options = {}
        if retry_intervals and rq_queue.is_async:
            options["retry"] = Retry(max=len(retry_intervals), interval=list(retry_intervals))
        try:
            rq_queue.enqueue_call(func, args=args, kwargs=kwargs, **options)
        except RedisError:
            # The request has committed: never turn a queue outage into an error page.
            logger.exception("could not enqueue %s", _job_name(func))
    else:
        try:
            func(*args, **kwargs)
        except Exception:
            logger.exception("inline job %s failed", _job_name(func))


def _job_name(func):
    return f"{func.__module__}.{func.__qualname__}"
