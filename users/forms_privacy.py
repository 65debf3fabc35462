"""Hapus Akun: the current password and an explicit confirmation (users/privacy.py does the rest)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Password saat ini"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Masukkan password Anda untuk menghapus akun.")},
    )
    confirm = forms.BooleanField(
        label=_("Saya mengerti bahwa akun saya dihapus permanen dan tidak dapat dipulihkan."),
        error_messages={"required": _("Centang pernyataan ini untuk menghapus akun.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Password salah."), code="password_incorrect")
        return password
