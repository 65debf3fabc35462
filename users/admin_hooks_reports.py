"""Admin registrations of the Dasbor panels and of Laporan Personal / Laporan Mitra (guide §7.1);
imported by users/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks

from portal import wagtail_home_panels
from portal.admin_access import answer_403
from portal.admin_panel import AdminMenuItem
from portal.dashboard import construct_dashboard_panels
from users import report_views as views
from users.roles import AdminMenu

personal_report_urls = [
    path("", answer_403(views.PersonalReportView.as_view()), name="index"),
    path("ekspor/<str:fmt>/", answer_403(views.PersonalReportExportView.as_view()), name="export"),
    path("daftar/", answer_403(views.PersonalAccountsView.as_view()), name="accounts"),
    path(
        "daftar/ekspor/<str:fmt>/",
        answer_403(views.PersonalAccountsExportView.as_view()),
        name="accounts_export",
    ),
    path(
        "unduh/<str:token>.<str:fmt>",
        answer_403(views.ExportDownloadView.as_view()),
        name="download",
    ),
]

mitra_report_urls = [
    path("", answer_403(views.MitraReportView.as_view()), name="index"),
    path("ekspor/<str:fmt>/", answer_403(views.MitraReportExportView.as_view()), name="export"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "laporan-personal/",
            include((personal_report_urls, "personal_report"), namespace="personal_report"),
        ),
        path("laporan-mitra/", include((mitra_report_urls, "mitra_report"), namespace="mitra_report")),
    ]


@hooks.register("register_admin_menu_item")
def register_personal_report_menu_item():
    return AdminMenuItem(AdminMenu.PERSONAL_REPORT, reverse("personal_report:index"), icon_name="table")


@hooks.register("register_admin_menu_item")
def register_mitra_report_menu_item():
    return AdminMenuItem(AdminMenu.MITRA_REPORT, reverse("mitra_report:index"), icon_name="table")


hooks.register("construct_homepage_panels", construct_dashboard_panels)
# After Wagtail's own hooks have added the pages, images and documents items.
hooks.register("construct_homepage_summary_items", wagtail_home_panels.keep, order=1000)
