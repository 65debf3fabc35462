"""GET /health/ for a load balancer: the database and Redis answer, and when the portal uses Redis,
whether an rq worker has sent a heartbeat recently. 503 only when the database is unreachable:
that is when this process cannot serve pages; a Redis outage shows as "redis": "error"."""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from redis import Redis
from redis.exceptions import RedisError
from rq import Worker

WORKER_HEARTBEAT_MAX_AGE = timedelta(minutes=2)


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:  # any database error means "not serving"
        return "error"


def _redis_and_worker():
    if not settings.REDIS_URL:
        return "not used", "not used"
    try:
        redis = Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        redis.ping()
        workers = Worker.all(connection=redis)
    except RedisError:
        return "error", "unknown"
    now = timezone.now()
    alive = any(
        worker.last_heartbeat and now - worker.last_heartbeat < WORKER_HEARTBEAT_MAX_AGE for worker in workers
    )
    return "ok", "ok" if alive else "missing"


@never_cache
def health(request):
    database = _database()
    redis, worker = _redis_and_worker()
    # Without Redis pages still serve (the cache degrades, jobs wait in the database outbox), so
    # only the database decides whether a load balancer keeps sending visitors here.
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database, "redis": redis, "worker": worker},
        status=200 if healthy else 503,
    )
