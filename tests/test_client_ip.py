"""Behind nginx, throttles and the audit log see the citizen's address (CLIENT_IP_HEADER)."""

import pytest
from django.test import RequestFactory

from portal.client_ip import ClientIpMiddleware


def address_seen(settings, header, **meta):
    settings.CLIENT_IP_HEADER = header
    seen = {}

    def view(request):
        seen["ip"] = request.META["REMOTE_ADDR"]

    ClientIpMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", **meta))
    return seen["ip"]


def test_the_proxys_header_gives_the_clients_address(settings):
    assert address_seen(settings, "X-Real-IP", HTTP_X_REAL_IP="36.72.10.9") == "36.72.10.9"


@pytest.mark.parametrize("value", ["", "36.72.10.9, 10.0.0.1", "<script>", "999.1.1.1"])
def test_a_missing_or_garbled_header_keeps_the_connecting_address(settings, value):
    assert address_seen(settings, "X-Real-IP", HTTP_X_REAL_IP=value) == "10.0.0.5"


def test_without_a_configured_header_a_client_cannot_choose_its_address(settings):
    assert address_seen(settings, "", HTTP_X_REAL_IP="36.72.10.9") == "10.0.0.5"
