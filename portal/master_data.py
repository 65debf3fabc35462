"""Shared base of the "Master Data" lists (guide §7.1): wagtail-modeladmin classes that order their
rows by the model's sort field, answer a plain 403 to those outside the menu, and refuse to delete a
value still in use.

Deleting a used value would either fail (``on_delete=PROTECT`` raises ``ProtectedError``, which
modeladmin's own handling does not survive for relations without an accessor, ``related_name="+"``)
or silently cut links (many-to-many rows, e.g. a Kecamatan as a vacancy location, are cascaded). The
delete page therefore counts every row that refers to the value, of every relation, and when there
is any it explains "… tidak dapat dihapus karena masih dipakai oleh …" instead of offering the
button; a POST is checked again under a row lock, so a forged or late request deletes nothing either.
"""

from django.contrib import messages
from django.db import models, transaction
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy
from wagtail.log_actions import log
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView

from portal.admin_access import answer_403

SORT_ORDER_HELP = gettext_lazy(
    "Angka lebih kecil tampil lebih dulu di daftar dan pilihan formulir; "
    "nilai yang sama diurutkan menurut nama."
)

# Plain names of what refers to a value, where the model's own name would mislead
# (e.g. Education is a personal's education history, not the "Pendidikan" master data).
USAGE_LABELS = {
    ("users.education", "level"): gettext_lazy("riwayat pendidikan"),
    ("users.user", "scope_kecamatan"): gettext_lazy("akun operator Kecamatan"),
    ("users.user", "scope_desa"): gettext_lazy("akun operator Desa"),
}


def _usage_label(relation):
    model = relation.related_model
    key = (model._meta.label_lower, relation.field.name)
    return USAGE_LABELS.get(key) or model._meta.verbose_name_plural


def usages(instance):
    """[(count, label)] of the rows that refer to ``instance``, one entry per relation in use.

    Covers foreign keys (with or without a reverse accessor) and many-to-many fields; the
    automatic through models of many-to-many fields are counted once, through their field."""
    found = []
    for relation in instance._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        model = relation.related_model
        if model._meta.auto_created:  # the through table of a many-to-many field, counted below
            continue
        count = model._base_manager.filter(**{relation.field.name: instance}).count()
        if count:
            found.append((count, _usage_label(relation)))
    return found


def _join(parts):
    if len(parts) == 1:
        return parts[0]
    return gettext("%(items)s dan %(last)s") % {"items": ", ".join(parts[:-1]), "last": parts[-1]}


def in_use_message(instance, found):
    """E.g. 'Kategori lowongan "Produksi" tidak dapat dihapus karena masih dipakai oleh 2 lowongan.'"""
    parts = [f"{count} {label}" for count, label in found]
    return gettext('%(model)s "%(object)s" tidak dapat dihapus karena masih dipakai oleh %(usages)s.') % {
        "model": capfirst(instance._meta.verbose_name),
        "object": instance,
        "usages": _join(parts),
    }


class MasterDataDeleteView(DeleteView):
    """modeladmin's delete page, refusing values still in use with a clear message and no button."""

    def get_meta_title(self):
        return gettext("Hapus %(object)s") % {"object": self.verbose_name}

    def confirmation_message(self):
        return gettext("Yakin ingin menghapus %(model)s ini? Data yang dihapus tidak dapat dikembalikan.") % {
            "model": self.verbose_name
        }

    def get_context_data(self, **kwargs):
        if "in_use_message" not in kwargs:
            found = usages(self.instance)
            kwargs["in_use_message"] = in_use_message(self.instance, found) if found else ""
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                # Lock the row: a reference being added meanwhile waits for us (or we for it).
                self.model._base_manager.select_for_update().filter(pk=self.instance.pk).first()
                found = usages(self.instance)
                if not found:
                    log(instance=self.instance, action="wagtail.delete")
                    self.instance.delete()
        except (models.ProtectedError, models.RestrictedError):
            # Only a reference added after the check can get here.
            found = usages(self.instance) or [(1, gettext("data lain"))]
        if found:
            message = in_use_message(self.instance, found)
            return self.render_to_response(self.get_context_data(in_use_message=message))
        messages.success(
            request,
            gettext('%(model)s "%(object)s" dihapus.')
            % {"model": capfirst(self.verbose_name), "object": self.instance},
        )
        return redirect(self.index_url)


class MasterDataAdmin(ModelAdmin):
    """Base of every Master Data list: order by the model's sort field (``ordering``, default the
    model's ``Meta.ordering``), plain 403 for users without the model permissions, and the delete
    protection above. Register with ``portal.admin_menu.register_master_data_modeladmin``."""

    menu_icon = "tag"
    delete_view_class = MasterDataDeleteView
    delete_template_name = "portal/admin/master_data_delete.html"
    list_per_page = 50

    def get_ordering(self, request):
        return self.ordering or tuple(self.model._meta.ordering)

    def get_admin_urls_for_registration(self):
        """modeladmin's views; a refusal is a plain 403 as elsewhere in the panel."""
        return tuple(
            re_path(url.pattern.regex.pattern, answer_403(url.callback), name=url.name)
            for url in super().get_admin_urls_for_registration()
        )
