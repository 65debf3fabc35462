"""POSTs each message to a gateway API: ``{"to": ..., "message": ...}`` as JSON to
``settings.WHATSAPP_API_URL`` with ``Authorization: Bearer <WHATSAPP_API_TOKEN>``.
Any 2xx answer counts as delivered; anything else, or a network error, raises WhatsAppGatewayError.
"""

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.whatsapp.backends.base import BaseWhatsAppBackend
from portal.whatsapp.exceptions import WhatsAppGatewayError

#: (connect, read) timeouts in seconds.
TIMEOUT = (5, 10)
DETAIL_MAX_LENGTH = 500


class WhatsAppBackend(BaseWhatsAppBackend):
    def __init__(self, api_url=None, api_token=None, timeout=TIMEOUT, **kwargs):
        super().__init__(**kwargs)
        self.api_url = api_url or settings.WHATSAPP_API_URL
        self.api_token = api_token if api_token is not None else settings.WHATSAPP_API_TOKEN
        if not self.api_url:
            raise ImproperlyConfigured("WHATSAPP_API_URL must be set to use the http WhatsApp backend.")
        self.timeout = timeout

    def send(self, message):
        headers = {"Accept": "application/json"}
        if self.api_token:
            headers["Authorization"] = f"Bearer {self.api_token}"
        try:
            response = requests.post(
                self.api_url,
                json={"to": message.to, "message": message.body},
                headers=headers,
                timeout=self.timeout,
            )
        except requests.RequestException as exc:
            reason = f"gateway unreachable ({type(exc).__name__})"
            raise WhatsAppGatewayError(reason, detail=str(exc)) from exc
        if not 200 <= response.status_code < 300:
            raise WhatsAppGatewayError(
                f"gateway answered HTTP {response.status_code}", detail=response.text[:DETAIL_MAX_LENGTH]
            )
        return response
