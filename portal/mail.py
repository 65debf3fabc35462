"""Emails as template pairs (<prefix>_subject.txt, <prefix>.txt, <prefix>.html), rendered in the
request and delivered by a background job through Django's configured email backend."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from portal.models import SiteSettings
from portal.tasks import enqueue_call

logger = logging.getLogger(__name__)


def send_templated_email(to, template_prefix, context, request=None):
    context = {
        **context,
        "site_settings": SiteSettings.current(request),
        "PORTAL_REGENCY": settings.PORTAL_REGENCY,
    }
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    enqueue_call(deliver_email, args=(subject, text, html, [to]), retry_intervals=(30, 120, 600))


def deliver_email(subject, text, html, recipients):
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(html, "text/html")
    message.send()
    logger.info("email delivered to %s recipient(s)", len(recipients))  # subjects may name people
