"""Validation rules of guide §2.1 for usernames, phone numbers and passwords."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

USERNAME_PATTERN = re.compile(r"^[a-z0-9._]+$")
PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def validate_username(value):
    if not USERNAME_PATTERN.fullmatch(value):
        raise ValidationError(
            _("Nama Pengguna hanya boleh berisi huruf kecil, angka, titik, dan underscore."),
            code="invalid_username",
        )


def normalize_phone(value):
    """Return the phone number as 62xxxxxxxxxx (what WhatsApp gateways expect).

    Accepts 08…, +62…, 62… with spaces and dashes; the national number has 10–15 digits."""
    raw = PHONE_SEPARATORS.sub("", value or "")
    if raw.startswith("+"):
        raw = raw[1:]
    if not raw.isdigit():
        raise ValidationError(_("Nomor HP hanya boleh berisi angka."), code="invalid_phone")
    if raw.startswith("62"):
        national = "0" + raw[2:]
    elif raw.startswith("0"):
        national = raw
    else:
        raise ValidationError(_("Nomor HP harus diawali 08, +62, atau 62."), code="invalid_phone")
    if not 10 <= len(national) <= 15 or not national.startswith("08"):
        raise ValidationError(_("Nomor HP harus 10–15 digit, misalnya 081234567890."), code="invalid_phone")
    return "62" + national[1:]


class PasswordComplexityValidator:
    """At least one upper-case letter, one lower-case letter, one digit and one special character."""

    rules = [
        (re.compile(r"[A-Z]"), "huruf besar"),
        (re.compile(r"[a-z]"), "huruf kecil"),
        (re.compile(r"[0-9]"), "angka"),
        (re.compile(r"[^A-Za-z0-9]"), "karakter khusus"),
    ]

    def validate(self, password, user=None):
        missing = [name for pattern, name in self.rules if not pattern.search(password)]
        if missing:
            raise ValidationError(
                _("Password harus mengandung %(missing)s.") % {"missing": ", ".join(missing)},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _(
            "Password minimal 8 karakter, kombinasi huruf besar, huruf kecil, angka, dan karakter khusus."
        )


def display_phone(normalized):
    """The stored 62… form written the way Indonesians read it: 0812…"""
    return "0" + normalized[2:] if normalized.startswith("62") else normalized
