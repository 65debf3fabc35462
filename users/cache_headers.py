"""Pages shown to a logged-in user carry personal data: no shared cache (a proxy, a shared phone's
browser history) may keep them (OWASP ASVS 8.2.1). Anonymous pages stay cacheable."""

from django.utils.cache import patch_cache_control


class PrivatePagesNoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
