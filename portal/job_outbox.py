"""Background jobs that are never lost: a job outbox in the database, relayed to Redis.

- ``record()`` (called by ``portal.tasks.enqueue_call``) writes a ``BackgroundJob`` row inside the
  caller's transaction, so the job exists exactly when the change that asked for it committed, and
  registers an on-commit ``dispatch()``.
- ``dispatch()`` after the commit: with ``REDIS_URL``, ``relay()`` pushes the small runner
  ``run_job(pk)`` to rq under the row's deterministic id ``outbox-<pk>-<created>`` (rq refuses a
  second job with that id, so relaying twice is harmless) and marks the row queued; a Redis outage
  leaves it pending (one warning, no error page). Without ``REDIS_URL`` the job runs inline, its
  outcome recorded the same way.
- ``run_job()`` claims the row under a lock and runs it only when it is pending or queued, so a job
  relayed or delivered twice never runs twice; a failure keeps it queued while rq will retry it,
  otherwise marks it failed (with the traceback tail) and re-raises so rq's failed registry has it too.
- ``relay_pending_jobs()`` (rq cron every minute, ``manage.py relay_jobs [--loop N]``) pushes the
  pending rows left behind by an outage, and first puts back to pending the queued/running rows whose
  rq job Redis no longer has (a Redis restart loses everything: it keeps nothing on disk).
- ``retry_failed_job()`` is "Coba Lagi" in Pengaturan → Tugas Latar Belakang (portal/job_admin.py).

Delivery is at least once: a job whose worker died after the work but before it was marked done runs
again, so jobs stay idempotent (deliver_whatsapp skips a sent message, broadcasts run once, …).
"""

import json
import logging
import traceback
from datetime import timedelta
from functools import partial
from importlib import import_module

import django_rq
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from redis import Redis
from redis.exceptions import RedisError
from rq import Retry, get_current_job
from rq.exceptions import DuplicateJobError
from rq.job import Job, JobStatus

from portal.models import BackgroundJob

logger = logging.getLogger(__name__)

Status = BackgroundJob.Status

#: Pending rows younger than this are left to the on-commit relay of the request that wrote them.
RELAY_GRACE = timedelta(seconds=10)
#: Seconds to connect to Redis, and to wait for its answer, when relaying.
RELAY_CONNECT_TIMEOUT = 2
RELAY_TIMEOUT = 5
#: Rows relayed per database query by relay_pending_jobs().
RELAY_BATCH_SIZE = 200
#: Added to the queue's job timeout before a queued or running row counts as stuck.
STUCK_MARGIN = timedelta(minutes=1)
#: rq's own default job timeout (seconds), for queues that do not set DEFAULT_TIMEOUT.
RQ_DEFAULT_TIMEOUT = 180
#: Finished rows are deleted after this long (their arguments may hold email or message text).
FINISHED_JOB_RETENTION = timedelta(days=7)
#: Characters of traceback kept in ``last_error`` (its tail: the exception is at the end).
ERROR_MAX_LENGTH = 4000
#: Relay clients, one (with its connection pool) per Redis, shared by the threads of this process.
_relay_connections = {}
#: rq statuses in which the job will still run (or is running).
LIVE_RQ_STATUSES = frozenset({JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.STARTED, JobStatus.DEFERRED})


# --- Writing and relaying ------------------------------------------------------------------------


def record(func, args=(), kwargs=None, *, queue="default", retry_intervals=None, delay=0):
    """Write the outbox row for ``func(*args, **kwargs)`` and relay it once the transaction commits.

    ``args`` and ``kwargs`` must be JSON values (str, int, float, bool, None, lists, dicts with string
    keys): tuples come back as lists. ``delay`` (seconds) holds the job back on an asynchronous rq
    queue (``run_after``, scheduled with rq's ``enqueue_at``; the worker runs ``--with-scheduler``);
    inline and synchronous queues run it at once. Returns the new ``BackgroundJob``.
    """
    path, args, kwargs = dotted_path(func), list(args), dict(kwargs or {})
    try:
        json.dumps([args, kwargs])
    except TypeError as error:
        raise TypeError(f"the arguments of {path} must be JSON values: {error}") from error
    now = timezone.now()
    job = BackgroundJob.objects.create(
        func=path,
        args=args,
        kwargs=kwargs,
        queue=queue,
        retry_intervals=[int(seconds) for seconds in retry_intervals or ()],
        run_after=now + timedelta(seconds=delay) if delay and delay > 0 and _is_async(queue) else now,
    )
    transaction.on_commit(partial(dispatch, job.pk))
    return job


def dispatch(job_id):
    """After the commit: hand the job to Redis, or run it here when the portal has no Redis."""
    if not settings.REDIS_URL:
        run_inline(job_id)
        return
    job = BackgroundJob.objects.filter(pk=job_id, status=Status.PENDING).first()
    if job is not None:
        relay(job)


def relay(job):
    """Push ``job`` to its rq queue and mark it queued. Returns False, leaving the row pending for
    :func:`relay_pending_jobs`, when Redis cannot be reached."""
    try:
        _push(job)
    except RedisError as error:
        logger.warning("background job %s stays pending: Redis is unavailable (%s)", job.pk, error)
        return False
    # Only a pending row becomes queued: a worker may already be running (or have finished) it.
    BackgroundJob.objects.filter(pk=job.pk, status=Status.PENDING).update(
        status=Status.QUEUED, updated_at=timezone.now()
    )
    return True


def rq_job_id(job):
    """The rq job id of outbox row ``job``: the same for every relay of the row, and never that of a
    row of an earlier database (its creation time is part of it), should ids be reused after a restore."""
    return f"outbox-{job.pk}-{job.created_at:%Y%m%d%H%M%S%f}"


def _push(job):
    queue = django_rq.get_queue(job.queue, commit_mode="auto", connection=relay_connection(job.queue))
    options = {"job_id": rq_job_id(job), "unique": True, "description": f"{job.func} (#{job.pk})"}
    if job.retry_intervals and queue.is_async:
        options["retry"] = Retry(max=len(job.retry_intervals), interval=list(job.retry_intervals))
    try:
        _enqueue(queue, job, options)
    except DuplicateJobError:
        existing = queue.fetch_job(options["job_id"])
        if existing is not None and existing.get_status() in LIVE_RQ_STATUSES:
            return  # already waiting (or running) in Redis
        if existing is not None:
            existing.delete()  # a finished or failed run of an earlier relay
        try:
            _enqueue(queue, job, options)
        except DuplicateJobError:
            pass  # another relay pushed it in between


def _enqueue(queue, job, options):
    if queue.is_async and job.run_after > timezone.now():
        queue.enqueue_at(job.run_after, run_job, job.pk, **options)
    else:
        queue.enqueue_call(run_job, args=(job.pk,), **options)


def relay_connection(queue_name):
    """A connection to the queue's Redis with short timeouts: a Redis that does not answer costs the
    request that committed a job a few seconds at most (the worker keeps django-rq's own connection,
    whose blocking reads must not time out)."""
    config = settings.RQ_QUEUES[queue_name]
    if "URL" not in config:
        return django_rq.get_connection(queue_name)
    key = (config["URL"], config.get("DB"))
    if key not in _relay_connections:
        options = {"socket_connect_timeout": RELAY_CONNECT_TIMEOUT, "socket_timeout": RELAY_TIMEOUT}
        if config.get("DB") is not None:
            options["db"] = config["DB"]
        _relay_connections[key] = Redis.from_url(config["URL"], **options)
    return _relay_connections[key]


def _is_async(queue):
    return bool(settings.REDIS_URL) and django_rq.get_queue(queue).is_async


# --- Running --------------------------------------------------------------------------------------


def run_job(job_id):
    """Run outbox row ``job_id`` (the rq job, and the inline runner).

    Does nothing for a row that is running, done or failed, so a second delivery of the same job
    changes nothing. On an exception the row stays queued when rq will retry the job, and becomes
    failed otherwise; the exception is re-raised either way.
    """
    job = _claim(job_id)
    if job is None:
        return
    try:
        resolve(job.func)(*job.args, **job.kwargs)
    except Exception as error:
        _record_failure(job, error, retrying=will_retry())
        raise
    now = timezone.now()
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=Status.DONE, last_error="", finished_at=now, updated_at=now
    )
    logger.info("background job %s (%s) done (attempt %s)", job.pk, job.func, job.attempts)


def run_inline(job_id):
    """Run the job in this process; its failure is recorded on the row and logged, never raised."""
    try:
        run_job(job_id)
    except Exception:  # recorded by run_job; a committed request must not turn into an error page
        pass


def will_retry():
    """Whether the rq job being executed runs again if it raises now (never inline or on a
    synchronous queue, which are run once)."""
    current = get_current_job()
    return current is not None and current.should_retry


@transaction.atomic
def _claim(job_id):
    job = BackgroundJob.objects.select_for_update().filter(pk=job_id).first()
    if job is None:
        logger.warning("background job %s no longer exists; nothing to run", job_id)
        return None
    if job.status not in (Status.PENDING, Status.QUEUED):
        logger.info("background job %s is %s; not running it again", job_id, job.status)
        return None
    job.status = Status.RUNNING
    job.attempts += 1
    job.save(update_fields=["status", "attempts", "updated_at"])
    return job


def _record_failure(job, error, *, retrying):
    now = timezone.now()
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=Status.QUEUED if retrying else Status.FAILED,
        last_error=describe(error),
        finished_at=None if retrying else now,
        updated_at=now,
    )
    outcome = "will retry" if retrying else "giving up"
    log = logger.warning if retrying else logger.error
    log(
        "background job %s (%s): attempt %s failed (%s); %s",
        job.pk,
        job.func,
        job.attempts,
        type(error).__name__,
        outcome,
    )


def describe(error):
    """The tail of ``error``'s traceback: code lines and the exception, never local variables."""
    return "".join(traceback.format_exception(error))[-ERROR_MAX_LENGTH:]


def dotted_path(func):
    """``module.qualname`` of an importable function; a worker process imports it by this path."""
    path = f"{func.__module__}.{func.__qualname__}"
    if "<" in path or resolve(path) is not func:
        raise ValueError(f"{path} is not importable by its name, so a worker could not run it.")
    return path


def resolve(path):
    """The object named by ``path`` ("package.module.function" or "package.module.Class.method")."""
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module_name = ".".join(parts[:split])
        try:
            target = import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue  # a shorter prefix is the module
            raise
        for name in parts[split:]:
            target = getattr(target, name)
        return target
    raise ImportError(f"cannot import {path}")


# --- Relaying what an outage left behind ---------------------------------------------------------


def relay_pending_jobs(*, now=None):
    """Push every pending row that is due and older than RELAY_GRACE (run it here without
    ``REDIS_URL``), after putting stuck rows back to pending. Returns the number of rows handed on;
    stops at the first Redis error (the next run tries again)."""
    now = now or timezone.now()
    stuck = requeue_stuck_jobs(now=now)
    due = BackgroundJob.objects.filter(status=Status.PENDING, run_after__lte=now).filter(
        updated_at__lte=now - RELAY_GRACE
    ) | BackgroundJob.objects.filter(pk__in=stuck, status=Status.PENDING)
    handed_on, last_pk = 0, 0
    while batch := list(due.filter(pk__gt=last_pk).order_by("pk")[:RELAY_BATCH_SIZE]):
        for job in batch:
            last_pk = job.pk
            if not settings.REDIS_URL:
                run_inline(job.pk)
            elif not relay(job):
                return handed_on
            handed_on += 1
    if handed_on:
        logger.info("relayed %s pending background job(s)", handed_on)
    return handed_on


def requeue_stuck_jobs(*, now=None):
    """Put back to pending the queued or running rows, older than the job timeout, that will never
    run: their rq job is gone (Redis lost its data) or ended (the worker died). Without Redis: running
    rows of a process that died. Returns their ids."""
    now = now or timezone.now()
    threshold = now - stuck_after()
    candidates = BackgroundJob.objects.filter(
        status__in=[Status.QUEUED, Status.RUNNING], updated_at__lt=threshold, run_after__lt=threshold
    ).only("pk", "status", "queue", "created_at", "updated_at")
    if settings.REDIS_URL:
        try:
            stuck = _gone_from_redis(list(candidates))
        except RedisError as error:
            logger.warning("cannot look for stuck background jobs: Redis is unavailable (%s)", error)
            return []
    else:
        stuck = list(candidates.filter(status=Status.RUNNING))
    requeued = []
    for job in stuck:
        # Unless a worker changed the row meanwhile.
        if BackgroundJob.objects.filter(pk=job.pk, status=job.status, updated_at=job.updated_at).update(
            status=Status.PENDING, updated_at=now
        ):
            logger.warning("background job %s was %s but will never run; requeued", job.pk, job.status)
            requeued.append(job.pk)
    return requeued


def stuck_after():
    """How long a queued or running row may go unchanged: the longest job timeout, plus a margin."""
    timeouts = [queue.get("DEFAULT_TIMEOUT") or RQ_DEFAULT_TIMEOUT for queue in settings.RQ_QUEUES.values()]
    return timedelta(seconds=max(timeouts, default=RQ_DEFAULT_TIMEOUT)) + STUCK_MARGIN


def _gone_from_redis(jobs):
    """Those of ``jobs`` whose rq job is missing or will not run any more."""
    gone = []
    for queue_name in {job.queue for job in jobs}:
        in_queue = [job for job in jobs if job.queue == queue_name]
        rq_jobs = Job.fetch_many(
            [rq_job_id(job) for job in in_queue], connection=relay_connection(queue_name)
        )
        gone += [
            job
            for job, rq_job in zip(in_queue, rq_jobs, strict=True)
            if rq_job is None or rq_job.get_status(refresh=False) not in LIVE_RQ_STATUSES
        ]
    return gone


# --- Staff actions and housekeeping --------------------------------------------------------------


@transaction.atomic
def retry_failed_job(job_id):
    """ "Coba Lagi": queue the failed row ``job_id`` again (same row; attempts and the last error
    stay until the new outcome). Returns the job, or None when it is not (or no longer) failed, so a
    repeated request queues it once."""
    job = BackgroundJob.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.status != Status.FAILED:
        return None
    job.status = Status.PENDING
    job.run_after = timezone.now()
    job.finished_at = None
    job.save(update_fields=["status", "run_after", "finished_at", "updated_at"])
    transaction.on_commit(partial(dispatch, job.pk))
    return job


def purge_finished_jobs(*, now=None):
    """Delete the rows done more than FINISHED_JOB_RETENTION ago; failed rows stay for the staff.
    Returns the number deleted."""
    now = now or timezone.now()
    deleted, _per_model = BackgroundJob.objects.filter(
        status=Status.DONE, finished_at__lt=now - FINISHED_JOB_RETENTION
    ).delete()
    return deleted
