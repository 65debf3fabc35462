"""schema.org JobPosting JSON-LD on the vacancy detail page (issue 5): Google's required properties
and the recommended ones we have; none on a vacancy that takes no applications; no script injection."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from marketplace.choices import VacancyStatus
from marketplace.factories import TipePekerjaanFactory, VacancyFactory
from marketplace.jsonld import employment_type
from marketplace.models import TipePekerjaan
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def detail(client, vacancy):
    response = client.get(f"/lowongan/{vacancy.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def postings(html):
    return [json.loads(script) for script in LD_SCRIPT.findall(html)]


def job_posting(client, vacancy):
    (data,) = postings(detail(client, vacancy))
    return data


@pytest.fixture
def kecamatan(db):
    return [Kecamatan.objects.get(name="Bobotsari"), Kecamatan.objects.get(name="Kutasari")]


@pytest.fixture
def vacancy(kecamatan):
    published = timezone.make_aware(datetime.datetime(2025, 3, 4, 23, 30))  # Asia/Jakarta
    vacancy = VacancyFactory(
        title="Penjahit Garmen",
        description="Menjahit seragam sekolah.\n\nBekerja di Bobotsari & sekitarnya.",
        qualifications="Bisa <mesin jahit>.",
        salary_min=2_500_000,
        salary_max=3_500_000,
        job_type=TipePekerjaan.objects.get(name="Kontrak"),
        end_date=timezone.localdate() + datetime.timedelta(days=10),
        published_at=published,
        locations=kecamatan,
    )
    mitra = vacancy.mitra
    mitra.name = "CV Rambut Indah"
    mitra.website = "https://rambutindah.example.id/"
    mitra.logo = "mitra/logo/rambut.png"
    mitra.save()
    return vacancy


def test_job_posting_has_every_property(client, vacancy):
    data = job_posting(client, vacancy)

    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Penjahit Garmen"
    assert "<p>Menjahit seragam sekolah.</p>" in data["description"]
    assert "Bobotsari &amp; sekitarnya" in data["description"]
    assert "Kualifikasi" in data["description"] and "Bisa &lt;mesin jahit&gt;." in data["description"]
    assert data["datePosted"] == "2025-03-04"
    assert data["validThrough"] == f"{vacancy.end_date.isoformat()}T23:59:59+07:00"
    assert data["employmentType"] == "CONTRACTOR"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "CV Rambut Indah",
        "sameAs": "https://rambutindah.example.id/",
        "logo": "http://testserver/media/mitra/logo/rambut.png",
    }
    assert data["jobLocation"] == [
        {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": name,
                "addressRegion": "Jawa Tengah",
                "addressCountry": "ID",
            },
        }
        for name in ["Bobotsari", "Kutasari"]
    ]
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "IDR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 2_500_000,
            "maxValue": 3_500_000,
            "unitText": "MONTH",
        },
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Kepenak Ngodene",
        "value": str(vacancy.pk),
    }
    assert data["directApply"] is True
    assert data["url"] == f"http://testserver/lowongan/{vacancy.pk}/"


def test_organization_without_website_or_logo(client):
    data = job_posting(client, VacancyFactory())
    assert set(data["hiringOrganization"]) == {"@type", "name"}


def test_salary_is_left_out_when_hidden(client, vacancy):
    vacancy.salary_hidden = True
    vacancy.save()
    data = job_posting(client, vacancy)
    assert "baseSalary" not in data
    assert "2500000" not in json.dumps(data)


def test_single_salary_figure(client, vacancy):
    vacancy.salary_max = None
    vacancy.save()
    value = job_posting(client, vacancy)["baseSalary"]["value"]
    assert value == {"@type": "QuantitativeValue", "value": 2_500_000, "unitText": "MONTH"}


@pytest.mark.parametrize(
    "changes",
    [
        {"end_date": timezone.localdate() - datetime.timedelta(days=1)},
        {"status": VacancyStatus.CLOSED},
        {"status": VacancyStatus.FILLED},
    ],
    ids=["expired", "closed", "filled"],
)
def test_no_job_posting_once_the_vacancy_takes_no_applications(client, vacancy, changes):
    for field, value in changes.items():
        setattr(vacancy, field, value)
    vacancy.save()
    html = detail(client, vacancy)
    assert "Lowongan ini sudah tidak menerima lamaran" in html
    assert "application/ld+json" not in html


def test_ends_today_is_still_valid_through_the_evening(client, vacancy):
    vacancy.end_date = timezone.localdate()
    vacancy.save()
    assert job_posting(client, vacancy)["validThrough"].endswith("T23:59:59+07:00")


def test_a_title_cannot_break_out_of_the_script(client, vacancy):
    evil = "</script><script>alert(1)</script><!--"
    vacancy.title = evil
    vacancy.description = evil
    vacancy.save()
    vacancy.mitra.name = evil
    vacancy.mitra.save()
    html = detail(client, vacancy)

    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in html
    assert head.count("</script>") == 1  # only the JSON-LD block's own end tag
    data = json.loads(LD_SCRIPT.search(head).group(1))
    assert data["title"] == evil
    assert data["hiringOrganization"]["name"] == evil
    assert "&lt;/script&gt;" in data["description"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Penuh Waktu", "FULL_TIME"),
        ("Paruh Waktu", "PART_TIME"),
        ("Kontrak", "CONTRACTOR"),
        ("Harian", "PER_DIEM"),
        ("Magang", "INTERN"),
        ("Lepas (Freelance)", "CONTRACTOR"),
        ("lepas", "CONTRACTOR"),
        ("Borongan", "OTHER"),
    ],
)
def test_employment_type_mapping(name, expected):
    assert employment_type(TipePekerjaan(name=name)) == expected


def test_employment_type_on_the_page(client):
    vacancy = VacancyFactory(job_type=TipePekerjaanFactory(name="Magang"))
    assert job_posting(client, vacancy)["employmentType"] == "INTERN"
