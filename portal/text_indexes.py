"""Indexes for the staff lists' "contains" searches (``field__icontains``: ``UPPER(field) LIKE
UPPER('%word%')`` on PostgreSQL): a trigram GIN index of ``UPPER(field)`` lets PostgreSQL find the
rows holding a word of three letters or more without reading the table (extension ``pg_trgm``,
installed by migration users 0005); and the keyword field of those lists, which searches only such
words."""

from django import forms
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

# A trigram index finds a word of three characters or more; a shorter one has no trigram, and
# PostgreSQL would read every row of the table (1.6 s for "ab" over 200,000 profiles).
MIN_WORD_LENGTH = 3
TOO_SHORT = _("Ketik minimal %(length)d huruf atau angka untuk mencari.")


def too_short_message():
    return TOO_SHORT % {"length": MIN_WORD_LENGTH}


def contains_index(field, name):
    return GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=name)


class ContainsSearchField(forms.CharField):
    """The keyword field of a staff list searched through ``contains_index`` indexes: its words of
    fewer than three characters are left out, and a keyword of such words only is refused with a
    message beside the field (the list is then shown unsearched)."""

    default_error_messages = {"too_short": TOO_SHORT}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        words = super().clean(value).split()
        searchable = [word for word in words if len(word) >= MIN_WORD_LENGTH]
        if words and not searchable:
            raise ValidationError(
                self.error_messages["too_short"], code="too_short", params={"length": MIN_WORD_LENGTH}
            )
        return " ".join(searchable)
