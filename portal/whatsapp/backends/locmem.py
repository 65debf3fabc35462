"""Keeps messages in memory, in ``portal.whatsapp.outbox``, for tests (like Django's locmem email)."""

from portal import whatsapp
from portal.whatsapp.backends.base import BaseWhatsAppBackend


class WhatsAppBackend(BaseWhatsAppBackend):
    def send(self, message):
        whatsapp.outbox.append(message)
