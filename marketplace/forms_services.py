"""Forms of the service marketplace (guide §5.2, §6.2): Tambah Jasa / Ubah, Gunakan Jasa and the
provider's reason for Tolak. Every message is Indonesian and sits beside its field."""

import secrets
import uuid
from io import BytesIO

from django import forms
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from marketplace.choices import ContactPreference, PriceUnit, ServiceRequestStatus
from marketplace.models import KategoriJasa, Service, ServicePhoto, ServiceRequest
from users import upload_quota
from users.models import Kecamatan

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_SIDE = 1600
PHOTO_MAX_PIXELS = 40_000_000  # a small file may still decode to a huge image
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ServicePhotosField(forms.FileField):
    """Up to ``Service.MAX_PHOTOS`` JPG, PNG or WEBP images of at most 2 MB each, recognised by
    their content (Pillow), never by their names. Each accepted image is re-encoded: turned
    upright, at most 1600 px, without its EXIF data (which may hold where it was taken), and
    stored under a random name."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": PHOTO_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, (list, tuple)) else [data]) if upload]
        if self.required and not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [self._checked(upload) for upload in uploads]

    def _checked(self, upload):
        name = getattr(upload, "name", "") or ""
        if getattr(upload, "size", 0) > PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                _("Ukuran foto %(name)s lebih dari 2 MB. Perkecil foto lalu unggah lagi."),
                code="too_large",
                params={"name": name},
            )
        not_an_image = forms.ValidationError(
            _("Berkas %(name)s bukan gambar JPG, PNG atau WEBP. Pilih foto berformat JPG, PNG atau WEBP."),
            code="invalid_image",
            params={"name": name},
        )
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise forms.ValidationError(
                _("Resolusi foto %(name)s terlalu besar. Perkecil foto lalu unggah lagi."),
                code="too_many_pixels",
                params={"name": name},
            ) from None
        except Exception:  # Pillow raises many kinds of errors for broken or disguised files
            raise not_an_image from None
        extension = PHOTO_FORMATS.get(image_format)
        if extension is None:
            raise not_an_image
        if width * height > PHOTO_MAX_PIXELS:
            raise forms.ValidationError(
                _("Resolusi foto %(name)s terlalu besar. Perkecil foto lalu unggah lagi."),
                code="too_many_pixels",
                params={"name": name},
            )
        try:
            return self._normalised(upload, image_format, extension)
        except Exception:  # a truncated image fails only when its pixels are decoded
            raise not_an_image from None

    @staticmethod
    def _normalised(upload, image_format, extension):
        upload.seek(0)
        with Image.open(upload) as original:
            image = ImageOps.exif_transpose(original)
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            output = BytesIO()
            if image_format == "JPEG":
                image.convert("RGB").save(output, "JPEG", quality=85, optimize=True)
            elif image_format == "WEBP":
                image.save(output, "WEBP", quality=85)
            else:
                image.save(output, "PNG", optimize=True)
        return ContentFile(output.getvalue(), name=f"{secrets.token_hex(10)}.{extension}")


class PhotoChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, photo):
        return _("Hapus foto %(number)s") % {"number": photo.sort_order + 1}


class ServiceForm(forms.ModelForm):
    """Tambah Jasa (guide §6.2) and its edit form (Ubah)."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    photos = ServicePhotosField(
        label=_("Foto"),
        required=False,
        help_text=_(
            "Opsional. Paling banyak %(max)s foto JPG, PNG atau WEBP, masing-masing paling besar 2 MB."
        )
        % {"max": Service.MAX_PHOTOS},
    )
    remove_photos = PhotoChoiceField(
        label=_("Foto yang sudah ada"),
        queryset=ServicePhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Centang foto yang ingin dihapus."),
    )

    class Meta:
        model = Service
        fields = Service.PROVIDER_FIELDS
        labels = {
            "title": _("Judul"),
            "description": _("Deskripsi"),
            "category": _("Kategori"),
            "price": _("Harga/biaya (Rp)"),
            "price_unit": _("Satuan harga"),
            "areas": _("Wilayah layanan"),
        }
        help_texts = {
            "title": _("Contoh: Tukang bangunan dan renovasi rumah."),
            "description": _("Jelaskan jasa Anda: pekerjaan yang dilayani, pengalaman, alat yang dibawa."),
            "price": _("Tanpa titik. Contoh: 150000. Boleh dikosongkan bila satuan harganya Nego."),
            "areas": _("Pilih satu kecamatan atau lebih yang Anda layani."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
            "price": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "areas": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "title": {"required": _("Judul wajib diisi.")},
            "description": {"required": _("Deskripsi wajib diisi.")},
            "category": {"required": _("Pilih kategori jasa.")},
            "price": {"invalid": _("Isi harga dengan angka saja, tanpa titik.")},
            "price_unit": {"required": _("Pilih satuan harga.")},
            "areas": {"required": _("Pilih minimal satu kecamatan.")},
        }

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The provider, for the storage quota of new photos (an edited service knows its provider).
        self.owner = owner or (self.instance.provider if self.instance.provider_id else None)
        self.fields["category"].queryset = KategoriJasa.objects.all()
        self.fields["category"].empty_label = _("Pilih …")
        self.fields["areas"].queryset = Kecamatan.objects.order_by("name")
        self.fields["price_unit"].choices = [("", _("Pilih …")), *PriceUnit.choices]
        self.fields["price"].min_value = 0
        if self.instance.pk:
            self.existing_photos = list(self.instance.photos.all())
            self.fields["remove_photos"].queryset = ServicePhoto.objects.filter(service=self.instance)
            del self.fields["submission_key"]
        else:
            self.existing_photos = []
            del self.fields["remove_photos"]
            if not self.is_bound:
                self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_price(self):
        price = self.cleaned_data.get("price")
        if price is not None and price < 0:
            raise forms.ValidationError(_("Harga tidak boleh negatif."))
        return price

    def clean(self):
        data = super().clean()
        if data.get("price_unit") == PriceUnit.NEGOTIABLE:
            data["price"] = None
        elif data.get("price") is None and "price" not in self.errors and data.get("price_unit"):
            self.add_error("price", _("Isi harga/biaya, atau pilih satuan harga Nego."))
        if "photos" not in self.errors:
            removed = {photo.pk for photo in data.get("remove_photos") or ()}
            kept = len([photo for photo in self.existing_photos if photo.pk not in removed])
            if kept + len(data.get("photos") or ()) > Service.MAX_PHOTOS:
                self.add_error(
                    "photos",
                    _("Paling banyak %(max)s foto per jasa. Anda sudah memiliki %(kept)s foto.")
                    % {"max": Service.MAX_PHOTOS, "kept": kept},
                )
        if "photos" not in self.errors:
            self._check_photo_quota(data)
        return data

    def _check_photo_quota(self, data):
        """New photos (sizes after re-encoding) must fit in the provider's storage quota; photos ticked
        for removal make room."""
        photos = data.get("photos") or ()
        if not photos or self.owner is None:
            return
        removed = [photo.image.name for photo in data.get("remove_photos") or ()]
        try:
            upload_quota.check_quota(self.owner, [photo.size for photo in photos], replacing=removed)
        except forms.ValidationError as error:
            self.add_error("photos", error)


class ServiceRequestForm(forms.ModelForm):
    """Gunakan Jasa: a short message, the wished date and how the provider should get in touch."""

    class Meta:
        model = ServiceRequest
        fields = ["message", "wished_date", "contact_preference"]
        labels = {
            "message": _("Pesan"),
            "wished_date": _("Tanggal yang diinginkan"),
            "contact_preference": _("Dihubungi lewat"),
        }
        help_texts = {
            "message": _("Ceritakan singkat kebutuhan Anda: pekerjaan, lokasi, waktu."),
            "wished_date": _("Opsional."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "wished_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "contact_preference": forms.RadioSelect,
        }
        error_messages = {
            "message": {"required": _("Pesan wajib diisi.")},
            "wished_date": {"invalid": _("Tanggal tidak valid.")},
            "contact_preference": {"required": _("Pilih cara Anda ingin dihubungi.")},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["contact_preference"].choices = ContactPreference.choices

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Pesan wajib diisi."))
        return message

    def clean_wished_date(self):
        wished_date = self.cleaned_data.get("wished_date")
        if wished_date and wished_date < timezone.localdate():
            raise forms.ValidationError(_("Tanggal yang diinginkan tidak boleh sebelum hari ini."))
        return wished_date

    def clean_contact_preference(self):
        preference = self.cleaned_data["contact_preference"]
        if preference != ContactPreference.EMAIL and self.user is not None and not self.user.phone:
            raise forms.ValidationError(
                _("Nomor HP Anda belum diisi. Pilih Email, atau isi nomor HP di profil Anda terlebih dahulu.")
            )
        return preference


class RejectForm(forms.Form):
    """Tolak: the reason the requester will read."""

    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Alasan ini akan dibaca oleh pengguna jasa."),
        error_messages={"required": _("Tuliskan alasan penolakan.")},
    )


class RequestStatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *ServiceRequestStatus.choices],
    )
