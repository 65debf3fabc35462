"""Closed-loop load generator: for each scenario (a named URL path, anonymous or logged in as a demo
account) and each concurrency level, C threads request the path back to back for D seconds over
keep-alive connections; reports requests/s, p50/p95/p99 latency and errors as a table and JSON.

Standard library only. Not part of the test suite. See bench/README.md.

    python bench/latency.py --base-url http://127.0.0.1:8790 --clients 1,10,50 --duration 20
    python bench/latency.py --write-ceiling var/bench/root   # then restart gunicorn
"""

import argparse
import http.client
import json
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
    login: str = ""  # "personal" or "mitra": log in as that demo account first


# Key pages; {vacancy} and {service} are filled with an open vacancy / a public service found on the
# listing pages. Logged-in scenarios use one session per account shared by all clients (a login per
# client would trip the login throttle).
SCENARIOS = [
    Scenario("beranda", "/"),
    Scenario("ceiling_static", "/" + CEILING_FILE),
    Scenario("lowongan_list", "/lowongan/"),
    Scenario("lowongan_search", "/lowongan/?q=operator+produksi"),
    Scenario("lowongan_filter", "/lowongan/?q=penjahit&urut=gaji&gaji=2000000"),
    Scenario("lowongan_page_50", "/lowongan/?halaman=50"),
    Scenario("lowongan_detail", "/lowongan/{vacancy}/"),
    Scenario("jasa_list", "/penawaran-jasa/"),
    Scenario("jasa_search", "/penawaran-jasa/?q=servis"),
    Scenario("jasa_detail", "/penawaran-jasa/{service}/"),
    Scenario("lamaran_terkirim", "/akun/lamaran/", login="personal"),
    Scenario("pelamar_mitra", "/akun/pelamar/", login="mitra"),
]
LOGIN_PATHS = {"personal": "/akun/login/", "mitra": "/akun/login-mitra/"}


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

    def __init__(self, base_url, cookies=None, timeout=30):
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
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
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


def log_in(base_url, account, password):
    """Session cookies of ``account`` after posting the login form with its CSRF token."""
    client = Client(base_url)
    path = LOGIN_PATHS[account]
    status, _, page = client.get(path)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or not token:
        raise SystemExit(f"login page {path} answered {status} without a CSRF token")
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "username": account, "password": password}
    )
    status, location, _ = client.request(
        "POST",
        path,
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": base_url + path},
    )
    if status != 302:
        raise SystemExit(f"logging in as {account} failed ({status}); check DEMO_PASSWORD")
    return client.cookies


def first_link(base_url, listing, pattern):
    """The first id in ``listing`` matching ``pattern`` (a detail link), to build detail scenarios."""
    status, _, page = Client(base_url).get(listing)
    match = re.search(pattern, page)
    if status != 200 or not match:
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


def table(rows):
    columns = ["scenario", "clients", "requests", "rps", "p50_ms", "p95_ms", "p99_ms", "errors"]
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
    args = parser.parse_args(argv)
    base_url = args.base_url.rstrip("/")
    if args.write_ceiling:
        write_ceiling(base_url, args.write_ceiling)
        return

    chosen = set(filter(None, args.scenarios.split(",")))
    scenarios = [s for s in SCENARIOS if not chosen or s.name in chosen]
    ids = {}
    if any("{vacancy}" in s.path for s in scenarios):
        ids["vacancy"] = first_link(base_url, "/lowongan/", rb'href="/lowongan/(\d+)/"')
    if any("{service}" in s.path for s in scenarios):
        ids["service"] = first_link(base_url, "/penawaran-jasa/", rb'href="/penawaran-jasa/(\d+)/"')
    sessions = {
        account: log_in(base_url, account, args.password)
        for account in {s.login for s in scenarios}
        if account
    }

    rows = []
    for scenario in scenarios:
        path = scenario.path.format(**ids)
        cookies = sessions.get(scenario.login)
        if args.warmup:
            run(base_url, scenario, path, 1, args.warmup, cookies)
        for clients in [int(level) for level in args.clients.split(",")]:
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
