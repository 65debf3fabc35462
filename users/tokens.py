"""Signed, expiring links for email verification. A link names the user and the address it was
sent to; once the address is verified (or changed) the link no longer verifies anything."""

from django.conf import settings
from django.core import signing

SALT = "users.email-verification"


class InvalidLink(Exception):
    pass


class ExpiredLink(InvalidLink):
    pass


def make_email_token(user):
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=SALT, compress=True)


def read_email_token(token):
    """Return (user_id, email) or raise ExpiredLink / InvalidLink."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    return data["u"], data["e"]
