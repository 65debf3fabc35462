"""Testimoni and the Pengumuman of Mitra (guide §5, §6): every state change of these two in one place,
called by the account pages and the admin alike.

- A testimonial is written by a Personal or Mitra account, one per account. Saving it (new or edited)
  puts it in "Menunggu persetujuan"; staff with ``marketplace.change_testimonial`` approve or reject
  it, and may later hide an approved one ("Sembunyikan") and show it again; the author is told.
- A Mitra creates, edits and deletes its announcements. Any Mitra may write them; only those of a
  verified Mitra that staff have not hidden are public (``MitraAnnouncement.objects.public()``).
  Super Admin, Admin and Dinaker hide one with a reason the Mitra is told and sees on its list
  ("Sembunyikan"), and show it again ("Tampilkan kembali"), like taking a vacancy down.

Staff decisions are idempotent (repeating one changes nothing and tells nobody twice) and written to
Wagtail's audit log (actions registered in marketplace/admin_community.py).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from marketplace.choices import TestimonialStatus, VacancyStatus
from marketplace.models import MitraAnnouncement, Testimonial, Vacancy
from marketplace.submission_keys import usable_key
from marketplace.use_cases import UseCaseError
from portal.admin_panel import can_open
from users import documents, roles
from users.notifications import notify
from users.roles import AdminMenu

TESTIMONIAL_MAX_LENGTH = 1000
MODERATE_PERMISSION = "marketplace.change_testimonial"
ANNOUNCEMENT_PERMISSION = "marketplace.change_mitraannouncement"
# Hiding a Mitra's announcement is a decision on Mitra content, as taking a vacancy down is: for these
# roles only; the other roles of the menu see the admin Pengumuman list read-only.
ANNOUNCEMENT_MODERATORS = (roles.SUPER_ADMIN, roles.ADMIN, roles.DINAKER)
REASON_MAX_LENGTH = 1000

# Audit-log actions (registered with the ``register_log_actions`` hook in admin_community.py).
APPROVE_TESTIMONIAL = "portal.approve_testimonial"
REJECT_TESTIMONIAL = "portal.reject_testimonial"
HIDE_TESTIMONIAL = "portal.hide_testimonial"
SHOW_TESTIMONIAL = "portal.show_testimonial"
HIDE_ANNOUNCEMENT = "portal.hide_announcement"
SHOW_ANNOUNCEMENT = "portal.show_announcement"
ATTACHMENT_KINDS = documents.DOCUMENT_KINDS  # PDF, JPG, PNG, recognised by their content
ATTACHMENT_MAX_SIZE = documents.MAX_DOCUMENT_SIZE  # 5 MB


# ---------------------------------------------------------------------------------------------
# Testimoni


def may_write_testimonial(user):
    return user.is_authenticated and user.is_active and (user.is_personal or user.is_mitra)


def may_moderate_testimonials(user):
    return user.is_authenticated and user.is_active and user.has_perm(MODERATE_PERMISSION)


def _clean_testimonial(text, stars):
    text = (text or "").strip()
    if not text:
        raise UseCaseError(_("Testimoni wajib diisi."))
    if len(text) > TESTIMONIAL_MAX_LENGTH:
        raise UseCaseError(
            _("Testimoni maksimal %(max)d karakter.") % {"max": TESTIMONIAL_MAX_LENGTH},
        )
    if stars in ("", None):
        stars = None
    else:
        stars = int(stars)
        if not 1 <= stars <= 5:
            raise UseCaseError(_("Rating harus antara 1 dan 5 bintang."))
    return text, stars


def save_testimonial(user, text, stars=None):
    """Write or edit ``user``'s testimonial; it waits for approval again (an edit of an approved one
    too). Saving the very same words and stars changes nothing (a double submit, or "Simpan"
    pressed without an edit). Returns ``(testimonial, changed)``."""
    if not may_write_testimonial(user):
        raise UseCaseError(_("Hanya akun Personal dan Mitra yang dapat menulis testimoni."))
    text, stars = _clean_testimonial(text, stars)
    try:
        with transaction.atomic():
            testimonial = Testimonial.objects.select_for_update().filter(author=user).first()
            if testimonial is None:
                return Testimonial.objects.create(author=user, text=text, stars=stars), True
            if testimonial.text == text and testimonial.stars == stars:
                return testimonial, False
            testimonial.text, testimonial.stars = text, stars
            testimonial.status = TestimonialStatus.PENDING
            testimonial.decided_at = testimonial.decided_by = None
            testimonial.hidden_at = testimonial.hidden_by = None  # the new words get a fresh review
            testimonial.save()
            return testimonial, True
    except IntegrityError:
        # The same form posted twice at the same moment: the other request created it.
        return Testimonial.objects.get(author=user), False


def _locked_testimonial(staff, testimonial):
    if not may_moderate_testimonials(staff):
        raise UseCaseError(_("Anda tidak berhak memoderasi testimoni."))
    return Testimonial.objects.select_for_update().select_related("author").get(pk=testimonial.pk)


def _decide(staff, testimonial, status, action):
    with transaction.atomic():
        testimonial = _locked_testimonial(staff, testimonial)
        if testimonial.status == status:
            return testimonial, False  # already decided so: nothing changes, nobody is told twice
        previous_status = testimonial.status
        testimonial.status = status
        testimonial.decided_at = timezone.now()
        testimonial.decided_by = staff
        testimonial.hidden_at = testimonial.hidden_by = None
        testimonial.save(
            update_fields=["status", "decided_at", "decided_by", "hidden_at", "hidden_by", "updated_at"]
        )
        log(testimonial, action, user=staff, data={"previous_status": previous_status})
    return testimonial, True


def approve_testimonial(staff, testimonial):
    """Setujui: the testimonial shows on Beranda and on the Testimonial page; the author is told."""
    testimonial, changed = _decide(staff, testimonial, TestimonialStatus.APPROVED, APPROVE_TESTIMONIAL)
    if changed:
        notify(
            testimonial.author,
            "testimonial_approved",
            _("Testimoni Anda disetujui"),
            _("Terima kasih. Testimoni Anda kini tampil di halaman Testimonial dan Beranda."),
            reverse("marketplace:testimonial"),
        )
    return testimonial


def reject_testimonial(staff, testimonial):
    """Tolak: the testimonial is not (or no longer) public; the author is told and may edit it."""
    testimonial, changed = _decide(staff, testimonial, TestimonialStatus.REJECTED, REJECT_TESTIMONIAL)
    if changed:
        notify(
            testimonial.author,
            "testimonial_rejected",
            _("Testimoni Anda tidak disetujui"),
            _(
                "Testimoni Anda belum dapat ditampilkan. Pastikan isinya sesuai Ketentuan Penggunaan, "
                "lalu ubah dan kirim kembali."
            ),
            reverse("marketplace:testimonial"),
        )
    return testimonial


def hide_testimonial(staff, testimonial):
    """Sembunyikan: an approved testimonial leaves Beranda and the Testimonial page (it stays approved,
    so "Tampilkan kembali" brings it back); the author is told. Hiding a hidden one changes nothing."""
    with transaction.atomic():
        testimonial = _locked_testimonial(staff, testimonial)
        if testimonial.is_hidden:
            return testimonial
        if not testimonial.is_approved:
            raise UseCaseError(_("Hanya testimoni yang sudah disetujui yang dapat disembunyikan."))
        testimonial.hidden_at = timezone.now()
        testimonial.hidden_by = staff
        testimonial.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        log(testimonial, HIDE_TESTIMONIAL, user=staff)
        notify(
            testimonial.author,
            "testimonial_hidden",
            _("Testimoni Anda disembunyikan"),
            _(
                "Petugas menyembunyikan testimoni Anda dari halaman Testimonial dan Beranda. Pastikan "
                "isinya sesuai Ketentuan Penggunaan; Anda dapat mengubahnya dan mengirim kembali."
            ),
            reverse("marketplace:testimonial"),
        )
    return testimonial


def show_testimonial(staff, testimonial):
    """Tampilkan kembali: a hidden testimonial is public again; the author is told."""
    with transaction.atomic():
        testimonial = _locked_testimonial(staff, testimonial)
        if not testimonial.is_hidden:
            return testimonial
        testimonial.hidden_at = testimonial.hidden_by = None
        testimonial.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        log(testimonial, SHOW_TESTIMONIAL, user=staff)
        notify(
            testimonial.author,
            "testimonial_shown",
            _("Testimoni Anda ditampilkan kembali"),
            _("Testimoni Anda kembali tampil di halaman Testimonial dan Beranda."),
            reverse("marketplace:testimonial"),
        )
    return testimonial


# ---------------------------------------------------------------------------------------------
# Pengumuman (Mitra)


def announcement_vacancies(mitra):
    """The vacancies an announcement of ``mitra`` may point to: its own, once posted (no drafts)."""
    return Vacancy.objects.of_mitra(mitra).exclude(status=VacancyStatus.DRAFT)


def check_attachment(uploaded):
    """The FileKind of an attachment (PDF, JPG or PNG up to 5 MB, by its content), or a
    ValidationError with an Indonesian message."""
    return documents.check_upload(uploaded, kinds=ATTACHMENT_KINDS, max_size=ATTACHMENT_MAX_SIZE)


def _delete_file_after_commit(storage, name):
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def save_announcement(
    mitra,
    *,
    title,
    body,
    vacancy=None,
    attachment=None,
    remove_attachment=False,
    announcement=None,
    submission_key=None,
):
    """Create (``announcement=None``) or edit an announcement of ``mitra``.

    ``attachment`` is a new upload (it replaces the old file), ``remove_attachment`` drops the file.
    A repeated ``submission_key`` returns the announcement that key already created."""
    if vacancy is not None and not announcement_vacancies(mitra).filter(pk=vacancy.pk).exists():
        raise UseCaseError(_("Pilih salah satu lowongan Anda yang sudah diposting."))
    kind = None
    if attachment is not None:
        try:
            kind = check_attachment(attachment)
        except ValidationError as error:
            raise UseCaseError(error.messages[0]) from None
    if announcement is None:
        submission_key = usable_key(MitraAnnouncement, submission_key, mitra=mitra)
    if announcement is None and submission_key:
        existing = MitraAnnouncement.objects.filter(mitra=mitra, submission_key=submission_key).first()
        if existing:
            return existing
    storage = MitraAnnouncement._meta.get_field("attachment").storage
    new_name = ""
    try:
        with transaction.atomic():
            if announcement is None:
                announcement = MitraAnnouncement(mitra=mitra, submission_key=submission_key)
                old_name = ""
            else:
                announcement = MitraAnnouncement.objects.select_for_update().get(pk=announcement.pk)
                if announcement.mitra_id != mitra.pk:
                    raise UseCaseError(_("Pengumuman ini bukan milik Anda."))
                old_name = announcement.attachment.name or ""
            announcement.title, announcement.body, announcement.vacancy = title, body, vacancy
            if kind is not None:
                attachment.seek(0)
                announcement.attachment.save(documents.random_name(kind), attachment, save=False)
                new_name = announcement.attachment.name
            elif remove_attachment:
                announcement.attachment = ""
            announcement.save()
            if old_name and old_name != (announcement.attachment.name or ""):
                _delete_file_after_commit(storage, old_name)
    except IntegrityError:
        if new_name:
            storage.delete(new_name)
        # The same form posted twice at the same moment: the other request created it.
        return MitraAnnouncement.objects.get(mitra=mitra, submission_key=submission_key)
    except BaseException:
        if new_name:
            storage.delete(new_name)  # no orphan file when the change did not happen
        raise
    return announcement


@transaction.atomic
def delete_announcement(mitra, pk):
    """Delete an announcement of ``mitra`` and its attachment. Returns False when it was already
    gone (a second click on "Hapus" changes nothing)."""
    announcement = MitraAnnouncement.objects.select_for_update().filter(mitra=mitra, pk=pk).first()
    if announcement is None:
        return False
    _delete_file_after_commit(announcement.attachment.storage, announcement.attachment.name)
    announcement.delete()
    return True


# --- Moderation by staff (admin "Pengumuman") ---------------------------------------------------


def may_see_announcements(user):
    """The admin Pengumuman list: every role of "Testimoni, Pengumuman, Pemberitahuan"."""
    return can_open(user, AdminMenu.COMMUNICATIONS)


def may_moderate_announcements(user):
    """Sembunyikan / Tampilkan kembali a Mitra's announcement."""
    return (
        may_see_announcements(user)
        and user.has_perm(ANNOUNCEMENT_PERMISSION)
        and roles.role_of(user) in ANNOUNCEMENT_MODERATORS
    )


def _locked_announcement(staff, announcement):
    if not may_moderate_announcements(staff):
        raise UseCaseError(_("Anda tidak berwenang menyembunyikan atau menampilkan pengumuman Mitra."))
    return MitraAnnouncement.objects.select_for_update().select_related("mitra__user").get(pk=announcement.pk)


@transaction.atomic
def hide_announcement(staff, announcement, reason):
    """Sembunyikan: the announcement leaves the Pengumuman page, its detail page and Beranda
    (``public()`` excludes it); the Mitra is told why and sees the reason on its own list. Hiding a
    hidden one changes nothing (the first reason stays)."""
    reason = (reason or "").strip()
    announcement = _locked_announcement(staff, announcement)
    if not reason:
        raise UseCaseError(_("Tuliskan alasan pengumuman disembunyikan."))
    if announcement.is_hidden:
        return announcement
    reason = reason[:REASON_MAX_LENGTH]
    announcement.hidden_at = timezone.now()
    announcement.hidden_by = staff
    announcement.hidden_reason = reason
    announcement.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log(announcement, HIDE_ANNOUNCEMENT, user=staff, data={"reason": reason, "mitra": announcement.mitra_id})
    notify(
        announcement.mitra.user,
        "announcement.hidden",
        _('Pengumuman "%(title)s" disembunyikan oleh admin') % {"title": announcement.title},
        _("Pengumuman ini tidak lagi tampil di halaman Pengumuman. Alasan: %(reason)s") % {"reason": reason},
        reverse("marketplace:mitra_announcements"),
        important=True,
    )
    return announcement


@transaction.atomic
def show_announcement(staff, announcement):
    """Tampilkan kembali: the announcement is public again (when its Mitra is verified); the Mitra is
    told. Showing one that is not hidden changes nothing."""
    announcement = _locked_announcement(staff, announcement)
    if not announcement.is_hidden:
        return announcement
    previous_reason = announcement.hidden_reason
    announcement.hidden_at = announcement.hidden_by = None
    announcement.hidden_reason = ""
    announcement.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log(
        announcement,
        SHOW_ANNOUNCEMENT,
        user=staff,
        data={"previous_reason": previous_reason, "mitra": announcement.mitra_id},
    )
    notify(
        announcement.mitra.user,
        "announcement.shown",
        _('Pengumuman "%(title)s" ditampilkan kembali') % {"title": announcement.title},
        _("Pengumuman ini kembali tampil di halaman Pengumuman."),
        reverse("marketplace:mitra_announcements"),
    )
    return announcement
