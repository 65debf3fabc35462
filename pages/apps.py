from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Halaman Publik")

    def ready(self):
        from pages import signals  # noqa: F401  (connects the receivers)
