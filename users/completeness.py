"""How complete a profile is: a 0–100 % meter and the checklist of what is still missing."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from users.models import MitraProfile


@dataclass(frozen=True)
class CheckItem:
    label: str
    done: bool


@dataclass(frozen=True)
class Completeness:
    items: tuple

    @property
    def percent(self):
        return int(100 * sum(item.done for item in self.items) / len(self.items))

    @property
    def complete(self):
        return all(item.done for item in self.items)

    @property
    def missing(self):
        return [item.label for item in self.items if not item.done]


def _account_items(user):
    return [
        CheckItem(_("Email terverifikasi"), user.email_verified),
        CheckItem(_("Nomor HP terverifikasi"), user.phone_verified),
    ]


def personal_completeness(profile):
    """Works on a profile fetched with `users.querysets.personal_profiles_with_sections()` or
    `personal_profiles_listed()` and ``mark_sections()`` without further queries."""
    user = profile.user
    return Completeness(
        tuple(
            _account_items(user)
            + [
                CheckItem(_("Nama lengkap"), bool(user.first_name)),
                CheckItem(_("NIK"), bool(profile.nik)),
                CheckItem(_("Jenis kelamin"), bool(profile.gender)),
                CheckItem(_("Tempat dan tanggal lahir"), bool(profile.birth_place and profile.birth_date)),
                CheckItem(_("Alamat, kecamatan dan desa"), bool(profile.address and profile.desa_id)),
                CheckItem(_("Foto"), bool(profile.photo)),
                CheckItem(_("Ringkasan diri"), bool(profile.summary)),
                CheckItem(_("Pendidikan terakhir"), bool(profile.education_level_id)),
                CheckItem(_("Status mencari kerja"), bool(profile.job_seeking_status)),
                CheckItem(
                    _("Pengalaman Kerja (atau tandai tidak ada)"),
                    profile.no_experience or _has(profile, "experiences"),
                ),
                CheckItem(_("Pendidikan"), _has(profile, "educations")),
                CheckItem(_("Keterampilan"), _has(profile, "skills")),
                CheckItem(
                    _("Organisasi (atau tandai tidak ada)"),
                    profile.no_organisation or _has(profile, "organisations"),
                ),
            ]
        )
    )


def mitra_completeness(profile):
    """Works on a profile fetched with `users.querysets.mitra_profiles_with_documents()`."""
    user = profile.user
    return Completeness(
        tuple(
            _account_items(user)
            + [
                CheckItem(_("Nama mitra dan bidang usaha"), bool(profile.name and profile.business_field_id)),
                CheckItem(_("Alamat, kecamatan dan desa"), bool(profile.address and profile.desa_id)),
                CheckItem(_("Deskripsi usaha"), bool(profile.description)),
                CheckItem(_("Narahubung"), bool(profile.contact_person and profile.contact_phone)),
                CheckItem(_("Dokumen legalitas (SIUP, NPWP, NIB atau lainnya)"), _has(profile, "documents")),
            ]
        )
    )


def completeness_of(profile):
    return (
        mitra_completeness(profile) if isinstance(profile, MitraProfile) else personal_completeness(profile)
    )


def _has(profile, relation):
    """Whether the profile has rows of ``relation``: the ``has_<relation>`` flag a list sets
    (users/querysets.py ``mark_sections``), else the prefetched rows."""
    flag = getattr(profile, f"has_{relation}", None)
    if flag is not None:
        return flag
    return len(getattr(profile, relation).all()) > 0
