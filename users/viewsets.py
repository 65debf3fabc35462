"""Pengaturan → Pengguna: Wagtail's user management narrowed to staff accounts and their levels.

Wired through `users.apps.StaffUsersAppConfig.user_viewset` (Wagtail's documented hook for a
custom user viewset). Who may edit whom comes from `users.staff.can_manage`.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from portal.admin_access import RefusingViewSetMixin
from users import roles, staff
from users.admin_forms import StaffAccountCreationForm, StaffAccountEditForm
from users.choices import AccountType, StaffRole
from users.models import Kecamatan, User

CHANGE_USER = "users.change_user"


def role_label(user):
    role = roles.role_of(user)
    return role.label if role else "—"


def scope_label(user):
    if roles.role_of(user) is None:
        return "—"
    region = staff.scope_of(user)
    return str(region) if region else _("Semua wilayah")


class StaffFilterSet(WagtailFilterSet):
    role = django_filters.MultipleChoiceFilter(
        label=_("Level Akun"),
        choices=StaffRole.choices,
        widget=forms.CheckboxSelectMultiple,
        method="filter_role",
    )
    kecamatan = django_filters.ModelChoiceFilter(
        label=_("Kecamatan"), queryset=Kecamatan.objects.all(), method="filter_kecamatan"
    )
    is_active = django_filters.BooleanFilter(label=_("Aktif"), widget=BooleanRadioSelect)
    last_login = django_filters.DateFromToRangeFilter(label=_("Login terakhir"), widget=DateRangePickerWidget)

    class Meta:
        model = User
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, is_searching=False):
        super().__init__(data, queryset, request=request, prefix=prefix)

    def filter_role(self, queryset, name, value):
        condition = Q(role__in=value, account_type=AccountType.STAFF)
        if roles.SUPER_ADMIN in value:
            condition |= Q(is_superuser=True)
        elif value:
            condition &= Q(is_superuser=False)
        return queryset.filter(condition)

    def filter_kecamatan(self, queryset, name, value):
        return queryset.filter(Q(scope_kecamatan=value) | Q(scope_desa__kecamatan=value))


class StaffIndexView(wagtail_users.IndexView):
    page_title = _("Pengguna")
    add_item_label = _("Tambah Pengguna")

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(wagtail_users.UserColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="user"),
            title_column(
                "name",
                accessor=get_user_display_name,
                label=_("Nama"),
                sort_key="name",
                get_url=self.get_edit_url,
                classname="name",
            ),
            Column("username", label=_("Nama Pengguna"), sort_key="username", width="15%"),
            Column("role", accessor=role_label, label=_("Level Akun"), sort_key="role", width="12%"),
            Column("scope", accessor=scope_label, label=_("Wilayah Tugas"), width="20%"),
            BooleanColumn("is_active", label=_("Aktif"), sort_key="is_active", width="8%"),
            DateColumn("last_login", label=_("Login terakhir"), sort_key="last_login", width="12%"),
        ]

    def get_base_queryset(self):
        return staff.staff_accounts().select_related(
            "scope_kecamatan", "scope_desa__kecamatan", "wagtail_userprofile"
        )

    def get_edit_url(self, instance):
        if staff.can_manage(self.request.user, instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if staff.can_delete(self.request.user, instance):
            return super().get_delete_url(instance)
        return None


class StaffAccountMixin:
    """Edit/delete views only reach staff accounts the current user's level may manage."""

    def get_queryset(self):
        return staff.staff_accounts()

    def get_object(self, queryset=None):
        account = super().get_object(queryset)
        if not staff.can_manage(self.request.user, account):
            raise PermissionDenied
        return account


class StaffCreateView(wagtail_users.CreateView):
    page_title = _("Tambah Pengguna")
    page_subtitle = _("Tambah Pengguna")
    submit_button_label = _("Simpan")
    submit_button_active_label = _("Menyimpan…")
    success_message = _("Pengguna '%(object)s' berhasil dibuat.")
    error_message = _("Pengguna belum dapat dibuat karena ada isian yang salah.")

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items[-1] = {"url": "", "label": self.page_subtitle}
        return items

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class StaffEditView(StaffAccountMixin, wagtail_users.EditView):
    submit_button_label = _("Simpan")
    submit_button_active_label = _("Menyimpan…")
    success_message = _("Pengguna '%(object)s' berhasil diperbarui.")
    error_message = _("Pengguna belum dapat disimpan karena ada isian yang salah.")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.can_delete = staff.can_delete(request.user, self.object)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}

    def get_delete_url(self):
        if self.can_delete:
            return super().get_delete_url()
        return None


class StaffDeleteView(StaffAccountMixin, wagtail_users.DeleteView):
    page_title = _("Hapus Pengguna")
    success_message = _("Pengguna '%(object)s' dihapus.")

    def dispatch(self, request, *args, **kwargs):
        if not staff.can_delete(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffHistoryView(wagtail_users.HistoryView):
    def get_base_object_queryset(self):
        return staff.staff_accounts()


class StaffUserViewSet(RefusingViewSetMixin, wagtail_users.UserViewSet):
    """Pengguna: accounts without user management get a plain 403 (Wagtail would redirect them to
    the dashboard), so a Desa operator typing the URL is plainly refused."""

    menu_label = _("Pengguna")
    copy_view_enabled = False
    filterset_class = StaffFilterSet
    index_view_class = StaffIndexView
    add_view_class = StaffCreateView
    edit_view_class = StaffEditView
    delete_view_class = StaffDeleteView
    history_view_class = StaffHistoryView
    create_template_name = "wagtailusers/staff/create.html"
    edit_template_name = "wagtailusers/staff/edit.html"

    def get_form_class(self, for_update=False):
        return StaffAccountEditForm if for_update else StaffAccountCreationForm

    def get_search_area(self):
        area = super().get_search_area()
        area.label = _("Pengguna")
        return area


# Bulk actions of the user listing: the same rules as the edit form, on staff accounts only.


class StaffBulkActionMixin:
    def get_all_objects_in_listing_query(self, parent_id):
        ids = super().get_all_objects_in_listing_query(parent_id)
        return staff.staff_accounts().filter(pk__in=ids).values_list("pk", flat=True)

    def check_perm(self, obj):
        user = self.request.user
        return user.has_perm(CHANGE_USER) and obj.pk != user.pk and staff.can_manage(user, obj)


class StaffDeleteBulkAction(StaffBulkActionMixin, DeleteBulkAction):
    def check_perm(self, obj):
        return staff.can_delete(self.request.user, obj)


class StaffSetActiveStateBulkAction(StaffBulkActionMixin, SetActiveStateBulkAction):
    pass


class StaffRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Level Akun"))

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, **kwargs)
        # Levels bound to a region need their kecamatan/desa: those are set in the edit form.
        self.fields["role"].choices = [
            (role.value, role.label)
            for role in staff.assignable_roles(editor)
            if not roles.requires_scope(role)
        ]


class StaffAssignRoleBulkAction(StaffBulkActionMixin, AssignRoleBulkAction):
    display_name = _("Ubah Level Akun")
    aria_label = _("Ubah level akun pengguna terpilih")
    form_class = StaffRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, **kwargs):
        if role is None:
            return 0, 0
        for account in objects:
            staff.save_staff_account(account, role)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d pengguna kini berlevel %(role)s.",
            "%(count)d pengguna kini berlevel %(role)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "role": StaffRole(self.cleaned_form.cleaned_data["role"]).label}


STAFF_BULK_ACTIONS = [StaffAssignRoleBulkAction, StaffDeleteBulkAction, StaffSetActiveStateBulkAction]
