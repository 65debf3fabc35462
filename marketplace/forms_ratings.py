"""Berikan Rating / Ubah Rating and Laporkan ulasan."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.rating_use_cases import COMMENT_MAX_LENGTH

STAR_CHOICES = [
    (1, _("1 bintang")),
    (2, _("2 bintang")),
    (3, _("3 bintang")),
    (4, _("4 bintang")),
    (5, _("5 bintang")),
]


class RatingForm(forms.Form):
    """1–5 stars as a radio group (a fieldset with the legend "Rating": every star has its own
    text label, nothing is told by colour) and an optional comment."""

    stars = forms.TypedChoiceField(
        label=_("Rating"),
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih rating 1 sampai 5 bintang.")},
    )
    comment = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RatingReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan laporan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Jelaskan mengapa ulasan ini kasar, tidak pantas atau tidak benar."),
        error_messages={"required": _("Tuliskan alasan laporan.")},
    )
