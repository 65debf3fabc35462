"""A Paginator for long lists whose rows join many tables (an applicant with their profile, user,
kecamatan, education and both ratings): the page is chosen on the list's own filters and order,
reading only ids, and the joins run for the rows of that page alone. PostgreSQL would otherwise
join every matching row before sorting them (a Mitra with thousands of applicants)."""

from django.core.paginator import Page

from portal.public_cache import CachedCountPaginator


class DeferredJoinPaginator(CachedCountPaginator):
    """``rows``: the queryset the page's rows are read from, when it carries what only the page
    needs (per-row counts over another table); by default ``object_list`` itself."""

    def __init__(self, object_list, per_page, *args, rows=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.rows = object_list if rows is None else rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.rows.filter(pk__in=ids).order_by()}
        return Page([rows[pk] for pk in ids if pk in rows], number, self)
