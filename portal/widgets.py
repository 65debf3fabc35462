from html import escape

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def html_attributes(attrs):
    """`` name="value"`` pairs in the given order; True as a bare attribute, False and None left out."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False and value is not None
        )
    )


class LongSelect(forms.Select):
    """A select of many options, such as a Mitra's hundreds of vacancies or the regency's 239 desa
    grouped by kecamatan, written in Python: Django's Select renders a template for each option and
    its attributes (25 ms for 500 options), ``format_html`` per option 4 ms, plain escaping under
    1 ms. Option groups as Django's (label, [(value, label), …]) choices; ``option_attributes()``
    gives an option extra attributes."""

    def option_attributes(self, value):
        """Extra attributes of the option of ``value`` (a choice value as the field gives it)."""
        return {}

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        options = []
        for value_or_group, label_or_options in self.choices:
            if isinstance(label_or_options, (list, tuple)):
                options.append(f'<optgroup label="{escape(str(value_or_group))}">')
                options.extend(self.option(*choice, selected) for choice in label_or_options)
                options.append("</optgroup>")
            else:
                options.append(self.option(value_or_group, label_or_options, selected))
        attributes = html_attributes({"name": name, **self.build_attrs(self.attrs, attrs)})
        return format_html("<select{}>{}</select>", attributes, mark_safe("".join(options)))

    def option(self, value, label, selected):
        text = "" if value is None else str(value)
        extra = self.option_attributes(value)
        return '<option value="{}"{}{}>{}</option>'.format(
            escape(text),
            html_attributes(extra) if extra else "",
            " selected" if text in selected else "",
            escape(str(label)),
        )


class PlainChoices(BaseChoiceIterator):
    """Plain (value, label) pairs a choice field takes as they are. Django normalises a list of
    choices pair by pair whenever a form sets them (3 ms for a large employer's 500 vacancies on
    each Pelamar page); an iterator of choices it leaves alone."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)
