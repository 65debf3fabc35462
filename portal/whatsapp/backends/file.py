"""Writes each message to its own file in ``settings.WHATSAPP_FILE_PATH``.

File names sort by creation time, then message id: ``20260105-031502-123456-00000042.txt`` (UTC).
The content is a header block (``To:``, ``Date:``, ``Message-Id:``), a blank line and the body.
Files appear atomically, so a reader (e.g. an end-to-end test fetching an OTP) never sees half a file.
"""

import datetime
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from portal.whatsapp.backends.base import BaseWhatsAppBackend


class WhatsAppBackend(BaseWhatsAppBackend):
    def __init__(self, file_path=None, **kwargs):
        super().__init__(**kwargs)
        path = file_path or settings.WHATSAPP_FILE_PATH
        if not path:
            raise ImproperlyConfigured("WHATSAPP_FILE_PATH must be set to use the file WhatsApp backend.")
        self.file_path = Path(path)

    def file_name(self, message):
        created = (message.created_at or timezone.now()).astimezone(datetime.UTC)
        return f"{created:%Y%m%d-%H%M%S-%f}-{message.pk:08d}.txt"

    def format(self, message):
        created = message.created_at or timezone.now()
        return f"To: {message.to}\nDate: {created.isoformat()}\nMessage-Id: {message.pk}\n\n{message.body}\n"

    def send(self, message):
        self.file_path.mkdir(parents=True, exist_ok=True)
        target = self.file_path / self.file_name(message)
        fd, tmp_name = tempfile.mkstemp(dir=self.file_path, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.format(message))
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return target
