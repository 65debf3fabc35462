"""Pemberitahuan: the one notification service of the portal. Every event creates an in-app
notification; important events also go out by email and WhatsApp (through the job queue), as the
user's preferences allow."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.mail import send_templated_email
from portal.models import SiteSettings
from portal.whatsapp import send_whatsapp
from users.models import Notification


@transaction.atomic
def notify(user, event, title, body="", url="", *, important=False):
    """Tell ``user`` about ``event``. Returns the in-app Notification."""
    notification = Notification.objects.create(user=user, event=event, title=title, body=body, url=url)
    if important:
        link = _absolute(url) if url else ""
        if user.notify_by_email and user.email:
            send_templated_email(
                user.email,
                "users/email/notification",
                {"user": user, "notification": notification, "link": link},
            )
        if user.notify_by_whatsapp and user.phone and user.phone_verified:
            app_name = SiteSettings.current().app_name
            send_whatsapp(user.phone, "\n".join(filter(None, [f"[{app_name}] {title}", body, link])))
    return notification


def notify_all(users, event, title, body="", url="", *, important=False):
    return [notify(user, event, title, body, url, important=important) for user in users]


def for_user(user):
    """The user's notifications, newest first (served by the (user, -created_at) index)."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(user):
    """One indexed COUNT on (user) WHERE read_at IS NULL."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, notification_id):
    return Notification.objects.filter(user=user, pk=notification_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def mark_all_read(user):
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def _absolute(url):
    if url.startswith("http"):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
