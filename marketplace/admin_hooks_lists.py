"""Admin registrations (menu items, URLs, audit-log actions) of List Lowongan, Lamaran Belum Direspon
and List Penawaran Jasa (guide §7.1); imported by marketplace/wagtail_hooks.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from marketplace import admin_views, moderation
from portal.admin_access import answer_403
from portal.admin_panel import AdminMenuItem
from users.roles import AdminMenu

vacancy_urls = [
    path("", answer_403(admin_views.VacancyListView.as_view()), name="index"),
    path("<int:pk>/turunkan/", answer_403(admin_views.VacancyTakeDownView.as_view()), name="take_down"),
    path("<int:pk>/tayangkan-kembali/", answer_403(admin_views.vacancy_restore), name="restore"),
]
unanswered_urls = [
    path("", answer_403(admin_views.UnansweredApplicationsView.as_view()), name="index"),
    path("kirim-pengingat/", answer_403(admin_views.send_reminders), name="remind"),
]
service_urls = [
    path("", answer_403(admin_views.ServiceListView.as_view()), name="index"),
    path("<int:pk>/jeda/", answer_403(admin_views.ServicePauseView.as_view()), name="pause"),
    path("<int:pk>/aktifkan/", answer_403(admin_views.service_resume), name="resume"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("list-lowongan/", include((vacancy_urls, "admin_vacancies"), namespace="admin_vacancies")),
        path(
            "lamaran-belum-direspon/",
            include((unanswered_urls, "admin_unanswered"), namespace="admin_unanswered"),
        ),
        path("list-penawaran-jasa/", include((service_urls, "admin_services"), namespace="admin_services")),
    ]


@hooks.register("register_admin_menu_item")
def vacancies_menu_item():
    return AdminMenuItem(AdminMenu.VACANCIES, reverse("admin_vacancies:index"), icon_name="doc-full")


@hooks.register("register_admin_menu_item")
def unanswered_applications_menu_item():
    return AdminMenuItem(
        AdminMenu.UNANSWERED_APPLICATIONS, reverse("admin_unanswered:index"), icon_name="time"
    )


@hooks.register("register_admin_menu_item")
def services_menu_item():
    return AdminMenuItem(AdminMenu.SERVICES, reverse("admin_services:index"), icon_name="tasks")


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(moderation.TAKE_DOWN, _("Diturunkan"), _("Lowongan diturunkan"))
    actions.register_action(
        moderation.RESTORE_VACANCY, _("Ditayangkan kembali"), _("Lowongan ditayangkan kembali")
    )
    actions.register_action(
        moderation.REMIND_APPLICATION,
        _("Pengingat dikirim"),
        _("Pengingat lamaran belum direspon dikirim ke Mitra"),
    )
    actions.register_action(moderation.PAUSE_SERVICE, _("Dijeda"), _("Jasa dijeda oleh admin"))
    actions.register_action(
        moderation.RESUME_SERVICE, _("Diaktifkan kembali"), _("Jasa diaktifkan kembali oleh admin")
    )
