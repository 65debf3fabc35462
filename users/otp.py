"""One-time codes sent by WhatsApp: 6 digits from a secure source, stored hashed, valid 5 minutes,
5 attempts, one send per 60 seconds."""

import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

CODE_LENGTH = 6
VALIDITY = timedelta(minutes=5)
MAX_ATTEMPTS = 5
RESEND_WAIT = timedelta(seconds=60)


def generate_code():
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


def hash_code(code):
    return make_password(code)


def code_matches(code, code_hash):
    return check_password(code, code_hash)


def expiry_from(now=None):
    return (now or timezone.now()) + VALIDITY
