"""State changes of accounts: registration, verification, sessions. Views, admin and jobs call these."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.mail import send_templated_email
from portal.models import SiteSettings
from portal.whatsapp import send_whatsapp
from users import otp
from users.choices import AccountType, OTPPurpose
from users.models import MitraProfile, PersonalProfile, PhoneOTP, User
from users.tokens import ExpiredLink, InvalidLink, make_email_token, read_email_token


class VerificationError(Exception):
    """A user-facing reason why a link or code did not verify anything."""


@transaction.atomic
def register_personal(*, first_name, last_name, email, phone, username, password, request=None):
    user = _create_account(
        AccountType.PERSONAL,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        username=username,
        password=password,
    )
    PersonalProfile.objects.create(user=user)
    send_verification_email(user, request)
    return user


@transaction.atomic
def register_mitra(*, name, business_field, category, email, phone, username, password, request=None):
    user = _create_account(
        AccountType.MITRA,
        first_name=name[:150],
        email=email,
        phone=phone,
        username=username,
        password=password,
    )
    MitraProfile.objects.create(user=user, name=name, business_field=business_field, category=category)
    send_verification_email(user, request)
    return user


def _create_account(account_type, *, password, **fields):
    user = User(account_type=account_type, terms_accepted_at=timezone.now(), **fields)
    user.set_password(password)
    user.save()
    return user


def send_verification_email(user, request=None):
    path = reverse("users:verify_email", args=[make_email_token(user)])
    send_templated_email(
        user.email,
        "users/email/verify_email",
        {"user": user, "link": _absolute(path, request)},
        request,
    )


def verify_email(token):
    """Mark the address in the link as verified. Returns the user; raises VerificationError."""
    try:
        user_id, email = read_email_token(token)
    except InvalidLink as error:
        raise VerificationError(_expired_or_invalid(error)) from error
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None or user.email.lower() != email:
            raise VerificationError(_("Tautan verifikasi tidak berlaku lagi."))
        if user.email_verified_at:
            raise VerificationError(_("Tautan ini sudah digunakan. Email Anda sudah terverifikasi."))
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    return user


def _expired_or_invalid(error):
    if isinstance(error, ExpiredLink):
        return _("Tautan verifikasi sudah kedaluwarsa. Silakan minta tautan baru dengan Kirim Ulang.")
    return _("Tautan verifikasi tidak valid.")


def send_phone_otp(user):
    """Send a fresh code to the user's phone. Returns the PhoneOTP; raises VerificationError when the
    previous code was sent less than a minute ago."""
    now = timezone.now()
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        latest = _latest_otp(user)
        if latest and latest.created_at > now - otp.RESEND_WAIT:
            wait = int((latest.created_at + otp.RESEND_WAIT - now).total_seconds()) + 1
            raise VerificationError(
                _("Tunggu %(seconds)s detik sebelum meminta kode baru.") % {"seconds": wait}
            )
        code = otp.generate_code()
        record = PhoneOTP.objects.create(
            user=user,
            created_at=now,
            phone=user.phone,
            purpose=OTPPurpose.VERIFY_PHONE,
            code_hash=otp.hash_code(code),
            expires_at=otp.expiry_from(now),
        )
        send_whatsapp(
            user.phone,
            _("Kode OTP %(app)s Anda: %(code)s. Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun.")
            % {"app": SiteSettings.current().app_name, "code": code},
        )
    return record


def verify_phone_otp(user, code):
    """Check the code against the latest one sent to the user's current phone. A wrong code uses
    up one of the attempts (committed even though the call raises)."""
    now = timezone.now()
    with transaction.atomic():
        record = (
            PhoneOTP.objects.select_for_update()
            .filter(user=user, purpose=OTPPurpose.VERIFY_PHONE)
            .order_by("-created_at")
            .first()
        )
        problem = _otp_problem(record, user, now)
        if problem is None:
            record.attempts += 1
            if otp.code_matches(code, record.code_hash):
                record.used_at = now
                user.phone_verified_at = now
                user.save(update_fields=["phone_verified_at"])
            else:
                left = otp.MAX_ATTEMPTS - record.attempts
                problem = (
                    _("Kode OTP salah. Sisa percobaan: %(left)s.") % {"left": left}
                    if left
                    else _("Kode OTP salah. Silakan minta kode baru.")
                )
            record.save(update_fields=["attempts", "used_at"])
    if problem:
        raise VerificationError(problem)
    return user


def _otp_problem(record, user, now):
    if record is None or record.used_at or record.phone != user.phone:
        return _("Kode OTP tidak berlaku. Silakan minta kode baru.")
    if record.expires_at < now:
        return _("Kode OTP sudah kedaluwarsa. Silakan minta kode baru.")
    if record.attempts >= otp.MAX_ATTEMPTS:
        return _("Terlalu banyak percobaan. Silakan minta kode baru.")
    return None


def _latest_otp(user):
    return PhoneOTP.objects.filter(user=user, purpose=OTPPurpose.VERIFY_PHONE).order_by("-created_at").first()


def tell_password_changed(user, request=None):
    """A security notice, whatever the notification preferences: email, and WhatsApp to a verified
    phone, so that a stolen account is noticed."""
    send_templated_email(user.email, "users/email/password_changed", {"user": user}, request)
    if user.phone and user.phone_verified:
        send_whatsapp(
            user.phone,
            _("[%(app)s] Password akun Anda baru saja diganti. Jika bukan Anda, segera hubungi kami.")
            % {"app": SiteSettings.current(request).app_name},
        )


@transaction.atomic
def change_contact(user, email, phone, request=None):
    """Ubah Email dan Nomor HP. A new address or number must be verified again (a link to the new
    address, Verifikasi No HP for the number); the old address and verified number are told, so a
    stolen account is noticed. Returns the names of what changed ("email", "phone")."""
    user = User.objects.select_for_update().get(pk=user.pk)
    old_email, old_phone, old_phone_verified = user.email, user.phone, user.phone_verified
    changed = []
    if email.lower() != user.email.lower():
        user.email, user.email_verified_at = email, None
        changed.append("email")
    if phone != user.phone:
        user.phone = phone  # User.save() drops the verified mark of a changed number
        changed.append("phone")
    if not changed:
        return changed
    user.save()
    context = {"user": user, "email_changed": "email" in changed, "phone_changed": "phone" in changed}
    send_templated_email(old_email, "users/email/contact_changed", context, request)
    if old_phone and old_phone_verified:
        send_whatsapp(
            old_phone,
            _(
                "[%(app)s] Email atau Nomor HP akun Anda baru saja diubah. "
                "Jika bukan Anda, segera hubungi kami."
            )
            % {"app": SiteSettings.current(request).app_name},
        )
    if "email" in changed:
        send_verification_email(user, request)
    return changed


def end_all_sessions(user):
    """Invalidate every session of the user (the current one included)."""
    User.objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
    user.refresh_from_db(fields=["session_version"])


def _absolute(path, request):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
