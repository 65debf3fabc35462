"""Kecamatan → Desa/Kelurahan fields shared by Data Personal and Data Mitra: the desa list works
without JavaScript (grouped by kecamatan) and static/js/region-select.js narrows it; the server
refuses a desa outside the chosen kecamatan."""

from itertools import groupby
from operator import attrgetter

from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from portal.widgets import LongSelect
from users.models import Desa, Kecamatan


class DesaChoiceIterator(ModelChoiceIterator):
    """Desa/kelurahan grouped by kecamatan (<optgroup>)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for kecamatan, desa_list in groupby(self.queryset, key=attrgetter("kecamatan")):
            yield (kecamatan.name, [self.choice(desa) for desa in desa_list])


class DesaChoiceField(forms.ModelChoiceField):
    iterator = DesaChoiceIterator

    def label_from_instance(self, obj):
        return obj.name


class DesaSelect(LongSelect):
    """Each option carries its kecamatan, for static/js/region-select.js (and the staff account
    form's script) to narrow the list to the chosen kecamatan."""

    def option_attributes(self, value):
        if isinstance(value, ModelChoiceIteratorValue):
            return {"data-kecamatan": value.instance.kecamatan_id}
        return {}


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
