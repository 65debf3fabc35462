from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text_indexes import contains_index
from users.choices import DocumentType, MitraCategory
from users.models.verification import VerifiableProfile


def private_storage():
    """Documents never live under MEDIA_URL: they are served by a permission-checked view."""
    return storages["private"]


class BidangUsaha(models.Model):
    """Master data: the line of business a Mitra chooses at registration."""

    name = models.CharField(_("nama bidang usaha"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("bidang usaha")
        verbose_name_plural = _("bidang usaha")

    def __str__(self):
        return self.name


class MitraProfile(VerifiableProfile):
    """Profil Mitra: the employer behind a Mitra account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mitra_profile"
    )
    name = models.CharField(_("nama mitra"), max_length=150)
    business_field = models.ForeignKey(
        BidangUsaha, verbose_name=_("bidang usaha"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("kategori mitra"), max_length=10, choices=MitraCategory.choices)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    kecamatan = models.ForeignKey(
        "users.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mitra_profiles",
    )
    desa = models.ForeignKey(
        "users.Desa",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mitra_profiles",
    )
    description = models.TextField(_("deskripsi"), max_length=3000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="mitra/logo/", blank=True)
    website = models.URLField(_("situs web"), blank=True)
    contact_person = models.CharField(_("nama narahubung"), max_length=100, blank=True)
    contact_phone = models.CharField(_("nomor HP narahubung"), max_length=16, blank=True)
    # "Mitra Unggulan": chosen by an admin, shown first on Beranda.
    featured = models.BooleanField(_("Mitra Unggulan"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil mitra")
        verbose_name_plural = _("profil mitra")
        permissions = [
            ("verify_mitraprofile", _("Dapat memverifikasi profil mitra")),
            ("view_mitra_report", _("Dapat melihat Laporan Mitra")),
        ]
        indexes = [
            models.Index(fields=["category", "verification_status"], name="mitra_public_listing"),
            # Data Profil Mitra: the verification queue, the rest by name; searched by name.
            models.Index(fields=["verification_status", "submitted_at"], name="mitra_queue"),
            models.Index(fields=["name"], name="mitra_name_order"),
            contains_index("name", "mitra_name_contains"),
            contains_index("contact_person", "mitra_contact_contains"),
        ]

    def __str__(self):
        return self.name


class MitraDocument(models.Model):
    """A legal document of a Mitra (SIUP, NPWP, NIB, other), kept in private storage."""

    mitra = models.ForeignKey(MitraProfile, on_delete=models.CASCADE, related_name="documents")
    doc_type = models.CharField(_("jenis dokumen"), max_length=10, choices=DocumentType.choices)
    file = models.FileField(_("berkas"), upload_to="mitra/dokumen/%Y/%m/", storage=private_storage)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    content_type = models.CharField(_("tipe berkas"), max_length=50)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now=True)

    class Meta:
        ordering = ["doc_type"]
        verbose_name = _("dokumen mitra")
        verbose_name_plural = _("dokumen mitra")
        constraints = [models.UniqueConstraint(fields=["mitra", "doc_type"], name="one_document_per_type")]

    def __str__(self):
        return f"{self.get_doc_type_display()} · {self.mitra}"
