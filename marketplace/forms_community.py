"""Forms of Testimoni and of the Mitra's Pengumuman (guide §5, §6)."""

import uuid

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from marketplace import community_use_cases as use_cases
from marketplace.models import MitraAnnouncement, Testimonial
from users import documents, upload_quota

ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
STAR_CHOICES = [
    ("", _("Tanpa rating")),
    (1, _("1 bintang")),
    (2, _("2 bintang")),
    (3, _("3 bintang")),
    (4, _("4 bintang")),
    (5, _("5 bintang")),
]


class TestimonialForm(forms.ModelForm):
    text = forms.CharField(
        label=_("Testimoni"),
        max_length=use_cases.TESTIMONIAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ceritakan pengalaman Anda menggunakan Kepenak Ngodene, maksimal 1000 karakter. "
            "Jangan menulis nomor HP, email, atau alamat."
        ),
        error_messages={
            "required": _("Testimoni wajib diisi."),
            "max_length": _("Testimoni maksimal %(limit_value)d karakter (sekarang %(show_value)d)."),
        },
    )
    stars = forms.TypedChoiceField(
        label=_("Rating (opsional)"),
        choices=STAR_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Seberapa puas Anda dengan aplikasi ini?"),
    )

    class Meta:
        model = Testimonial
        fields = ["text", "stars"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.stars is None:
            self.initial["stars"] = ""

    def clean_text(self):
        return self.cleaned_data["text"].strip()


class MitraAnnouncementForm(forms.ModelForm):
    """Buat Pengumuman and its edit form. The related vacancy is one of the Mitra's own posted
    vacancies; the attachment is a PDF, JPG or PNG of at most 5 MB, recognised by its content."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    attachment = forms.FileField(
        label=_("Lampiran (opsional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ATTACHMENT_ACCEPT}),
        help_text=_("PDF, JPG atau PNG, maksimal 5 MB."),
        error_messages={"empty": _("Berkas kosong. Pilih berkas lain.")},
    )
    remove_attachment = forms.BooleanField(label=_("Hapus lampiran"), required=False)

    class Meta:
        model = MitraAnnouncement
        fields = ["title", "body", "vacancy"]
        labels = {"title": _("Judul"), "body": _("Isi"), "vacancy": _("Lowongan terkait (opsional)")}
        help_texts = {
            "body": _("Misalnya jadwal wawancara, pengumuman hasil seleksi, atau informasi perusahaan."),
            "vacancy": _("Hanya lowongan Anda yang sudah diposting."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {
                "required": _("Judul wajib diisi."),
                "max_length": _("Judul maksimal %(limit_value)d karakter (sekarang %(show_value)d)."),
            },
            "body": {
                "required": _("Isi wajib diisi."),
                "max_length": _("Isi maksimal %(limit_value)d karakter (sekarang %(show_value)d)."),
            },
            "vacancy": {"invalid_choice": _("Pilih salah satu lowongan Anda yang sudah diposting.")},
        }

    def __init__(self, *args, mitra, **kwargs):
        super().__init__(*args, **kwargs)
        self.mitra = mitra
        self.kind = None
        vacancy_field = self.fields["vacancy"]
        vacancy_field.queryset = use_cases.announcement_vacancies(mitra).order_by("-created_at", "-pk")
        vacancy_field.empty_label = _("Tidak ada")
        if not self.instance.attachment:
            del self.fields["remove_attachment"]
        else:
            self.fields["attachment"].label = _("Ganti lampiran (opsional)")
            self.fields["remove_attachment"].help_text = _("Centang untuk menghapus lampiran %(name)s.") % {
                "name": self.instance.attachment_extension
            }
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_body(self):
        return self.cleaned_data["body"].strip()

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        """PDF/JPG/PNG by content; an image is re-encoded (no EXIF, nothing appended after it); within
        the Mitra's storage quota (a replaced attachment makes room)."""
        if isinstance(uploaded, UploadedFile):
            self.kind = use_cases.check_attachment(uploaded)
            if self.kind.pillow_format:
                uploaded = documents.reencoded_image(uploaded, self.kind, name=uploaded.name)
            replaced = self.instance.attachment.name if self.instance.attachment else ""
            upload_quota.check_quota(self.mitra.user, [uploaded.size], replacing=[replaced])
            return uploaded
        return None

    def save_for(self, mitra):
        data = self.cleaned_data
        return use_cases.save_announcement(
            mitra,
            title=data["title"],
            body=data["body"],
            vacancy=data["vacancy"],
            attachment=data["attachment"],
            remove_attachment=data.get("remove_attachment", False),
            announcement=self.instance if self.instance.pk else None,
            submission_key=data.get("submission_key"),
        )
