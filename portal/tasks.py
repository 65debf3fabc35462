"""One way to run background work, never lost: the job is written to the database outbox in the
caller's transaction and, once that commits, relayed to django-rq when REDIS_URL is set (served by
`manage.py rqworker default --with-scheduler`) or run inline otherwise. A Redis outage leaves the job
pending; `relay_pending_jobs` (rq cron every minute, `manage.py relay_jobs`) hands it on later.
The mechanics are in portal/job_outbox.py."""

from portal.job_outbox import record, will_retry

__all__ = ["enqueue", "enqueue_call", "will_retry"]


def enqueue(func, *args, queue="default", **kwargs):
    """Run ``func(*args, **kwargs)`` once the surrounding transaction has committed.

    ``func`` must be importable by its dotted name and the arguments JSON values (ids, strings,
    numbers, lists, dicts), since a worker process reads them back from the database.
    """
    return enqueue_call(func, args=args, kwargs=kwargs, queue=queue)


def enqueue_call(func, args=(), kwargs=None, *, queue="default", retry_intervals=None, delay=0):
    """Like :func:`enqueue`, with job options kept apart from the function's arguments. Returns the
    ``BackgroundJob`` row.

    ``retry_intervals``: seconds to wait before each retry when the job raises on django-rq, e.g.
    ``(10, 60, 300)`` for up to three retries. Inline jobs (no REDIS_URL) and synchronous queues run
    once. A job can ask :func:`will_retry` whether raising now leads to another attempt.

    ``delay``: seconds to hold the job back on an asynchronous queue (throttled broadcasts); inline
    and synchronous queues run it at once.
    """
    return record(func, args, kwargs, queue=queue, retry_intervals=retry_intervals, delay=delay)
