"""Kecamatan → Desa/Kelurahan fields shared by Data Personal and Data Mitra: the desa list works
without JavaScript (grouped by kecamatan) and static/js/region-select.js narrows it; the server
refuses a desa outside the chosen kecamatan."""

from itertools import groupby
from operator import itemgetter

from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from portal.widgets import LongSelect
from users.models import Desa, Kecamatan


class DesaValue(ModelChoiceIteratorValue):
    """A desa option's value: its id and its kecamatan, without a Desa instance."""

    def __init__(self, value, kecamatan_id):
        super().__init__(value, None)
        self.kecamatan_id = kecamatan_id


class DesaChoiceIterator(ModelChoiceIterator):
    """Desa/kelurahan grouped by kecamatan (<optgroup>), read as plain values: reading the 239 desa
    and their kecamatan as model instances, through the server-side cursor ModelChoiceIterator
    opens, took a sixth of a staff list's time."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.values_list("pk", "name", "kecamatan_id", "kecamatan__name")
        for kecamatan_name, desa_list in groupby(rows, key=itemgetter(3)):
            yield (
                kecamatan_name,
                [(DesaValue(pk, kecamatan_id), name) for pk, name, kecamatan_id, _ in desa_list],
            )


class DesaChoiceField(forms.ModelChoiceField):
    iterator = DesaChoiceIterator


class DesaSelect(LongSelect):
    """Each option carries its kecamatan, for static/js/region-select.js (and the staff account
    form's script) to narrow the list to the chosen kecamatan."""

    def option_attributes(self, value):
        kecamatan_id = getattr(value, "kecamatan_id", None)
        if kecamatan_id is None and isinstance(value, ModelChoiceIteratorValue):
            kecamatan_id = value.instance.kecamatan_id  # a plain ModelChoiceField's option
        return {} if kecamatan_id is None else {"data-kecamatan": kecamatan_id}


class RegionForm(forms.Form):
    """Mix into a (Model)Form as its first base to get the two fields and their consistency rule."""

    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=Kecamatan.objects.all(),
        required=False,
        empty_label=_("— Pilih Kecamatan —"),
    )
    desa = DesaChoiceField(
        label=_("Desa/Kelurahan"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("— Pilih Desa/Kelurahan —"),
        widget=DesaSelect(attrs={"data-kecamatan-field": "id_kecamatan"}),
        help_text=_("Pilih desa/kelurahan di kecamatan yang Anda pilih."),
    )

    def clean(self):
        cleaned = super().clean()
        kecamatan, desa = cleaned.get("kecamatan"), cleaned.get("desa")
        if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
            self.add_error(
                "desa",
                forms.ValidationError(
                    _(
                        "Desa/Kelurahan %(desa)s tidak berada di Kecamatan %(kecamatan)s. "
                        "Pilih desa/kelurahan di kecamatan yang Anda pilih."
                    ),
                    code="desa_outside_kecamatan",
                    params={"desa": desa.name, "kecamatan": kecamatan.name},
                ),
            )
        elif desa and not kecamatan and "kecamatan" not in self.errors:
            cleaned["kecamatan"] = desa.kecamatan
        return cleaned
