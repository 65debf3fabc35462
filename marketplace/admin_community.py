"""Testimoni and Pengumuman in the admin panel (guide §7.1 "Testimoni, Pengumuman, Pemberitahuan").

- Testimoni: the testimonials, pending first, with "Setujui" / "Tolak", and "Sembunyikan" /
  "Tampilkan kembali" for approved ones. Open to staff with ``marketplace.change_testimonial``.
- Pengumuman: the government's announcements (CMS pages, live or not, with links to Wagtail's page
  editor for those who may edit pages) and the Mitra's announcements in one list, newest first, with a
  source filter, a title search and pages. Every role of the menu sees it; Super Admin, Admin and
  Dinaker hide a Mitra's announcement with a reason ("Sembunyikan") and show it again.

The decisions are the use cases of marketplace/community_use_cases.py (audit-logged; the actions are
registered here). URLs and the Testimoni entry are registered by wagtail_hooks.py; the Pengumuman entry
and the log actions register on import of this module."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, CharField, F, IntegerField, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from marketplace import community_use_cases as use_cases
from marketplace.admin_views import ReasonForm
from marketplace.choices import TestimonialStatus
from marketplace.models import MitraAnnouncement, Testimonial
from marketplace.use_cases import UseCaseError
from marketplace.views.common import redirect_back
from pages.models import AnnouncementIndexPage, AnnouncementPage
from portal.admin_access import answer_403
from portal.admin_menu import COMMUNICATIONS_MENU_HOOK
from portal.admin_panel import AdminMenuItem
from users.roles import AdminMenu

PER_PAGE = 20
HIDDEN = "disembunyikan"  # the "Disembunyikan" entry of the testimonial status filter


def moderation_queryset(status=None):
    """Testimonials with their authors, pending first, then the most recently changed."""
    testimonials = (
        Testimonial.objects.with_author()
        .select_related("decided_by", "hidden_by")
        .annotate(
            pending_first=Case(
                When(status=TestimonialStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    )
    if status == HIDDEN:
        testimonials = testimonials.filter(hidden_at__isnull=False)
    elif status:
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
        statuses = [*TestimonialStatus.choices, (HIDDEN, _("Disembunyikan"))]
        status = self.request.GET.get("status")
        status = status if status in dict(statuses) else ""
        page_obj = Paginator(moderation_queryset(status), PER_PAGE).get_page(self.request.GET.get("halaman"))
        return super().get_context_data(
            page_obj=page_obj,
            status=status,
            statuses=statuses,
            pending_count=Testimonial.objects.filter(status=TestimonialStatus.PENDING).count(),
            **kwargs,
        )


@require_POST
def decide(request, pk):
    """Setujui / Tolak / Sembunyikan / Tampilkan kembali one testimonial, then back to the list as it
    was (filter and page kept)."""
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
        elif action == "sembunyikan":
            use_cases.hide_testimonial(request.user, testimonial)
            messages.success(
                request, _("Testimoni dari %(name)s disembunyikan.") % {"name": testimonial.author_name}
            )
        elif action == "tampilkan":
            use_cases.show_testimonial(request.user, testimonial)
            messages.success(
                request,
                _("Testimoni dari %(name)s ditampilkan kembali.") % {"name": testimonial.author_name},
            )
        else:
            raise PermissionDenied
    except UseCaseError as error:
        messages.error(request, str(error))
    return redirect_back(request, "testimonial_moderation:index")


# ---------------------------------------------------------------------------------------------
# Pengumuman


SOURCE_GOVERNMENT = "pemerintah"
SOURCE_MITRA = "mitra"
SOURCES = {SOURCE_GOVERNMENT: gettext_lazy("Pemerintah"), SOURCE_MITRA: gettext_lazy("Mitra")}


class AnnouncementFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Cari"), required=False, max_length=100, help_text=gettext_lazy("Judul pengumuman")
    )
    sumber = forms.ChoiceField(
        label=gettext_lazy("Sumber"),
        required=False,
        choices=[("", gettext_lazy("Semua")), *SOURCES.items()],
    )


def announcement_rows(source=None, query=""):
    """(day, moment, pk, source) of every announcement of ``source`` (both when None) whose title
    contains ``query``, live or not, hidden or not, newest first: a lazy queryset, one query a page.
    A government announcement sorts by its date, a Mitra one by the day it was created (as on the
    public Pengumuman page)."""
    government = AnnouncementPage.objects.order_by().annotate(
        sort_day=F("date"),
        sort_moment=Coalesce("first_published_at", "latest_revision_created_at"),
        ref=F("pk"),
        source=Value(SOURCE_GOVERNMENT, output_field=CharField()),
    )
    mitra = MitraAnnouncement.objects.order_by().annotate(
        sort_day=TruncDate("created_at"),
        sort_moment=F("created_at"),
        ref=F("pk"),
        source=Value(SOURCE_MITRA, output_field=CharField()),
    )
    if query:
        government = government.filter(title__icontains=query)
        mitra = mitra.filter(title__icontains=query)
    columns = ("sort_day", "sort_moment", "ref", "source")
    government, mitra = government.values_list(*columns), mitra.values_list(*columns)
    if source == SOURCE_GOVERNMENT:
        rows = government
    elif source == SOURCE_MITRA:
        rows = mitra
    else:
        rows = government.union(mitra, all=True)
    return rows.order_by("-sort_day", "-sort_moment", "-ref")


class AnnouncementRow:
    """One row of the admin list, whatever its source: ``obj`` is the AnnouncementPage or the
    MitraAnnouncement."""

    def __init__(self, source, obj, day):
        self.source, self.obj, self.day = source, obj, day
        self.is_government = source == SOURCE_GOVERNMENT
        self.source_label = SOURCES[source]
        self.public_url = self.edit_url = self.unpublish_url = ""


def load_announcement_rows(rows, request):
    """The AnnouncementRows of these rows, in their order: a fixed number of queries."""
    rows = list(rows)
    ids = {source: [ref for _day, _moment, ref, kind in rows if kind == source] for source in SOURCES}
    pages, mitra_announcements = {}, {}
    if ids[SOURCE_GOVERNMENT]:
        pages = AnnouncementPage.objects.filter(pk__in=ids[SOURCE_GOVERNMENT]).in_bulk()
    if ids[SOURCE_MITRA]:
        mitra_announcements = (
            MitraAnnouncement.objects.filter(pk__in=ids[SOURCE_MITRA])
            .select_related("mitra", "hidden_by")
            .in_bulk()
        )
    index = AnnouncementIndexPage.objects.live().first() if mitra_announcements else None
    policy = PagePermissionPolicy()
    user = request.user
    items = []
    for _day, _moment, ref, source in rows:
        if source == SOURCE_GOVERNMENT and ref in pages:
            page = pages[ref]
            item = AnnouncementRow(source, page, page.date)
            if page.live:
                item.public_url = page.get_url(request=request) or ""
            if policy.user_has_permission_for_instance(user, "change", page):
                item.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if page.live and policy.user_has_permission_for_instance(user, "publish", page):
                item.unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
            items.append(item)
        elif source == SOURCE_MITRA and ref in mitra_announcements:
            announcement = mitra_announcements[ref]
            item = AnnouncementRow(source, announcement, timezone.localdate(announcement.created_at))
            if index is not None and announcement.is_public:
                item.public_url = index.mitra_announcement_url(announcement)
            items.append(item)
    return items


class AnnouncementListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "marketplace/community/admin_announcements.html"
    page_title = gettext_lazy("Pengumuman")
    header_icon = "doc-full-inverse"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not use_cases.may_see_announcements(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = AnnouncementFilterForm(self.request.GET or None)
        source, query = None, ""
        if form.is_bound and form.is_valid():
            source = form.cleaned_data["sumber"] or None
            query = form.cleaned_data["q"].strip()
        page_obj = Paginator(announcement_rows(source, query), PER_PAGE).get_page(
            self.request.GET.get("halaman")
        )
        page_obj.object_list = load_announcement_rows(page_obj.object_list, self.request)
        add_url = ""
        index = AnnouncementIndexPage.objects.first()
        if index is not None and PagePermissionPolicy().user_has_permission_for_instance(
            self.request.user, "add", index
        ):
            add_url = reverse("wagtailadmin_pages:add", args=["pages", "announcementpage", index.pk])
        return super().get_context_data(
            form=form,
            page_obj=page_obj,
            can_moderate=use_cases.may_moderate_announcements(self.request.user),
            add_url=add_url,
            **kwargs,
        )


class AnnouncementHideView(WagtailAdminTemplateMixin, TemplateView):
    """Sembunyikan: the reason (required, told to the Mitra) and a confirmation."""

    template_name = "marketplace/community/admin_announcement_hide.html"
    header_icon = "doc-full-inverse"
    breadcrumbs_items = []

    def dispatch(self, request, pk):
        if not use_cases.may_moderate_announcements(request.user):
            raise PermissionDenied
        self.announcement = get_object_or_404(MitraAnnouncement.objects.select_related("mitra"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Sembunyikan Pengumuman: %(title)s") % {"title": self.announcement.title}

    def form(self, data=None):
        return ReasonForm(
            data,
            label=_("Alasan disembunyikan"),
            required_message=_("Tuliskan alasan pengumuman disembunyikan."),
            help_text=_("Alasan ini dikirim kepada Mitra dan tampil di daftar Pengumuman miliknya."),
        )

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(announcement=self.announcement, form=form or self.form(), **kwargs)

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                use_cases.hide_announcement(request.user, self.announcement, form.cleaned_data["reason"])
            except UseCaseError as error:
                form.add_error("reason", str(error))
            else:
                messages.success(
                    request, _('Pengumuman "%(title)s" disembunyikan.') % {"title": self.announcement.title}
                )
                return redirect("admin_announcements:index")
        return self.render_to_response(self.get_context_data(form=form))


@require_POST
def announcement_show(request, pk):
    """Tampilkan kembali (POST)."""
    if not use_cases.may_moderate_announcements(request.user):
        raise PermissionDenied
    announcement = get_object_or_404(MitraAnnouncement, pk=pk)
    try:
        use_cases.show_announcement(request.user, announcement)
    except UseCaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _('Pengumuman "%(title)s" ditampilkan kembali.') % {"title": announcement.title}
        )
    return redirect_back(request, "admin_announcements:index")


# ---------------------------------------------------------------------------------------------
# Registration


app_name = "testimonial_moderation"
urlpatterns = [
    path("", answer_403(TestimonialListView.as_view()), name="index"),
    path("<int:pk>/keputusan/", answer_403(decide), name="decide"),
]
announcement_urlpatterns = [
    path("", answer_403(AnnouncementListView.as_view()), name="index"),
    path("<int:pk>/sembunyikan/", answer_403(AnnouncementHideView.as_view()), name="hide"),
    path("<int:pk>/tampilkan-kembali/", answer_403(announcement_show), name="show"),
]


def register_admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path("testimoni/", include((urlpatterns, app_name), namespace=app_name)),
        path(
            "pengumuman/",
            include((announcement_urlpatterns, "admin_announcements"), namespace="admin_announcements"),
        ),
    ]


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


@hooks.register(COMMUNICATIONS_MENU_HOOK)
def register_announcement_menu_item():
    """The "Pengumuman" entry of the "Testimoni, Pengumuman, Pemberitahuan" submenu, for every role."""
    item = AdminMenuItem(
        AdminMenu.COMMUNICATIONS,
        reverse("admin_announcements:index"),
        icon_name="doc-full-inverse",
        label=gettext_lazy("Pengumuman"),
        order=200,
    )
    item.name = "pengumuman"  # distinct from the submenu's other entries
    return item


LOG_ACTIONS = (
    (use_cases.APPROVE_TESTIMONIAL, gettext_lazy("Testimoni disetujui"), gettext_lazy("Testimoni disetujui")),
    (use_cases.REJECT_TESTIMONIAL, gettext_lazy("Testimoni ditolak"), gettext_lazy("Testimoni ditolak")),
    (
        use_cases.HIDE_TESTIMONIAL,
        gettext_lazy("Testimoni disembunyikan"),
        gettext_lazy("Testimoni disembunyikan oleh admin"),
    ),
    (
        use_cases.SHOW_TESTIMONIAL,
        gettext_lazy("Testimoni ditampilkan kembali"),
        gettext_lazy("Testimoni ditampilkan kembali"),
    ),
    (
        use_cases.HIDE_ANNOUNCEMENT,
        gettext_lazy("Pengumuman disembunyikan"),
        gettext_lazy("Pengumuman Mitra disembunyikan oleh admin"),
    ),
    (
        use_cases.SHOW_ANNOUNCEMENT,
        gettext_lazy("Pengumuman ditampilkan kembali"),
        gettext_lazy("Pengumuman Mitra ditampilkan kembali"),
    ),
)


@hooks.register("register_log_actions")
def register_community_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
