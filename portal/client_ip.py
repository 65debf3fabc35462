"""The visitor's address behind the reverse proxy.

Behind nginx every request comes from nginx's address, so throttles keyed on the IP (django-axes,
django-ratelimit) and the audit log would lump all citizens together. When ``CLIENT_IP_HEADER``
names the header the proxy overwrites with the client's address (deploy/nginx: ``X-Real-IP``),
``REMOTE_ADDR`` becomes that address. Only set it when the app servers are reachable from the
proxy alone: otherwise anyone could choose their own address."""

import ipaddress

from django.conf import settings


class ClientIpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        header = settings.CLIENT_IP_HEADER
        self.meta_key = "HTTP_" + header.upper().replace("-", "_") if header else ""

    def __call__(self, request):
        if self.meta_key:
            address = request.META.get(self.meta_key, "").strip()
            try:
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(address))
            except ValueError:
                pass  # missing or garbled: keep the proxy's own address
        return self.get_response(request)
