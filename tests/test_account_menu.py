"""The account menu beside every account page (users/account_menu.py): each account type's entries
in the guide's order, each a working link, the page shown marked as the current one."""

import re

import pytest

from users.factories import MitraFactory, PersonalFactory

pytestmark = pytest.mark.django_db

MENU = re.compile(r'<ul class="nav nav-pills flex-lg-column gap-1 account-menu">(.*?)</ul>', re.S)
ENTRY = re.compile(r'<a class="nav-link( active)?"( aria-current="page")? href="([^"]+)">([^<]+)</a>')

PERSONAL_MENU = [
    "Profil Saya",
    "Resume",
    "Testimoni",
    "Lowongan Tersimpan",
    "Lamaran Terkirim",
    "Notifikasi Lowongan",
    "Tawarkan Jasa",
    "Permintaan Jasa",
    "Pengguna Jasa",
    "Jasa Tersimpan",
    "Gunakan Jasa Terkirim",
    "Pemberitahuan",
    "Ubah Email dan Nomor HP",
    "Ganti Password",
    "Unduh Data Saya",
    "Hapus Akun",
]
MITRA_MENU = [
    "Profil Mitra",
    "Dokumen",
    "Testimoni",
    "Memposting Lowongan",
    "List Lowongan",
    "Pelamar",
    "Pengumuman",
    *PERSONAL_MENU[6:],
]


def menu(client, url):
    html = client.get(url).content.decode()
    return [
        (label, href, bool(active), bool(current))
        for active, current, href, label in ENTRY.findall(MENU.search(html).group(1))
    ]


@pytest.mark.parametrize(
    "factory, labels, page",
    [(PersonalFactory, PERSONAL_MENU, "Lamaran Terkirim"), (MitraFactory, MITRA_MENU, "Pelamar")],
)
def test_each_account_type_sees_its_menu_with_the_current_page_marked(client, factory, labels, page):
    client.force_login(factory())
    entries = menu(client, "/akun/pemberitahuan/")
    assert [label for label, *_rest in entries] == labels
    assert [label for label, _href, active, current in entries if active and current] == ["Pemberitahuan"]
    href = dict((label, href) for label, href, *_rest in entries)[page]
    assert [label for label, _href, active, _current in menu(client, href) if active] == [page]
    for _label, href, *_rest in entries:
        assert client.get(href).status_code in (200, 302), href
