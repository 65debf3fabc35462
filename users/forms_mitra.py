"""Forms of Profil Mitra (guide chapter 6): Data Mitra and Dokumen. Messages are Indonesian and sit
beside their field; uploads are judged by their content (users/documents.py). Kecamatan → Desa uses
the same grouped select and static/js/region-select.js as Data Personal."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from users import documents, upload_quota, verification
from users.choices import DocumentType, MitraCategory
from users.forms_regions import RegionForm
from users.models import BidangUsaha, MitraDocument, MitraProfile
from users.validators import display_phone, normalize_phone

IMAGE_ACCEPT = ".jpg,.jpeg,.png,image/jpeg,image/png"
LOGO_MAX_SIDE = 1000
DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class MitraProfileForm(RegionForm, forms.ModelForm):
    """Data Mitra. Changing the name of a verified Mitra sends it back for review."""

    name = forms.CharField(
        label=_("Nama Mitra"), max_length=150, error_messages={"required": _("Isi Nama Mitra.")}
    )
    business_field = forms.ModelChoiceField(
        label=_("Bidang Usaha"),
        queryset=BidangUsaha.objects.all(),
        empty_label=_("— Pilih Bidang Usaha —"),
        error_messages={"required": _("Pilih Bidang Usaha.")},
    )
    category = forms.ChoiceField(
        label=_("Kategori Mitra"),
        choices=MitraCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih Kategori Mitra: Formal atau Informal.")},
        help_text=_("Formal: perusahaan/badan usaha. Informal: UMKM/usaha perorangan."),
    )
    address = forms.CharField(label=_("Alamat"), max_length=255, required=False)
    description = forms.CharField(
        label=_("Deskripsi"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ceritakan usaha Anda: produk atau layanan, sejak kapan, jumlah karyawan."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_("Gambar JPG atau PNG, maksimal 2 MB."),
        error_messages={"empty": _("Berkas kosong. Pilih berkas lain.")},
    )
    website = forms.URLField(
        label=_("Situs web"),
        required=False,
        assume_scheme="https",
        help_text=_("Contoh: https://usahaanda.id"),
    )
    contact_person = forms.CharField(label=_("Nama Narahubung"), max_length=100, required=False)
    contact_phone = forms.CharField(
        label=_("Nomor HP Narahubung"),
        max_length=25,
        required=False,
        help_text=_("10–15 digit, misalnya 081234567890."),
    )

    class Meta:
        model = MitraProfile
        fields = [
            "name",
            "business_field",
            "category",
            "address",
            "kecamatan",
            "desa",
            "description",
            "logo",
            "website",
            "contact_person",
            "contact_phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_name = self.instance.name
        self._saved_logo = self.instance.logo.name if self.instance.logo else ""
        if self.instance.contact_phone and not self.is_bound:
            self.initial["contact_phone"] = display_phone(self.instance.contact_phone)
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["website"].widget.attrs.update(autocomplete="url", inputmode="url")
        self.fields["contact_person"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        return normalize_phone(phone) if phone else ""

    def clean_logo(self):
        """A JPG/PNG by its content, re-encoded (no EXIF, nothing appended), under a random name, and
        within the account's storage quota."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            kind = documents.check_upload(logo, kinds=documents.IMAGE_KINDS, max_size=documents.MAX_LOGO_SIZE)
            logo = documents.reencoded_image(logo, kind, max_side=LOGO_MAX_SIDE)
            upload_quota.check_quota(self.instance.user, [logo.size], replacing=[self._saved_logo])
        return logo

    @transaction.atomic
    def save(self, commit=True):
        profile = super().save(commit=commit)
        if not commit:
            return profile
        new_logo = profile.logo.name if profile.logo else ""
        if self._saved_logo and self._saved_logo != new_logo:
            storage, old = profile.logo.storage, self._saved_logo
            transaction.on_commit(lambda: storage.delete(old))
        if profile.name != self._saved_name:
            verification.review_again_after_identity_change(profile, [_("Nama Mitra")])
            profile.refresh_from_db()
        self._saved_name, self._saved_logo = profile.name, new_logo
        return profile


class DocumentUploadForm(forms.Form):
    doc_type = forms.ChoiceField(
        label=_("Jenis dokumen"),
        choices=[("", _("— Pilih jenis dokumen —")), *DocumentType.choices],
        error_messages={"required": _("Pilih jenis dokumen.")},
    )
    file = forms.FileField(
        label=_("Berkas"),
        widget=forms.FileInput(attrs={"accept": DOCUMENT_ACCEPT}),
        help_text=_("PDF, JPG atau PNG, maksimal 5 MB."),
        error_messages={
            "required": _("Pilih berkas yang akan diunggah."),
            "empty": _("Berkas kosong. Pilih berkas lain."),
        },
    )

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner  # the Mitra's user, for the storage quota

    def clean_file(self):
        """PDF/JPG/PNG by content; an image is re-encoded (its pixels only: no EXIF, nothing
        appended) and keeps the user's file name for display; within the storage quota."""
        uploaded = self.cleaned_data["file"]
        self.kind = documents.check_upload(uploaded)
        if self.kind.pillow_format:
            uploaded = documents.reencoded_image(uploaded, self.kind, name=uploaded.name)
        if self.owner is not None:
            replaced = MitraDocument.objects.filter(
                mitra__user=self.owner, doc_type=self.cleaned_data.get("doc_type")
            ).values_list("file", flat=True)
            upload_quota.check_quota(self.owner, [uploaded.size], replacing=list(replaced))
        return uploaded

    def save(self, profile):
        return documents.save_document(
            profile, self.cleaned_data["doc_type"], self.cleaned_data["file"], self.kind
        )
