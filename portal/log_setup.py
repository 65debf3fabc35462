"""The pieces settings.LOGGING is built from.

- ``AddLogContext`` (handler filter): adds the request (request_id, method, path, status, user_id —
  the user's pk, never a name) or the rq job (job_id, job_func) the record was logged in.
- ``RedactPersonalData`` (handler filter): removes NIK, phone numbers, email addresses, passwords,
  codes, tokens and signed URL segments from the message, the arguments, the extra fields and the
  exception text, before any handler formats the record.
- ``ReportAsPortalError`` (filter of the django.request logger): server errors are reported by the
  "portal.errors" logger, as failed rq jobs are (portal/rq_worker.py).
- ``configured_formatter``: JSON lines (``JsonLogFormatter``) or plain text, per settings.LOG_FORMAT.
"""

import logging
import re
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter
from rq import get_current_job
from rq.exceptions import DeserializationError

from portal.request_id import current_request

#: The logger of every error an operator must look at: server errors and failed background jobs.
ERRORS_LOGGER = "portal.errors"

PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
REDACTED = "[REDACTED]"

# Keys whose values are secret or personal wherever they appear: "key=value", "key: value",
# "'key': 'value'", '"key": "value"' (query strings, form data, dict and JSON reprs) and extra fields.
SENSITIVE_KEY = (
    r"[\w-]*pass(?:word|wd)[\w-]*|pwd|otp\w*|code|kode|[\w-]*token|secret|[\w-]*_secret|api[_-]?key"
    r"|sessionid|authorization|[\w-]*cookie|username|email|nik|phone|no_hp|hp"
)
SENSITIVE_KEY_NAME = re.compile(rf"(?:{SENSITIVE_KEY})", re.IGNORECASE)
# The separator is an atomic group and a value never starts with "[": redacting twice changes nothing.
KEY_VALUE = re.compile(
    rf"""(?P<key>\b(?:{SENSITIVE_KEY})\b)(?P<sep>(?>['"]?\s*[:=]\s*(?:\[\s*)?(?:(?:bearer|token|basic)\s+)?))"""
    r"""(?!REDACTED\])(?P<value>"[^"]*"|'[^']*'|[^\s'"&,;}\[\]]+)""",
    re.IGNORECASE,
)
BEARER = re.compile(r"\bbearer\s+[\w.~+/=-]+", re.IGNORECASE)
# users/urls.py: verifikasi-email/<token>/ and reset/<uidb64>/<token>/ (and Wagtail's
# password_reset/confirm/<uidb64>/<token>/); their fixed siblings stay readable.
EMAIL_VERIFICATION_PATH = re.compile(r"(?P<prefix>/verifikasi-email/)(?!kirim-ulang/)[^/?#\s]+")
PASSWORD_RESET_PATH = re.compile(
    r"(?P<prefix>/(?:reset|confirm)/)(?!selesai/)[^/?#\s]+/(?P<token>set-password(?=/)|[^/?#\s]+)"
)
# django.core.signing values ("payload:timestamp:signature") anywhere else.
SIGNED_VALUE = re.compile(r"\.?[\w-]+:[\w-]{4,}:[\w-]{20,}")
EMAIL = re.compile(r"[\w.%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
NIK = re.compile(r"(?<![0-9A-Za-z])\d(?:[ -]?\d){15}(?![0-9A-Za-z])")
PHONE = re.compile(r"(?<![0-9A-Za-z+])(?:\+62|62|0)[ -]?8(?:[ -]?\d){7,11}(?![0-9A-Za-z])")


def _redact_reset_path(match):
    token = match["token"] if match["token"] == "set-password" else "[TOKEN]"
    return f"{match['prefix']}[TOKEN]/{token}"


REDACTIONS = [
    (KEY_VALUE, lambda match: f"{match['key']}{match['sep']}{REDACTED}"),
    (BEARER, f"Bearer {REDACTED}"),
    (EMAIL_VERIFICATION_PATH, r"\g<prefix>[TOKEN]"),
    (PASSWORD_RESET_PATH, _redact_reset_path),
    (SIGNED_VALUE, "[TOKEN]"),
    (EMAIL, "[EMAIL]"),
    (NIK, "[NIK]"),
    (PHONE, "[PHONE]"),
]

#: The attributes every LogRecord has; anything else on a record is an extra field.
STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
#: Extra fields that are objects for handlers to use, never for output (Django's HttpRequest).
OBJECT_ATTRIBUTES = frozenset({"request"})


def redact(text):
    """``text`` without personal data or secrets."""
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def redact_value(value, key=""):
    """An extra field's value, redacted: strings and containers item by item, numbers kept."""
    if key and SENSITIVE_KEY_NAME.fullmatch(key):
        return REDACTED
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {name: redact_value(item, str(name)) for name, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [redact_value(item) for item in value]
    return redact(str(value))


class RedactPersonalData(logging.Filter):
    """Rewrites the record in place, so every handler after this one sees the redacted text only."""

    def filter(self, record):
        if isinstance(record.msg, dict) and not record.args:
            record.msg = redact_value(record.msg)
        else:
            record.msg = redact(self._message(record))
            record.args = ()
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for key in vars(record).keys() - STANDARD_ATTRIBUTES - OBJECT_ATTRIBUTES:
            setattr(record, key, redact_value(getattr(record, key), key))
        return True

    @staticmethod
    def _message(record):
        try:
            return record.getMessage()
        except Exception:  # A log call must never raise, whatever its arguments' __str__ does.
            return f"{record.msg} [arguments could not be formatted]"


class AddLogContext(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        if not isinstance(request, HttpRequest):
            request = current_request.get()
        if request is not None:
            _add(record, "request_id", getattr(request, "request_id", None))
            _add(record, "method", request.method)
            _add(record, "path", request.path)
            _add(record, "user_id", _user_id(request))
        job = get_current_job()
        if job is not None:
            _add(record, "job_id", job.id)
            _add(record, "job_func", _job_func(job))
        return True


def _add(record, name, value):
    if value is not None and not hasattr(record, name):
        setattr(record, name, value)


def _user_id(request):
    """The pk of the user, if AuthenticationMiddleware's lazy user was already read: loading it here
    would query the database from a log call, perhaps inside a broken transaction."""
    user = getattr(request, "_cached_user", None)
    return getattr(user, "pk", None)


def _job_func(job):
    try:
        return job.func_name
    except DeserializationError:
        return None


class ReportAsPortalError(logging.Filter):
    """On the django.request logger: its errors (500s) are reported as "portal.errors" records."""

    def filter(self, record):
        if record.levelno >= logging.ERROR:
            record.name = ERRORS_LOGGER
        return True


class JsonLogFormatter(JsonFormatter):
    """One JSON object a line: time, level, logger, message, the context fields (request_id, method,
    path, status, user_id; job_id, job_func, queue), any other extra field, and ``exception``."""

    def __init__(self):
        super().__init__(
            PLAIN_FORMAT,
            rename_fields={
                "asctime": "time",
                "levelname": "level",
                "name": "logger",
                "exc_info": "exception",
                "status_code": "status",
            },
            reserved_attrs=[*RESERVED_ATTRS, "taskName", *OBJECT_ATTRIBUTES],
            json_ensure_ascii=False,
        )

    def formatTime(self, record, datefmt=None):
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


def configured_formatter():
    """The formatter settings.LOG_FORMAT names: "json" (production) or "plain" (development)."""
    if settings.LOG_FORMAT == "json":
        return JsonLogFormatter()
    if settings.LOG_FORMAT == "plain":
        return logging.Formatter(PLAIN_FORMAT)
    raise ValueError(f'LOG_FORMAT must be "json" or "plain", not {settings.LOG_FORMAT!r}.')
