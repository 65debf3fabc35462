from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from users.choices import AccountType, StaffRole


class PortalUserManager(UserManager):
    def get_by_natural_key(self, username):
        """Log in with either the username or the email, case-insensitively."""
        return self.get(Q(username__iexact=username) | Q(email__iexact=username))


class User(AbstractUser):
    """Every account: Personal, Mitra and government staff. Profiles hang off it by one-to-one."""

    email = models.EmailField(_("email"))
    phone = models.CharField(_("nomor HP"), max_length=16, blank=True)
    account_type = models.CharField(
        _("jenis akun"), max_length=10, choices=AccountType.choices, default=AccountType.PERSONAL
    )
    email_verified_at = models.DateTimeField(_("email terverifikasi pada"), null=True, blank=True)
    phone_verified_at = models.DateTimeField(_("nomor HP terverifikasi pada"), null=True, blank=True)
    terms_accepted_at = models.DateTimeField(
        _("menyetujui ketentuan pada"), null=True, blank=True
    )
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

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.UniqueConstraint(Lower("username"), name="unique_username_ci"),
            models.UniqueConstraint(Lower("email"), name="unique_email_ci"),
            models.UniqueConstraint(
                fields=["phone"], condition=~Q(phone=""), name="unique_phone_when_set"
            ),
        ]

    @property
    def is_personal(self):
        return self.account_type == AccountType.PERSONAL

    @property
    def is_mitra(self):
        return self.account_type == AccountType.MITRA

    @property
    def email_verified(self):
        return self.email_verified_at is not None

    @property
    def phone_verified(self):
        return self.phone_verified_at is not None
