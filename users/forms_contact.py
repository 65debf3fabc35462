"""Ubah Email dan Nomor HP: the account's contact details, changed only with the current password."""

from django import forms
from django.utils.translation import gettext_lazy as _

from users.models import User
from users.validators import normalize_phone


class ContactChangeForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Nomor HP"), max_length=20)
    current_password = forms.CharField(
        label=_("Password saat ini"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, initial={"email": user.email, "phone": user.phone_display}, **kwargs)
        self.user = user
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Email ini sudah dipakai akun lain."))
        return email

    def clean_phone(self):
        phone = normalize_phone(self.cleaned_data["phone"])
        if User.objects.filter(phone=phone).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Nomor HP ini sudah dipakai akun lain."))
        return phone

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Password saat ini salah."))
        return password
