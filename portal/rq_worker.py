"""The worker class of `manage.py rqworker` (settings.RQ["WORKER_CLASS"])."""

import logging

from rq import Worker
from rq.exceptions import DeserializationError
from rq.job_lifecycle import call_exception_handlers

from portal.log_setup import ERRORS_LOGGER

errors_logger = logging.getLogger(ERRORS_LOGGER)


class PortalWorker(Worker):
    """rq's own worker, with three changes.

    - Failed jobs are reported by the "portal.errors" logger, as server errors are, with the job's
      function and id and the (redacted) traceback; rq's own report would add the job's arguments,
      which hold email addresses, phone numbers and message texts.
    - Job descriptions (the function call with its arguments) are not logged either.
    - It does not wait for its pubsub thread when it stops. With rq 3.0 and redis-py 8.2 that wait
      can last 60 s: once unsubscribed, the thread may sleep in ``get_message(timeout=60)`` while
      ``stop()`` joins it, which delays every deploy or restart. It is a daemon thread, so dropping
      it is safe.
    """

    def __init__(self, *args, log_job_description=False, **kwargs):
        super().__init__(*args, log_job_description=log_job_description, **kwargs)

    def handle_exception(self, job, *exc_info):
        func = _func_name(job)
        retrying = job.should_retry
        errors_logger.log(
            logging.WARNING if retrying else logging.ERROR,
            "job %s failed (%s)%s",
            func,
            exc_info[0].__name__ if exc_info[0] else "unknown error",
            "; it will be retried" if retrying else "",
            exc_info=exc_info,
            extra={"job_id": job.id, "job_func": func, "queue": job.origin},
        )
        call_exception_handlers(self._exc_handlers, job, *exc_info)

    def handle_work_horse_killed(self, job, retpid, ret_val, rusage):
        func = _func_name(job)
        errors_logger.error(
            "job %s failed: its work horse was killed (exit status %s)",
            func,
            ret_val,
            extra={"job_id": job.id, "job_func": func, "queue": job.origin},
        )
        super().handle_work_horse_killed(job, retpid, ret_val, rusage)

    def unsubscribe(self):
        if self.pubsub_thread:
            self.pubsub.unsubscribe()
            self.pubsub_thread.stop(timeout=0.5)
            self.pubsub.close()


def _func_name(job):
    try:
        return job.func_name
    except DeserializationError:
        return "<job that cannot be deserialized>"
