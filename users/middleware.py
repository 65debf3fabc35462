"""Staff sessions end after 30 minutes without activity and 12 hours after login (OWASP ASVS 3.3);
Personal and Mitra sessions keep Django's normal lifetime."""

import time

from django.conf import settings
from django.contrib.auth import logout

LOGIN_AT = "staff_session_started_at"
SEEN_AT = "staff_session_seen_at"
# The last activity is written at most once a minute, not on every admin page (each write is an
# UPDATE of the session and a commit). The idle limit then counts from up to a minute before the
# last activity: a session never lives longer than the limit, at most a minute less.
SEEN_RESOLUTION_SECONDS = 60


class StaffSessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            session = request.session
            started = session.setdefault(LOGIN_AT, now)
            seen = session.get(SEEN_AT, now)
            if (
                now - seen > settings.STAFF_SESSION_IDLE_SECONDS
                or now - started > settings.STAFF_SESSION_MAX_SECONDS
            ):
                logout(request)  # the request goes on as anonymous: the admin asks to log in again
            elif now - seen >= SEEN_RESOLUTION_SECONDS or SEEN_AT not in session:
                session[SEEN_AT] = now
        return self.get_response(request)
