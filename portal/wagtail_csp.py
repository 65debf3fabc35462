"""Wagtail's chooser widgets (page, image, document, snippet, workflow task) write their inline
<script> in Python, with no template to override: ``BaseChooser.render`` ends the widget's markup
with ``<script>new PageChooser(…);</script>``. ``install()`` (PortalConfig.ready) gives that script
the request's CSP nonce (portal/csp_nonce.py), so the admin keeps the strict script policy.

The widget's own markup comes before the script and escapes every value it shows, so the last
``<script>`` of the output is always Wagtail's."""

from functools import wraps

from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

from portal.csp_nonce import nonce_attribute

SCRIPT = "<script>"


def with_nonce(render):
    @wraps(render)
    def render_with_nonce(self, *args, **kwargs):
        html = render(self, *args, **kwargs)
        markup, script, code = html.rpartition(SCRIPT)
        if not script:
            return html
        return mark_safe(f"{markup}<script{nonce_attribute()}>{code}")  # noqa: S308 - Wagtail's own markup

    render_with_nonce.adds_csp_nonce = True
    return render_with_nonce


def install():
    if not getattr(BaseChooser.render, "adds_csp_nonce", False):
        BaseChooser.render = with_nonce(BaseChooser.render)
