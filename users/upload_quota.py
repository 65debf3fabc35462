"""Per-account storage quota: the files one account keeps on the portal (profile photo, Mitra logo and
documents, service photos, announcement attachments) may add up to at most
``settings.UPLOAD_QUOTA_BYTES_PER_USER``. A form checks the quota when it validates an upload, so an
upload over the quota is refused beside its field and nothing is written.

The models holding uploads are named by app label (``STORED_FILES``) and looked up through the app
registry, so this module does not import marketplace code (users imports neither marketplace nor the
CMS apps). Sizes are read from storage: a handful of stat calls, one query per model.

The check is made when the form is validated, not under a lock: two uploads sent at the same moment
may together go a little over the quota, which is acceptable for a storage limit.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024

# (model label, file field, lookup from the model to its owning user)
STORED_FILES = (
    ("users.PersonalProfile", "photo", "user"),
    ("users.MitraProfile", "logo", "user"),
    ("users.MitraDocument", "file", "mitra__user"),
    ("marketplace.ServicePhoto", "image", "service__provider"),
    ("marketplace.MitraAnnouncement", "attachment", "mitra__user"),
)


def quota_bytes():
    return settings.UPLOAD_QUOTA_BYTES_PER_USER


def _stored_size(storage, name):
    try:
        return storage.size(name)
    except (OSError, NotImplementedError):  # a file already gone takes no room
        return 0


def used_bytes(user, excluding=()):
    """Bytes stored for `user`, leaving out the file names in `excluding` (files being replaced)."""
    excluding = {name for name in excluding if name}
    total = 0
    for label, field_name, owner in STORED_FILES:
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed stores nothing
            continue
        storage = model._meta.get_field(field_name).storage
        names = (
            model.objects.filter(**{owner: user})
            .exclude(**{field_name: ""})
            .values_list(field_name, flat=True)
        )
        total += sum(_stored_size(storage, name) for name in names if name not in excluding)
    return total


def _megabytes(size):
    return f"{size / MB:.1f}".replace(".", ",")


def check_quota(user, incoming_sizes, replacing=()):
    """Raise a ValidationError (Indonesian, for the upload field) when storing files of
    `incoming_sizes` bytes for `user`, in place of the files named in `replacing`, would go over the
    quota."""
    incoming = sum(incoming_sizes)
    if not incoming or user is None or user.pk is None:
        return
    used = used_bytes(user, excluding=replacing)
    limit = quota_bytes()
    if used + incoming > limit:
        raise ValidationError(
            _(
                "Ruang penyimpanan Anda penuh: sudah terpakai %(used)s MB dari %(limit)s MB, berkas ini "
                "%(size)s MB. Hapus dokumen atau foto yang tidak diperlukan, lalu unggah lagi."
            )
            % {"used": _megabytes(used), "limit": _megabytes(limit), "size": _megabytes(incoming)},
            code="quota_exceeded",
        )
