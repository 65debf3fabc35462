import pytest
from users.factories import PersonalFactory, complete_personal_profile
from users.models import Desa

pytestmark = pytest.mark.django_db

def test_pages(client):
    u = PersonalFactory()
    client.force_login(u)
    for url in ["/akun/profil/", "/akun/profil/data/", "/akun/profil/pengalaman/tambah/", "/akun/profil/pendidikan/tambah/",
                "/akun/profil/keterampilan/tambah/", "/akun/profil/organisasi/tambah/", "/akun/resume/"]:
        r = client.get(url)
        assert r.status_code == 200, url
    r = client.get("/akun/profil/data/")
    open("/tmp/smoke/data.html","w").write(r.content.decode())
    r = client.get("/akun/resume/unduh/")
    assert r.status_code == 302
