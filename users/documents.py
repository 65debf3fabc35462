"""Mitra documents (SIUP, NPWP, NIB, other) and uploaded images: content checks, storage under random
names, replace/delete use cases, and the one access rule for the private download.

Files are recognised by their content (magic bytes, then Pillow for images), never by the name or the
content type the browser sends: a renamed .exe, an SVG called "logo.png" or a text file called
"izin.pdf" is refused. Accepted images are re-encoded (`reencoded_image`) before they are stored.
"""

import os
import uuid
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from users import roles, verification
from users.models import MitraDocument, MitraProfile

MB = 1024 * 1024
MAX_DOCUMENT_SIZE = 5 * MB
MAX_LOGO_SIZE = 2 * MB
HEADER_BYTES = 16


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str
    label: str
    name_extensions: tuple
    pillow_format: str = ""  # images are also opened and verified with Pillow


PDF = FileKind("application/pdf", "pdf", "PDF", (".pdf",))
JPEG = FileKind("image/jpeg", "jpg", "JPG", (".jpg", ".jpeg"), pillow_format="JPEG")
PNG = FileKind("image/png", "png", "PNG", (".png",), pillow_format="PNG")

MAGIC = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
DOCUMENT_KINDS = (PDF, JPEG, PNG)
IMAGE_KINDS = (JPEG, PNG)


def _megabytes(size):
    return f"{size / MB:.1f}".replace(".", ",")


def _read_header(uploaded):
    uploaded.seek(0)
    header = uploaded.read(HEADER_BYTES)
    uploaded.seek(0)
    return header


def _verify_image(uploaded, kind):
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            actual_format = image.format
            image.verify()  # structure and checksums
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            image.load()  # and the pixels decode to the end (a truncated image fails here)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Gambar terlalu besar resolusinya."), code="image_too_large") from None
    except Exception:  # Pillow raises many kinds of errors for broken or disguised files
        raise ValidationError(
            _("Berkas gambar rusak atau tidak dapat dibaca. Simpan ulang gambar lalu unggah kembali."),
            code="broken_image",
        ) from None
    finally:
        uploaded.seek(0)
    if actual_format != kind.pillow_format:
        raise ValidationError(_("Isi berkas tidak sesuai dengan jenisnya."), code="broken_image")


def check_upload(uploaded, *, kinds=DOCUMENT_KINDS, max_size=MAX_DOCUMENT_SIZE):
    """Return the FileKind of an uploaded file recognised by its content, or raise a ValidationError
    with a clear Indonesian message (wrong type, empty, too large, broken image)."""
    allowed = " / ".join(kind.label for kind in kinds)
    if uploaded.size == 0:
        raise ValidationError(_("Berkas kosong. Pilih berkas lain."), code="empty")
    if uploaded.size > max_size:
        raise ValidationError(
            _("Ukuran berkas maksimal %(max)s MB, berkas Anda %(size)s MB.")
            % {"max": max_size // MB, "size": _megabytes(uploaded.size)},
            code="too_large",
        )
    header = _read_header(uploaded)
    kind = next((kind for magic, kind in MAGIC if header.startswith(magic)), None)
    if kind is None or kind not in kinds:
        raise ValidationError(
            _(
                "Jenis berkas tidak didukung. Unggah berkas %(allowed)s "
                "(dikenali dari isi berkas, bukan dari namanya)."
            )
            % {"allowed": allowed},
            code="wrong_type",
        )
    if kind.pillow_format:
        _verify_image(uploaded, kind)
    return kind


def reencoded_image(uploaded, kind, name=None, max_side=None):
    """A checked JPG/PNG upload drawn again by Pillow: only the pixels are kept, so EXIF (the place a
    photo was taken), comments and bytes appended after the image (HTML, a script, a zip — a
    "polyglot") are gone, and the file is the image it claims to be. Turned upright first; scaled down
    to `max_side` pixels when given. Returns a ContentFile named `name` (a random name by default)."""
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as original:
            image = ImageOps.exif_transpose(original)
            if max_side:
                image.thumbnail((max_side, max_side))
            output = BytesIO()
            if kind.pillow_format == "JPEG":
                image.convert("RGB").save(output, "JPEG", quality=90, optimize=True)
            else:
                image.save(output, "PNG", optimize=True)
    except Exception:  # Pillow raises many kinds of errors for broken images
        raise ValidationError(
            _("Berkas gambar rusak atau tidak dapat dibaca. Simpan ulang gambar lalu unggah kembali."),
            code="broken_image",
        ) from None
    finally:
        uploaded.seek(0)
    return ContentFile(output.getvalue(), name=name or random_name(kind))


def random_name(kind):
    """A storage name that reveals nothing and cannot be guessed; the original name is kept apart."""
    return f"{uuid.uuid4().hex}.{kind.extension}"


def display_name(uploaded_name, kind):
    """The user's file name, for display and as the download name: no path, no control characters, and
    an extension that matches the content."""
    name = os.path.basename((uploaded_name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    stem, extension = os.path.splitext(name)
    if extension.lower() not in kind.name_extensions:
        stem, extension = stem or name, f".{kind.extension}"
    stem = stem.strip() or _("dokumen")
    return f"{stem[: 255 - len(extension)]}{extension}"


# ---------------------------------------------------------------------------------------------
# Use cases


def _delete_file_after_commit(storage, name):
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def save_document(profile, doc_type, uploaded, kind):
    """Upload a document of `doc_type` (checked beforehand by `check_upload`), replacing the existing
    one of that type; the old file leaves storage once the change is committed. A verified Mitra is
    sent back for review."""
    storage = MitraDocument._meta.get_field("file").storage
    new_name = ""
    try:
        with transaction.atomic():
            profile = MitraProfile.objects.select_for_update().get(pk=profile.pk)
            document = MitraDocument.objects.filter(mitra=profile, doc_type=doc_type).first()
            old_name = document.file.name if document else ""
            if document is None:
                document = MitraDocument(mitra=profile, doc_type=doc_type)
            document.original_name = display_name(uploaded.name, kind)
            document.content_type = kind.content_type
            document.size = uploaded.size
            uploaded.seek(0)
            document.file.save(random_name(kind), uploaded, save=False)
            new_name = document.file.name
            document.save()
            _delete_file_after_commit(storage, old_name)
            verification.review_again_after_identity_change(profile, [document.get_doc_type_display()])
    except BaseException:
        if new_name:
            storage.delete(new_name)  # no orphan file when the change did not happen
        raise
    return document


@transaction.atomic
def delete_document(profile, pk):
    """Delete a document of this Mitra and its file. Returns False when it was already gone (a second
    click on "Hapus" changes nothing)."""
    profile = MitraProfile.objects.select_for_update().get(pk=profile.pk)
    document = MitraDocument.objects.filter(mitra=profile, pk=pk).first()
    if document is None:
        return False
    label = document.get_doc_type_display()
    _delete_file_after_commit(document.file.storage, document.file.name)
    document.delete()
    verification.review_again_after_identity_change(profile, [label])
    return True


# ---------------------------------------------------------------------------------------------
# Access


def can_view_documents(user, mitra_profile):
    """Who may open a Mitra's documents (and its profile in the admin): the owning Mitra, and staff
    whose role has "Data Profil Mitra" (guide §7.1) within their scope — Super Admin, Admin, Dinaker
    and Verifikator everywhere, a Kecamatan operator for Mitra of its kecamatan, a Desa operator for
    Mitra of its desa. Nobody else."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_mitra:
        return mitra_profile.user_id == user.pk
    role = roles.role_of(user)
    if role is None or role not in roles.MENU_ROLES[roles.AdminMenu.MITRA_PROFILES]:
        return False
    scope_field = roles.requires_scope(role)
    if not scope_field:
        return True
    scope_id = getattr(user, f"{scope_field}_id")
    own_field = {"scope_kecamatan": "kecamatan_id", "scope_desa": "desa_id"}[scope_field]
    return scope_id is not None and getattr(mitra_profile, own_field) == scope_id


def mitra_visible_to(user):
    """The same rule as a filter for querysets of MitraProfile (admin lists of the lead's screens)."""
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if user.is_mitra:
        return Q(user_id=user.pk)
    role = roles.role_of(user)
    if role is None or role not in roles.MENU_ROLES[roles.AdminMenu.MITRA_PROFILES]:
        return Q(pk__in=[])
    scope_field = roles.requires_scope(role)
    if not scope_field:
        return Q()
    scope_id = getattr(user, f"{scope_field}_id")
    if scope_id is None:
        return Q(pk__in=[])
    return Q(**{"kecamatan_id" if scope_field == "scope_kecamatan" else "desa_id": scope_id})
