from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, TruncDate
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from portal.text_indexes import contains_index
from users.choices import AccountType, StaffRole
from users.validators import display_phone


class PortalUserManager(UserManager):
    def get_by_natural_key(self, username):
        """Log in with either the username or the email, case-insensitively."""
        return self.get(Q(username__iexact=username) | Q(email__iexact=username))

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """`createsuperuser` makes the first Super Admin (a staff account, guide §1.1)."""
        extra_fields.setdefault("account_type", AccountType.STAFF)
        extra_fields.setdefault("role", StaffRole.SUPER_ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """Every account: Personal, Mitra and government staff. Profiles hang off it by one-to-one."""

    email = models.EmailField(_("email"))
    phone = models.CharField(_("nomor HP"), max_length=16, blank=True)
    account_type = models.CharField(
        _("jenis akun"), max_length=10, choices=AccountType.choices, default=AccountType.PERSONAL
    )
    email_verified_at = models.DateTimeField(_("email terverifikasi pada"), null=True, blank=True)
    phone_verified_at = models.DateTimeField(_("nomor HP terverifikasi pada"), null=True, blank=True)
    terms_accepted_at = models.DateTimeField(_("menyetujui ketentuan pada"), null=True, blank=True)
    role = models.CharField(_("level akun"), max_length=12, choices=StaffRole.choices, blank=True)
    scope_kecamatan = models.ForeignKey(
        "users.Kecamatan",
        verbose_name=_("kecamatan tugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope_desa = models.ForeignKey(
        "users.Desa",
        verbose_name=_("desa tugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    session_version = models.PositiveIntegerField(default=0, editable=False)
    notify_by_email = models.BooleanField(_("kirim pemberitahuan penting lewat email"), default=True)
    notify_by_whatsapp = models.BooleanField(_("kirim pemberitahuan penting lewat WhatsApp"), default=True)

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="unique_username_ci"),
            models.UniqueConstraint(Lower("email"), name="unique_email_ci"),
            models.UniqueConstraint(fields=["phone"], condition=~Q(phone=""), name="unique_phone_when_set"),
        ]
        indexes = [
            # Data Profil Personal: by name, and searched by name, user name or email.
            models.Index(fields=["first_name", "last_name", "username"], name="user_name_order"),
            contains_index("first_name", "user_first_name_contains"),
            contains_index("last_name", "user_last_name_contains"),
            contains_index("username", "user_username_contains"),
            contains_index("email", "user_email_contains"),
            contains_index("phone", "user_phone_contains"),
            # Registration periods of the reports (``date_joined__date`` in the portal's time zone).
            models.Index(TruncDate("date_joined"), name="user_joined_day"),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._loaded_phone = user.__dict__.get("phone")
        return user

    def save(self, *args, **kwargs):
        # A changed phone number must be verified again, whichever form or job changed it.
        if self.pk and self.phone != getattr(self, "_loaded_phone", self.phone):
            self.phone_verified_at = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "phone_verified_at"}
        super().save(*args, **kwargs)
        self._loaded_phone = self.phone

    def get_session_auth_hash(self):
        """Sessions stay valid while both the password and the session version are unchanged;
        "Keluar dari semua perangkat" bumps the version to end every session of the user."""
        return salted_hmac(
            "users.User.get_session_auth_hash",
            f"{self.password}:{self.session_version}",
            algorithm="sha256",
        ).hexdigest()

    @property
    def is_personal(self):
        return self.account_type == AccountType.PERSONAL

    @property
    def is_mitra(self):
        return self.account_type == AccountType.MITRA

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def email_verified(self):
        return self.email_verified_at is not None

    @property
    def phone_verified(self):
        return self.phone_verified_at is not None
