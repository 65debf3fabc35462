from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountType(models.TextChoices):
    PERSONAL = "personal", _("Personal")
    MITRA = "mitra", _("Mitra")
    STAFF = "staff", _("Staf Pemerintah")


class StaffRole(models.TextChoices):
    """Government staff levels of guide §7.1 (menus per role live in users/roles.py)."""

    SUPER_ADMIN = "superadmin", _("Super Admin")
    ADMIN = "admin", _("Admin")
    DINAKER = "dinaker", _("Dinaker")
    KECAMATAN = "kecamatan", _("Kecamatan")
    VERIFIKATOR = "verifikator", _("Verifikator")
    DESA = "desa", _("Desa")


class MitraCategory(models.TextChoices):
    FORMAL = "formal", _("Formal")
    INFORMAL = "informal", _("Informal")


class OTPPurpose(models.TextChoices):
    VERIFY_PHONE = "verify_phone", _("Verifikasi No HP")
