"""Load the kecamatan and desa/kelurahan of the configured regency from the `areaid` package."""

import areaid
from django.db import transaction

from users.models import Desa, Kecamatan

PROVINCE_OF_REGENCY = {"Kabupaten Purbalingga": "jawa tengah"}


def regency_data(regency_name, province=None):
    province = province or PROVINCE_OF_REGENCY.get(regency_name)
    provinces = [province] if province else [p["provinsi"].lower() for p in areaid.buka_nama()]
    for name in provinces:
        for prov in areaid.buka_data(name):
            for kab in prov["kabupaten"]:
                if kab["kab_kota"].lower() == regency_name.lower():
                    return kab
    raise LookupError(f"Regency {regency_name!r} not found in areaid")


@transaction.atomic
def load_regions(regency_name, province=None):
    """Create or update every kecamatan and desa; editors' renames of existing rows are kept.

    Returns the number of rows created (0 on a second run)."""
    created = 0
    for kec in regency_data(regency_name, province)["kecamatan"]:
        kecamatan, was_created = Kecamatan.objects.get_or_create(
            code=str(kec["id"]), defaults={"name": kec["kec"]}
        )
        created += was_created
        for kel in kec["kelurahan"]:
            _desa, was_created = Desa.objects.get_or_create(
                code=str(kel["id"]),
                defaults={
                    "kecamatan": kecamatan,
                    "name": kel["kelu"],
                    "postal_code": str(kel.get("pos") or ""),
                },
            )
            created += was_created
    return created
