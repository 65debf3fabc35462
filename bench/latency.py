"""Closed-loop load generator: for each scenario (a named URL path, anonymous or logged in as a demo
account) and each concurrency level, C threads request the path back to back for D seconds over
keep-alive connections; reports requests/s, p50/p95/p99 latency and errors as a table and JSON.

``--mixed`` runs a traffic mix instead: each request picks by weight among anonymous browsing and
search (70 %), Personal accounts saving and applying (20 %) and staff pages (10 %), and the run
reports the sustained requests/s overall and per core, p50/p95/p99 per request kind and the
errors by status.

Standard library only. Not part of the test suite. See bench/README.md.

    python bench/latency.py --base-url http://127.0.0.1:8790 --clients 1,10,50 --duration 20
    python bench/latency.py --mixed --clients 10 --duration 60 --personal-accounts personal10-personal29
    python bench/latency.py --write-ceiling var/bench/root   # then restart gunicorn
"""

import argparse
import http.client
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

CEILING_FILE = "ceiling.html"
DEFAULT_PASSWORD = "Kepenak#2026"


@dataclass
class Scenario:
    name: str
    path: str
    login: str = ""  # a demo account ("personal", "mitra", "superadmin", "desa"…) to log in as first


ADMIN = "/app/v1/admin/"  # the Wagtail admin; its home page is the Dasbor

# Key pages; {vacancy}, {service} and {mitra} are filled with an open vacancy / a public service / a
# verified Mitra found on the listing pages. Logged-in scenarios use one session per account shared
# by all clients (a login per client would trip the login throttle).
SCENARIOS = [
    Scenario("beranda", "/"),
    Scenario("ceiling_static", "/" + CEILING_FILE),
    Scenario("lowongan_list", "/lowongan/"),
    Scenario("lowongan_search", "/lowongan/?q=operator+produksi"),
    Scenario("lowongan_filter", "/lowongan/?q=penjahit&kecamatan=3&gaji=2000000&urut=gaji"),
    Scenario("lowongan_page_50", "/lowongan/?halaman=50"),
    Scenario("lowongan_detail", "/lowongan/{vacancy}/"),
    Scenario("jasa_list", "/penawaran-jasa/"),
    Scenario("jasa_search", "/penawaran-jasa/?q=servis"),
    Scenario("jasa_detail", "/penawaran-jasa/{service}/"),
    Scenario("lamaran_terkirim", "/akun/lamaran/", login="personal"),
    Scenario("pelamar_mitra", "/akun/pelamar/", login="mitra"),
    Scenario("mitra_page", "/mitra-formal/{mitra}/"),
    Scenario("dasbor_superadmin", ADMIN, login="superadmin"),
    Scenario("dasbor_desa", ADMIN, login="desa"),
    # No filter: the whole regency (a Super Admin's region is all of it).
    Scenario("laporan_personal", ADMIN + "laporan-personal/", login="superadmin"),
    Scenario("laporan_mitra", ADMIN + "laporan-mitra/", login="superadmin"),
    # The admin panel's lists of every Personal and every vacancy, and a search in each.
    Scenario("data_profil_personal", ADMIN + "data-profil-personal/", login="superadmin"),
    Scenario("data_profil_personal_search", ADMIN + "data-profil-personal/?q=budi", login="superadmin"),
    Scenario("list_lowongan_admin", ADMIN + "list-lowongan/", login="superadmin"),
    Scenario("list_lowongan_admin_search", ADMIN + "list-lowongan/?q=operator", login="superadmin"),
]
LISTINGS = {
    "vacancy": ("/lowongan/", rb'href="/lowongan/(\d+)/"'),
    "service": ("/penawaran-jasa/", rb'href="/penawaran-jasa/(\d+)/"'),
    "mitra": ("/mitra-formal/", rb'href="/mitra-formal/(\d+)/"'),
}
# Demo staff accounts (home/demo_data.py) log in through the Wagtail admin's login form; Personal and
# Mitra accounts, bulk ones (personal<N>, mitra<N>) included, through their own forms.
STAFF_ACCOUNTS = ("superadmin", "admin", "dinaker", "kecamatan", "verifikator", "desa")
LOGIN_PATHS = {"personal": "/akun/login/", "mitra": "/akun/login-mitra/", "staff": ADMIN + "login/"}
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Result:
    scenario: str
    clients: int
    seconds: float
    latencies: list = field(default_factory=list)
    errors: int = 0
    statuses: dict = field(default_factory=dict)

    def summary(self):
        ordered = sorted(self.latencies)
        count = len(ordered)

        def percentile(p):
            return round(ordered[min(count - 1, int(p / 100 * count))] * 1000, 1) if count else None

        return {
            "scenario": self.scenario,
            "clients": self.clients,
            "requests": count,
            "rps": round(count / self.seconds, 1) if self.seconds else 0,
            "p50_ms": percentile(50),
            "p95_ms": percentile(95),
            "p99_ms": percentile(99),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if count else None,
            "errors": self.errors,
            "statuses": self.statuses,
        }


class Client:
    """One keep-alive HTTP connection with a cookie jar (enough for Django sessions and CSRF)."""

    def __init__(self, base_url, cookies=None, timeout=60):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self.cookies = dict(cookies or {})
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "kepenak-bench", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, OSError) as error:
                self.connection.close()
                self.connection = None
                # Retried once: a keep-alive connection the server closed; never a slow answer.
                if attempt or isinstance(error, TimeoutError):
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, response.getheader("Location", ""), content

    def get(self, path):
        return self.request("GET", path)


def login_path(account):
    if account in STAFF_ACCOUNTS:
        return LOGIN_PATHS["staff"]
    return LOGIN_PATHS["mitra" if account.startswith("mitra") else "personal"]


def log_in(base_url, account, password, required=True):
    """Session cookies of ``account`` after posting the login form with its CSRF token (staff: the
    Wagtail admin's form, then the Dasbor must answer 200, i.e. no second factor is asked). Each
    account logs in once; on failure: exit, or None when not ``required``."""
    client = Client(base_url)
    path = login_path(account)
    status, _, page = client.get(path)
    token = CSRF_TOKEN.search(page)
    if status != 200 or not token:
        raise SystemExit(f"login page {path} answered {status} without a CSRF token")
    fields = {"csrfmiddlewaretoken": token.group(1).decode(), "username": account, "password": password}
    if account in STAFF_ACCOUNTS:
        fields["next"] = ADMIN
    status, location, _ = client.request(
        "POST", path, body=urllib.parse.urlencode(fields), headers={**FORM, "Referer": base_url + path}
    )
    if status != 302:
        if not required:
            print(f"warning: logging in as {account} failed ({status}); left out", file=sys.stderr)
            return None
        raise SystemExit(f"logging in as {account} failed ({status}); check DEMO_PASSWORD")
    if account in STAFF_ACCOUNTS:
        status, location, _ = client.get(ADMIN)
        if status != 200:
            raise SystemExit(
                f"the Dasbor answered {status} {location} to {account}: start the stack with "
                'STAFF_TOTP_REQUIRED_ROLES="" so no second factor is asked'
            )
    return client.cookies


def first_link(base_url, listing, pattern):
    """The first id in ``listing`` matching ``pattern`` (a detail link), to build detail scenarios."""
    status, _, page = Client(base_url).get(listing)
    match = re.search(pattern, page) if status == 200 else None
    if not match:
        raise SystemExit(f"no detail link found on {listing} ({status}): load the demo data first")
    return match.group(1).decode()


def run(base_url, scenario, path, clients, duration, cookies):
    result = Result(scenario.name, clients, duration)
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        client = Client(base_url, cookies)
        latencies, errors, statuses = [], 0, {}
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status, _, _ = client.get(path)
            except (http.client.HTTPException, OSError):
                status = "error"
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            if status != 200:
                errors += 1
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors
            for status, count in statuses.items():
                result.statuses[str(status)] = result.statuses.get(str(status), 0) + count

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result.summary()


# ---------------------------------------------------------------------------------------------
# --mixed: a traffic mix over one timed window

# Keywords people type in the Lowongan and Penawaran Jasa search boxes (most match bulk demo data).
JOB_WORDS = (
    "operator,produksi,penjahit,jahit,admin,administrasi,gudang,kasir,sopir,kurir,guru,les,perawat,"
    "mekanik,motor,las,barista,pelayan,keuangan,desainer,satpam,teknisi,listrik,penjualan,bulu mata,"
    "rambut palsu,pramuniaga,juru masak,kebersihan,customer service"
).split(",")
SERVICE_WORDS = (
    "servis,tukang,bangunan,renovasi,ac,jahit,permak,rias,katering,nasi,bersih,les privat,matematika,"
    "desain,undangan,pindahan,pijat,pompa air"
).split(",")
# Share of the requests per group: a Personal action is 3 requests (the detail page, the POST, the
# page it redirects to), so it is picked a third as often as its share. Then the weights of the
# actions within each group.
MIX = {"browse": 70, "personal": 20, "staff": 10}
REQUESTS_PER_ACTION = {"browse": 1, "personal": 3, "staff": 1}
PERSONAL_KINDS = {
    "lowongan_detail_personal",
    "simpan_post",
    "lamar_post",
    "lamar_post_blocked",
    "lamaran_terkirim",
    "lamar_confirm",
}
BROWSE = {"beranda": 15, "lowongan_list": 20, "lowongan_search": 30, "lowongan_detail": 25, "jasa_search": 10}
STAFF = {"dasbor_superadmin": 1, "dasbor_desa": 1, "laporan_personal": 1}
MIXED_STAFF = ("superadmin", "desa")


@dataclass
class MixedData:
    vacancies: list
    kecamatan: list
    personal: dict  # username -> session cookies
    staff: dict


class Recorder:
    """Latencies and statuses per request kind, of one client thread."""

    def __init__(self):
        self.kinds = {}

    def add(self, kind, status, seconds, ok):
        entry = self.kinds.setdefault(kind, {"latencies": [], "statuses": {}, "errors": {}})
        entry["latencies"].append(seconds)
        for counts in [entry["statuses"]] + ([] if ok else [entry["errors"]]):
            counts[str(status)] = counts.get(str(status), 0) + 1


def timed(client, recorder, kind, method, path, body=None, headers=None, expect=(200,)):
    """One request, recorded under ``kind``: ok when its status is in ``expect``."""
    started = time.perf_counter()
    try:
        status, location, page = client.request(method, path, body=body, headers=headers)
    except (http.client.HTTPException, OSError):
        status, location, page = "error", "", b""
    recorder.add(kind, status, time.perf_counter() - started, status in expect)
    return status, location, page


def local_path(location):
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def kecamatan_ids(page):
    """The kecamatan of the Lowongan search form's select."""
    select = re.search(rb'<select name="kecamatan".*?</select>', page, re.S)
    return (
        [value.decode() for value in re.findall(rb'<option value="(\d+)"', select.group(0))] if select else []
    )


def discover(base_url, list_pages):
    """Vacancy ids of the first ``list_pages`` Lowongan list pages and the kecamatan filter values."""
    client, vacancies, kecamatan = Client(base_url), [], []
    for number in range(1, list_pages + 1):
        status, _, page = client.get("/lowongan/" + (f"?halaman={number}" if number > 1 else ""))
        if status != 200:
            break
        kecamatan = kecamatan or kecamatan_ids(page)
        vacancies += [m.decode() for m in re.findall(rb'href="/lowongan/(\d+)/"', page)]
    vacancies = list(dict.fromkeys(vacancies))
    if not vacancies:
        raise SystemExit("no vacancy found on /lowongan/: load the demo data first")
    return vacancies, kecamatan


def personal_accounts(spec):
    """``personal10-personal29,personal`` -> the usernames (a range keeps the prefix of its start)."""
    accounts = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        bounds = re.fullmatch(r"(\D+)(\d+)-\D*(\d+)", item)
        if bounds:
            prefix, first, last = bounds.group(1), int(bounds.group(2)), int(bounds.group(3))
            accounts += [f"{prefix}{number}" for number in range(first, last + 1)]
        else:
            accounts.append(item)
    return accounts


def browse(rng, client, recorder, data):
    action = rng.choices(list(BROWSE), weights=list(BROWSE.values()))[0]
    if action == "beranda":
        path = "/"
    elif action == "lowongan_list":
        number = rng.choice([1, 1, 1, 2, 3, 5, 10])
        path = "/lowongan/" + (f"?halaman={number}" if number > 1 else "")
    elif action == "lowongan_search":
        params = {"q": rng.choice(JOB_WORDS)}
        if data.kecamatan and rng.random() < 0.5:
            params["kecamatan"] = rng.choice(data.kecamatan)
        path = "/lowongan/?" + urllib.parse.urlencode(params)
    elif action == "lowongan_detail":
        path = f"/lowongan/{rng.choice(data.vacancies)}/"
    else:
        path = "/penawaran-jasa/?" + urllib.parse.urlencode({"q": rng.choice(SERVICE_WORDS)})
    timed(client, recorder, action, "GET", path)


def personal(rng, client, recorder, data, base_url):
    """A Personal account opens a vacancy, then "Simpan" (or "Tersimpan (hapus)") or "Lamar Sekarang"
    with the detail page's CSRF token, and follows the redirect as a browser would (which also shows,
    and so clears, the flash message)."""
    client.cookies = data.personal[rng.choice(list(data.personal))]
    pk = rng.choice(data.vacancies)
    detail = f"/lowongan/{pk}/"
    status, _, page = timed(client, recorder, "lowongan_detail_personal", "GET", detail)
    token = CSRF_TOKEN.search(page)
    if status != 200 or not token:
        return
    fields = {"csrfmiddlewaretoken": token.group(1).decode()}
    headers = {**FORM, "Referer": base_url + detail}
    if rng.random() < 0.5:
        fields["next"] = detail
        if re.search(rb'name="aksi" value="hapus"', page):
            fields["aksi"] = "hapus"
        kind, path = "simpan_post", f"/akun/simpan/{pk}/"
    else:
        kind, path = "lamar_post", f"/akun/lamar/{pk}/"
    body = urllib.parse.urlencode(fields)
    started = time.perf_counter()
    try:
        status, location, _ = client.request("POST", path, body=body, headers=headers)
    except (http.client.HTTPException, OSError):
        status, location = "error", ""
    target = local_path(location) if status == 302 else ""
    # Sent, or already applied: Lamaran Terkirim; refused (profile under 100 %, email not verified,
    # vacancy closed): back to the confirmation page with the reasons.
    if kind == "lamar_post" and target.startswith("/akun/lamar/"):
        kind = "lamar_post_blocked"
    recorder.add(kind, status, time.perf_counter() - started, status in (200, 302))
    if target:
        follow = {"/akun/lamaran/": "lamaran_terkirim", detail: "lowongan_detail_personal"}
        timed(client, recorder, follow.get(target.split("?")[0], "lamar_confirm"), "GET", target)


def staff(rng, client, recorder, data):
    action = rng.choices(list(STAFF), weights=list(STAFF.values()))[0]
    account = "desa" if action == "dasbor_desa" else "superadmin"
    client.cookies = data.staff[account]
    path = ADMIN + "laporan-personal/" if action == "laporan_personal" else ADMIN
    timed(client, recorder, action, "GET", path)


def run_mixed(base_url, data, clients, duration, seed):
    """C client threads, each on one keep-alive connection with a cookie jar per account (copies of
    the sessions logged in beforehand), picking the next action by MIX until ``duration`` is over."""
    deadline = time.monotonic() + duration
    recorders = [Recorder() for _ in range(clients)]

    def worker(index):
        rng = random.Random(seed * 1000 + index)
        client, recorder = Client(base_url), recorders[index]
        jars = MixedData(
            data.vacancies,
            data.kecamatan,
            {account: dict(cookies) for account, cookies in data.personal.items()},
            {account: dict(cookies) for account, cookies in data.staff.items()},
        )
        anonymous = {}
        groups = [g for g in MIX if g != "personal" or jars.personal]
        while time.monotonic() < deadline:
            group = rng.choices(groups, weights=[MIX[g] / REQUESTS_PER_ACTION[g] for g in groups])[0]
            if group == "browse":
                client.cookies = anonymous
                browse(rng, client, recorder, jars)
            elif group == "personal":
                personal(rng, client, recorder, jars, base_url)
            else:
                staff(rng, client, recorder, jars)

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started

    merged, errors = {}, {}
    for recorder in recorders:
        for kind, entry in recorder.kinds.items():
            result = merged.setdefault(kind, Result(kind, clients, seconds))
            result.latencies.extend(entry["latencies"])
            add_counts(result.statuses, entry["statuses"])
            add_counts(errors.setdefault(kind, {}), entry["errors"])
    total, total_errors = Result("all", clients, seconds), {}
    for kind, result in merged.items():
        result.errors = sum(errors[kind].values())
        total.latencies.extend(result.latencies)
        total.errors += result.errors
        add_counts(total.statuses, result.statuses)
        add_counts(total_errors, errors[kind])
    rows = []
    for kind in sorted(merged):
        rows.append({**merged[kind].summary(), "error_statuses": errors[kind]})
    cores = os.cpu_count() or 1
    rows.append({**total.summary(), "error_statuses": total_errors, "cpu_count": cores})
    rows[-1]["seconds"] = round(seconds, 1)
    shares = {}
    for kind, result in merged.items():
        group = "staff" if kind in STAFF else "personal" if kind in PERSONAL_KINDS else "browse"
        shares[group] = shares.get(group, 0) + len(result.latencies)
    rows[-1]["group_shares_pct"] = {
        g: round(100 * n / max(1, len(total.latencies)), 1) for g, n in shares.items()
    }
    rows[-1]["rps_per_core"] = round(rows[-1]["rps"] / cores, 1)
    return rows


def add_counts(into, counts):
    for key, count in counts.items():
        into[key] = into.get(key, 0) + count


def mixed(args, base_url):
    vacancies, kecamatan = discover(base_url, args.list_pages)
    staff_sessions = {account: log_in(base_url, account, args.password) for account in MIXED_STAFF}
    personal_sessions = {}
    for account in personal_accounts(args.personal_accounts):
        cookies = log_in(base_url, account, args.password, required=False)
        if cookies:
            personal_sessions[account] = cookies
    if not personal_sessions:
        print("warning: no Personal account logged in: the mix has no saving/applying", file=sys.stderr)
    data = MixedData(vacancies, kecamatan, personal_sessions, staff_sessions)
    print(
        f"mixed: {len(vacancies)} vacancies, {len(kecamatan)} kecamatan, "
        f"{len(personal_sessions)} Personal accounts, cpu_count {os.cpu_count()}",
        file=sys.stderr,
    )
    if args.warmup:
        run_mixed(base_url, data, 1, args.warmup, args.seed)
    runs = []
    for clients in [int(level) for level in args.clients.split(",")]:
        rows = run_mixed(base_url, data, clients, args.duration, args.seed + clients)
        total = rows[-1]
        print(table(rows, extra=["error_statuses"]))
        print(
            f"\nmixed, {clients} clients, {total['requests']} requests in {total['seconds']} s: "
            f"{total['rps']} requests/s sustained, {total['rps_per_core']} per core "
            f"(cpu_count {total['cpu_count']}); {total['errors']} errors by status "
            f"{json.dumps(total['error_statuses'], sort_keys=True)}; all statuses "
            f"{json.dumps(total['statuses'], sort_keys=True)}; request shares % "
            f"{json.dumps(total['group_shares_pct'], sort_keys=True)}\n",
            flush=True,
        )
        runs.append({"mode": "mixed", "clients": clients, "duration": args.duration, "rows": rows})
    return runs


def table(rows, extra=()):
    columns = ["scenario", "clients", "requests", "rps", "p50_ms", "p95_ms", "p99_ms", "errors", *extra]
    lines = [" | ".join(columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(str(row[column]) for column in columns) for row in rows]
    return "\n".join(lines)


def write_ceiling(base_url, root):
    """A file of the Beranda's byte size in the WhiteNoise root (bench/settings.py); gunicorn must be
    (re)started afterwards, since WhiteNoise lists its files at startup."""
    status, _, page = Client(base_url).get("/")
    if status != 200:
        raise SystemExit(f"Beranda answered {status}")
    path = f"{root.rstrip('/')}/{CEILING_FILE}"
    with open(path, "wb") as ceiling:
        ceiling.write((b"<!-- ceiling -->" + b"x" * len(page))[: len(page)])
    print(f"wrote {len(page)} bytes to {path}: restart gunicorn, then run the scenario ceiling_static")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8790")
    parser.add_argument("--clients", default="1,10,50", help="comma-separated concurrency levels")
    parser.add_argument("--duration", type=float, default=20, help="seconds per scenario and level")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of unmeasured load first")
    parser.add_argument("--scenarios", default="", help="comma-separated names (default: all)")
    parser.add_argument("--password", default=DEFAULT_PASSWORD, help="DEMO_PASSWORD of the demo accounts")
    parser.add_argument("--json", dest="json_path", help="also write the results to this file")
    parser.add_argument("--write-ceiling", metavar="WHITENOISE_ROOT", help="write the ceiling file and exit")
    mix = parser.add_argument_group("--mixed: one traffic mix per concurrency level instead of the scenarios")
    mix.add_argument("--mixed", action="store_true", help="70 %% browsing, 20 %% Personal, 10 %% staff")
    mix.add_argument(
        "--personal-accounts",
        default="personal10-personal29",
        help="Personal accounts that save and apply, each logged in once: comma-separated usernames "
        "or ranges (bulk accounts are personal<N>, N from the first free user id of the bulk run)",
    )
    mix.add_argument(
        "--list-pages", type=int, default=10, help="Lowongan list pages to take vacancy ids from"
    )
    mix.add_argument("--seed", type=int, default=2026, help="random seed of the clients' choices")
    args = parser.parse_args(argv)
    base_url = args.base_url.rstrip("/")
    if args.write_ceiling:
        write_ceiling(base_url, args.write_ceiling)
        return
    if args.mixed:
        runs = mixed(args, base_url)
        print(json.dumps(runs, indent=2))
        if args.json_path:
            with open(args.json_path, "w") as output:
                json.dump(runs, output, indent=2)
        return

    chosen = set(filter(None, args.scenarios.split(",")))
    scenarios = [s for s in SCENARIOS if not chosen or s.name in chosen]
    ids = {
        name: first_link(base_url, listing, pattern)
        for name, (listing, pattern) in LISTINGS.items()
        if any(f"{{{name}}}" in s.path for s in scenarios)
    }
    sessions = {
        account: log_in(base_url, account, args.password)
        for account in {s.login for s in scenarios}
        if account
    }

    levels = [int(level) for level in args.clients.split(",")]
    rows = []
    for scenario in scenarios:
        path = scenario.path.format(**ids)
        cookies = sessions.get(scenario.login)
        if args.warmup:
            # As many clients as the busiest level (up to 10), so that every gunicorn worker has
            # compiled the page's templates and opened its connections before anything is measured.
            run(base_url, scenario, path, min(max(levels), 10), args.warmup, cookies)
        for clients in levels:
            row = run(base_url, scenario, path, clients, args.duration, cookies)
            row["path"] = path
            rows.append(row)
            print(table([row]).splitlines()[-1], file=sys.stderr, flush=True)
    print(table(rows))
    print(json.dumps(rows, indent=2))
    if args.json_path:
        with open(args.json_path, "w") as output:
            json.dump(rows, output, indent=2)


if __name__ == "__main__":
    main()
