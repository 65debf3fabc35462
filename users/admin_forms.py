"""Staff account forms of Pengaturan → Pengguna (Wagtail admin)."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from users import roles, staff
from users.choices import StaffRole
from users.forms_regions import DesaSelect
from users.models import Desa, Kecamatan, User
from users.validators import display_phone, normalize_phone, validate_username


class StaffAccountForm(forms.ModelForm):
    """Creates or edits a staff account; the level offered depends on who edits (`editor`).

    Saving makes the account a staff account of the chosen level: its group, `is_staff`,
    `is_superuser` for Super Admin only, and only the region scope the level needs.
    """

    required_css_class = "required"
    password_required = True
    field_order = [
        "first_name",
        "last_name",
        "email",
        "username",
        "phone",
        "role",
        "scope_kecamatan",
        "scope_desa",
        "password1",
        "password2",
        "is_active",
    ]

    first_name = forms.CharField(label=_("Nama Depan"), max_length=150)
    last_name = forms.CharField(label=_("Nama Belakang"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"))
    username = forms.CharField(
        label=_("Nama Pengguna"),
        max_length=150,
        validators=[validate_username],
        help_text=_("Huruf kecil, angka, titik dan underscore."),
    )
    phone = forms.CharField(
        label=_("Nomor HP"),
        max_length=20,
        required=False,
        help_text=_("Opsional. 10–15 digit, misalnya 081234567890."),
    )
    role = forms.ChoiceField(label=_("Level Akun"))
    scope_kecamatan = forms.ModelChoiceField(
        queryset=Kecamatan.objects.all(),
        label=_("Kecamatan"),
        required=False,
        help_text=_("Wajib untuk level Kecamatan; untuk level Desa, kecamatan tempat desa berada."),
    )
    scope_desa = forms.ModelChoiceField(
        queryset=Desa.objects.select_related("kecamatan"),
        label=_("Desa"),
        required=False,
        widget=DesaSelect,
        help_text=_("Wajib untuk level Desa."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Konfirmasi Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Masukkan password yang sama sekali lagi."),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "username", "phone"]

    def __init__(self, *args, editor, editing_self=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.editing_self = editing_self
        self.allowed_roles = staff.assignable_roles(editor)

        if self.instance.phone:
            self.initial["phone"] = display_phone(self.instance.phone)

        current_role = roles.role_of(self.instance) if self.instance.pk else None
        role_field = self.fields["role"]
        # The field knows every level so that a forged one gets a clear error from clean_role,
        # but only the levels this editor may give are offered.
        role_field.choices = [("", "---------"), *StaffRole.choices]
        offered = [current_role] if editing_self else self.allowed_roles
        role_field.widget.choices = [("", "---------")] + [
            (role.value, role.label) for role in StaffRole if role in offered
        ]
        if current_role:
            self.initial.setdefault("role", current_role.value)
            desa = self.instance.scope_desa
            kecamatan = desa.kecamatan if desa else self.instance.scope_kecamatan
            self.initial.setdefault("scope_kecamatan", kecamatan.pk if kecamatan else None)
            self.initial.setdefault("scope_desa", desa.pk if desa else None)
        if editing_self:
            # Nobody changes their own level or region; another Super Admin does.
            for name in ("role", "scope_kecamatan", "scope_desa"):
                self.fields[name].disabled = True
            self.fields["role"].help_text = _("Level akun Anda sendiri diubah oleh Super Admin lain.")

        if not self.password_required:
            for name in ("password1", "password2"):
                self.fields[name].required = False
            self.fields["password1"].help_text = _("Kosongkan jika password tidak diubah.")
        else:
            self.fields["password1"].help_text = mark_safe(password_validators_help_text_html())

    # Case-insensitive uniqueness, with the constraint names of the model turned into sentences.
    def _taken(self, **lookup):
        return User.objects.filter(**lookup).exclude(pk=self.instance.pk).exists()

    def clean_username(self):
        username = self.cleaned_data["username"]
        if self._taken(username__iexact=username):
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."), code="duplicate_username")
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self._taken(email__iexact=email):
            raise forms.ValidationError(_("Email ini sudah terdaftar."), code="duplicate_email")
        return email

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        phone = normalize_phone(phone)
        if self._taken(phone=phone):
            raise forms.ValidationError(_("Nomor HP ini sudah terdaftar."), code="duplicate_phone")
        return phone

    def clean_role(self):
        role = StaffRole(self.cleaned_data["role"])
        if self.editing_self:
            return role
        if role not in self.allowed_roles:
            raise forms.ValidationError(
                _("Anda tidak berwenang membuat atau mengubah akun dengan level %(role)s."),
                code="role_not_allowed",
                params={"role": role.label},
            )
        return role

    def clean(self):
        cleaned_data = super().clean()
        role = cleaned_data.get("role")
        kecamatan = cleaned_data.get("scope_kecamatan")
        desa = cleaned_data.get("scope_desa")
        if role == roles.KECAMATAN and kecamatan is None:
            self.add_error("scope_kecamatan", _("Pilih kecamatan untuk akun level Kecamatan."))
        if role == roles.DESA:
            if desa is None:
                self.add_error("scope_desa", _("Pilih desa untuk akun level Desa."))
            elif kecamatan is not None and desa.kecamatan_id != kecamatan.pk:
                self.add_error(
                    "scope_desa",
                    _("Desa %(desa)s tidak berada di Kecamatan %(kecamatan)s.")
                    % {"desa": desa.name, "kecamatan": kecamatan.name},
                )

        password1 = cleaned_data.get("password1")
        password2 = cleaned_data.get("password2")
        if (password1 or password2) and password1 != password2:
            self.add_error("password2", _("Kedua password tidak sama."))
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        # Validators such as UserAttributeSimilarity need the instance filled in by _post_clean.
        password = self.cleaned_data.get("password1")
        if password and "password2" not in self.errors:
            try:
                validate_password(password, user=self.instance)
            except forms.ValidationError as error:
                self.add_error("password1", error)

    def save(self, commit=True):
        user = super().save(commit=False)
        if password := self.cleaned_data.get("password1"):
            user.set_password(password)
        role = self.cleaned_data["role"]
        scope = {
            "kecamatan": self.cleaned_data.get("scope_kecamatan"),
            "desa": self.cleaned_data.get("scope_desa"),
        }
        if commit:
            staff.save_staff_account(user, role, **scope)
        else:
            staff.apply_staff_role(user, role, **scope)
            self.save_m2m = lambda: staff.sync_role_group(user)
        return user


class StaffAccountCreationForm(StaffAccountForm):
    pass


class StaffAccountEditForm(StaffAccountForm):
    password_required = False

    is_active = forms.BooleanField(
        label=_("Aktif"),
        required=False,
        help_text=_("Akun yang tidak aktif tidak dapat login."),
    )

    class Meta(StaffAccountForm.Meta):
        fields = [*StaffAccountForm.Meta.fields, "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.editing_self:
            del self.fields["is_active"]


class StaffPasswordResetForm(WagtailPasswordResetForm):
    """Lupa Kata Sandi on the admin login page resets staff accounts only; Personal and Mitra
    accounts have their own pages (guide §8)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
