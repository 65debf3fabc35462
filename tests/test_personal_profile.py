"""Profil Saya of a Personal account (guide chapter 5): Data Personal, the four lists, "tidak ada",
completeness, NIK rules and masking, kecamatan → desa, photo checks, ownership, identity changes."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from users.choices import VerificationStatus
from users.completeness import personal_completeness
from users.factories import MitraFactory, PersonalFactory
from users.models import (
    Desa,
    Education,
    Kecamatan,
    Organisation,
    Pendidikan,
    PersonalProfile,
    Skill,
    VerificationLog,
    WorkExperience,
)
from users.nik import mask_nik
from users.querysets import personal_profiles_with_sections

pytestmark = pytest.mark.django_db

PROFILE = "/akun/profil/"
DATA = "/akun/profil/data/"
NIK = "3303010101900001"


def image_upload(name="foto.jpg", image_format="JPEG", size=(1200, 900), content_type="image/jpeg"):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 120, 90)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


@pytest.fixture
def desa():
    return Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")


@pytest.fixture
def user(client):
    user = PersonalFactory(first_name="Siti", last_name="Nur Aini", phone_verified_at=timezone.now())
    client.force_login(user)
    return user


def personal_data(desa, **overrides):
    data = {
        "first_name": "Siti",
        "last_name": "Nur Aini",
        "nik": NIK,
        "gender": "P",
        "birth_place": "Purbalingga",
        "birth_date": "1998-05-01",
        "address": "Jl. Jenderal Sudirman 12, RT 02/RW 03",
        "kecamatan": desa.kecamatan_id,
        "desa": desa.pk,
        "summary": "Penjahit rapi dan teliti.",
        "education_level": sma_level(),
        "job_seeking_status": "aktif",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def profile_of(user):
    return personal_profiles_with_sections().get(user=user)


def missing(user):
    return [str(label) for label in personal_completeness(profile_of(user)).missing]


def sma_level():
    return Pendidikan.objects.get(name="SMA/SMK/Sederajat").pk


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


# Access ---------------------------------------------------------------------------------------


def test_profile_pages_need_a_personal_login(client):
    assert client.get(PROFILE)["Location"].startswith("/akun/login/")
    assert client.get(DATA)["Location"].startswith("/akun/login/")
    client.force_login(MitraFactory())
    assert client.get(PROFILE).status_code == 403
    assert client.get("/akun/profil/pengalaman/tambah/").status_code == 403


def test_profile_page_shows_meter_verification_account_status_and_sections(client, user):
    html = client.get(PROFILE).content.decode()
    for text in (
        "Kelengkapan profil",
        "Verifikasi Akun",
        "Data Akun",
        "Data Personal",
        "Pengalaman Kerja",
        "Pendidikan",
        "Keterampilan",
        "Organisasi",
        "Ganti Password",
        "Tambah Pengalaman Kerja",
    ):
        assert text in html, text


# Completeness ---------------------------------------------------------------------------------


def test_completeness_grows_as_each_section_is_filled(client, user, desa):
    user.phone_verified_at = None
    user.save()
    start = personal_completeness(profile_of(user))
    assert "Nomor HP terverifikasi" in missing(user)
    assert "Email terverifikasi" not in missing(user)

    response = client.post(DATA, personal_data(desa, photo=image_upload()))
    assert response.status_code == 302 and response["Location"] == "/akun/profil/#data-personal"
    after_data = personal_completeness(profile_of(user))
    assert after_data.percent > start.percent
    for label in ("NIK", "Jenis kelamin", "Tempat dan tanggal lahir", "Alamat, kecamatan dan desa", "Foto"):
        assert label not in missing(user)

    steps = [
        (
            "/akun/profil/pendidikan/tambah/",
            {
                "level": sma_level(),
                "institution": "SMK N 1 Purbalingga",
                "major": "Tata Busana",
                "start_year": 2013,
                "end_year": 2016,
            },
            "Pendidikan",
        ),
        ("/akun/profil/keterampilan/tambah/", {"name": "Menjahit", "level": "mahir"}, "Keterampilan"),
        (
            "/akun/profil/pengalaman/tambah/",
            {"position": "Operator Jahit", "company": "PT Sinar Rambut", "start_date": "2017-03-01"},
            "Pengalaman Kerja (atau tandai tidak ada)",
        ),
    ]
    previous = after_data.percent
    for url, data, label in steps:
        assert label in missing(user)
        assert client.post(url, data).status_code == 302
        assert label not in missing(user)
        current = personal_completeness(profile_of(user)).percent
        assert current > previous
        previous = current

    assert missing(user) == ["Nomor HP terverifikasi", "Organisasi (atau tandai tidak ada)"]
    client.post("/akun/profil/organisasi/tidak-ada/", {"none": "on"})
    assert missing(user) == ["Nomor HP terverifikasi"]
    html = client.get(PROFILE).content.decode()
    assert "Nomor HP terverifikasi" in html and "Verifikasi No HP" in html

    user.phone_verified_at = timezone.now()
    user.save()
    completeness = personal_completeness(profile_of(user))
    assert completeness.complete and completeness.percent == 100
    assert "Profil Anda sudah lengkap." in client.get(PROFILE).content.decode()


def test_unverified_email_is_on_the_checklist(client, desa):
    user = PersonalFactory(email_verified_at=None)
    client.force_login(user)
    html = client.get(PROFILE).content.decode()
    assert "Email terverifikasi" in missing(user)
    assert "Kirim Ulang" in html


def test_tidak_ada_counts_as_complete_and_adding_an_entry_clears_it(client, user):
    label = "Pengalaman Kerja (atau tandai tidak ada)"
    assert label in missing(user)
    response = client.post("/akun/profil/pengalaman/tidak-ada/", {"none": "on"}, follow=True)
    assert "ditandai tidak ada" in response.content.decode()
    assert label not in missing(user)
    assert PersonalProfile.objects.get(user=user).no_experience

    client.post(
        "/akun/profil/pengalaman/tambah/",
        {"position": "Kasir", "company": "Toko Makmur", "start_date": "2020-01-06", "end_date": "2021-02-01"},
    )
    profile = PersonalProfile.objects.get(user=user)
    assert not profile.no_experience
    assert label not in missing(user)  # the entry counts now

    WorkExperience.objects.filter(profile=profile).delete()
    assert label in missing(user)  # the mark does not come back by itself

    client.post("/akun/profil/pengalaman/tidak-ada/", {"none": "on"})
    client.post("/akun/profil/pengalaman/tidak-ada/", {})  # unticked and saved
    assert not PersonalProfile.objects.get(user=user).no_experience


def test_tidak_ada_is_refused_while_the_section_has_entries(client, user):
    profile = user.personal_profile
    Organisation.objects.create(profile=profile, name="Karang Taruna", start_date=datetime.date(2019, 1, 1))
    response = client.post("/akun/profil/organisasi/tidak-ada/", {"none": "on"}, follow=True)
    assert "sudah berisi data" in response.content.decode()
    assert not PersonalProfile.objects.get(pk=profile.pk).no_organisation


def test_sections_without_tidak_ada_have_no_such_url(client, user):
    assert client.post("/akun/profil/keterampilan/tidak-ada/", {"none": "on"}).status_code == 404


# Data Personal: NIK ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nik", ["330301010190000", "33030101019000012", "3303O10101900001", "3303-0101-9000-01"]
)
def test_nik_must_be_16_digits(client, user, desa, nik):
    response = client.post(DATA, personal_data(desa, nik=nik))
    assert response.status_code == 200
    assert errors_of(response, "nik") == ["NIK harus terdiri dari 16 angka, sesuai KTP."]
    html = response.content.decode()
    assert "NIK harus terdiri dari 16 angka" in html
    # Nothing typed is lost.
    assert f'value="{nik}"' in html and "Jl. Jenderal Sudirman 12, RT 02/RW 03" in html
    assert PersonalProfile.objects.get(user=user).nik is None


def test_nik_typed_in_groups_is_stored_as_16_digits(client, user, desa):
    assert client.post(DATA, personal_data(desa, nik="3303 0101 0190 0001")).status_code == 302
    assert PersonalProfile.objects.get(user=user).nik == NIK


def test_nik_taken_by_another_account_is_refused_with_a_clear_message(client, user, desa):
    other = PersonalFactory().personal_profile
    other.nik = NIK
    other.save()
    response = client.post(DATA, personal_data(desa))
    assert response.status_code == 200
    assert errors_of(response, "nik") == [
        "NIK ini sudah terdaftar pada akun lain. Periksa kembali, atau hubungi admin bila ini NIK Anda."
    ]
    assert PersonalProfile.objects.get(user=user).nik is None
    # Saving one's own NIK again is not a clash.
    other_data = personal_data(desa, nik="3303010101900002")
    assert client.post(DATA, other_data).status_code == 302
    assert client.post(DATA, other_data).status_code == 302


def test_nik_is_shown_in_full_only_on_the_owners_profile(client, user, desa):
    client.post(DATA, personal_data(desa))
    profile = PersonalProfile.objects.get(user=user)
    assert mask_nik(profile.nik) == "3303********0001"
    assert NIK in client.get(PROFILE).content.decode()
    assert NIK in client.get(DATA).content.decode()
    # Anywhere else it is masked or absent: the resume never prints it.
    assert NIK not in client.get("/akun/resume/").content.decode()
    assert str(profile) and NIK not in str(profile)


def test_first_name_is_required(client, user, desa):
    response = client.post(DATA, personal_data(desa, first_name=""))
    assert errors_of(response, "first_name") == ["Nama Depan wajib diisi."]


# Data Personal: dates, regions, photo ---------------------------------------------------------


def years_ago(years, days=0):
    today = timezone.localdate()
    return (today.replace(year=today.year - years) + datetime.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("birth_date", "message"),
    [
        (
            (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
            "Tanggal tidak boleh di masa depan.",
        ),
        (years_ago(14, days=1), "Usia harus antara 14 dan 100 tahun. Periksa kembali Tanggal Lahir."),
        (years_ago(101), "Usia harus antara 14 dan 100 tahun. Periksa kembali Tanggal Lahir."),
        ("31-02-2000", "Masukkan tanggal yang valid."),
    ],
)
def test_birth_date_must_give_an_age_of_14_to_100(client, user, desa, birth_date, message):
    response = client.post(DATA, personal_data(desa, birth_date=birth_date))
    assert response.status_code == 200
    assert message in " ".join(errors_of(response, "birth_date"))


def test_birth_date_of_a_14_year_old_is_accepted(client, user, desa):
    assert client.post(DATA, personal_data(desa, birth_date=years_ago(14))).status_code == 302


def test_desa_list_is_grouped_by_kecamatan(client, user):
    html = client.get(DATA).content.decode()
    assert '<optgroup label="Purbalingga">' in html and '<optgroup label="Bobotsari">' in html
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    assert f'value="{bancar.pk}" data-kecamatan="{bancar.kecamatan_id}"' in html
    assert "js/region-select.js" in html


def test_desa_of_another_kecamatan_is_refused(client, user, desa):
    other_kecamatan = Kecamatan.objects.get(name="Bobotsari")
    response = client.post(DATA, personal_data(desa, kecamatan=other_kecamatan.pk))
    assert response.status_code == 200
    assert errors_of(response, "desa") == [
        "Desa/Kelurahan Bancar tidak berada di Kecamatan Bobotsari. "
        "Pilih desa/kelurahan di kecamatan yang Anda pilih."
    ]
    assert PersonalProfile.objects.get(user=user).desa is None


def test_desa_without_kecamatan_fills_in_its_kecamatan(client, user, desa):
    assert client.post(DATA, personal_data(desa, kecamatan="")).status_code == 302
    profile = PersonalProfile.objects.get(user=user)
    assert profile.desa == desa and profile.kecamatan == desa.kecamatan


def test_text_file_renamed_jpg_is_refused(client, user, desa):
    fake = SimpleUploadedFile("foto.jpg", b"bukan gambar, hanya teks", content_type="image/jpeg")
    response = client.post(DATA, personal_data(desa, photo=fake))
    assert response.status_code == 200
    assert errors_of(response, "photo") == [
        "Berkas ini bukan gambar JPG atau PNG. Pilih foto berformat JPG atau PNG."
    ]
    assert "Foto yang sudah dipilih perlu dipilih lagi." in response.content.decode()
    assert not PersonalProfile.objects.get(user=user).photo


def test_image_of_another_format_is_refused(client, user, desa):
    gif = image_upload("foto.jpg", "GIF")
    response = client.post(DATA, personal_data(desa, photo=gif))
    assert errors_of(response, "photo") == [
        "Berkas ini bukan gambar JPG atau PNG. Pilih foto berformat JPG atau PNG."
    ]


def test_photo_larger_than_2_mb_is_refused(client, user, desa):
    big = SimpleUploadedFile("foto.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024), content_type="image/png")
    response = client.post(DATA, personal_data(desa, photo=big))
    assert errors_of(response, "photo") == ["Ukuran foto paling besar 2 MB. Perkecil foto lalu unggah lagi."]


def test_photo_of_a_huge_resolution_is_refused(client, user, desa):
    buffer = BytesIO()
    Image.new("1", (7000, 6000)).save(buffer, "PNG")  # a tiny file, 42 million pixels
    upload = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
    response = client.post(DATA, personal_data(desa, photo=upload))
    assert errors_of(response, "photo") == ["Resolusi foto terlalu besar. Perkecil foto lalu unggah lagi."]


def test_photo_is_recognised_by_content_and_stored_small(client, user, desa):
    png_named_jpg = image_upload("saya.jpg", "PNG", size=(1600, 1200))
    assert client.post(DATA, personal_data(desa, photo=png_named_jpg)).status_code == 302
    photo = PersonalProfile.objects.get(user=user).photo
    assert photo.name.startswith("profil/foto/") and photo.name.endswith(".png")
    assert "saya" not in photo.name
    with Image.open(photo.path) as stored:
        assert stored.format == "PNG" and max(stored.size) == 800

    client.post(DATA, personal_data(desa, photo=image_upload()))
    replaced = PersonalProfile.objects.get(user=user).photo
    assert replaced.name.endswith(".jpg")
    assert not photo.storage.exists(photo.name)  # the old photo is removed


# The lists: add, edit, delete, order, validation --------------------------------------------


def test_add_edit_delete_work_experience_with_confirmation(client, user):
    response = client.post(
        "/akun/profil/pengalaman/tambah/",
        {"position": "Operator Jahit", "company": "PT Sinar Rambut", "start_date": "2019-07-01"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/akun/profil/#pengalaman"
    html = response.content.decode()
    assert "Pengalaman Kerja ditambahkan." in html
    assert "Juli 2019 – sekarang" in html
    entry = WorkExperience.objects.get(profile__user=user)

    edit_url = f"/akun/profil/pengalaman/{entry.pk}/ubah/"
    assert 'value="Operator Jahit"' in client.get(edit_url).content.decode()
    response = client.post(
        edit_url,
        {
            "position": "Kepala Regu",
            "company": "PT Sinar Rambut",
            "start_date": "2019-07-01",
            "end_date": "2024-03-15",
        },
        follow=True,
    )
    assert "Pengalaman Kerja diperbarui." in response.content.decode()
    assert "Juli 2019 – Maret 2024" in response.content.decode()

    delete_url = f"/akun/profil/pengalaman/{entry.pk}/hapus/"
    confirm = client.get(delete_url).content.decode()
    assert "Yakin ingin menghapus" in confirm and "Kepala Regu" in confirm
    assert WorkExperience.objects.filter(pk=entry.pk).exists()  # asking deletes nothing
    response = client.post(delete_url, follow=True)
    assert "Pengalaman Kerja dihapus." in response.content.decode()
    assert not WorkExperience.objects.filter(pk=entry.pk).exists()
    # A second press (double submit) is harmless.
    assert client.post(delete_url)["Location"] == "/akun/profil/#pengalaman"


def test_entries_are_listed_newest_first(client, user):
    profile = user.personal_profile
    for year in (2015, 2021, 2018):
        WorkExperience.objects.create(
            profile=profile,
            position=f"Posisi {year}",
            company="CV Maju",
            start_date=datetime.date(year, 1, 1),
        )
    html = client.get(PROFILE).content.decode()
    assert html.index("Posisi 2021") < html.index("Posisi 2018") < html.index("Posisi 2015")


def test_double_submit_of_an_entry_creates_it_once(client, user):
    data = {"position": "Kasir", "company": "Toko Makmur", "start_date": "2020-01-06"}
    client.post("/akun/profil/pengalaman/tambah/", data)
    client.post("/akun/profil/pengalaman/tambah/", data)
    assert WorkExperience.objects.filter(profile__user=user).count() == 1
    skill = {"name": "Menjahit", "level": "mahir"}
    assert client.post("/akun/profil/keterampilan/tambah/", skill).status_code == 302
    assert client.post("/akun/profil/keterampilan/tambah/", {**skill, "name": "menjahit"}).status_code == 302
    assert Skill.objects.filter(profile__user=user).count() == 1


def test_same_skill_twice_is_refused(client, user):
    client.post("/akun/profil/keterampilan/tambah/", {"name": "Menjahit", "level": "dasar"})
    response = client.post("/akun/profil/keterampilan/tambah/", {"name": "MENJAHIT", "level": "mahir"})
    assert errors_of(response, "name") == ["Keterampilan ini sudah ada di profil Anda."]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"start_date": "2022-05-01", "end_date": "2021-05-01"},
            "end_date",
            "Tanggal Selesai tidak boleh sebelum Tanggal Mulai.",
        ),
        (
            {"start_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
            "start_date",
            "Tanggal tidak boleh di masa depan.",
        ),
        (
            {
                "start_date": "2020-01-01",
                "end_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
            },
            "end_date",
            "Tanggal tidak boleh di masa depan.",
        ),
        ({"start_date": "1925-01-01"}, "start_date", "Periksa tahunnya: tidak boleh sebelum tahun 1940."),
        ({"start_date": ""}, "start_date", "Kolom ini  harus diisi."),
    ],
)
def test_period_dates_are_checked(client, user, data, field, message):
    for section in ("pengalaman", "organisasi"):
        names = {"position": "Staf", "company": "CV Maju"} if section == "pengalaman" else {"name": "PKK"}
        response = client.post(f"/akun/profil/{section}/tambah/", {**names, **data})
        assert response.status_code == 200
        assert errors_of(response, field) == [message]
        html = response.content.decode()
        assert message in html
        assert 'value="Staf"' in html or 'value="PKK"' in html  # nothing typed is lost
    assert not WorkExperience.objects.exists() and not Organisation.objects.exists()


def test_work_before_birth_is_refused(client, user):
    profile = user.personal_profile
    profile.birth_date = datetime.date(2000, 6, 1)
    profile.save()
    response = client.post(
        "/akun/profil/pengalaman/tambah/",
        {"position": "Staf", "company": "CV Maju", "start_date": "1999-01-01"},
    )
    assert errors_of(response, "start_date") == ["Tidak boleh sebelum Tanggal Lahir Anda (1 Juni 2000)."]


@pytest.mark.parametrize(
    ("years", "field", "message"),
    [
        ({"start_year": 2018, "end_year": 2016}, "end_year", "Tahun Lulus tidak boleh sebelum Tahun Masuk."),
        ({"start_year": 1900}, "start_year", f"Tahun harus antara 1940 dan {timezone.localdate().year}."),
        (
            {"start_year": 2010, "end_year": timezone.localdate().year + 2},
            "end_year",
            f"Tahun harus antara 1940 dan {timezone.localdate().year}.",
        ),
    ],
)
def test_education_years_are_checked(client, user, years, field, message):
    data = {"level": sma_level(), "institution": "SMA N 1 Bobotsari", **years}
    response = client.post("/akun/profil/pendidikan/tambah/", data)
    assert errors_of(response, field) == [message]
    assert not Education.objects.exists()


def test_education_still_in_progress_reads_sekarang(client, user):
    data = {
        "level": sma_level(),
        "institution": "Universitas Perwira Purbalingga",
        "major": "Teknik Informatika",
        "start_year": 2022,
    }
    response = client.post("/akun/profil/pendidikan/tambah/", data, follow=True)
    assert "2022 – sekarang" in response.content.decode()


def test_entries_of_another_account_answer_404(client, user):
    other = PersonalFactory().personal_profile
    entries = {
        "pengalaman": WorkExperience.objects.create(
            profile=other, position="Guru", company="SD N 1", start_date=datetime.date(2015, 1, 1)
        ),
        "pendidikan": Education.objects.create(
            profile=other, level_id=sma_level(), institution="SMA N 1", start_year=2010
        ),
        "keterampilan": Skill.objects.create(profile=other, name="Mengemudi"),
        "organisasi": Organisation.objects.create(
            profile=other, name="Karang Taruna", start_date=datetime.date(2012, 1, 1)
        ),
    }
    for section, entry in entries.items():
        edit, delete = f"/akun/profil/{section}/{entry.pk}/ubah/", f"/akun/profil/{section}/{entry.pk}/hapus/"
        assert client.get(edit).status_code == 404
        assert client.post(edit, {"name": "Diubah", "position": "Diubah"}).status_code == 404
        assert client.get(delete).status_code == 404
        assert client.post(delete).status_code == 404
        assert type(entry).objects.filter(pk=entry.pk).exists()
    assert WorkExperience.objects.get(profile=other).position == "Guru"
    assert client.get("/akun/profil/pengalaman/999999/ubah/").status_code == 404


# Identity changes of a verified profile --------------------------------------------------------


def verified(user, desa):
    profile = user.personal_profile
    profile.nik = NIK
    profile.desa, profile.kecamatan = desa, desa.kecamatan
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.verified_at = timezone.now()
    profile.save()
    return profile


@pytest.mark.parametrize(
    ("change", "label"),
    [
        ({"first_name": "Sri"}, "Nama Depan"),
        ({"last_name": "Rahayu"}, "Nama Belakang"),
        ({"nik": "3303010101900009"}, "NIK"),
    ],
)
def test_identity_change_of_a_verified_profile_sends_it_back_to_diajukan(client, user, desa, change, label):
    profile = verified(user, desa)
    response = client.post(DATA, personal_data(desa, **change), follow=True)
    assert "Data Personal disimpan." in response.content.decode()
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN
    assert profile.verified_at is None and profile.submitted_at is not None
    log = VerificationLog.objects.get(account=user, action="ditinjau_ulang")
    assert label in log.note


def test_other_changes_keep_a_verified_profile_verified(client, user, desa):
    profile = verified(user, desa)
    client.post(DATA, personal_data(desa, summary="Ringkasan baru.", address="Jl. Baru 3"))
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.TERVERIFIKASI
    assert profile.summary == "Ringkasan baru."
    assert not VerificationLog.objects.filter(account=user).exists()


def test_saving_data_personal_keeps_the_verification_state_untouched(client, user, desa):
    profile = user.personal_profile
    profile.verification_status = VerificationStatus.DIAJUKAN
    profile.save()
    client.post(DATA, personal_data(desa, first_name="Sri"))
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN
    assert not VerificationLog.objects.filter(account=user).exists()


# Query efficiency -----------------------------------------------------------------------------


def add_entries(profile, count, offset=0):
    level = Pendidikan.objects.first()
    for n in range(offset, offset + count):
        WorkExperience.objects.create(
            profile=profile,
            position=f"Posisi {n}",
            company="CV Maju",
            start_date=datetime.date(2000 + n, 1, 1),
        )
        Education.objects.create(
            profile=profile, level=level, institution=f"Sekolah {n}", start_year=2000 + n
        )
        Skill.objects.create(profile=profile, name=f"Keterampilan {n}")
        Organisation.objects.create(
            profile=profile, name=f"Organisasi {n}", start_date=datetime.date(2000 + n, 1, 1)
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_profil_saya_query_count_does_not_grow_with_entries(client, user):
    profile = user.personal_profile
    add_entries(profile, 1)
    client.get(PROFILE)  # warm caches (site settings, content types)
    few = count_queries(client, PROFILE)
    add_entries(profile, 6, offset=1)
    many = count_queries(client, PROFILE)
    assert many == few
    assert "Posisi 6" in client.get(PROFILE).content.decode()
