"""An id for every request: the X-Request-ID header sent by the proxy when it looks sane, a new one
otherwise. It is returned in the response's X-Request-ID header and, with the request itself, is
available to the log records of the request (portal/log_setup.py) through ``current_request``.

Each request also gets one "portal.access" line (method, path, status, duration), redacted like every
record, so the server's own access log (with query strings and tokens in URLs) can stay off."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
#: What an incoming id may look like: a short token, nothing a log line or a header could trip on.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

#: The request being served by this thread or task, if any.
current_request = ContextVar("current_request", default=None)

access_logger = logging.getLogger("portal.access")


def request_id_for(request):
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    return incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        started = time.monotonic()
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        access_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request": request,
                "status_code": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return response
