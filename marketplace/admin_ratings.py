"""Staff moderation of ratings (issue 7), kept small: a Wagtail admin list per kind ("Rating Mitra",
"Rating Personal", "Rating Personal (Jasa)") with the reported / hidden filters and a
"Sembunyikan" / "Tampilkan" button calling marketplace/rating_use_cases.py. Ratings are never
created, edited or deleted here. Who sees which list is the role matrix of users/roles.py
(``marketplace.*_mitrarating`` …); hiding needs the model's change permission."""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import InspectView

from marketplace import rating_use_cases
from marketplace.models import MitraRating, PersonalRating, ServiceRating
from portal.admin_access import answer_403
from portal.admin_panel import AdminMenuItem
from users.report_scope import region_scope_q
from users.roles import AdminMenu


class ReportedFilter(admin.SimpleListFilter):
    title = _("dilaporkan")
    parameter_name = "dilaporkan"

    def lookups(self, request, model_admin):
        return [("ya", _("Dilaporkan")), ("tidak", _("Tidak dilaporkan"))]

    def queryset(self, request, queryset):
        if self.value() == "ya":
            return queryset.filter(report_count__gt=0)
        if self.value() == "tidak":
            return queryset.filter(report_count=0)
        return queryset


class HiddenFilter(admin.SimpleListFilter):
    title = _("disembunyikan")
    parameter_name = "disembunyikan"

    def lookups(self, request, model_admin):
        return [("ya", _("Disembunyikan")), ("tidak", _("Ditampilkan"))]

    def queryset(self, request, queryset):
        if self.value() == "ya":
            return queryset.filter(hidden_at__isnull=False)
        if self.value() == "tidak":
            return queryset.filter(hidden_at__isnull=True)
        return queryset


class RatingPermissionHelper(PermissionHelper):
    """List and inspect; no add, edit or delete: staff only hide or show a review."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_moderate(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))


class RatingButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if self.permission_helper.user_can_moderate(self.request.user):
            label = _("Tampilkan") if obj.is_hidden else _("Sembunyikan")
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("moderate", quote(obj.pk)),
                    "label": label,
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": label,
                }
            )
        return buttons


class ScopedInspectView(InspectView):
    """modeladmin finds the instance without the request; outside the staff member's region it is
    not found, as in the list."""

    def dispatch(self, request, *args, **kwargs):
        ratings = self.model_admin.get_queryset(request)
        if not ratings.filter(pk=self.instance.pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RatingAdmin(ModelAdmin):
    # Paths from a rating to the profiles whose region decides which Desa and Kecamatan operators
    # may see it (DESIGN §2: they see the Personal accounts of their region); none: everyone.
    scope_prefixes = ()
    menu_icon = "pick"
    inspect_view_enabled = True
    inspect_view_class = ScopedInspectView
    permission_helper_class = RatingPermissionHelper
    button_helper_class = RatingButtonHelper
    list_filter = (ReportedFilter, HiddenFilter)
    search_fields = ("comment",)
    ordering = ("-created_at", "-pk")
    inspect_view_fields = (
        "stars",
        "comment",
        "created_at",
        "editable_until",
        "revealed_at",
        "report_count",
        "hidden_at",
        "hidden_reason",
    )

    @admin.display(description=_("komentar"))
    def short_comment(self, obj):
        return Truncator(obj.comment).chars(80)

    @admin.display(description=_("disembunyikan"), boolean=True)
    def hidden(self, obj):
        return obj.is_hidden

    def get_queryset(self, request):
        return super().get_queryset(request).filter(self.scope_q(request.user))

    def scope_q(self, user):
        scope = Q()
        for prefix in self.scope_prefixes:
            scope |= region_scope_q(user, prefix)
        return scope

    def get_admin_urls_for_registration(self):
        """modeladmin's views, plus "moderate"; a refusal is a plain 403 as elsewhere in the panel."""
        urls = tuple(
            re_path(url.pattern.regex.pattern, answer_403(url.callback), name=url.name)
            for url in super().get_admin_urls_for_registration()
        )
        return urls + (
            re_path(
                self.url_helper.get_action_url_pattern("moderate"),
                answer_403(self.moderate_view),
                name=self.url_helper.get_action_url_name("moderate"),
            ),
        )

    def moderate_view(self, request, instance_pk):
        """Sembunyikan (with a reason) or Tampilkan one review, after a confirmation."""
        if not self.permission_helper.user_can_moderate(request.user):
            raise PermissionDenied
        rating = get_object_or_404(self.model.objects.filter(self.scope_q(request.user)), pk=instance_pk)
        if request.method == "POST":
            if rating.is_hidden:
                rating_use_cases.unhide_rating(request.user, rating)
                messages.success(request, _("Ulasan ditampilkan kembali."))
            else:
                rating_use_cases.hide_rating(request.user, rating, request.POST.get("reason", ""))
                messages.success(request, _("Ulasan disembunyikan dari halaman publik."))
            return redirect(self.url_helper.index_url)
        return TemplateResponse(
            request,
            "marketplace/ratings/admin_moderate.html",
            {
                "rating": rating,
                "title": _("Tampilkan ulasan") if rating.is_hidden else _("Sembunyikan ulasan"),
                "index_url": self.url_helper.index_url,
            },
        )


class MitraRatingAdmin(RatingAdmin):
    model = MitraRating
    menu_label = _("Rating Mitra")
    list_display = ("mitra", "stars", "short_comment", "report_count", "hidden", "created_at")
    list_select_related = ("mitra",)


class PersonalRatingAdmin(RatingAdmin):
    model = PersonalRating
    scope_prefixes = ("personal__",)
    menu_label = _("Rating Personal")
    list_display = ("personal", "stars", "short_comment", "report_count", "hidden", "created_at")
    list_select_related = ("personal__user",)


class ServiceRatingAdmin(RatingAdmin):
    model = ServiceRating
    # The rated side: the provider (a Personal or a Mitra) or the service's user.
    scope_prefixes = ("ratee__personal_profile__", "ratee__mitra_profile__")
    menu_label = _("Rating Personal (Jasa)")
    list_display = ("service", "direction", "stars", "short_comment", "report_count", "hidden", "created_at")
    list_select_related = ("service",)


RATING_ADMINS = (
    (MitraRatingAdmin, AdminMenu.MITRA_RATINGS),
    (PersonalRatingAdmin, AdminMenu.PERSONAL_RATINGS),
    (ServiceRatingAdmin, AdminMenu.SERVICE_RATINGS),
)


def register_rating_admins():
    """Register the three lists with Wagtail; their sidebar entries are the guide's §7.1 menus,
    shown by the role matrix (``AdminMenuItem``)."""
    for admin_class, menu in RATING_ADMINS:
        modeladmin = admin_class()
        modeladmin.add_to_admin_menu = False
        modeladmin.register_with_wagtail()
        index_name = modeladmin.url_helper.get_action_url_name("index")
        hooks.register(
            "register_admin_menu_item",
            lambda menu=menu, index_name=index_name: AdminMenuItem(
                menu, reverse(index_name), icon_name="pick"
            ),
        )


@hooks.register("register_log_actions")
def register_rating_log_actions(actions):
    actions.register_action(
        rating_use_cases.HIDE_RATING, _("Ulasan disembunyikan"), _("Ulasan disembunyikan")
    )
    actions.register_action(
        rating_use_cases.SHOW_RATING, _("Ulasan ditampilkan"), _("Ulasan ditampilkan kembali")
    )
