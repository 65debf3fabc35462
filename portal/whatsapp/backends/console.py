"""Writes each message to stdout (development default), like Django's console email backend."""

import sys
import threading

from portal.whatsapp.backends.base import BaseWhatsAppBackend


class WhatsAppBackend(BaseWhatsAppBackend):
    def __init__(self, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def format(self, message):
        return f"WhatsApp message {message.pk} to {message.to}\n{message.body}\n{'-' * 79}\n"

    def send(self, message):
        with self._lock:
            self.stream.write(self.format(message))
            self.stream.flush()
