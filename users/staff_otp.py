"""Staff second factor: a TOTP authenticator app ("Verifikasi Dua Langkah") after the password.

Who needs it: staff whose role is in ``settings.STAFF_TOTP_REQUIRED_ROLES`` (production: Super Admin
and Admin), and every staff member who enabled it voluntarily (has a confirmed device). Until the
session is verified, users/staff_otp_middleware.py sends them to the setup or verification page.

Devices are django-otp's ``TOTPDevice`` (one confirmed device per account): codes are checked under a
row lock, a code is accepted once (django-otp only accepts a time step after the last one used), and
wrong codes are throttled by django-otp's exponential back-off (1, 2, 4, 8 … seconds).
"""

import logging
import math
from base64 import b32encode
from dataclasses import dataclass
from enum import Enum

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from users import roles, staff

logger = logging.getLogger(__name__)

DEVICE_NAME = "Aplikasi autentikator"
RESET_ACTION = "portal.staff_otp_reset"


class Step(Enum):
    """What a staff session still has to do before it may use the admin."""

    SETUP = "setup"
    VERIFY = "verify"


def is_required_for(user):
    return roles.role_of(user) in settings.STAFF_TOTP_REQUIRED_ROLES


def has_confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user):
    """The step a logged-in user must finish first, or None (not staff, verified, or not needed)."""
    if not (user.is_authenticated and staff.is_staff_account(user)) or user.is_verified():
        return None
    if has_confirmed_device(user):
        return Step.VERIFY
    if is_required_for(user):
        return Step.SETUP
    return None


# ---------------------------------------------------------------------------------------------
# Setting up a device


def pending_device(user):
    """The unconfirmed device being set up (created on first visit, the same one afterwards so that a
    reload shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_text(device):
    """The base32 secret for typing into an authenticator app, in groups of four characters."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device):
    """The otpauth:// URL of the device as an inline SVG QR code (no script, no outside request)."""
    return segno.make(device.config_url, error="m").svg_inline(
        omitsize=True,  # scales to the width of the form (w-w-full), on a phone too
        svgclass="segno w-w-full",
        dark="#000",
        light="#fff",
        title=_("Kode QR Verifikasi Dua Langkah"),
    )


# ---------------------------------------------------------------------------------------------
# Checking codes


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a code: the device that accepted it, or the Indonesian reason it was refused."""

    device: TOTPDevice | None = None
    error: str = ""

    @property
    def accepted(self):
        return self.device is not None


def _check(device, code):
    """Check `code` on a row-locked device. Never raises, so a refused code's throttle count commits."""
    if device is None:
        return CodeCheck(error=_("Belum ada perangkat Verifikasi Dua Langkah untuk akun ini."))
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = math.ceil((details["locked_until"] - timezone.now()).total_seconds())
        return CodeCheck(
            error=_("Terlalu banyak kode yang salah. Coba lagi dalam %(seconds)s detik.")
            % {"seconds": max(wait, 1)}
        )
    if device.verify_token(code):
        return CodeCheck(device=device)
    return CodeCheck(error=_("Kode salah, kedaluwarsa, atau sudah dipakai. Masukkan kode terbaru."))


@transaction.atomic
def confirm_device(user, code):
    """Confirm the device being set up with its first code; other unconfirmed devices are dropped."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("pk").first()
    result = _check(device, code)
    if result.accepted:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        logger.info("Staff account %s enabled Verifikasi Dua Langkah", user.pk)
    return result


@transaction.atomic
def verify_code(user, code):
    """Check a code against the account's confirmed device."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
    return _check(device, code)


# ---------------------------------------------------------------------------------------------
# Recovery


def can_reset(actor):
    """Only a Super Admin resets a staff member's second factor (e.g. a lost phone)."""
    return roles.role_of(actor) == roles.SUPER_ADMIN


@transaction.atomic
def reset_devices(account, actor):
    """Remove every TOTP device of `account`: its next login starts the setup again (when its role
    requires it). Returns the number of devices removed."""
    removed, _details = TOTPDevice.objects.filter(user=account).delete()
    log(account, RESET_ACTION, user=actor)
    logger.warning("Verifikasi Dua Langkah of account %s reset by %s", account.pk, actor.pk)
    return removed
