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


class VerificationStatus(models.TextChoices):
    BELUM = "belum", _("Belum Diajukan")
    DIAJUKAN = "diajukan", _("Diajukan")
    TERVERIFIKASI = "terverifikasi", _("Terverifikasi")
    DITOLAK = "ditolak", _("Ditolak")


class VerificationAction(models.TextChoices):
    SUBMITTED = "diajukan", _("Diajukan")
    VERIFIED = "terverifikasi", _("Diverifikasi")
    REJECTED = "ditolak", _("Ditolak")
    RESET = "ditinjau_ulang", _("Dikembalikan untuk ditinjau ulang")


class Gender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class JobSeekingStatus(models.TextChoices):
    ACTIVE = "aktif", _("Sedang mencari kerja")
    OPEN = "terbuka", _("Terbuka untuk tawaran")
    NOT_LOOKING = "tidak", _("Tidak sedang mencari kerja")


class SkillLevel(models.TextChoices):
    BASIC = "dasar", _("Dasar")
    INTERMEDIATE = "menengah", _("Menengah")
    ADVANCED = "mahir", _("Mahir")


class DocumentType(models.TextChoices):
    SIUP = "siup", _("SIUP")
    NPWP = "npwp", _("NPWP")
    NIB = "nib", _("NIB")
    OTHER = "lainnya", _("Dokumen lain")
