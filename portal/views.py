from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

SEARCH_PER_PAGE = 10


def search(request):
    """Site search over published pages (Wagtail search: PostgreSQL full text or SQLite FTS)."""
    query = request.GET.get("q", "").strip()[:100]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    page_obj = Paginator(results, SEARCH_PER_PAGE).get_page(request.GET.get("halaman"))
    return render(request, "search.html", {"query": query, "page_obj": page_obj})
