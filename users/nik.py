"""NIK (Nomor Induk Kependudukan) on staff screens: masked everywhere but where identity is verified.

The rule (docs/privacy.md, "NIK"):
- lists of Data Profil Personal show the masked NIK ("3303********0001") to every role — the full
  number is never needed to pick a row, and the search still finds a full NIK typed in;
- reports and their exports (Laporan Personal, the drill-down list, CSV/XLSX/PDF) carry no NIK at all;
- the full NIK is shown on a Personal's detail page only to a staff member who may decide on that
  account's verification (users/verification.py ``can_verify``: Super Admin, Admin, and the Desa
  operator of the person's desa), since checking it against the KTP is part of that decision. The
  detail page is recorded in Log Akses Data (users/audit.py).
"""

from users import verification

VISIBLE_START = 4  # province + regency code
VISIBLE_END = 4


def mask_nik(nik):
    """ "3303010101900001" → "3303********0001"; "" for no NIK."""
    if not nik:
        return ""
    nik = str(nik)
    if len(nik) <= VISIBLE_START + VISIBLE_END:
        return "*" * len(nik)
    return f"{nik[:VISIBLE_START]}{'*' * (len(nik) - VISIBLE_START - VISIBLE_END)}{nik[-VISIBLE_END:]}"


def can_see_full_nik(viewer, profile):
    """The one role check: the full NIK is for those who verify this Personal's identity."""
    return bool(viewer.is_authenticated and viewer.is_active and verification.can_verify(viewer, profile))


def nik_for(viewer, profile):
    """The NIK of ``profile`` as ``viewer`` may see it on a detail page."""
    return profile.nik if can_see_full_nik(viewer, profile) else mask_nik(profile.nik)
