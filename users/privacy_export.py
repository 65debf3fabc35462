"""Unduh Data Saya (UU PDP No. 27/2022, right of access and portability): everything the portal holds
about one Personal or Mitra account, as ``data.json`` plus the files they uploaded, in one ZIP that is
streamed as it is written (documents of a few MB each are never held in memory together).

Only the account's own data: of the other side of an application, request or rating the export
carries what the account already sees (a vacancy title, a Mitra's name, a service title), never
the other person's contact details. Every section is one query (or one query per prefetched
relation), whatever the number of rows. The keys of ``data.json`` are Indonesian: the file is for
the citizen who asked for it; docs/privacy.md lists them.
"""

import io
import json
import posixpath
import zipfile
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Q
from django.utils import timezone

from marketplace.models import (
    Application,
    JobAlert,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    SavedService,
    SavedVacancy,
    Service,
    ServiceRating,
    ServiceRequest,
    Testimonial,
    Vacancy,
)
from marketplace.service_use_cases import display_name
from portal.models import SiteSettings
from users.models import MitraProfile, Notification, PersonalProfile, VerificationLog

CHUNK_SIZE = 64 * 1024
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ArchiveFile:
    """One uploaded file to put in the ZIP: its name there and where it is stored."""

    arcname: str
    field_file: object

    def open(self):
        return self.field_file.storage.open(self.field_file.name, "rb")


def _label(instance, field):
    return getattr(instance, f"get_{field}_display")()


def _name(model_or_none):
    return str(model_or_none) if model_or_none is not None else None


def _revealed(now):
    """Ratings about the account that it may see: both sides have rated, or the window is over."""
    return Q(revealed_at__isnull=False) | Q(editable_until__lte=now)


def _rating(rating, **about):
    return {
        **about,
        "bintang": rating.stars,
        "komentar": rating.comment,
        "dibuat": rating.created_at,
        "disembunyikan_admin": rating.is_hidden,
    }


# ---------------------------------------------------------------------------------------------
# Sections


def account_section(user):
    return {
        "nama_pengguna": user.username,
        "nama_depan": user.first_name,
        "nama_belakang": user.last_name,
        "email": user.email,
        "email_terverifikasi_pada": user.email_verified_at,
        "nomor_hp": user.phone,
        "nomor_hp_terverifikasi_pada": user.phone_verified_at,
        "jenis_akun": user.get_account_type_display(),
        "terdaftar_pada": user.date_joined,
        "login_terakhir": user.last_login,
        "pemberitahuan_lewat_email": user.notify_by_email,
        "pemberitahuan_lewat_whatsapp": user.notify_by_whatsapp,
    }


def consent_section(user):
    return {"ketentuan_penggunaan_dan_kebijakan_privasi_disetujui_pada": user.terms_accepted_at}


def personal_profile_section(profile):
    return {
        "nik": profile.nik,
        "jenis_kelamin": profile.get_gender_display(),
        "tempat_lahir": profile.birth_place,
        "tanggal_lahir": profile.birth_date,
        "alamat": profile.address,
        "kecamatan": _name(profile.kecamatan),
        "desa_kelurahan": profile.desa.name if profile.desa else None,
        "ringkasan_diri": profile.summary,
        "pendidikan_terakhir": _name(profile.education_level),
        "status_mencari_kerja": profile.get_job_seeking_status_display(),
        "status_verifikasi": profile.get_verification_status_display(),
        "alasan_penolakan_verifikasi": profile.verification_note,
        "pengalaman_kerja": [
            {
                "jabatan": item.position,
                "perusahaan": item.company,
                "mulai": item.start_date,
                "selesai": item.end_date,
                "uraian": item.description,
            }
            for item in profile.experiences.all()
        ],
        "pendidikan": [
            {
                "jenjang": _name(item.level),
                "sekolah_kampus": item.institution,
                "jurusan": item.major,
                "tahun_masuk": item.start_year,
                "tahun_lulus": item.end_year,
            }
            for item in profile.educations.all()
        ],
        "keterampilan": [
            {"nama": item.name, "tingkat": item.get_level_display()} for item in profile.skills.all()
        ],
        "organisasi": [
            {
                "nama": item.name,
                "jabatan": item.role,
                "mulai": item.start_date,
                "selesai": item.end_date,
                "uraian": item.description,
            }
            for item in profile.organisations.all()
        ],
    }


def personal_marketplace_sections(profile, now):
    applications = (
        Application.objects.filter(personal=profile)
        .select_related("vacancy__mitra")
        .order_by("-created_at", "-pk")
    )
    saved = SavedVacancy.objects.filter(personal=profile).select_related("vacancy__mitra")
    alerts = JobAlert.objects.filter(personal=profile)
    given = MitraRating.objects.filter(personal=profile).select_related("mitra", "application__vacancy")
    received = PersonalRating.objects.filter(_revealed(now), personal=profile).select_related(
        "application__vacancy"
    )
    return {
        "lamaran": [
            {
                "lowongan": application.vacancy.title,
                "mitra": application.vacancy.mitra.name,
                "status": application.get_status_display(),
                "dikirim": application.created_at,
                "status_diubah": application.status_changed_at,
                "pesan_dari_mitra": application.mitra_message,
            }
            for application in applications
        ],
        "lowongan_tersimpan": [
            {"lowongan": item.vacancy.title, "mitra": item.vacancy.mitra.name, "disimpan": item.created_at}
            for item in saved
        ],
        "notifikasi_lowongan": [
            {
                "nama": alert.name,
                "pencarian": alert.query,
                "lewat_email": alert.by_email,
                "lewat_whatsapp": alert.by_whatsapp,
                "dibuat": alert.created_at,
            }
            for alert in alerts
        ],
        "rating_diberikan_untuk_mitra": [
            _rating(rating, mitra=rating.mitra.name, lowongan=rating.application.vacancy.title)
            for rating in given
        ],
        "rating_diterima_dari_mitra": [
            _rating(rating, lowongan=rating.application.vacancy.title) for rating in received
        ],
    }


def mitra_profile_section(profile):
    return {
        "nama_mitra": profile.name,
        "kategori": profile.get_category_display(),
        "bidang_usaha": _name(profile.business_field),
        "alamat": profile.address,
        "kecamatan": _name(profile.kecamatan),
        "desa_kelurahan": profile.desa.name if profile.desa else None,
        "deskripsi": profile.description,
        "situs_web": profile.website,
        "nama_narahubung": profile.contact_person,
        "nomor_hp_narahubung": profile.contact_phone,
        "mitra_unggulan": profile.featured,
        "status_verifikasi": profile.get_verification_status_display(),
        "alasan_penolakan_verifikasi": profile.verification_note,
    }


def mitra_marketplace_sections(profile, now, files_by_document):
    vacancies = (
        Vacancy.objects.filter(mitra=profile)
        .select_related("job_type", "category")
        .prefetch_related("locations")
        .annotate(applicant_count=Count("applications"))
        .order_by("-created_at", "-pk")
    )
    announcements = MitraAnnouncement.objects.filter(mitra=profile).select_related("vacancy")
    given = PersonalRating.objects.filter(mitra=profile).select_related("application__vacancy")
    received = MitraRating.objects.filter(_revealed(now), mitra=profile).select_related(
        "application__vacancy"
    )
    return {
        "dokumen": [
            {
                "jenis": document.get_doc_type_display(),
                "nama_berkas": document.original_name,
                "tipe_berkas": document.content_type,
                "ukuran_bita": document.size,
                "diunggah": document.uploaded_at,
                "berkas_di_zip": files_by_document.get(document.pk),
            }
            for document in profile.documents.all()
        ],
        "lowongan": [
            {
                "judul": vacancy.title,
                "status": str(vacancy.display_status),
                "tipe_pekerjaan": _name(vacancy.job_type),
                "kategori": _name(vacancy.category),
                "lokasi": [kecamatan.name for kecamatan in vacancy.locations.all()],
                "gaji_minimal": vacancy.salary_min,
                "gaji_maksimal": vacancy.salary_max,
                "kuota": vacancy.quota,
                "tanggal_berakhir": vacancy.end_date,
                "diposting": vacancy.published_at,
                "ditutup": vacancy.closed_at,
                "jumlah_pelamar": vacancy.applicant_count,
            }
            for vacancy in vacancies
        ],
        "pengumuman": [
            {
                "judul": item.title,
                "isi": item.body,
                "lowongan_terkait": item.vacancy.title if item.vacancy else None,
                "dibuat": item.created_at,
                "disembunyikan_admin": item.is_hidden,
            }
            for item in announcements
        ],
        "rating_diberikan_untuk_pelamar": [
            _rating(rating, lowongan=rating.application.vacancy.title) for rating in given
        ],
        "rating_diterima_dari_pelamar": [
            _rating(rating, lowongan=rating.application.vacancy.title) for rating in received
        ],
    }


def service_sections(user, now):
    services = Service.objects.filter(provider=user).select_related("category").prefetch_related("areas")
    sent = ServiceRequest.objects.filter(requester=user).select_related(
        "service__provider__mitra_profile", "service__provider__personal_profile"
    )
    received = ServiceRequest.objects.filter(service__provider=user).select_related("service")
    saved = SavedService.objects.filter(user=user).select_related("service")
    given = ServiceRating.objects.filter(rater=user).select_related("service")
    about_me = ServiceRating.objects.filter(_revealed(now), ratee=user).select_related("service")
    return {
        "jasa_ditawarkan": [
            {
                "judul": service.title,
                "deskripsi": service.description,
                "kategori": _name(service.category),
                "harga": service.price,
                "satuan_harga": service.get_price_unit_display(),
                "wilayah_layanan": [kecamatan.name for kecamatan in service.areas.all()],
                "status": service.get_status_display(),
                "dibuat": service.created_at,
            }
            for service in services
        ],
        "permintaan_jasa_dikirim": [
            {
                "jasa": request.service.title,
                "penyedia": display_name(request.service.provider),
                "pesan": request.message,
                "tanggal_diinginkan": request.wished_date,
                "dihubungi_lewat": request.get_contact_preference_display(),
                "status": request.get_status_display(),
                "dikirim": request.created_at,
                "berakhir": request.ended_at,
            }
            for request in sent
        ],
        "permintaan_jasa_diterima": [
            {
                "jasa": request.service.title,
                "status": request.get_status_display(),
                "dikirim": request.created_at,
                "ditanggapi": request.responded_at,
                "selesai": request.completed_at,
            }
            for request in received
        ],
        "jasa_tersimpan": [{"jasa": item.service.title, "disimpan": item.created_at} for item in saved],
        "rating_jasa_diberikan": [
            _rating(rating, jasa=rating.service.title, arah=rating.get_direction_display())
            for rating in given
        ],
        "rating_jasa_diterima": [
            _rating(rating, jasa=rating.service.title, arah=rating.get_direction_display())
            for rating in about_me
        ],
    }


def common_sections(user):
    testimonial = Testimonial.objects.filter(author=user).first()
    return {
        "testimoni": (
            {
                "teks": testimonial.text,
                "rating": testimonial.stars,
                "status": testimonial.get_status_display(),
                "dibuat": testimonial.created_at,
            }
            if testimonial
            else None
        ),
        "pemberitahuan": [
            {
                "judul": item.title,
                "isi": item.body,
                "tautan": item.url,
                "waktu": item.created_at,
                "dibaca": item.read_at,
            }
            for item in Notification.objects.filter(user=user).order_by("-created_at", "-pk")
        ],
        "riwayat_verifikasi": [
            {"tindakan": log.get_action_display(), "catatan": log.note, "waktu": log.created_at}
            for log in VerificationLog.objects.filter(account=user).order_by("created_at", "pk")
        ],
    }


# ---------------------------------------------------------------------------------------------
# Files


def _in_storage(field_file):
    return bool(field_file) and field_file.storage.exists(field_file.name)


def _extension(name):
    return posixpath.splitext(name)[1].lower()


def personal_files(profile):
    if _in_storage(profile.photo):
        return [ArchiveFile(f"berkas/foto-profil{_extension(profile.photo.name)}", profile.photo)]
    return []


def mitra_files(profile):
    """The logo, the documents (private storage) and announcement attachments; also returns the
    ZIP name of each document by its id, for ``data.json``."""
    files = []
    if _in_storage(profile.logo):
        files.append(ArchiveFile(f"berkas/logo{_extension(profile.logo.name)}", profile.logo))
    by_document = {}
    for document in profile.documents.all():
        if _in_storage(document.file):
            arcname = f"berkas/dokumen/{document.doc_type}-{posixpath.basename(document.original_name)}"
            by_document[document.pk] = arcname
            files.append(ArchiveFile(arcname, document.file))
    for announcement in MitraAnnouncement.objects.filter(mitra=profile).exclude(attachment=""):
        if _in_storage(announcement.attachment):
            name = posixpath.basename(announcement.attachment.name)
            files.append(ArchiveFile(f"berkas/pengumuman/{announcement.pk}-{name}", announcement.attachment))
    return files, by_document


def service_files(user):
    files = []
    services = Service.objects.filter(provider=user).prefetch_related("photos")
    for service in services:
        for photo in service.photos.all():
            if _in_storage(photo.image):
                name = posixpath.basename(photo.image.name)
                files.append(ArchiveFile(f"berkas/jasa/{service.pk}/{name}", photo.image))
    return files


# ---------------------------------------------------------------------------------------------
# The export


@dataclass
class PersonalDataExport:
    data: dict
    files: list

    def json_bytes(self):
        return json.dumps(self.data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


def collect_personal_data(user, request=None):
    """Everything about ``user`` (a Personal or Mitra account) and the list of its files."""
    now = timezone.now()
    data = {
        "format": FORMAT_VERSION,
        "aplikasi": SiteSettings.current(request).app_name,
        "dibuat_pada": now,
        "akun": account_section(user),
        "persetujuan": consent_section(user),
    }
    files = []
    if user.is_personal:
        profile = (
            PersonalProfile.objects.select_related("kecamatan", "desa", "education_level")
            .prefetch_related("experiences", "educations__level", "skills", "organisations")
            .filter(user=user)
            .first()
        )
        if profile is not None:
            data["profil_personal"] = personal_profile_section(profile)
            data.update(personal_marketplace_sections(profile, now))
            files += personal_files(profile)
    elif user.is_mitra:
        profile = (
            MitraProfile.objects.select_related("business_field", "kecamatan", "desa")
            .prefetch_related("documents")
            .filter(user=user)
            .first()
        )
        if profile is not None:
            profile_files, by_document = mitra_files(profile)
            data["profil_mitra"] = mitra_profile_section(profile)
            data.update(mitra_marketplace_sections(profile, now, by_document))
            files += profile_files
    data.update(service_sections(user, now))
    data.update(common_sections(user))
    files += service_files(user)
    data["berkas"] = [file.arcname for file in files]
    return PersonalDataExport(data, files)


class _Pipe(io.RawIOBase):
    """A write-only, unseekable stream: what zipfile writes is taken out chunk by chunk."""

    def __init__(self):
        super().__init__()
        self._chunks = []

    def writable(self):
        return True

    def write(self, data):
        self._chunks.append(bytes(data))
        return len(data)

    def take(self):
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def zip_chunks(export):
    """The ZIP of ``export`` as a sequence of byte strings: data.json first, then each file read
    in chunks. A file that vanished from storage meanwhile is left out."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", export.json_bytes())
        yield pipe.take()
        for file in export.files:
            try:
                source = file.open()
            except FileNotFoundError:
                continue
            with source, archive.open(file.arcname, "w") as target:
                while chunk := source.read(CHUNK_SIZE):
                    target.write(chunk)
                    yield pipe.take()
    yield pipe.take()


def archive_filename(user):
    return f"data-saya-{user.username}-{timezone.localdate():%Y%m%d}.zip"
