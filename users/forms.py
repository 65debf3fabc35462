"""Account forms of guide chapters 2, 3, 4 and 8. Every message is Indonesian and sits beside its field."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.mail import send_templated_email
from users.choices import AccountType, MitraCategory
from users.models import BidangUsaha, User
from users.validators import normalize_phone, validate_username


class RegistrationForm(forms.Form):
    """Fields and rules shared by Daftar (Personal) and Daftar Mitra."""

    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.CharField(
        label=_("Nomor HP"), max_length=25, help_text=_("10–15 digit, misalnya 081234567890.")
    )
    username = forms.CharField(
        label=_("Nama Pengguna"),
        max_length=150,
        help_text=_("Huruf kecil, angka, titik, dan underscore."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minimal 8 karakter, kombinasi huruf besar, huruf kecil, angka, dan karakter khusus."),
    )
    password2 = forms.CharField(
        label=_("Konfirmasi Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_("Saya menyetujui Ketentuan Penggunaan & Kebijakan Privasi"),
        error_messages={"required": _("Anda harus menyetujui Ketentuan Penggunaan & Kebijakan Privasi.")},
    )

    def __init__(self, *args, terms_url="", privacy_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if terms_url and privacy_url:
            self.fields["consent"].label = format_html(
                'Saya menyetujui <a href="{}" target="_blank">Ketentuan Penggunaan</a> &amp; '
                '<a href="{}" target="_blank">Kebijakan Privasi</a>',
                terms_url,
                privacy_url,
            )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["username"].widget.attrs.update(autocomplete="username", autocapitalize="none")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Email ini sudah terdaftar. Silakan login atau gunakan email lain.")
            )
        return email

    def clean_phone(self):
        phone = normalize_phone(self.cleaned_data["phone"])
        if User.objects.filter(phone=phone).exists():
            raise forms.ValidationError(_("Nomor HP ini sudah terdaftar."))
        return phone

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        validate_username(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama Pengguna ini sudah dipakai. Silakan pilih yang lain."))
        return username

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Konfirmasi Password tidak sama dengan Password."))
        if password1:
            candidate = User(
                username=cleaned.get("username", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", "") or cleaned.get("name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def account_fields(self):
        data = self.cleaned_data
        return {
            "email": data["email"],
            "phone": data["phone"],
            "username": data["username"],
            "password": data["password1"],
        }


class PersonalRegistrationForm(RegistrationForm):
    first_name = forms.CharField(label=_("Nama Depan"), max_length=150)
    last_name = forms.CharField(label=_("Nama Belakang"), max_length=150, required=False)

    field_order = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "username",
        "password1",
        "password2",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"


class MitraRegistrationForm(RegistrationForm):
    name = forms.CharField(label=_("Nama Mitra"), max_length=150)
    business_field = forms.ModelChoiceField(
        label=_("Bidang Usaha"), queryset=BidangUsaha.objects.all(), empty_label=_("— Pilih Bidang Usaha —")
    )
    category = forms.ChoiceField(
        label=_("Kategori Mitra"), choices=MitraCategory.choices, widget=forms.RadioSelect
    )

    field_order = [
        "name",
        "business_field",
        "category",
        "email",
        "phone",
        "username",
        "password1",
        "password2",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "organization"


class LoginForm(forms.Form):
    """Email / Nama Pengguna + Password for one kind of account; points other kinds to their page."""

    username = forms.CharField(label=_("Email / Nama Pengguna"), max_length=254)
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    invalid_message = _("Email/Nama Pengguna atau Password salah.")

    def __init__(self, request, account_type, *args, **kwargs):
        self.request = request
        self.account_type = account_type
        self.user = None
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            autocomplete="username", autocapitalize="none", autofocus=True
        )

    def clean(self):
        username = self.cleaned_data.get("username", "").strip()
        password = self.cleaned_data.get("password")
        if not (username and password):
            return self.cleaned_data
        user = authenticate(self.request, username=username, password=password)
        if user is None:
            raise forms.ValidationError(self.invalid_message, code="invalid_login")
        if user.account_type != self.account_type:
            raise forms.ValidationError(self._wrong_page_message(user), code="wrong_login_page")
        self.user = user
        return self.cleaned_data

    @staticmethod
    def _wrong_page_message(user):
        if user.account_type == AccountType.MITRA:
            return format_html(
                'Akun ini adalah akun Mitra. Silakan masuk melalui halaman <a href="{}">Login Mitra</a>.',
                reverse("users:login_mitra"),
            )
        if user.account_type == AccountType.PERSONAL:
            return format_html(
                'Akun ini adalah akun Personal. Silakan masuk melalui halaman <a href="{}">Login</a>.',
                reverse("users:login"),
            )
        return format_html(
            'Akun staf masuk melalui halaman <a href="{}">Login Admin</a>.', reverse("wagtailadmin_login")
        )


class OTPForm(forms.Form):
    code = forms.CharField(
        label=_("Kode OTP"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}
        ),
        error_messages={
            "min_length": _("Kode OTP terdiri dari 6 angka."),
            "max_length": _("Kode OTP terdiri dari 6 angka."),
        },
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("Kode OTP terdiri dari 6 angka."))
        return code


class AccountPasswordResetForm(PasswordResetForm):
    """Lupa Kata Sandi for Personal and Mitra: the email goes out through the job queue, and only
    public accounts are reset here (staff use the admin login page)."""

    email = forms.EmailField(
        label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        return (
            user
            for user in User.objects.filter(
                email__iexact=email,
                is_active=True,
                account_type__in=[AccountType.PERSONAL, AccountType.MITRA],
            )
            if user.has_usable_password()
        )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        context = {key: value for key, value in context.items() if key != "user"} | {"user": context["user"]}
        send_templated_email(to_email, "users/email/password_reset", context, self.request)

    def save(self, request=None, **kwargs):
        self.request = request
        return super().save(request=request, **kwargs)


class AccountSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Password baru")
        self.fields["new_password2"].label = _("Konfirmasi Password baru")


class AccountPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Password saat ini")
        self.fields["new_password1"].label = _("Password baru")
        self.fields["new_password2"].label = _("Konfirmasi Password baru")
