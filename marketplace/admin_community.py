"""Testimoni in the admin panel (guide §7.1 "Testimoni, Pengumuman, Pemberitahuan"): the testimonials,
pending first, with "Setujui" / "Tolak". Open to staff with ``marketplace.change_testimonial``; the
decisions are the use cases of marketplace/community_use_cases.py. Registered by wagtail_hooks.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from marketplace import community_use_cases as use_cases
from marketplace.choices import TestimonialStatus
from marketplace.models import Testimonial
from marketplace.use_cases import UseCaseError
from portal.admin_access import answer_403

PER_PAGE = 20


def moderation_queryset(status=None):
    """Testimonials with their authors, pending first, then the most recently changed."""
    testimonials = (
        Testimonial.objects.with_author()
        .select_related("decided_by")
        .annotate(
            pending_first=Case(
                When(status=TestimonialStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    )
    if status:
        testimonials = testimonials.filter(status=status)
    return testimonials.order_by("pending_first", "-updated_at", "-pk")


class TestimonialListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "marketplace/community/admin_testimonials.html"
    page_title = gettext_lazy("Testimoni")
    header_icon = "openquote"

    def dispatch(self, request, *args, **kwargs):
        if not use_cases.may_moderate_testimonials(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status")
        status = status if status in TestimonialStatus.values else ""
        page_obj = Paginator(moderation_queryset(status), PER_PAGE).get_page(self.request.GET.get("halaman"))
        return super().get_context_data(
            page_obj=page_obj,
            status=status,
            statuses=TestimonialStatus.choices,
            pending_count=Testimonial.objects.filter(status=TestimonialStatus.PENDING).count(),
            **kwargs,
        )


@require_POST
def decide(request, pk):
    """Setujui / Tolak one testimonial, then back to the list as it was (filter and page kept)."""
    if not use_cases.may_moderate_testimonials(request.user):
        raise PermissionDenied
    testimonial = get_object_or_404(Testimonial.objects.select_related("author"), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "setujui":
            use_cases.approve_testimonial(request.user, testimonial)
            messages.success(
                request, _("Testimoni dari %(name)s disetujui.") % {"name": testimonial.author_name}
            )
        elif action == "tolak":
            use_cases.reject_testimonial(request.user, testimonial)
            messages.success(
                request, _("Testimoni dari %(name)s ditolak.") % {"name": testimonial.author_name}
            )
        else:
            raise PermissionDenied
    except UseCaseError as error:
        messages.error(request, str(error))
    target = request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("testimonial_moderation:index")


app_name = "testimonial_moderation"
urlpatterns = [
    path("", answer_403(TestimonialListView.as_view()), name="index"),
    path("<int:pk>/keputusan/", answer_403(decide), name="decide"),
]


def register_admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [path("testimoni/", include((urlpatterns, app_name), namespace=app_name))]


class TestimonialMenuItem(MenuItem):
    def is_shown(self, request):
        return use_cases.may_moderate_testimonials(request.user)


def register_admin_menu_item():
    """The "Testimoni" entry of the "Testimoni, Pengumuman, Pemberitahuan" submenu, for moderators."""
    return TestimonialMenuItem(
        gettext_lazy("Testimoni"),
        reverse("testimonial_moderation:index"),
        name="testimoni",
        icon_name="openquote",
        order=10,
    )
