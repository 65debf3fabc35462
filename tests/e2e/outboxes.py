"""Reading what the portal sent, the way a user receives it: emails written by Django's file
backend and WhatsApp messages written by the gateway's file backend.

In the in-process suite the live server sends them itself; against the production stack
(``make prod-check``) a real rqworker delivers them a moment later, so every read waits for the
message to arrive."""

import re
import time
from email import message_from_bytes
from pathlib import Path

EMAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
OTP = re.compile(r"Kode OTP .+ Anda: (\d{6})")


class Outboxes:
    def __init__(self, email_dir, whatsapp_dir, timeout=20):
        self.email_dir = Path(email_dir)
        self.whatsapp_dir = Path(whatsapp_dir)
        self.timeout = timeout

    def clear(self):
        for folder in (self.email_dir, self.whatsapp_dir):
            folder.mkdir(parents=True, exist_ok=True)
            for path in folder.iterdir():
                path.unlink()

    def emails(self):
        """Every email sent so far, oldest first, as ``email.message.Message`` objects."""
        messages = []
        for path in sorted(self.email_dir.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
            for raw in path.read_bytes().split(EMAIL_SEPARATOR):
                if raw.strip():
                    messages.append(message_from_bytes(raw.lstrip(b"\n")))
        return messages

    def whatsapp_messages(self):
        """Every WhatsApp message sent so far, oldest first, as (to, body) pairs."""
        messages = []
        for path in sorted(self.whatsapp_dir.glob("*.txt")):
            header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
            to = re.search(r"^To: (.+)$", header, re.MULTILINE).group(1)
            messages.append((to, body.strip()))
        return messages

    def email_link(self, pattern, to=None):
        """The first match of ``pattern`` in the newest email (to ``to``) containing one."""

        def find():
            for message in reversed(self.emails()):
                if to and to not in message["To"]:
                    continue
                match = re.search(pattern, _plain_text(message))
                if match:
                    return match.group(0)
            return None

        return self._wait(find, f"an email{f' to {to}' if to else ''} with {pattern!r}")

    def whatsapp_code(self, to=None, count=1):
        """The OTP of the newest WhatsApp message (to ``to``, a 62… number) with a code, once at
        least ``count`` such messages have arrived (a resend waits for the new one)."""

        def find():
            codes = [
                match.group(1)
                for recipient, body in self.whatsapp_messages()
                if (to is None or recipient == to) and (match := OTP.search(body))
            ]
            return codes[-1] if len(codes) >= count else None

        return self._wait(find, f"a WhatsApp OTP{f' to {to}' if to else ''}")

    def _wait(self, find, what):
        deadline = time.monotonic() + self.timeout
        while True:
            found = find()
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} arrived within {self.timeout} s")
            time.sleep(0.2)


def _plain_text(message):
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()
