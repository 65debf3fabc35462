"""portal/widgets.py: LongSelect writes the same select Django's Select would, escaped."""

from django import forms

from portal.widgets import LongSelect


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
