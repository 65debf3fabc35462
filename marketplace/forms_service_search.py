"""The search form of the public Penawaran Jasa page (guide §5.2: "Cari jasa yang dibutuhkan")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ServiceSort
from marketplace.models import KategoriJasa
from portal.widgets import LongSelect
from users.choices import AccountType
from users.models import Kecamatan

PROVIDER_KINDS = [(AccountType.PERSONAL.value, _("Personal")), (AccountType.MITRA.value, _("Mitra"))]
RATING_CHOICES = [
    ("", _("Semua rating")),
    ("5", _("5 bintang")),
    ("4", _("4 bintang ke atas")),
    ("3", _("3 bintang ke atas")),
    ("2", _("2 bintang ke atas")),
    ("1", _("1 bintang ke atas")),
]


class ServiceSearchForm(forms.Form):
    """Keyword, filters and sorting of Penawaran Jasa, all in the query string (shareable)."""

    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=100)
    kategori = forms.ModelChoiceField(
        queryset=KategoriJasa.objects.all(),
        required=False,
        label=_("Kategori"),
        empty_label=_("Semua kategori"),
        widget=LongSelect,
    )
    kecamatan = forms.ModelChoiceField(
        queryset=Kecamatan.objects.order_by("name"),
        required=False,
        label=_("Wilayah layanan (kecamatan)"),
        empty_label=_("Semua kecamatan"),
        widget=LongSelect,
    )
    harga = forms.IntegerField(
        label=_("Harga maksimal (Rp)"),
        required=False,
        min_value=0,
        max_value=2_000_000_000,
        help_text=_("Jasa dengan harga Nego tidak ikut ditampilkan."),
    )
    penyedia = forms.ChoiceField(
        label=_("Penyedia"),
        required=False,
        choices=[("", _("Personal dan Mitra")), *PROVIDER_KINDS],
        widget=LongSelect,
    )
    rating = forms.TypedChoiceField(
        label=_("Rating minimal"),
        required=False,
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        widget=LongSelect,
    )
    urut = forms.ChoiceField(
        label=_("Urutkan"), required=False, choices=ServiceSort.choices, widget=LongSelect
    )

    def filter(self, services):
        """``services`` (annotated ``with_rating()``) narrowed and sorted by the valid fields;
        invalid ones are ignored."""
        self.is_valid()
        data = {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }
        if data.get("q", "").strip():
            services = services.search(data["q"].strip())
        if data.get("kategori"):
            services = services.filter(category=data["kategori"])
        if data.get("kecamatan"):
            services = services.filter(areas=data["kecamatan"])
        if "harga" in data:
            # A "Nego" service has no price: it cannot be said to be within a budget.
            services = services.filter(price__isnull=False, price__lte=data["harga"])
        if data.get("penyedia"):
            services = services.filter(provider__account_type=data["penyedia"])
        if data.get("rating"):
            services = services.filter(rating_average__gte=data["rating"])
        return services.sorted_by(data.get("urut") or ServiceSort.NEWEST)

    @property
    def filtered(self):
        return any(
            value not in (None, "")
            for name, value in getattr(self, "cleaned_data", {}).items()
            if name != "urut"
        )
