"""Test settings: same services as dev (DATABASE_URL/REDIS_URL when set), fast and deterministic."""

from .base import *  # noqa: F403
from .base import LOCMEM_CACHE_CHECKS, RQ_QUEUES

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHATSAPP_BACKEND = "locmem"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SILENCED_SYSTEM_CHECKS = LOCMEM_CACHE_CHECKS
# Jobs still travel through Redis when REDIS_URL is set, but run in the test process;
# tests/test_tasks.py starts a real rqworker for the asynchronous path.
RQ_QUEUES = {name: {**queue, "ASYNC": False} for name, queue in RQ_QUEUES.items()}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Figures renewed on every change, so that a test sees its own rows at once (portal/figures_cache.py).
FIGURES_REFRESH_SECONDS = 0
