"""Wagtail's own Dasbor panels kept per staff member.

For the CMS editors, Wagtail's home page adds its panels (pages awaiting the viewer's moderation,
the viewer's pages in moderation, recent edits, locked pages) and a site summary (pages, images,
documents) to our figures: about 15 ms of the Super Admin's Dasbor, in a dozen queries, on every
view. They show CMS content, which editors change a few times a day. Their markup is kept in the
cache per panel, staff member, permissions and language, under the ``CMS`` version, which any save
or delete of a page, revision, log entry, workflow or task state, page permission, image or document
renews. Entries live at most ``TIMEOUT``: the panels show relative times ("2 jam yang lalu").
"""

import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.ui.components import Component
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Revision, TaskState, WorkflowState

from portal.public_cache import CacheVersion
from users.roles import role_of

TIMEOUT = 300
CMS = CacheVersion("cms")
CMS_MODELS = (
    Page,
    Revision,
    PageLogEntry,
    WorkflowState,
    TaskState,
    GroupPagePermission,
    AbstractImage,
    AbstractDocument,
)


class KeptPanel(Component):
    """``panel`` (a Wagtail home panel or site summary item) rendered once per ``CMS`` version."""

    def __init__(self, panel, user):
        self.panel = panel
        self.user = user
        self.name = getattr(panel, "name", "")
        self.order = panel.order

    @property
    def media(self):
        return self.panel.media

    def is_shown(self):  # a site summary item
        return self.panel.is_shown()

    def render_html(self, parent_context=None):
        key = CMS.key("home-panel", type(self.panel).__qualname__, *viewer(self.user))
        html = cache.get(key)
        if html is None:
            html = self.panel.render_html(parent_context)
            cache.set(key, html, TIMEOUT)
        return mark_safe(html)


def viewer(user):
    permissions = hashlib.sha256(",".join(sorted(user.get_all_permissions())).encode()).hexdigest()
    return (user.pk, user.is_superuser, role_of(user), permissions, get_language())


def keep(request, components):
    """Replace each of ``components`` (a hook's list) by its kept version."""
    components[:] = [KeptPanel(component, request.user) for component in components]


def cms_changed(sender, instance, **kwargs):
    if isinstance(instance, CMS_MODELS):
        CMS.changed()


post_save.connect(cms_changed, dispatch_uid="cms-home-panels-save")
post_delete.connect(cms_changed, dispatch_uid="cms-home-panels-delete")
