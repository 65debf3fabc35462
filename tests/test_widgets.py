"""portal/widgets.py: LongSelect writes the same select Django's Select would, escaped, with
option groups and per-option attributes (the desa select of users/forms_regions.py)."""

import pytest
from django import forms

from portal.widgets import LongSelect, PlainChoices
from users.forms_regions import DesaChoiceField, DesaSelect
from users.models import Desa


class VacancyFilter(forms.Form):
    lowongan = forms.TypedChoiceField(
        coerce=int,
        required=False,
        choices=[("", "Semua lowongan"), (7, "Juru Masak <Dapur>"), (12, "Kasir")],
        widget=LongSelect(attrs={"class": "form-select", "data-x": True, "hidden": False}),
    )


def test_long_select_marks_the_choice_and_escapes_labels():
    html = str(VacancyFilter({"lowongan": "12"})["lowongan"])
    assert html == (
        '<select name="lowongan" class="form-select" data-x id="id_lowongan">'
        '<option value="">Semua lowongan</option>'
        '<option value="7">Juru Masak &lt;Dapur&gt;</option>'
        '<option value="12" selected>Kasir</option></select>'
    )
    assert '<option value="" selected>' in str(VacancyFilter()["lowongan"])


class DesaFilter(forms.Form):
    desa = DesaChoiceField(
        queryset=Desa.objects.select_related("kecamatan").filter(
            kecamatan__name__in=["Bobotsari", "Purbalingga"]
        ),
        required=False,
        empty_label="Semua desa",
        widget=DesaSelect(attrs={"data-kecamatan-field": "id_kecamatan"}),
    )


@pytest.mark.django_db
def test_desa_select_groups_desa_by_kecamatan_with_their_kecamatan_on_each_option():
    chosen = Desa.objects.filter(kecamatan__name="Purbalingga").order_by("name").last()
    html = str(DesaFilter({"desa": str(chosen.pk)})["desa"])
    assert html.startswith(
        '<select name="desa" data-kecamatan-field="id_kecamatan" id="id_desa">'
        '<option value="">Semua desa</option><optgroup label="Bobotsari">'
    )
    for desa in Desa.objects.filter(kecamatan__name__in=["Bobotsari", "Purbalingga"]):
        selected = " selected" if desa == chosen else ""
        option = (
            f'<option value="{desa.pk}" data-kecamatan="{desa.kecamatan_id}"{selected}>{desa.name}</option>'
        )
        assert option in html
    assert html.count("<optgroup") == html.count("</optgroup>") == 2
    assert html.count(" selected") == 1


def test_plain_choices_are_offered_and_checked_as_a_list_would_be():
    form = VacancyFilter({"lowongan": "12"})
    form.fields["lowongan"].choices = PlainChoices([("", "Semua lowongan"), (12, "Kasir")])
    assert form.is_valid() and form.cleaned_data["lowongan"] == 12
    assert '<option value="12" selected>Kasir</option>' in str(form["lowongan"])
    refused = VacancyFilter({"lowongan": "7"})
    refused.fields["lowongan"].choices = PlainChoices([("", "Semua lowongan"), (12, "Kasir")])
    assert not refused.is_valid() and "lowongan" in refused.errors
