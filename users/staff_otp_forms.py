"""The one field of the "Verifikasi Dua Langkah" pages: the 6-digit code of the authenticator app."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

CODE_PATTERN = re.compile(r"^\d{6}$")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode 6 angka"),
        max_length=12,
        help_text=_("Lihat kode yang sedang tampil di aplikasi autentikator Anda."),
        error_messages={"required": _("Masukkan kode 6 angka dari aplikasi autentikator.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = re.sub(r"\s+", "", self.cleaned_data["code"])
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("Kode terdiri dari 6 angka."))
        return code

    def refuse(self, message):
        """Show why a well-formed code was refused, beside the field."""
        self.add_error("code", message)
