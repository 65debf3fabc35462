"""Response headers that Django's SecurityMiddleware does not set: the Content-Security-Policy
(django-csp; the policy is settings.CONTENT_SECURITY_POLICY) and the Permissions-Policy."""

import re

from csp.constants import HEADER, NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property

from portal import csp_nonce

NO_FRAME_ANCESTORS = re.compile(rf"\bframe-ancestors {re.escape(NONE)}")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with four adjustments:

    - every policy carries a nonce, so any template can rely on ``nonce="{{ request.csp_nonce }}"``
      and every page has the same script policy, the Wagtail admin included;
    - the nonce is also bound to the request being served (portal/csp_nonce.py), for the inline
      scripts of Wagtail's widgets and panels, which are rendered without the request;
    - a signed-in user's admin pages get settings.ADMIN_CONTENT_SECURITY_POLICY_REPLACE (images
      chosen for upload are previewed from blob: addresses);
    - frame-ancestors follows X-Frame-Options: 'none' (DENY) everywhere except on the responses
      Django or Wagtail mark SAMEORIGIN, i.e. Wagtail's page and snippet previews, which the admin
      shows in an iframe beside the editor. Wagtail renders a preview by running the page's request
      through the whole middleware stack and marks it SAMEORIGIN afterwards, so the preview already
      carries the page's policy when it gets here: only its frame-ancestors changes. Placed above
      XFrameOptionsMiddleware, this middleware sees the final X-Frame-Options header.
    """

    def process_request(self, request):
        super().process_request(request)
        request._csp_nonce_binding = csp_nonce.start(request.csp_nonce)

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def get_policy_parts(self, request, response, report_only=False):
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None:
            str(nonce)  # generate it now (django-csp does so only when a template asked for it)
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if self._is_signed_in_admin(request):
            parts.replace = {**(parts.replace or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY_REPLACE}
        return parts

    def process_response(self, request, response):
        binding = getattr(request, "_csp_nonce_binding", None)
        if binding is not None:
            csp_nonce.end(binding)
            del request._csp_nonce_binding
        response = super().process_response(request, response)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN" and HEADER in response:
            response[HEADER] = NO_FRAME_ANCESTORS.sub(f"frame-ancestors {SELF}", response[HEADER])
        return response

    def _is_signed_in_admin(self, request):
        user = getattr(request, "user", None)
        return request.path_info.startswith(self.admin_prefix) and user is not None and user.is_authenticated


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items())


class PermissionsPolicyMiddleware:
    """Turns off the browser features the portal never uses (settings.PERMISSIONS_POLICY), so that
    neither an injected script nor an embedded frame can ask for the camera or the location."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
