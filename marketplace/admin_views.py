"""Admin lists of the marketplace (guide §7.1): List Lowongan (with "Turunkan" / "Tayangkan
Kembali"), Lamaran Belum Direspon (with "Kirim Pengingat") and List Penawaran Jasa (with "Jeda").

Views are thin: the lists are querysets built here (one query per page whatever the number of rows,
plus fixed look-ups), the state changes are the use cases of marketplace/moderation.py. Each view
answers 403 to a role outside its menu (portal/admin_panel.py); the actions are further limited by
the ``may_*`` rules of marketplace/moderation.py. Lamaran Belum Direspon is scoped: a Desa operator
sees the applications of Personal of its desa, a Kecamatan operator of its kecamatan (the desa and
kecamatan of the applicant's profile)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from marketplace import moderation
from marketplace.choices import ApplicationStatus, ServiceStatus, VacancyStatus
from marketplace.models import Application, KategoriJasa, Service, Vacancy
from marketplace.querysets_services import PROVIDER_RELATED
from marketplace.service_use_cases import display_name
from marketplace.use_cases import UseCaseError
from marketplace.views.common import redirect_back
from portal.admin_panel import AdminMenuRequiredMixin, check_menu
from portal.models import SiteSettings
from portal.pagination import DeferredJoinPaginator
from portal.text_indexes import ContainsSearchField
from users import roles
from users.choices import AccountType, MitraCategory
from users.models import Kecamatan, MitraProfile, User
from users.roles import AdminMenu

PER_PAGE = 25
EXPIRED = "berakhir"  # the computed "Berakhir" status in the status filter

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("halaman"))


def _deferred_page(request, queryset, rows):
    """The page chosen on ``queryset`` (filters and order, ids only), its rows read from ``rows``
    (joins and per-row counts for those rows alone): counting the applications of every vacancy
    to show 25 would read them all."""
    paginator = DeferredJoinPaginator(queryset, PER_PAGE, rows=rows, version=None)
    return paginator.get_page(request.GET.get("halaman"))


def _kecamatan_field(label):
    return forms.ModelChoiceField(
        label=label, queryset=Kecamatan.objects.order_by("name"), required=False, empty_label=_("Semua")
    )


class AdminListView(AdminMenuRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A list page of the admin panel with an h1 title (no breadcrumbs)."""

    breadcrumbs_items = []


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=moderation.REASON_MAX_LENGTH,
        error_messages={"required": gettext_lazy("Tuliskan alasannya.")},
    )

    def __init__(self, *args, label=None, required_message=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        if label:
            field.label = label
        if required_message:
            field.error_messages["required"] = required_message
        field.help_text = help_text

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason


# --- List Lowongan ----------------------------------------------------------------------------


class VacancyFilterForm(forms.Form):
    q = ContainsSearchField(
        label=gettext_lazy("Cari"), help_text=gettext_lazy("Judul lowongan atau nama Mitra")
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    kategori = forms.ChoiceField(
        label=gettext_lazy("Kategori Mitra"),
        required=False,
        choices=[("", gettext_lazy("Semua")), *MitraCategory.choices],
    )
    dari = forms.DateField(label=gettext_lazy("Diposting dari"), required=False, widget=DATE_INPUT)
    sampai = forms.DateField(label=gettext_lazy("Diposting sampai"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"] = _kecamatan_field(_("Kecamatan lokasi"))
        statuses = [(value, label) for value, label in VacancyStatus.choices]
        # "Berakhir" (published, end date passed) right after "Tayang".
        published = [value for value, _label in statuses].index(VacancyStatus.PUBLISHED)
        statuses.insert(published + 1, (EXPIRED, _("Berakhir")))
        self.fields["status"].choices = [("", _("Semua")), *statuses]
        self.order_fields(["q", "status", "kategori", "kecamatan", "dari", "sampai"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned

    def filter(self, vacancies):
        self.is_valid()
        data = self.cleaned_data
        today = timezone.localdate()
        if data.get("q"):
            for word in data["q"].split()[:8]:
                # A UNION of two indexed matches (portal/text_indexes.py), not one OR over two tables.
                by_title = Vacancy.objects.filter(title__icontains=word).values("pk").order_by()
                by_mitra = (
                    Vacancy.objects.filter(
                        mitra__in=MitraProfile.objects.filter(name__icontains=word).values("pk")
                    )
                    .values("pk")
                    .order_by()
                )
                vacancies = vacancies.filter(pk__in=by_title.union(by_mitra))
        status = data.get("status")
        if status == EXPIRED:
            vacancies = vacancies.filter(status=VacancyStatus.PUBLISHED, end_date__lt=today)
        elif status == VacancyStatus.PUBLISHED:
            vacancies = vacancies.filter(status=VacancyStatus.PUBLISHED, end_date__gte=today)
        elif status:
            vacancies = vacancies.filter(status=status)
        if data.get("kategori"):
            vacancies = vacancies.filter(mitra__category=data["kategori"])
        if data.get("kecamatan"):
            vacancies = vacancies.filter(
                pk__in=Vacancy.locations.through.objects.filter(kecamatan=data["kecamatan"]).values(
                    "vacancy_id"
                )
            )
        if data.get("dari"):
            vacancies = vacancies.filter(published_at__date__gte=data["dari"])
        if data.get("sampai") and "sampai" not in self.errors:
            vacancies = vacancies.filter(published_at__date__lte=data["sampai"])
        return vacancies


def admin_vacancies():
    """Every vacancy, newest first (ids: the rows come from ``admin_vacancy_rows``)."""
    return Vacancy.objects.order_by("-created_at", "-pk")


def admin_vacancy_rows():
    """What a row of List Lowongan shows, with its applicant counts."""
    return (
        Vacancy.objects.select_related("mitra", "taken_down_by")
        .prefetch_related("locations")
        .with_applicant_counts()
    )


def vacancy_public_url(request):
    """The public URL prefix of vacancy details (``<prefix><pk>/``), or "" when the page is not live."""
    from pages.models import VacancyIndexPage

    page = VacancyIndexPage.objects.live().first()
    url = page.get_url(request) if page else None
    return url if url else ""


def is_public(vacancy):
    """The same rule as ``Vacancy.objects.visible()``, on a fetched row."""
    return vacancy.status not in (VacancyStatus.DRAFT, VacancyStatus.TAKEN_DOWN) and vacancy.mitra.is_verified


class VacancyListView(AdminListView):
    admin_menu = AdminMenu.VACANCIES
    template_name = "marketplace/admin/vacancy_list.html"
    page_title = gettext_lazy("List Lowongan")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        form = VacancyFilterForm(self.request.GET or None)
        vacancies = form.filter(admin_vacancies()) if form.is_bound else admin_vacancies()
        page_obj = _deferred_page(self.request, vacancies, admin_vacancy_rows())
        public_prefix = vacancy_public_url(self.request)
        for vacancy in page_obj:
            vacancy.public_url = (
                f"{public_prefix}{vacancy.pk}/" if public_prefix and is_public(vacancy) else ""
            )
        return super().get_context_data(
            form=form,
            page_obj=page_obj,
            can_moderate=moderation.may_moderate_vacancies(self.request.user),
            **kwargs,
        )


class VacancyTakeDownView(AdminListView):
    """Turunkan: the reason (required, shown to the Mitra) and a confirmation."""

    admin_menu = AdminMenu.VACANCIES
    template_name = "marketplace/admin/vacancy_take_down.html"
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        check_menu(request.user, self.admin_menu)
        if not moderation.may_moderate_vacancies(request.user):
            raise PermissionDenied
        self.vacancy = get_object_or_404(Vacancy.objects.select_related("mitra"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Turunkan Lowongan: %(title)s") % {"title": self.vacancy.title}

    def form(self, data=None):
        return ReasonForm(
            data,
            label=_("Alasan diturunkan"),
            required_message=_("Tuliskan alasan lowongan diturunkan."),
            help_text=_("Alasan ini dikirim kepada Mitra dan tampil di List Lowongan miliknya."),
        )

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(vacancy=self.vacancy, form=form or self.form(), **kwargs)

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                moderation.take_down_vacancy(self.vacancy, request.user, form.cleaned_data["reason"])
            except UseCaseError as error:
                form.add_error("reason", str(error))
            else:
                messages.success(
                    request, _('Lowongan "%(title)s" diturunkan.') % {"title": self.vacancy.title}
                )
                return redirect("admin_vacancies:index")
        return self.render_to_response(self.get_context_data(form=form))


def vacancy_restore(request, pk):
    """Tayangkan Kembali (POST)."""
    check_menu(request.user, AdminMenu.VACANCIES)
    if request.method != "POST" or not moderation.may_moderate_vacancies(request.user):
        raise PermissionDenied
    vacancy = get_object_or_404(Vacancy, pk=pk)
    try:
        moderation.restore_vacancy(vacancy, request.user)
    except UseCaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _('Lowongan "%(title)s" ditayangkan kembali.') % {"title": vacancy.title})
    return redirect_back(request, "admin_vacancies:index")


# --- Lamaran Belum Direspon -------------------------------------------------------------------


def scope_q(user):
    """Which applications a staff member sees: by the applicant's desa (Desa operator) or
    kecamatan (Kecamatan operator); everything for the other roles."""
    field = roles.requires_scope(roles.role_of(user))
    if not field:
        return Q()
    region_id = getattr(user, f"{field}_id")
    if region_id is None:
        return Q(pk__in=[])
    if field == "scope_desa":
        return Q(personal__desa_id=region_id)
    return Q(personal__kecamatan_id=region_id)


def unanswered_applications(user, days, now=None):
    """Applications still Terkirim ``days`` days after they were sent, oldest first, that ``user``
    may see (vacancies taken down by staff left out)."""
    return (
        Application.objects.filter(
            scope_q(user),
            status=ApplicationStatus.TERKIRIM,
            created_at__lte=moderation.unanswered_since(days, now),
        )
        .exclude(vacancy__status=VacancyStatus.TAKEN_DOWN)
        .select_related("vacancy__mitra__user", "personal__user", "personal__desa", "personal__kecamatan")
        .order_by("created_at", "pk")
    )


def unanswered_days(request):
    return SiteSettings.current(request).unanswered_application_days


class UnansweredApplicationsView(AdminListView):
    admin_menu = AdminMenu.UNANSWERED_APPLICATIONS
    template_name = "marketplace/admin/unanswered_applications.html"
    page_title = gettext_lazy("Lamaran Belum Direspon")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        days = unanswered_days(self.request)
        page_obj = _page(self.request, unanswered_applications(self.request.user, days))
        reminders = moderation.last_reminders([application.pk for application in page_obj])
        now, today = timezone.now(), moderation.start_of_today()
        for application in page_obj:
            application.days_waiting = (now - application.created_at).days
            application.last_reminder = reminders.get(application.pk)
            application.reminded_today = bool(
                application.last_reminder and application.last_reminder >= today
            )
        return super().get_context_data(
            page_obj=page_obj,
            days=days,
            region=_region_label(self.request.user),
            **kwargs,
        )


def _region_label(user):
    field = roles.requires_scope(roles.role_of(user))
    region = getattr(user, field) if field else None
    return str(region) if region else ""


def send_reminders(request):
    """Kirim Pengingat (POST): one row (``satu``) or the selected rows (``lamaran``)."""
    check_menu(request.user, AdminMenu.UNANSWERED_APPLICATIONS)
    if request.method != "POST":
        raise PermissionDenied
    single = request.POST.get("satu")
    selected = [single] if single else request.POST.getlist("lamaran")
    ids = [int(value) for value in selected if value.isdigit()]
    if not ids:
        messages.error(request, _("Pilih lamaran yang akan diingatkan."))
        return redirect_back(request, "admin_unanswered:index")
    applications = unanswered_applications(request.user, unanswered_days(request)).filter(pk__in=ids)
    try:
        sent = moderation.remind_unanswered(applications, request.user)
    except UseCaseError as error:
        messages.error(request, str(error))
        return redirect_back(request, "admin_unanswered:index")
    if sent:
        messages.success(request, _("Pengingat dikirim untuk %(count)d lamaran.") % {"count": sent})
    else:
        messages.warning(
            request, _("Lamaran yang dipilih sudah diingatkan hari ini; pengingat tidak dikirim lagi.")
        )
    return redirect_back(request, "admin_unanswered:index")


# --- List Penawaran Jasa ----------------------------------------------------------------------

PROVIDER_TYPES = [
    ("", gettext_lazy("Semua")),
    (AccountType.PERSONAL, gettext_lazy("Personal")),
    (AccountType.MITRA, gettext_lazy("Mitra")),
]


class ServiceFilterForm(forms.Form):
    q = ContainsSearchField(
        label=gettext_lazy("Cari"), help_text=gettext_lazy("Judul jasa atau nama penyedia")
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Semua")), *ServiceStatus.choices],
    )
    penyedia = forms.ChoiceField(label=gettext_lazy("Jenis penyedia"), required=False, choices=PROVIDER_TYPES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kategori"] = forms.ModelChoiceField(
            label=_("Kategori"),
            queryset=KategoriJasa.objects.order_by("name"),
            required=False,
            empty_label=_("Semua"),
        )
        self.fields["kecamatan"] = _kecamatan_field(_("Wilayah layanan"))

    def filter(self, services):
        self.is_valid()
        data = self.cleaned_data
        if data.get("q"):
            for word in data["q"].split()[:8]:
                # A UNION of indexed matches (portal/text_indexes.py), not one OR over three tables.
                people = User.objects.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
                mitra = MitraProfile.objects.filter(name__icontains=word)
                by_title = Service.objects.filter(title__icontains=word).values("pk").order_by()
                by_person = Service.objects.filter(provider__in=people.values("pk")).values("pk").order_by()
                by_mitra = (
                    Service.objects.filter(provider__in=mitra.values("user_id")).values("pk").order_by()
                )
                services = services.filter(pk__in=by_title.union(by_person, by_mitra))
        if data.get("status"):
            services = services.filter(status=data["status"])
        if data.get("penyedia"):
            services = services.filter(provider__account_type=data["penyedia"])
        if data.get("kategori"):
            services = services.filter(category=data["kategori"])
        if data.get("kecamatan"):
            services = services.filter(
                pk__in=Service.areas.through.objects.filter(kecamatan=data["kecamatan"]).values("service_id")
            )
        return services


def admin_services():
    """Every service, newest first (ids: the rows come from ``admin_service_rows``)."""
    return Service.objects.order_by("-created_at", "-pk")


def admin_service_rows():
    """What a row of List Penawaran Jasa shows: provider, category, areas and request counts."""
    return (
        Service.objects.select_related("category", "provider", *PROVIDER_RELATED)
        .prefetch_related("areas")
        .with_request_counts()
    )


class ServiceListView(AdminListView):
    admin_menu = AdminMenu.SERVICES
    template_name = "marketplace/admin/service_list.html"
    page_title = gettext_lazy("List Penawaran Jasa")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        form = ServiceFilterForm(self.request.GET or None)
        services = form.filter(admin_services()) if form.is_bound else admin_services()
        page_obj = _deferred_page(self.request, services, admin_service_rows())
        for service in page_obj:
            service.provider_name = display_name(service.provider)
        return super().get_context_data(form=form, page_obj=page_obj, **kwargs)


class ServicePauseView(AdminListView):
    """Jeda: the reason (required, shown to the provider) and a confirmation."""

    admin_menu = AdminMenu.SERVICES
    template_name = "marketplace/admin/service_pause.html"
    header_icon = "tasks"

    def dispatch(self, request, pk):
        check_menu(request.user, self.admin_menu)
        self.service = get_object_or_404(
            Service.objects.select_related("category", "provider", *PROVIDER_RELATED), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Jeda Jasa: %(title)s") % {"title": self.service.title}

    def form(self, data=None):
        return ReasonForm(
            data,
            label=_("Alasan dijeda"),
            required_message=_("Tuliskan alasan jasa dijeda."),
            help_text=_("Alasan ini dikirim kepada penyedia jasa."),
        )

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            service=self.service,
            provider_name=display_name(self.service.provider),
            form=form or self.form(),
            **kwargs,
        )

    def post(self, request, pk):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                moderation.pause_service(self.service, request.user, form.cleaned_data["reason"])
            except UseCaseError as error:
                form.add_error("reason", str(error))
            else:
                messages.success(request, _('Jasa "%(title)s" dijeda.') % {"title": self.service.title})
                return redirect("admin_services:index")
        return self.render_to_response(self.get_context_data(form=form))


@require_POST
def service_resume(request, pk):
    """Aktifkan kembali a service paused by staff."""
    check_menu(request.user, AdminMenu.SERVICES)
    service = get_object_or_404(Service, pk=pk)
    try:
        moderation.lift_service_pause(service, request.user)
    except UseCaseError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _('Jasa "%(title)s" diaktifkan kembali.') % {"title": service.title})
    return redirect("admin_services:index")
