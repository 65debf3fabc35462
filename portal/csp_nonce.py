"""The Content-Security-Policy nonce of the request being served, for markup rendered without the
request at hand: Wagtail's form widgets (date and time pickers, choosers) and admin panels, which
run a short inline <script> each (portal/templates/wagtailadmin/, portal/wagtail_csp.py).

ContentSecurityPolicyMiddleware sets it for the length of each request (a context variable: one
per thread, so gunicorn's threads never see each other's). Outside a request there is none, and
the scripts are written without a nonce, which the policy blocks."""

from contextvars import ContextVar

from django.utils.html import format_html

_current = ContextVar("csp_nonce", default=None)


def start(nonce):
    """Bind ``nonce`` (a lazy string) to the request being served; returns the token for ``end``."""
    return _current.set(nonce)


def end(token):
    _current.reset(token)


def nonce_attribute():
    """`` nonce="…"`` for an inline <script>, or nothing outside a request."""
    nonce = _current.get()
    return format_html(' nonce="{}"', nonce) if nonce is not None else ""
