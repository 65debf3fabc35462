"""Using services (guide §5.2; issue 6): Gunakan Jasa → confirmation → request; the provider's
Permintaan Jasa (Terima, Tolak with a reason, Selesai) and Pengguna Jasa; Gunakan Jasa Terkirim
(Batalkan, the provider's contact once accepted); expiry; who may do what."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from marketplace import service_use_cases as use_cases
from marketplace.choices import ContactPreference, ServiceRequestStatus, ServiceStatus
from marketplace.factories import ServiceFactory, ServiceRequestFactory
from marketplace.models import ServiceRequest, ServiceRequestEvent
from marketplace.use_cases import UseCaseError
from users.factories import MitraFactory, PersonalFactory, UserFactory
from users.models import Notification

pytestmark = pytest.mark.django_db

S = ServiceRequestStatus
RECEIVED_URL = "/akun/permintaan-jasa/"
SENT_URL = "/akun/gunakan-jasa-terkirim/"
USERS_URL = "/akun/pengguna-jasa/"


def request_url(service):
    return f"/akun/gunakan-jasa/{service.pk}/"


def accept_url(r):
    return f"/akun/permintaan-jasa/{r.pk}/terima/"


def reject_url(r):
    return f"/akun/permintaan-jasa/{r.pk}/tolak/"


def complete_url(r):
    return f"/akun/permintaan-jasa/{r.pk}/selesai/"


def cancel_url(r):
    return f"/akun/gunakan-jasa-terkirim/{r.pk}/batal/"


@pytest.fixture
def provider(db):
    return PersonalFactory(
        first_name="Budi", last_name="Santoso", phone="6281211112222", email="budi@contoh.id"
    )


@pytest.fixture
def service(provider):
    return ServiceFactory(provider=provider, title="Tukang Cat Rumah")


@pytest.fixture
def requester(db):
    return MitraFactory(mitra_profile__name="CV Maju Jaya", phone="6281333334444", email="maju@contoh.id")


def wish(days=3):
    return timezone.localdate() + datetime.timedelta(days=days)


def form(**overrides):
    return {
        "message": "Mohon cat ulang kantor kami.",
        "wished_date": wish().isoformat(),
        "contact_preference": ContactPreference.WHATSAPP,
        **overrides,
    }


def send(user, service, **overrides):
    data = {"message": "Tolong bantu.", "wished_date": None, "contact_preference": ContactPreference.EMAIL}
    data.update(overrides)
    return use_cases.request_service(user, service, **data)[0]


def events(r):
    return list(ServiceRequestEvent.objects.filter(request=r).values_list("from_status", "to_status"))


# --- Gunakan Jasa --------------------------------------------------------------------------------


def test_gunakan_jasa_form_confirmation_then_one_request(client, service, requester, provider):
    client.force_login(requester)
    page = client.get(request_url(service)).content.decode()
    assert "Tukang Cat Rumah" in page and "Budi Santoso" in page and "Rp 150.000 per hari" in page
    for label in ("Pesan", "Tanggal yang diinginkan", "Dihubungi lewat", "WhatsApp", "Telepon", "Email"):
        assert label in page
    assert ">Konfirmasi<" in page and "data-submit-once" in page

    confirm = client.post(request_url(service), {**form(), "aksi": "konfirmasi"}).content.decode()
    assert "Konfirmasi Penggunaan Jasa" in confirm
    assert "Mohon cat ulang kantor kami." in confirm and "WhatsApp" in confirm
    assert ">Gunakan Jasa</button>" in confirm and ">Ubah</button>" in confirm
    assert not ServiceRequest.objects.exists()

    back = client.post(request_url(service), {**form(), "aksi": "ubah"}).content.decode()
    assert "Mohon cat ulang kantor kami.</textarea>" in back and ">Konfirmasi<" in back

    response = client.post(request_url(service), {**form(), "aksi": "kirim"}, follow=True)
    assert response.redirect_chain[-1][0] == SENT_URL
    html = response.content.decode()
    assert "sudah terkirim ke Budi Santoso" in html and "Dikirim" in html and "Batalkan" in html
    r = ServiceRequest.objects.get()
    assert (r.requester, r.status, r.wished_date, r.contact_preference) == (
        requester,
        S.DIKIRIM,
        wish(),
        ContactPreference.WHATSAPP,
    )
    assert events(r) == [("", S.DIKIRIM)]
    told = Notification.objects.get(user=provider)
    assert "Tukang Cat Rumah" in told.title and "CV Maju Jaya" in told.body and told.url == RECEIVED_URL
    assert mail.outbox and mail.outbox[-1].to == ["budi@contoh.id"]

    # Double submit: still one request, one event, one notification, and a calm message.
    again = client.post(request_url(service), {**form(), "aksi": "kirim"}, follow=True).content.decode()
    assert "sudah terkirim dan masih berjalan" in again
    assert ServiceRequest.objects.count() == 1 and len(events(r)) == 1
    assert Notification.objects.filter(user=provider).count() == 1
    # Back on the page: the running request, no form.
    page = client.get(request_url(service)).content.decode()
    assert "Anda sudah mengirim permintaan untuk jasa ini" in page and 'name="message"' not in page
    assert f'href="{SENT_URL}"' in page


def test_errors_beside_the_fields_and_typed_data_kept(client, service, requester):
    client.force_login(requester)
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    html = client.post(request_url(service), {**form(message="  ", wished_date=past), "aksi": "konfirmasi"})
    html = html.content.decode()
    assert "Pesan wajib diisi." in html
    assert "Tanggal yang diinginkan tidak boleh sebelum hari ini." in html
    html = client.post(request_url(service), {**form(wished_date=past), "aksi": "kirim"}).content.decode()
    assert "tidak boleh sebelum hari ini" in html and "Mohon cat ulang kantor kami." in html
    assert not ServiceRequest.objects.exists()
    with pytest.raises(UseCaseError):
        send(requester, service, wished_date=timezone.localdate() - datetime.timedelta(days=1))


def test_no_phone_means_email_contact(client, service):
    user = PersonalFactory(phone="")
    client.force_login(user)
    html = client.post(request_url(service), {**form(), "aksi": "konfirmasi"}).content.decode()
    assert "Nomor HP Anda belum diisi" in html
    html = client.post(request_url(service), {**form(contact_preference="email"), "aksi": "konfirmasi"})
    assert "Konfirmasi Penggunaan Jasa" in html.content.decode()


def test_wished_date_is_optional(client, service, provider, requester):
    client.force_login(requester)
    client.post(request_url(service), {**form(wished_date=""), "aksi": "kirim"})
    assert ServiceRequest.objects.get().wished_date is None
    client.force_login(provider)
    assert "tidak ditentukan" in client.get(RECEIVED_URL).content.decode()


@pytest.mark.parametrize(
    "case, blocker",
    [
        ("own", "Ini jasa Anda sendiri."),
        ("paused", "Jasa ini sedang tidak menerima permintaan."),
        ("archived", "Jasa ini sedang tidak menerima permintaan."),
        ("unverified", "Verifikasi email Anda terlebih dahulu sebelum menggunakan jasa."),
    ],
)
def test_blockers_are_shown_with_links_and_no_form(client, service, provider, case, blocker):
    user = PersonalFactory()
    if case == "own":
        user = provider
    elif case in ("paused", "archived"):
        service.status = ServiceStatus.PAUSED if case == "paused" else ServiceStatus.ARCHIVED
        service.save()
    else:
        user = PersonalFactory(email_verified_at=None)
    client.force_login(user)
    html = client.get(request_url(service)).content.decode()
    assert blocker in html and 'name="message"' not in html
    link = {
        "own": 'href="/akun/jasa/"',
        "paused": 'href="/penawaran-jasa/"',
        "archived": 'href="/penawaran-jasa/"',
        "unverified": 'href="/akun/daftar/terkirim/"',
    }[case]
    assert link in html
    client.post(request_url(service), {**form(), "aksi": "kirim"})
    assert not ServiceRequest.objects.exists()
    with pytest.raises(UseCaseError):
        send(user, service)


def test_staff_are_refused_and_visitors_go_to_the_login(client, service):
    url = request_url(service)
    response = client.get(url)
    assert response.status_code == 302 and response.url == f"/akun/login/?next={url}"
    client.force_login(UserFactory(account_type="staff", is_staff=True))
    response = client.get(url)
    assert response.status_code == 403
    assert "Hanya akun Personal dan Mitra yang dapat menggunakan jasa." in response.content.decode()
    assert client.post(url, {**form(), "aksi": "kirim"}).status_code == 403
    assert not ServiceRequest.objects.exists()


def test_an_unknown_service_is_a_404(client, requester):
    client.force_login(requester)
    assert client.get("/akun/gunakan-jasa/999999/").status_code == 404


def test_a_new_request_after_the_last_one_ended(service, requester):
    first = send(requester, service)
    assert send(requester, service) == first  # while running: the same request
    use_cases.reject_request(service.provider, first, "Sedang penuh.")
    second = send(requester, service)
    assert second != first and second.status == S.DIKIRIM


# --- Permintaan Jasa: Terima, Tolak, Selesai ----------------------------------------------------


def test_provider_accepts_then_completes_and_both_sides_see_each_status(client, service, provider, requester):
    r = send(
        requester, service, message="Cat pagar depan.", wished_date=wish(5), contact_preference="telepon"
    )
    Notification.objects.all().delete()
    mail.outbox.clear()

    client.force_login(provider)
    page = client.get(RECEIVED_URL).content.decode()
    assert "CV Maju Jaya" in page and "Tukang Cat Rumah" in page and "Cat pagar depan." in page
    assert wish(5).strftime("%Y") in page and "Telepon" in page and "Dikirim" in page
    assert ">Terima<" in page and ">Tolak<" in page
    assert "maju@contoh.id" not in page  # the requester's contact: only once accepted

    response = client.post(accept_url(r), follow=True)
    html = response.content.decode()
    assert "Permintaan diterima" in html and "Diterima" in html and "maju@contoh.id" in html
    assert ">Selesai<" in html
    r.refresh_from_db()
    assert r.status == S.DITERIMA and r.responded_at is not None
    told = Notification.objects.get(user=requester)
    assert told.event == "service_request.accepted" and told.url == SENT_URL
    assert mail.outbox[-1].to == ["maju@contoh.id"]

    # Double click on Terima: a calm note; one event, one notification.
    assert "sudah diterima" in client.post(accept_url(r), follow=True).content.decode()
    assert events(r) == [("", S.DIKIRIM), (S.DIKIRIM, S.DITERIMA)]
    assert Notification.objects.filter(user=requester).count() == 1

    client.force_login(requester)
    sent = client.get(SENT_URL).content.decode()
    assert "Diterima" in sent and "budi@contoh.id" in sent and "081211112222" in sent
    assert "Batalkan" not in sent

    client.force_login(provider)
    html = client.post(complete_url(r), follow=True).content.decode()
    assert "ditandai Selesai" in html
    r.refresh_from_db()
    assert r.status == S.SELESAI and r.completed_at and r.ended_at
    assert Notification.objects.filter(user=requester, event="service_request.completed").count() == 1
    assert Notification.objects.filter(user=provider, event="service_request.rate_user").count() == 1
    assert "sudah ditandai Selesai" in client.post(complete_url(r), follow=True).content.decode()
    assert events(r)[-1] == (S.DITERIMA, S.SELESAI) and len(events(r)) == 3
    assert ServiceRequestEvent.objects.filter(request=r, to_status=S.SELESAI).get().actor == provider

    users = client.get(USERS_URL).content.decode()
    assert "CV Maju Jaya" in users and "Tukang Cat Rumah" in users and "Selesai" in users
    assert users.count(date_format(timezone.localtime(r.completed_at), "j M Y")) >= 3  # asked, accepted, done

    client.force_login(requester)
    sent = client.get(SENT_URL).content.decode()
    assert "Selesai" in sent and "budi@contoh.id" in sent


def test_tolak_needs_a_reason_which_the_requester_reads(client, service, provider, requester):
    r = send(requester, service)
    client.force_login(provider)
    page = client.get(reject_url(r)).content.decode()
    assert "Alasan penolakan" in page and "CV Maju Jaya" in page
    html = client.post(reject_url(r), {"reason": "  "}).content.decode()
    assert "Tuliskan alasan penolakan." in html
    r.refresh_from_db()
    assert r.status == S.DIKIRIM

    response = client.post(reject_url(r), {"reason": "Jadwal penuh sampai bulan depan."}, follow=True)
    assert response.redirect_chain[-1][0] == RECEIVED_URL
    assert "Permintaan ditolak" in response.content.decode()
    r.refresh_from_db()
    assert r.status == S.DITOLAK and r.reject_reason == "Jadwal penuh sampai bulan depan."
    event = ServiceRequestEvent.objects.get(request=r, to_status=S.DITOLAK)
    assert event.note == "Jadwal penuh sampai bulan depan." and event.actor == provider
    told = Notification.objects.get(user=requester, event="service_request.rejected")
    assert told.body == "Jadwal penuh sampai bulan depan."
    assert "sudah ditolak" in client.post(reject_url(r), {"reason": "lagi"}, follow=True).content.decode()
    assert ServiceRequestEvent.objects.filter(request=r, to_status=S.DITOLAK).count() == 1

    client.force_login(requester)
    sent = client.get(SENT_URL).content.decode()
    assert "Ditolak" in sent and "Jadwal penuh sampai bulan depan." in sent
    assert "budi@contoh.id" not in sent and "Batalkan" not in sent


def test_status_filter_on_permintaan_jasa(client, service, provider):
    ServiceRequestFactory(service=service, message="Pesan satu", status=S.DITERIMA)
    ServiceRequestFactory(service=service, message="Pesan dua")
    client.force_login(provider)
    html = client.get(RECEIVED_URL + "?status=diterima").content.decode()
    assert "Pesan satu" in html and "Pesan dua" not in html
    html = client.get(RECEIVED_URL + "?status=tidak-ada").content.decode()
    assert "Pesan satu" in html and "Pesan dua" in html
    other = ServiceFactory(provider=provider)
    html = client.get(f"{RECEIVED_URL}?jasa={other.pk}").content.decode()
    assert "Tidak ada permintaan jasa dengan pilihan ini." in html


def test_a_mitra_providers_contact_person_is_shown_once_accepted(client, requester):
    mitra = MitraFactory(mitra_profile__name="PT Bersih", mitra_profile__contact_person="Bu Rina")
    mitra.mitra_profile.contact_phone = "6281300001111"
    mitra.mitra_profile.save()
    r = send(requester, ServiceFactory(provider=mitra, title="Cleaning Service"))
    client.force_login(requester)
    sent = client.get(SENT_URL).content.decode()
    assert "PT Bersih" in sent and "Bu Rina" not in sent and mitra.email not in sent
    use_cases.accept_request(mitra, r)
    sent = client.get(SENT_URL).content.decode()
    assert "Bu Rina" in sent and "6281300001111" in sent and mitra.email in sent


# --- Batalkan ------------------------------------------------------------------------------------


def test_requester_cancels_while_dikirim_only(client, service, provider, requester):
    r = send(requester, service)
    client.force_login(requester)
    html = client.post(cancel_url(r), follow=True).content.decode()
    assert "Permintaan dibatalkan" in html and "Dibatalkan" in html
    r.refresh_from_db()
    assert r.status == S.DIBATALKAN and r.ended_at
    assert Notification.objects.filter(user=provider, event="service_request.cancelled").count() == 1
    assert "sudah dibatalkan" in client.post(cancel_url(r), follow=True).content.decode()
    assert ServiceRequestEvent.objects.filter(request=r, to_status=S.DIBATALKAN).count() == 1

    accepted = send(requester, ServiceFactory(provider=provider))
    use_cases.accept_request(provider, accepted)
    html = client.post(cancel_url(accepted), follow=True).content.decode()
    assert "tidak dapat diubah menjadi Dibatalkan" in html
    accepted.refresh_from_db()
    assert accepted.status == S.DITERIMA

    client.force_login(provider)
    for response in (
        client.get(reject_url(accepted), follow=True),
        client.post(reject_url(accepted), {"reason": "x"}, follow=True),
    ):
        assert "Permintaan berstatus Diterima tidak dapat ditolak." in response.content.decode()
    accepted.refresh_from_db()
    assert accepted.status == S.DITERIMA


# --- Forbidden moves, per party ------------------------------------------------------------------


def test_the_requester_cannot_act_as_the_provider(client, service, requester):
    r = send(requester, service)
    client.force_login(requester)
    for url in (accept_url(r), complete_url(r), reject_url(r)):
        assert client.post(url, {"reason": "x"}).status_code == 404
    with pytest.raises(UseCaseError, match="bukan untuk jasa Anda"):
        use_cases.accept_request(requester, r)
    with pytest.raises(UseCaseError):
        use_cases.reject_request(requester, r, "x")
    r.refresh_from_db()
    assert r.status == S.DIKIRIM and len(events(r)) == 1


def test_the_provider_cannot_cancel(client, service, provider, requester):
    r = send(requester, service)
    client.force_login(provider)
    assert client.post(cancel_url(r)).status_code == 404
    with pytest.raises(UseCaseError, match="bukan milik Anda"):
        use_cases.cancel_request(provider, r)
    r.refresh_from_db()
    assert r.status == S.DIKIRIM


def test_a_third_user_gets_404_everywhere(client, service, requester):
    r = send(requester, service)
    client.force_login(PersonalFactory())
    for url in (accept_url(r), complete_url(r), reject_url(r), cancel_url(r)):
        assert client.post(url, {"reason": "x"}).status_code == 404
    assert client.get(reject_url(r)).status_code == 404
    assert "Tolong bantu." not in client.get(RECEIVED_URL).content.decode()
    assert "Tukang Cat Rumah" not in client.get(SENT_URL).content.decode()


def test_staff_and_visitors_cannot_touch_requests(client, service, requester):
    r = send(requester, service)
    for url in (accept_url(r), cancel_url(r)):
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith("/akun/login/")
    client.force_login(UserFactory(account_type="staff", is_staff=True))
    for url in (accept_url(r), complete_url(r), reject_url(r), cancel_url(r)):
        assert client.post(url).status_code == 403


def test_transitions_only_from_the_right_state(service, provider, requester):
    r = send(requester, service)
    with pytest.raises(UseCaseError, match="tidak dapat diubah menjadi Selesai"):
        use_cases.complete_request(provider, r)
    use_cases.cancel_request(requester, r)
    with pytest.raises(UseCaseError, match="tidak dapat diubah menjadi Diterima"):
        use_cases.accept_request(provider, r)
    with pytest.raises(UseCaseError):
        use_cases.reject_request(provider, r, "Terlambat.")
    r = send(requester, service)
    use_cases.accept_request(provider, r)
    with pytest.raises(UseCaseError):
        use_cases.reject_request(provider, r, "Berubah pikiran.")
    with pytest.raises(UseCaseError, match="Tuliskan alasan"):
        use_cases.reject_request(provider, send(requester, ServiceFactory(provider=provider)), " ")


def test_a_paused_service_keeps_its_running_requests(client, service, provider, requester):
    r = send(requester, service)
    use_cases.pause_service(provider, service)
    use_cases.accept_request(provider, r)
    use_cases.complete_request(provider, r)
    r.refresh_from_db()
    assert r.status == S.SELESAI


# --- Expiry --------------------------------------------------------------------------------------


def test_unanswered_requests_expire_and_both_sides_are_told(
    client, settings, service, provider, requester, django_capture_on_commit_callbacks
):
    settings.SERVICE_REQUEST_EXPIRY_DAYS = 7
    old = send(requester, service)
    recent = send(requester, ServiceFactory(provider=provider))
    accepted = send(requester, ServiceFactory(provider=provider))
    use_cases.accept_request(provider, accepted)
    ServiceRequest.objects.filter(pk__in=[old.pk, accepted.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    ServiceRequest.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=6))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert use_cases.expire_stale_requests() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    accepted.refresh_from_db()
    assert old.status == S.KEDALUWARSA and old.ended_at
    assert recent.status == S.DIKIRIM and accepted.status == S.DITERIMA
    event = ServiceRequestEvent.objects.get(request=old, to_status=S.KEDALUWARSA)
    assert event.from_status == S.DIKIRIM and event.actor is None
    told = Notification.objects.get(user=requester, event="service_request.expired")
    assert "7 hari" in told.body and told.url == SENT_URL
    assert Notification.objects.filter(user=provider, event="service_request.expired").count() == 1
    assert any(message.to == ["maju@contoh.id"] for message in mail.outbox)
    assert use_cases.expire_stale_requests() == 0  # a second run changes nothing

    client.force_login(requester)
    sent = client.get(SENT_URL).content.decode()
    assert "Kedaluwarsa" in sent and "Penyedia jasa tidak menanggapi permintaan ini." in sent


def test_expire_command_prints_the_count(capsys, service, requester):
    r = send(requester, service)
    ServiceRequest.objects.filter(pk=r.pk).update(created_at=timezone.now() - datetime.timedelta(days=30))
    call_command("expire_service_requests")
    assert "1 service request(s) expired." in capsys.readouterr().out
    call_command("expire_service_requests")
    assert "0 service request(s) expired." in capsys.readouterr().out


# --- Pengguna Jasa -------------------------------------------------------------------------------


def test_pengguna_jasa_lists_accepted_and_finished_requests_with_dates(client, service, provider):
    users = {status: PersonalFactory(first_name=f"Nama{status}", last_name="X") for status in S.values}
    for status, user in users.items():
        ServiceRequestFactory(service=service, requester=user, status=status, responded_at=timezone.now())
    other = ServiceFactory(provider=provider, title="Servis Pompa Air")
    ServiceRequestFactory(service=other, requester=PersonalFactory(first_name="Lain"), status=S.SELESAI)
    client.force_login(provider)
    html = client.get(USERS_URL).content.decode()
    assert "Namaditerima" in html and "Namaselesai" in html and "Lain" in html
    for status in ("dikirim", "ditolak", "dibatalkan", "kedaluwarsa"):
        assert f"Nama{status}" not in html
    html = client.get(f"{USERS_URL}?jasa={service.pk}").content.decode()
    assert "Namaselesai" in html and "Servis Pompa Air</td>" not in html


# --- Query counts --------------------------------------------------------------------------------


def _baseline(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_permintaan_jasa_and_pengguna_jasa_query_counts_do_not_grow(
    client, service, provider, django_assert_max_num_queries
):
    ServiceRequestFactory(service=service, status=S.DITERIMA, requester=MitraFactory())
    client.force_login(provider)
    received = _baseline(client, RECEIVED_URL, django_assert_max_num_queries)
    used = _baseline(client, USERS_URL, django_assert_max_num_queries)
    for status in (S.DIKIRIM, S.DITERIMA, S.SELESAI, S.DITOLAK):
        ServiceRequestFactory(service=ServiceFactory(provider=provider), status=status)
        ServiceRequestFactory(service=service, status=status, requester=MitraFactory())
    with django_assert_max_num_queries(received):
        client.get(RECEIVED_URL)
    with django_assert_max_num_queries(used):
        client.get(USERS_URL)


def test_gunakan_jasa_terkirim_query_count_does_not_grow(client, requester, django_assert_max_num_queries):
    ServiceRequestFactory(requester=requester, status=S.DITERIMA)
    client.force_login(requester)
    baseline = _baseline(client, SENT_URL, django_assert_max_num_queries)
    for status in S.values:
        ServiceRequestFactory(requester=requester, status=status)
        ServiceRequestFactory(
            requester=requester, status=status, service=ServiceFactory(provider=MitraFactory())
        )
    with django_assert_max_num_queries(baseline):
        html = client.get(SENT_URL).content.decode()
    assert html.count('class="list-group-item"') == 13
