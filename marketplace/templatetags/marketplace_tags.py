from django import template
from django.utils.translation import gettext as _

from marketplace import application_markup

register = template.Library()

register.filter("status_badge", application_markup.status_badge)


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


@register.simple_tag
def stars(value):
    """A 1–5 value as five stars, rounded to the nearest half-up whole star: 4.4 → ★★★★☆."""
    if value in (None, ""):
        return ""
    full = max(0, min(5, int(float(value) + 0.5)))
    return "★" * full + "☆" * (5 - full)


@register.simple_tag
def price_text(service):
    """A service's price as shown to the public: "Rp 50.000 per jam" or "Nego"."""
    if service.is_negotiable or service.price is None:
        return _("Nego")
    return f"{rupiah(service.price)} {service.get_price_unit_display()}"


@register.simple_tag(takes_context=True)
def applicant_rows(context, applications, status_form):
    return application_markup.applicant_rows(context["request"], applications, status_form)
