from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from pages.models import FAQ, Link
from users.models import BidangUsaha, Desa, Kecamatan


def _snapshot():
    return {
        "kecamatan": Kecamatan.objects.count(),
        "desa": Desa.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "faqs": FAQ.objects.count(),
        "links": Link.objects.count(),
        "bidang_usaha": BidangUsaha.objects.count(),
        "sites": Site.objects.count(),
    }


def test_load_initial_data_loads_purbalingga_and_is_idempotent(db):
    call_command("load_initial_data", stdout=open("/dev/null", "w"))
    first = _snapshot()
    assert first["kecamatan"] == 18
    assert first["desa"] == 239
    assert first["faqs"] > 0 and first["links"] > 0 and first["bidang_usaha"] > 0

    call_command("load_initial_data", stdout=open("/dev/null", "w"))
    assert _snapshot() == first


def test_regions_carry_postal_codes_and_belong_to_their_kecamatan(portal_content):
    bobotsari = Kecamatan.objects.get(name="Bobotsari")
    assert bobotsari.desa_set.count() == 16
    assert all(len(desa.postal_code) == 5 for desa in Desa.objects.all())
    assert Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga").postal_code == "53316"


def test_second_run_keeps_editor_changes(portal_content):
    kecamatan = Kecamatan.objects.get(name="Bobotsari")
    kecamatan.name = "Bobotsari (diubah)"
    kecamatan.save()
    about = Page.objects.get(slug="tentang-kami").specific
    about.title = "Tentang Portal"
    about.save_revision().publish()

    call_command("load_initial_data", stdout=open("/dev/null", "w"))

    assert Kecamatan.objects.filter(name="Bobotsari (diubah)").exists()
    assert Page.objects.get(slug="tentang-kami").title == "Tentang Portal"
