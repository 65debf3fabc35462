"""One way to run background work: after the current transaction commits, on django-rq when
REDIS_URL is set (served by `manage.py rqworker default`), inline otherwise."""

import logging
from functools import partial

import django_rq
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(func, *args, queue="default", **kwargs):
    """Run ``func(*args, **kwargs)`` once the surrounding transaction has committed."""
    transaction.on_commit(partial(_dispatch, func, args, kwargs, queue))


def _dispatch(func, args, kwargs, queue):
    if settings.REDIS_URL:
        django_rq.get_queue(queue).enqueue(func, *args, **kwargs)
    else:
        func(*args, **kwargs)
