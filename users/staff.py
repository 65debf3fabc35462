"""Staff accounts and role groups: the use cases behind Pengaturan → Pengguna and load_initial_data.

Who sees which menu is data in `users.roles`; this module writes it into Wagtail groups and keeps
every staff account in exactly the group of its role, with the region scope that role needs.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from users import roles
from users.choices import AccountType, StaffRole
from users.models import User

# ---------------------------------------------------------------------------------------------
# Role groups


@dataclass
class GroupChanges:
    """What `install_role_groups` changed in one group (empty when it was in sync)."""

    created: bool = False
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)

    def __bool__(self):
        return self.created or bool(self.added or self.removed)


class PermissionIndex:
    """Resolves permission specs of `users.roles` to Permission rows, skipping unknown ones."""

    def __init__(self):
        self.by_codename = {}
        self.by_model = defaultdict(list)
        for perm in Permission.objects.select_related("content_type"):
            app_label = perm.content_type.app_label
            self.by_codename[(app_label, perm.codename)] = perm
            self.by_model[(app_label, perm.content_type.model)].append(perm)

    def resolve(self, specs):
        found = set()
        for spec in specs:
            app_label, codename = spec.split(".", 1)
            if codename.startswith("*_"):
                found.update(self.by_model.get((app_label, codename[2:]), ()))
            elif perm := self.by_codename.get((app_label, codename)):
                found.add(perm)
        return found

    def missing(self, specs):
        """The specs that resolve to nothing yet (models or permissions of later steps)."""
        return [spec for spec in specs if not self.resolve([spec])]


def _label(perm):
    return f"{perm.content_type.app_label}.{perm.codename}"


def _sync_group_permissions(group, wanted, changes):
    current = set(group.permissions.select_related("content_type"))
    to_add, to_remove = wanted - current, current - wanted
    if to_add:
        group.permissions.add(*to_add)
    if to_remove:
        group.permissions.remove(*to_remove)
    changes.added += sorted(_label(perm) for perm in to_add)
    changes.removed += sorted(_label(perm) for perm in to_remove)


def _sync_object_permissions(rows, model, target_field, target, wanted, group, changes):
    """Make the group's per-page / per-collection rows exactly `wanted` on `target`."""
    wanted_keys = {(target.pk, perm.pk): perm for perm in wanted} if target else {}
    kept = set()
    for row in rows.select_related("permission__content_type"):
        key = (getattr(row, f"{target_field}_id"), row.permission_id)
        if key in wanted_keys:
            kept.add(key)
        else:
            changes.removed.append(f"{target_field} {key[0]}: {_label(row.permission)}")
            row.delete()
    for key, perm in wanted_keys.items():
        if key not in kept:
            model.objects.create(group=group, permission=perm, **{target_field: target})
            changes.added.append(f"{target_field} {target.pk}: {_label(perm)}")


@transaction.atomic
def install_role_groups():
    """Create one group per staff role with exactly the permissions of `users.roles`.

    Idempotent: a second run changes nothing; a run after someone edited a group restores it.
    Returns {role: GroupChanges}.
    """
    index = PermissionIndex()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    report = {}
    for role in roles.ALL_ROLES:
        group, created = Group.objects.get_or_create(name=roles.group_name(role))
        changes = GroupChanges(created=created)
        _sync_group_permissions(group, index.resolve(roles.permission_specs_for(role)), changes)
        _sync_object_permissions(
            group.page_permissions.all(),
            GroupPagePermission,
            "page",
            root_page,
            index.resolve(roles.page_permission_specs_for(role)),
            group,
            changes,
        )
        _sync_object_permissions(
            group.collection_permissions.all(),
            GroupCollectionPermission,
            "collection",
            root_collection,
            index.resolve(roles.collection_permission_specs_for(role)),
            group,
            changes,
        )
        report[role] = changes
    return report


def role_group(role):
    group = Group.objects.filter(name=roles.group_name(role)).first()
    if group is None:
        install_role_groups()
        group = Group.objects.get(name=roles.group_name(role))
    return group


# ---------------------------------------------------------------------------------------------
# Staff accounts


def staff_accounts():
    """Accounts managed in Pengaturan → Pengguna: staff, and superusers made by createsuperuser."""
    return User.objects.filter(Q(account_type=AccountType.STAFF) | Q(is_superuser=True))


def is_staff_account(user):
    return user.account_type == AccountType.STAFF or user.is_superuser


def assignable_roles(editor):
    """The levels `editor` may give, in StaffRole order (none for roles without user management)."""
    return list(roles.manageable_roles(roles.role_of(editor)))


def can_manage(editor, account):
    """Whether `editor`'s level allows editing `account` (model permissions are checked apart).

    Super Admin manages every staff account; Admin manages Dinaker, Kecamatan, Verifikator and Desa
    accounts; Personal and Mitra accounts are never managed here.
    """
    if not is_staff_account(account):
        return False
    editor_role = roles.role_of(editor)
    if editor_role == roles.SUPER_ADMIN:
        return True
    return roles.role_of(account) in roles.manageable_roles(editor_role)


def can_delete(editor, account):
    return editor.has_perm("users.delete_user") and editor.pk != account.pk and can_manage(editor, account)


def scope_of(user):
    """The region a staff account is bound to (Desa or Kecamatan), or None when it sees all."""
    field_name = roles.requires_scope(roles.role_of(user))
    return getattr(user, field_name) if field_name else None


def apply_staff_role(user, role, *, kecamatan=None, desa=None):
    """Set (in memory) the staff fields that follow from a role; `save_staff_account` persists."""
    role = StaffRole(role)
    if user.pk and not is_staff_account(user):
        raise ValueError("Personal and Mitra accounts cannot become staff accounts.")
    scope_field = roles.requires_scope(role)
    if scope_field == "scope_kecamatan" and kecamatan is None:
        raise ValueError("The Kecamatan role needs a kecamatan.")
    if scope_field == "scope_desa" and desa is None:
        raise ValueError("The Desa role needs a desa.")
    user.account_type = AccountType.STAFF
    user.role = role
    user.is_staff = True
    user.is_superuser = role == roles.SUPER_ADMIN
    user.scope_kecamatan = kecamatan if scope_field == "scope_kecamatan" else None
    user.scope_desa = desa if scope_field == "scope_desa" else None
    return user


def sync_role_group(user):
    """Put a saved staff account in the group of its role, and in no other group."""
    user.groups.set([role_group(user.role)])


@transaction.atomic
def save_staff_account(user, role, *, kecamatan=None, desa=None):
    """Create or update a staff account with its role, group and scope."""
    apply_staff_role(user, role, kecamatan=kecamatan, desa=desa)
    user.save()
    sync_role_group(user)
    return user
