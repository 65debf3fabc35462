from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import site_cache, wagtail_csp, wagtail_sidebar

        wagtail_csp.install()
        wagtail_sidebar.install()
        site_cache.install()
