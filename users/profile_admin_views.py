"""Data Profil Personal and Data Profil Mitra in the admin panel (guide §7.1, §7.2; issue 8): lists with
search and filters, the whole profile with its documents and history, the "Verifikasi Akun" decisions
("Verifikasi" / "Tolak") and, for Mitra, "Mitra Unggulan".

Who opens what:
- the menus follow the role matrix (``AdminMenu.PERSONAL_PROFILES`` / ``AdminMenu.MITRA_PROFILES``);
- Personal data follow the scope of DESIGN §2: a Desa operator sees the Personal of its desa only
  (a Kecamatan operator, who has no Personal menu, those of its kecamatan);
- Mitra data follow the rule of users/documents.py (``mitra_visible_to``, the same rule that opens a
  Mitra's documents): Super Admin, Admin, Dinaker and Verifikator see every Mitra, a Kecamatan operator
  the Mitra of its kecamatan, a Desa operator those of its desa — so whoever sees a Mitra here may also
  open its documents;
- who decides on a verification is users/verification.py ``can_verify``; who marks "Mitra Unggulan"
  is users/featured.py ``can_feature``. Others get no buttons and a 403 if they post.

Out of scope → 404 (the object does not exist for that viewer); outside the menu → 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from marketplace.use_cases import UseCaseError
from portal import region_tallies
from portal.admin_panel import AdminMenuRequiredMixin, check_menu
from users import admin_decisions, audit, documents, featured, roles, verification
from users.choices import VerificationStatus
from users.completeness import completeness_of
from users.models import VerificationLog
from users.profile_admin_forms import MitraFilterForm, PersonalFilterForm, RejectForm
from users.querysets import (
    mark_sections,
    mitra_profiles_with_documents,
    personal_profiles_listed,
    personal_profiles_with_sections,
)

PER_PAGE = 25
PAGE_PARAMETER = "halaman"


# ---------------------------------------------------------------------------------------------
# Scoped querysets


def personal_profiles_for(user):
    """The Personal profiles a staff member may see (DESIGN §2 scope)."""
    profiles = personal_profiles_with_sections()
    role = roles.role_of(user)
    if role is None:
        return profiles.none()
    scope_field = roles.requires_scope(role)
    if scope_field == "scope_desa":
        return profiles.filter(desa_id=user.scope_desa_id) if user.scope_desa_id else profiles.none()
    if scope_field == "scope_kecamatan":
        if not user.scope_kecamatan_id:
            return profiles.none()
        return profiles.filter(
            Q(kecamatan_id=user.scope_kecamatan_id) | Q(desa__kecamatan_id=user.scope_kecamatan_id)
        )
    return profiles


def mitra_profiles_for(user):
    """The Mitra profiles a staff member may see (users/documents.py ``mitra_visible_to``)."""
    return mitra_profiles_with_documents().filter(documents.mitra_visible_to(user))


class QueueFirst:
    """Submitted ("Diajukan") profiles first, the oldest submission first; then the rest by name.
    Two queries, each in the order of an index (the queue by status and submission, the rest by
    name), sliced for the Paginator: one query ordered by "is it submitted?" would sort every
    profile of the regency for each page."""

    def __init__(self, profiles, *name_fields, total=None):
        submitted = Q(verification_status=VerificationStatus.DIAJUKAN)
        self.queue = profiles.filter(submitted).order_by(
            F("submitted_at").asc(nulls_last=True), *name_fields, "pk"
        )
        self.rest = profiles.exclude(submitted).order_by(*name_fields, "pk")
        self.total = total  # the number of profiles when the caller knows it

    @cached_property
    def queue_count(self):
        return self.queue.count()

    def count(self):
        if self.total is not None:
            return self.total
        return self.queue_count + self.rest.count()

    def __getitem__(self, items):
        start, stop, queued = items.start or 0, items.stop, self.queue_count
        rows = list(self.queue[start:stop]) if start < queued else []
        if stop > queued:
            rows += self.rest[max(start - queued, 0) : stop - queued]
        return rows


# ---------------------------------------------------------------------------------------------
# Views


class ProfileAdminView(AdminMenuRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    kind = None  # "personal" or "mitra"
    header_icon = "user"

    def profiles(self):
        raise NotImplementedError

    def index_url(self):
        return reverse(f"{self.kind}_profiles:index")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": self.index_url(), "label": self.admin_menu.label}]


class ProfileIndexView(ProfileAdminView):
    filter_form_class = None
    name_ordering = ()
    tally_measure = None  # the Dasbor's count of every profile of this kind (portal/region_tallies.py)

    def listed(self, profiles):
        """``profiles`` with what a row of the list shows."""
        return profiles

    def rows(self, profiles):
        """(profile, completeness) of each profile of the page."""
        return [(profile, completeness_of(profile)) for profile in profiles]

    def known_total(self):
        """The number of profiles of the unfiltered list of a viewer who sees the whole regency,
        from the Dasbor's tallies: counting them took 25 to 35 ms of each page at 200,000
        profiles. None when the list is filtered or scoped: then it is counted."""
        user = self.request.user
        if self.filter_form.active or roles.requires_scope(roles.role_of(user)):
            return None
        return region_tallies.counts(user, self.tally_measure).get(None, 0)

    def get_page_title(self):
        return self.admin_menu.label

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.admin_menu.label}]

    @cached_property
    def filter_form(self):
        user = self.request.user
        scope_field = roles.requires_scope(roles.role_of(user))
        return self.filter_form_class(
            self.request.GET,
            scope_kecamatan_id=user.scope_kecamatan_id if scope_field == "scope_kecamatan" else None,
            scope_desa_id=user.scope_desa_id if scope_field == "scope_desa" else None,
        )

    def get_context_data(self, **kwargs):
        profiles = self.profiles()
        listed = QueueFirst(
            self.listed(self.filter_form.filter(profiles)), *self.name_ordering, total=self.known_total()
        )
        page = Paginator(listed, PER_PAGE).get_page(self.request.GET.get(PAGE_PARAMETER))
        rows = self.rows(page.object_list)
        if self.filter_form.active:
            waiting = profiles.filter(verification_status=VerificationStatus.DIAJUKAN).count()
        else:
            waiting = listed.queue_count
        return super().get_context_data(
            kind=self.kind,
            filter_form=self.filter_form,
            page_obj=page,
            rows=rows,
            waiting=waiting,
            waiting_url=f"{self.index_url()}?status={VerificationStatus.DIAJUKAN}",
            **kwargs,
        )


class ProfileDetailView(ProfileAdminView):
    def dispatch(self, request, pk):
        check_menu(request.user, self.admin_menu)  # the menu first (403), then the scope (404)
        self.profile = get_object_or_404(self.profiles(), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return str(self.profile)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": str(self.profile)}]

    def detail_url(self):
        return reverse(f"{self.kind}_profiles:detail", args=[self.profile.pk])

    def get_context_data(self, reject_form=None, **kwargs):
        user = self.request.user
        audit.record_profile_access(self.request, self.profile, audit.VIEW_PROFILE)
        can_decide = verification.can_verify(user, self.profile)
        return super().get_context_data(
            kind=self.kind,
            profile=self.profile,
            account=self.profile.user,
            completeness=completeness_of(self.profile),
            logs=VerificationLog.objects.filter(account=self.profile.user).select_related("actor")[:50],
            can_decide=can_decide,
            awaiting_decision=self.profile.verification_status == VerificationStatus.DIAJUKAN,
            reject_form=reject_form or RejectForm(),
            index_url=self.index_url(),
            **kwargs,
        )

    def post(self, request, pk):
        if not verification.can_verify(request.user, self.profile):
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "verify":
                admin_decisions.verify(self.profile, request.user)
                messages.success(request, _("Akun %(name)s sudah diverifikasi.") % {"name": self.profile})
            elif action == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(reject_form=form))
                admin_decisions.reject(self.profile, request.user, form.cleaned_data["reason"])
                messages.success(request, _("Pengajuan %(name)s ditolak.") % {"name": self.profile})
            else:
                raise PermissionDenied
        except verification.VerificationRefused as error:
            messages.error(request, str(error))
        return redirect(self.detail_url())


class PersonalProfileMixin:
    kind = "personal"
    admin_menu = roles.AdminMenu.PERSONAL_PROFILES
    header_icon = "user"

    def profiles(self):
        return personal_profiles_for(self.request.user)


class MitraProfileMixin:
    kind = "mitra"
    admin_menu = roles.AdminMenu.MITRA_PROFILES
    header_icon = "group"

    def profiles(self):
        return mitra_profiles_for(self.request.user)


class PersonalIndexView(PersonalProfileMixin, ProfileIndexView):
    template_name = "users/admin/profiles/personal_index.html"
    filter_form_class = PersonalFilterForm
    name_ordering = ("user__first_name", "user__last_name", "user__username")
    tally_measure = "personal"

    def listed(self, profiles):
        return personal_profiles_listed(profiles)

    def rows(self, profiles):
        return super().rows(mark_sections(profiles))


class MitraIndexView(MitraProfileMixin, ProfileIndexView):
    template_name = "users/admin/profiles/mitra_index.html"
    filter_form_class = MitraFilterForm
    name_ordering = ("name",)
    tally_measure = "mitra"


class PersonalDetailView(PersonalProfileMixin, ProfileDetailView):
    template_name = "users/admin/profiles/personal_detail.html"


class MitraDetailView(MitraProfileMixin, ProfileDetailView):
    template_name = "users/admin/profiles/mitra_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_feature=featured.can_feature(self.request.user),
            can_view_documents=documents.can_view_documents(self.request.user, self.profile),
            **kwargs,
        )


class MitraFeaturedView(MitraProfileMixin, ProfileDetailView):
    """POST only: mark (``featured=1``) or unmark (``featured=0``) a Mitra as "Mitra Unggulan"."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not featured.can_feature(request.user):
            raise PermissionDenied
        wanted = request.POST.get("featured") == "1"
        try:
            featured.set_featured(self.profile, request.user, wanted)
        except UseCaseError as error:
            messages.error(request, str(error))
        else:
            if wanted:
                messages.success(request, _("%(name)s dijadikan Mitra Unggulan.") % {"name": self.profile})
            else:
                messages.success(
                    request, _("%(name)s tidak lagi menjadi Mitra Unggulan.") % {"name": self.profile}
                )
        return redirect(self.detail_url())
