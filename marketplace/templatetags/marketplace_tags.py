from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def rupiah(amount):
    """3500000 → "Rp 3.500.000"."""
    if amount in (None, ""):
        return ""
    return "Rp " + f"{int(amount):,}".replace(",", ".")


@register.simple_tag
def salary_text(vacancy):
    """The salary as shown to the public: a range, one figure, or "Dirahasiakan / nego"."""
    if vacancy.salary_hidden or vacancy.salary_min is None:
        return _("Dirahasiakan / nego")
    if vacancy.salary_max and vacancy.salary_max != vacancy.salary_min:
        return f"{rupiah(vacancy.salary_min)} – {rupiah(vacancy.salary_max)}"
    return rupiah(vacancy.salary_min)
