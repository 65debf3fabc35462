from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Bursa Kerja dan Jasa")

    def ready(self):
        from marketplace import signals  # noqa: F401  (connects the receivers)
