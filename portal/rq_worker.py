"""The worker class of `manage.py rqworker` (settings.RQ["WORKER_CLASS"])."""

from rq import Worker


class PortalWorker(Worker):
    """rq's own worker, except that it does not wait for its pubsub thread when it stops.

    With rq 3.0 and redis-py 8.2 that wait can last 60 s: once unsubscribed, the thread may sleep in
    ``get_message(timeout=60)`` while ``stop()`` joins it, which delays every deploy or restart. It
    is a daemon thread, so dropping it is safe.
    """

    def unsubscribe(self):
        if self.pubsub_thread:
            self.pubsub.unsubscribe()
            self.pubsub_thread.stop(timeout=0.5)
            self.pubsub.close()
