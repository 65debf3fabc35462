"""Production settings for benchmarks (bench/README.md): portal.settings.production, plus a
WhiteNoise root of its own so the "static file of the Beranda's size" ceiling is served by the
same gunicorn and middleware, and a STATIC_ROOT of its own so collecting static files for a
benchmark never touches the checkout's staticfiles/."""

from portal.settings.base import BASE_DIR
from portal.settings.env import env_str
from portal.settings.production import *  # noqa: F403

BENCH_DIR = BASE_DIR / "var" / "bench"
STATIC_ROOT = env_str("BENCH_STATIC_ROOT", str(BENCH_DIR / "static"))
# Files here are served at the site root: bench/latency.py --write-ceiling puts ceiling.html here.
WHITENOISE_ROOT = env_str("BENCH_WHITENOISE_ROOT", str(BENCH_DIR / "root"))
