"""The per-user delivery preferences of Pemberitahuan (guide chapters 5 and 6)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from users.models import User


class NotificationPreferencesForm(forms.ModelForm):
    """Whether important notifications also go out by email and by WhatsApp."""

    class Meta:
        model = User
        fields = ["notify_by_email", "notify_by_whatsapp"]
        labels = {
            "notify_by_email": _("Kirim pemberitahuan penting lewat email"),
            "notify_by_whatsapp": _("Kirim pemberitahuan penting lewat WhatsApp"),
        }
        help_texts = {
            "notify_by_whatsapp": _("Pesan WhatsApp hanya dikirim ke nomor HP yang sudah terverifikasi."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance
        if user.email:
            self.fields["notify_by_email"].help_text = _("Dikirim ke %(email)s.") % {"email": user.email}
        if user.phone_verified:
            self.fields["notify_by_whatsapp"].help_text = _(
                "Dikirim ke nomor HP terverifikasi %(phone)s."
            ) % {"phone": user.phone_display}

    def save(self, commit=True):
        user = super().save(commit=False)
        if commit:
            user.save(update_fields=self.Meta.fields)
        return user
