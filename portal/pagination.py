"""A Paginator for long lists whose rows join many tables (an applicant with their profile, user,
kecamatan, education and both ratings): the page is chosen on the list's own filters and order,
reading only ids, and the joins run for the rows of that page alone. PostgreSQL would otherwise
join every matching row before sorting them (a Mitra with thousands of applicants)."""

from django.core.paginator import Page

from portal.public_cache import CachedCountPaginator


class DeferredJoinPaginator(CachedCountPaginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids).order_by()}
        return Page([rows[pk] for pk in ids if pk in rows], number, self)
