"""Heavy documents on a bulk-loaded database: the Laporan Personal export as the background job it is,
"Unduh Resume" and the Mitra's applicant-list PDF ("Cetak PDF"). Table of figures and targets,
optionally JSON. Not part of the test suite (bench/README.md, "Heavy documents").

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kepenak_bench REDIS_URL=redis://127.0.0.1:6379/12 \\
        .venv/bin/python bench/jobs.py [--only export,resume,applicants] [--json var/bench/jobs.json]

1. Export: ``users.report_tasks.start_personal_accounts_export`` (the path the export view takes above
   INLINE_EXPORT_LIMIT rows: outbox row, relayed to rq on commit) as the demo ``superadmin`` with no
   filter (every Personal of the regency), then ``manage.py rqworker default --burst`` as a child
   process. Ready = the "export ready" notification exists (the file is saved just before it); the
   peak RSS is the largest of the worker and its work horse (getrusage(RUSAGE_CHILDREN) of a small
   wrapper process around the worker; /proc is sampled too, per process).
2. Resume: GET "Unduh Resume" (users:resume_pdf) through the Django test client as one Personal with
   a full profile; median of --repeat runs after one cold run.
3. Applicant list: the background job behind "Cetak PDF" of one vacancy (print_applicant_list);
   median of --pdf-repeat runs.

Writes to the database (idempotent, documented in bench/README.md): the export's outbox rows and
notifications (as any export); a generated photo for the resume's Personal (bulk profiles have none,
and a resume needs a 100 % profile); applications topping one vacancy of the demo ``mitra`` up to
--applicants (bulk_create, status Terkirim).
"""

import argparse
import json
import logging
import os
import re
import resource
import secrets
import statistics
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"

TARGETS = {
    "export_ready_s": 60.0,
    "export_peak_rss_mb": 500.0,
    "resume_pdf_s": 1.0,
    "applicants_pdf_s": 10.0,
}


# --- Peak RSS of a child process tree -------------------------------------------------------------


def rusage_wrapper(argv):
    """``jobs.py --rusage-wrap OUT -- CMD...``: run CMD, then write its exit status and the peak RSS of
    CMD and every descendant it waited for (rq's work horse) to OUT. Runs before Django is set up."""
    out, command = argv[0], argv[argv.index("--") + 1 :]
    returncode = subprocess.call(command)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "returncode": returncode,
        "maxrss_kb": usage.ru_maxrss,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }
    Path(out).write_text(json.dumps(figures))
    return returncode


def _children_table():
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        table.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    return table


def _descendants(pid):
    table, found, todo = _children_table(), [], [pid]
    while todo:
        for child in table.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _hwm_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples VmHWM of every descendant of ``pid`` (the wrapper) every ``interval`` seconds."""

    def __init__(self, pid, interval=0.1):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peaks, self.stop = pid, interval, {}, threading.Event()

    def run(self):
        while not self.stop.is_set():
            for child in _descendants(self.pid):
                self.peaks[child] = max(self.peaks.get(child, 0), _hwm_kb(child))
            self.stop.wait(self.interval)


if __name__ == "__main__" and sys.argv[1:2] == ["--rusage-wrap"]:
    sys.exit(rusage_wrapper(sys.argv[2:]))


# --- Django ----------------------------------------------------------------------------------------


def _environment():
    """bench.settings with what bench/README.md §2 exports, unless the caller set it."""
    defaults = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1:8790",
        "SECURE_SSL_REDIRECT": "false",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8790",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(BENCH_DIR / "email"),
        "WHATSAPP_BACKEND": "file",
        "WHATSAPP_FILE_PATH": str(BENCH_DIR / "whatsapp"),
        "MEDIA_ROOT": str(BENCH_DIR / "media"),
        "PRIVATE_MEDIA_ROOT": str(BENCH_DIR / "private"),
        "LOG_FORMAT": "plain",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    for name in ("EMAIL_FILE_PATH", "WHATSAPP_FILE_PATH", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        Path(os.environ[name]).mkdir(parents=True, exist_ok=True)


def _setup_django():
    sys.path.insert(0, str(ROOT))
    _environment()
    import django

    django.setup()
    # The portal's access log and xhtml2pdf's CSS notes would drown the table; the worker logs to a file.
    logging.disable(logging.WARNING)


def _seconds(value):
    return round(value, 3) if value is not None else None


def _mb(kb):
    return round(kb / 1024, 1) if kb else None


# --- 1. Export of Laporan Personal ----------------------------------------------------------------


def bench_export(fmt, username, keep_files=False):
    import django_rq
    from django.core.files.storage import storages
    from rq.job import Job

    from portal.job_files import REPORT_EXPORTS
    from portal.job_outbox import rq_job_id
    from portal.models import BackgroundJob
    from users import report_tasks
    from users.models import Notification, User
    from users.report_forms import ReportFilterForm
    from users.reports import personal_accounts

    user = User.objects.get(username=username)
    rows = personal_accounts(user, ReportFilterForm({}, user=user).filters()).count()
    queue = django_rq.get_queue("default")
    if not queue.is_async:
        raise SystemExit("REDIS_URL must be set: the export is measured through a real rq worker.")
    if queue.count:
        raise SystemExit(
            f"The default queue of {os.environ['REDIS_URL']} already holds {queue.count} job(s)."
        )

    started = time.time()
    token = report_tasks.start_personal_accounts_export(user, {}, fmt)  # committed: relayed to Redis
    enqueued = time.time()
    outbox = BackgroundJob.objects.get(func="users.report_tasks.export_personal_accounts", args__3=token)

    usage_file = BENCH_DIR / f"jobs-rusage-{token}.json"
    log_path = BENCH_DIR / f"jobs-worker-{fmt}.log"
    worker = [sys.executable, str(ROOT / "manage.py"), "rqworker", "default", "--burst"]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--rusage-wrap", str(usage_file), "--", *worker],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        sampler = TreeSampler(process.pid)
        sampler.start()
        returncode = process.wait()
        finished = time.time()
        sampler.stop.set()
        sampler.join()
    usage = json.loads(usage_file.read_text())
    usage_file.unlink()

    outbox.refresh_from_db()
    notification = Notification.objects.filter(user=user, url__contains=token).first()
    rq_job = Job.fetch(rq_job_id(outbox), connection=queue.connection)
    job_seconds = (
        (rq_job.ended_at - rq_job.started_at).total_seconds()
        if rq_job.started_at and rq_job.ended_at
        else None
    )
    storage = storages["private"]
    name = REPORT_EXPORTS.path(user.pk, report_tasks.PERSONAL_KIND, token, fmt)
    written_rows = None
    size = storage.size(name) if storage.exists(name) else None
    if size:
        with storage.open(name, "rb") as file:
            written_rows = _count_rows(file, fmt)
        if not keep_files:
            storage.delete(name)
    peaks = sorted(sampler.peaks.values(), reverse=True)
    return {
        "scenario": f"export_{fmt}",
        "format": fmt,
        "user": username,
        "rows": rows,
        "rows_written": written_rows,
        "file_mb": round(size / 1024 / 1024, 1) if size else None,
        "worker_returncode": returncode,
        "job_status": outbox.status,
        "ready": notification is not None and bool(size),
        "enqueue_s": _seconds(enqueued - started),
        # Enqueue -> notification, including the start of the worker process (a running worker
        # would take a job at once): the user's wait.
        "ready_s": _seconds(notification.created_at.timestamp() - started) if notification else None,
        "worker_start_s": _seconds(rq_job.started_at.timestamp() - enqueued) if rq_job.started_at else None,
        "job_s": _seconds(job_seconds),
        "worker_wall_s": _seconds(finished - enqueued),
        "worker_cpu_s": _seconds(usage["cpu_s"]),  # worker + work horse, user + system
        "peak_rss_mb": _mb(usage["maxrss_kb"]),
        "sampled_rss_mb": [_mb(kb) for kb in peaks[:2]],  # work horse, worker (VmHWM, 0.1 s samples)
        "worker_log": str(log_path),
        "file": name if keep_files else None,
    }


def _count_rows(file, fmt):
    """Data rows in an export file (the heading row not counted)."""
    if fmt == "csv":
        return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1
    with zipfile.ZipFile(file) as archive:
        sheet = next(name for name in archive.namelist() if name.startswith("xl/worksheets/sheet"))
        count, tail = 0, b""
        with archive.open(sheet) as xml:
            for chunk in iter(lambda: xml.read(1 << 20), b""):
                data = tail + chunk
                count += data.count(b"<row")
                tail = data[-3:]
                count -= tail.count(b"<row")
        return count - 1


def profile_export(fmt, username, out_dir):
    """The export job in this process under cProfile (no worker), stats to ``out_dir``."""
    import cProfile
    import pstats

    from django.core.files.storage import storages

    from portal.job_files import REPORT_EXPORTS
    from users import report_tasks
    from users.models import User

    user = User.objects.get(username=username)
    token = secrets.token_hex(16)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    report_tasks.export_personal_accounts(user.pk, {}, fmt, token)
    profiler.disable()
    elapsed = time.perf_counter() - started
    storages["private"].delete(REPORT_EXPORTS.path(user.pk, report_tasks.PERSONAL_KIND, token, fmt))
    path = Path(out_dir) / f"export-{fmt}.prof"
    profiler.dump_stats(path)
    print(f"export {fmt} in-process under cProfile: {elapsed:.1f} s; stats in {path}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


# --- 2. "Unduh Resume" -----------------------------------------------------------------------------


def _bench_photo():
    """A 600×800 JPEG with some texture (about the size of a phone photo after upload), in the
    default storage under profil/foto/; written once."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image, ImageDraw

    name = "profil/foto/bench-resume.jpg"
    if not default_storage.exists(name):
        image = Image.new("RGB", (600, 800), (200, 210, 220))
        draw = ImageDraw.Draw(image)
        for index in range(0, 800, 8):
            draw.line(
                [(0, index), (600, (index * 7) % 800)], fill=(index % 255, 90, 255 - index % 255), width=3
            )
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=85)
        default_storage.save(name, ContentFile(buffer.getvalue()))
    return name


def resume_personal():
    """A Personal with a full profile: the profile with the most section entries among the first
    thousand that lack nothing but the photo, given the bench photo and RESUME_SECTIONS entries
    (idempotent)."""
    from django.db.models import Count, Q

    from users.completeness import personal_completeness
    from users.models import PersonalProfile
    from users.querysets import personal_profiles_with_sections

    photo = _bench_photo()
    chosen = PersonalProfile.objects.filter(photo=photo).order_by("pk").first()
    if chosen is None:
        candidates = (
            PersonalProfile.objects.filter(
                user__email_verified_at__isnull=False,
                user__phone_verified_at__isnull=False,
                desa__isnull=False,
                education_level__isnull=False,
            )
            .exclude(Q(nik="") | Q(nik__isnull=True) | Q(summary="") | Q(birth_place="") | Q(address=""))
            .order_by("pk")
            .values_list("pk", flat=True)[:1000]
        )
        chosen = (
            PersonalProfile.objects.filter(pk__in=list(candidates))
            .annotate(
                entries=Count("experiences", distinct=True)
                + Count("educations", distinct=True)
                + Count("skills", distinct=True)
                + Count("organisations", distinct=True)
            )
            .order_by("-entries", "pk")
            .first()
        )
        PersonalProfile.objects.filter(pk=chosen.pk).update(photo=photo)
    _fill_sections(chosen)
    profile = personal_profiles_with_sections().get(pk=chosen.pk)
    if not personal_completeness(profile).complete:
        raise SystemExit(
            f"Personal profile {profile.pk} is not complete: {personal_completeness(profile).missing}"
        )
    return profile


# A full resume: bulk profiles have one or two entries per section; this one gets at least these
# (long descriptions included), topped up once.
RESUME_SECTIONS = {"experiences": 4, "educations": 3, "skills": 10, "organisations": 3}
LONG_TEXT = (
    "Bertanggung jawab atas operasional harian, menyusun laporan mingguan untuk atasan, melatih "
    "karyawan baru, menjaga kualitas produk sesuai standar, serta berkoordinasi dengan bagian gudang "
    "dan pemasaran agar pesanan pelanggan terkirim tepat waktu. "
) * 3


def _fill_sections(profile):
    import datetime

    from users.choices import SkillLevel
    from users.models import Education, Organisation, Pendidikan, Skill, WorkExperience

    levels = list(Pendidikan.objects.order_by("pk")[:3])
    makers = {
        "experiences": lambda n: WorkExperience(
            profile=profile,
            position=f"Staf Produksi {n + 1}",
            company=f"CV Maju Bersama Purbalingga {n + 1}",
            start_date=datetime.date(2015 + 2 * n, 1, 1),
            end_date=datetime.date(2016 + 2 * n, 12, 31),
            description=LONG_TEXT[:1000],
        ),
        "educations": lambda n: Education(
            profile=profile,
            level=levels[n % len(levels)],
            institution=f"SMK Negeri {n + 1} Purbalingga",
            major="Teknik Mesin",
            start_year=2008 + 3 * n,
            end_year=2011 + 3 * n,
        ),
        "skills": lambda n: Skill(
            profile=profile,
            name=f"Keterampilan {n + 1:02d}",
            level=SkillLevel.values[n % len(SkillLevel.values)],
        ),
        "organisations": lambda n: Organisation(
            profile=profile,
            name=f"Karang Taruna Desa {n + 1}",
            role="Sekretaris",
            start_date=datetime.date(2012 + n, 1, 1),
            description=LONG_TEXT[:600],
        ),
    }
    for section, wanted in RESUME_SECTIONS.items():
        have = getattr(profile, section).count()
        if have < wanted:
            entries = [makers[section](n) for n in range(have, wanted)]
            type(entries[0]).objects.bulk_create(entries)


def _timed_pdf_pisa():
    """Wraps portal.pdf._pisa to record the time xhtml2pdf takes (the rest is queries and template),
    and portal.pdf._too_long_notice to count documents replaced by the "too long" notice."""
    from portal import pdf

    spent, notices = [], []
    original, original_notice = pdf._pisa, pdf._too_long_notice

    def timed(html, template_name, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(html, template_name, *args, **kwargs)
        finally:
            spent.append((time.perf_counter() - started, len(html)))

    def notice():
        notices.append(True)
        return original_notice()

    def restore():
        pdf._pisa, pdf._too_long_notice = original, original_notice

    pdf._pisa, pdf._too_long_notice = timed, notice
    return spent, notices, restore


def _page_count(data):
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def _get_pdf(client, url):
    """(wall seconds, CPU seconds of this process, body) of one GET."""
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(url, secure=True)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if response.status_code != 200 or response["Content-Type"] != "application/pdf":
        raise SystemExit(f"GET {url}: {response.status_code} {response.get('Content-Type')}")
    return elapsed, cpu, response.content


def _pdf_runs(scenario, client, url, repeat, warmup, extra):
    spent, notices, restore = _timed_pdf_pisa()
    try:
        cold = None
        if warmup:
            cold, _cpu, _data = _get_pdf(client, url)
        spent.clear()
        notices.clear()
        runs, cpus, data = [], [], b""
        for _run in range(repeat):
            elapsed, cpu, data = _get_pdf(client, url)
            runs.append(elapsed)
            cpus.append(cpu)
    finally:
        restore()
    return {
        "scenario": scenario,
        "url": url,
        **extra,
        "cold_s": _seconds(cold),
        "runs_s": [_seconds(run) for run in runs],
        "median_s": _seconds(statistics.median(runs)),
        "cpu_median_s": _seconds(statistics.median(cpus)),  # this process only (not PostgreSQL)
        # The document's own render (the notice's render, if any, is left out).
        "pisa_median_s": _seconds(
            statistics.median(seconds for seconds, size in spent if size == spent[0][1])
        ),
        "html_kb": round(spent[0][1] / 1024, 1),
        "pdf_kb": round(len(data) / 1024, 1),
        "pages": _page_count(data),
        "too_long_notices": len(notices),  # runs that hit PDF_MAX_RENDER_SECONDS or the size cap
    }


def bench_resume(repeat):
    from django.test import Client
    from django.urls import reverse

    profile = resume_personal()
    client = Client()
    client.force_login(profile.user)
    sections = {
        name: len(getattr(profile, name).all())
        for name in ("experiences", "educations", "skills", "organisations")
    }
    return _pdf_runs(
        "resume_pdf",
        client,
        reverse("users:resume_pdf"),
        repeat,
        warmup=True,
        extra={"personal": profile.user.username, "profile_id": profile.pk, "sections": sections},
    )


# --- 3. Applicant list of one vacancy ----------------------------------------------------------------


def applicants_vacancy(count, vacancy_pk=None):
    """The demo ``mitra``'s vacancy with the most applicants (or ``vacancy_pk``), topped up to ``count``
    applications (idempotent: Personal accounts in pk order that have not applied, bulk_create).
    Returns (vacancy, applications created now)."""
    from django.db import transaction
    from django.db.models import Count

    from marketplace.choices import ApplicationStatus
    from marketplace.models import Application, Vacancy
    from users.models import PersonalProfile

    if vacancy_pk:
        vacancy = Vacancy.objects.select_related("mitra__user").get(pk=vacancy_pk)
    else:
        vacancy = (
            Vacancy.objects.filter(mitra__user__username="mitra")
            .annotate(applicants=Count("applications"))
            .select_related("mitra__user")
            .order_by("-applicants", "pk")
            .first()
        )
    missing = count - vacancy.applications.count()
    if missing <= 0:
        return vacancy, 0
    applied = Application.objects.filter(vacancy=vacancy).values("personal_id")
    personals = (
        PersonalProfile.objects.exclude(pk__in=applied).order_by("pk").values_list("pk", flat=True)[:missing]
    )
    with transaction.atomic():
        created = Application.objects.bulk_create(
            [
                Application(vacancy=vacancy, personal_id=pk, status=ApplicationStatus.TERKIRIM)
                for pk in personals
            ],
            ignore_conflicts=True,
        )
    return vacancy, len(created)


def bench_applicants(count, repeat, vacancy_pk=None):
    """The job behind "Cetak PDF" of a long applicant list (marketplace/printing_tasks.py), run
    in this process as the worker runs it: render, store, notify. Wall time per run."""
    from django.core.files.storage import storages

    from marketplace import printing_tasks
    from portal.job_files import APPLICANT_LISTS

    vacancy, created = applicants_vacancy(count, vacancy_pk)
    user_id = vacancy.mitra.user_id
    runs, data = [], b""
    for _run in range(repeat):
        token = uuid.uuid4().hex
        started = time.perf_counter()
        if printing_tasks.print_applicant_list(user_id, vacancy.pk, token) is None:
            raise SystemExit(f"the applicant-list job refused vacancy {vacancy.pk}")
        runs.append(time.perf_counter() - started)
        name = APPLICANT_LISTS.path(user_id, printing_tasks.pdf_stem(vacancy.pk), token, "pdf")
        storage = storages["private"]
        with storage.open(name, "rb") as stored:
            data = stored.read()
        storage.delete(name)
    return {
        "scenario": "applicants_pdf",
        "vacancy_id": vacancy.pk,
        "mitra": vacancy.mitra.user.username,
        "rows": vacancy.applications.count(),
        "created_now": created,
        "runs_s": [_seconds(run) for run in runs],
        "median_s": _seconds(statistics.median(runs)),
        "pdf_kb": round(len(data) / 1024, 1),
        "pages": _page_count(data),
    }


# --- Report -------------------------------------------------------------------------------------------


def verdicts(results):
    checks = []
    for result in results:
        scenario = result["scenario"]
        if scenario.startswith("export_"):
            checks.append((f"{scenario} ready", result["ready_s"], TARGETS["export_ready_s"], "s"))
            checks.append(
                (f"{scenario} peak RSS", result["peak_rss_mb"], TARGETS["export_peak_rss_mb"], "MB")
            )
        elif scenario == "resume_pdf":
            checks.append(("resume_pdf median", result["median_s"], TARGETS["resume_pdf_s"], "s"))
        elif scenario == "applicants_pdf":
            checks.append(("applicants_pdf median", result["median_s"], TARGETS["applicants_pdf_s"], "s"))
    return [
        {
            "check": name,
            "value": value,
            "target": target,
            "unit": unit,
            "ok": value is not None and value < target,
        }
        for name, value, target, unit in checks
    ]


def print_table(results, checks):
    for result in results:
        scenario = result["scenario"]
        if scenario.startswith("export_"):
            print(
                f"{scenario:16} rows {result['rows']:>8,} written {result['rows_written'] or 0:>8,}"
                f"  file {result['file_mb'] or 0:>6.1f} MB  ready {result['ready_s'] or 0:>7.1f} s"
                f" (worker start {result['worker_start_s'] or 0:.1f} s, job {result['job_s'] or 0:.1f} s,"
                f" CPU {result['worker_cpu_s'] or 0:.1f} s)"
                f"  peak RSS {result['peak_rss_mb'] or 0:>6.1f} MB  status {result['job_status']}"
            )
        elif scenario == "applicants_pdf":
            print(
                f"{scenario:16} rows {result['rows']:>5}     median {result['median_s']:>6.2f} s (the job:"
                f" render, store, notify)  runs {result['runs_s']}"
                f"  {result['pages']} pages, {result['pdf_kb']} KB"
            )
        else:
            rows = f"rows {result['rows']:>5}" if "rows" in result else f"{result['personal']}"
            cold = f" cold {result['cold_s']:.2f} s" if result["cold_s"] is not None else ""
            print(
                f"{scenario:16} {rows:14} median {result['median_s']:>6.2f} s"
                f" (CPU {result['cpu_median_s']:.2f} s,"
                f" xhtml2pdf {result['pisa_median_s']:.2f} s){cold}  runs {result['runs_s']}"
                f"  {result['pages']} pages, {result['pdf_kb']} KB, HTML {result['html_kb']} KB"
                + (
                    f"  TOO-LONG NOTICE in {result['too_long_notices']} run(s)"
                    if result["too_long_notices"]
                    else ""
                )
            )
    print()
    for check in checks:
        value = "n/a" if check["value"] is None else f"{check['value']:.2f} {check['unit']}"
        print(
            f"{check['check']:28} {value:>12}  target < {check['target']:g} {check['unit']}  "
            + ("ok" if check["ok"] else "MISSED")
        )


def _database_name():
    from django.db import connection

    return connection.settings_dict["NAME"]


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="export,resume,applicants", help="comma-separated scenarios")
    parser.add_argument("--formats", default="xlsx,csv", help="export formats, in order")
    parser.add_argument("--user", default="superadmin", help="staff account that exports (whole regency)")
    parser.add_argument("--repeat", type=int, default=5, help="resume PDF runs (median)")
    parser.add_argument("--pdf-repeat", type=int, default=3, help="applicant-list PDF runs (median)")
    parser.add_argument("--applicants", type=int, default=500, help="applicants of the vacancy printed")
    parser.add_argument("--vacancy", type=int, help="vacancy to print (default: the demo mitra's busiest)")
    parser.add_argument("--keep-files", action="store_true", help="keep the export files in private storage")
    parser.add_argument("--profile", metavar="DIR", help="also run each export in-process under cProfile")
    parser.add_argument("--json", dest="json_path", help="write the figures to this file")
    args = parser.parse_args(argv)
    _setup_django()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    results = []
    if "export" in only:
        for fmt in [name.strip() for name in args.formats.split(",") if name.strip()]:
            results.append(bench_export(fmt, args.user, keep_files=args.keep_files))
            if args.profile:
                Path(args.profile).mkdir(parents=True, exist_ok=True)
                profile_export(fmt, args.user, args.profile)
    if "resume" in only:
        results.append(bench_resume(args.repeat))
    if "applicants" in only:
        results.append(bench_applicants(args.applicants, args.pdf_repeat, args.vacancy))
    checks = verdicts(results)
    print_table(results, checks)
    # Other work on the machine inflates wall times; CPU times are less affected.
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if args.json_path:
        figures = {
            "results": results,
            "checks": checks,
            "load_average": os.getloadavg(),
            "cpus": os.cpu_count(),
            "database": _database_name(),
        }
        Path(args.json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_path).write_text(json.dumps(figures, indent=2, default=str))
    return 0 if all(check["ok"] for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
