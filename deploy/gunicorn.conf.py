"""Gunicorn settings of kepenak-web.service (`gunicorn portal.wsgi --config deploy/gunicorn.conf.py`).

Workers and address come from the environment (WEB_CONCURRENCY, WEB_BIND); the unit passes them on
the command line too, so `systemctl cat kepenak-web` shows what runs. `kill -HUP` (systemctl reload)
starts new workers with new code and retires the old ones once their requests are answered.
"""

import os

wsgi_app = "portal.wsgi:application"
bind = [os.environ.get("WEB_BIND", "127.0.0.1:8000")]
# Sync workers, 2 per core: pages are CPU-bound (threads would halve what is served) and the second
# worker of a core runs while another waits on PostgreSQL (bench/README.md, §2).
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
# Only nginx talks to gunicorn; its address may set X-Forwarded-* (comma-separated list).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
timeout = 60  # a worker stuck this long is restarted
graceful_timeout = 30  # on reload or stop, requests in flight get this long to finish
keepalive = 5  # nginx keeps connections to the upstream open
max_requests = 2000  # recycle workers now and then (memory growth of long-lived processes)
max_requests_jitter = 200

# gunicornc's control socket in the unit's RuntimeDirectory (/run/kepenak-web), not in $HOME.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"], "gunicorn.ctl")

accesslog = "-"
# Path without the query string (%(U)s, never %(r)s or %(q)s): search terms and tokens stay out of
# the logs. The client is nginx's X-Real-IP; the request id ties the line to the app's log records.
access_log_format = '%({x-real-ip}i)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s" %({x-request-id}i)s'
errorlog = "-"
