"""Page weight and Largest Contentful Paint of public pages on a first load, in a real browser.

Debian's Chromium (never a browser downloaded by Playwright), driven by Playwright, loads each URL
in a fresh browser context (empty cache, no cookies) emulating a mid-range phone (412x915 CSS px,
device scale factor 2.625, mobile user agent, touch) on Lighthouse's "slow 4G" (150 ms RTT,
1.6 Mbit/s down, 750 kbit/s up, through CDP ``Network.emulateNetworkConditions``) with the CPU
slowed down 4x (``Emulation.setCPUThrottlingRate``). It reports per URL:

- bytes transferred over the network as on the wire (compressed, headers included: the sum of CDP
  ``Network.loadingFinished`` encodedDataLength), the number of requests and any request to
  another origin (third party); a breakdown per resource type, the largest resources and the
  render-blocking ones;
- Largest Contentful Paint (a ``PerformanceObserver`` on 'largest-contentful-paint', buffered,
  read after the load event and network quiet) and its element, First Contentful Paint, time to
  first byte and the load event time, all from navigation start; the median over ``--runs``.

Targets: at most 150 kB (150,000 bytes) transferred, no third-party request, LCP under 2.5 s.
Not part of the test suite. See bench/README.md.

    python bench/page_weight.py --base-url http://127.0.0.1:8790 --runs 3 --json var/bench/weight.json
    python bench/page_weight.py --url beranda=/ --url faq=/faq/ --no-throttle
"""

import argparse
import json
import re
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from playwright.sync_api import sync_playwright

# As tests/e2e/conftest.py launches it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# A mid-range Android phone, as Lighthouse's mobile emulation (Moto G Power class).
PHONE = {
    "viewport": {"width": 412, "height": 915},
    "screen": {"width": 412, "height": 915},
    "device_scale_factor": 2.625,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
}
BUDGET_BYTES = 150_000
LCP_TARGET_MS = 2500
NOT_NETWORK = ("data:", "blob:", "about:", "chrome-extension:")

# Read after load: paint timings, navigation timing, LCP (buffered observer) and the resources as
# the page saw them (renderBlockingStatus tells which delayed the first render).
READ_METRICS_JS = """
() => new Promise((resolve) => {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => {
    entries.push(...observer.takeRecords());
    observer.disconnect();
    const describe = (el) => {
      if (!el) return null;
      let s = el.tagName.toLowerCase();
      if (el.id) s += "#" + el.id;
      if (el.classList && el.classList.length) s += "." + [...el.classList].slice(0, 3).join(".");
      const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
      return text ? s + ' "' + text + '"' : s;
    };
    const last = entries.length ? entries[entries.length - 1] : null;
    const paint = (name) => {
      const e = performance.getEntriesByName(name)[0];
      return e ? e.startTime : null;
    };
    const nav = performance.getEntriesByType("navigation")[0] || {};
    resolve({
      lcp: last ? last.startTime : null,
      lcp_size: last ? last.size : null,
      lcp_element: last ? describe(last.element) : null,
      lcp_url: last && last.url ? last.url : null,
      lcp_candidates: entries.length,
      fcp: paint("first-contentful-paint"),
      fp: paint("first-paint"),
      request_start: nav.requestStart ?? null,
      ttfb: nav.responseStart ?? null,
      dom_content_loaded: nav.domContentLoadedEventEnd ?? null,
      load: nav.loadEventStart ?? null,
      resources: performance.getEntriesByType("resource").map((r) => ({
        url: r.name,
        initiator: r.initiatorType,
        render_blocking: r.renderBlockingStatus || null,
        transfer_size: r.transferSize,
        response_end: r.responseEnd,
      })),
    });
  }, 200);
})
"""


@dataclass
class Request:
    url: str
    type: str = ""
    status: int = 0
    mime: str = ""
    encoding: str = ""
    bytes: int = 0
    failed: str = ""
    done: bool = False
    timing: dict = field(default_factory=dict)  # CDP ResourceTiming
    from_cache: bool = False  # served by the browser's own cache (a repeat within the load)
    render_blocking: str = ""


@dataclass
class Run:
    metrics: dict
    requests: list = field(default_factory=list)  # on the network
    cached: list = field(default_factory=list)  # answered by the browser's cache, not counted
    inline: int = 0  # data:/blob: URLs: not on the network


def origin(url):
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return (parts.scheme, parts.hostname, port)


def throttle(cdp, args):
    if args.no_throttle:
        return
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": args.latency_ms,
            "downloadThroughput": args.download_kbps * 1024 / 8,
            "uploadThroughput": args.upload_kbps * 1024 / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu_rate})


def measure_once(browser, url, args):
    """One first load of url in a fresh context; returns a Run."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        requests = {}
        inline = [0]

        def will_be_sent(event):
            req_url = event["request"]["url"]
            if req_url.startswith(NOT_NETWORK):
                inline[0] += 1
                return
            rid = event["requestId"]
            previous = requests.get(rid)
            if previous is not None and "redirectResponse" in event:
                # A redirect keeps the request id: the hop is a request of its own on the wire.
                hop = event["redirectResponse"]
                previous.status = hop.get("status", 0)
                previous.bytes = int(hop.get("encodedDataLength", 0))
                previous.done = True
                requests[f"{rid}#{len(requests)}"] = previous
            requests[rid] = Request(url=req_url, type=event.get("type", ""))

        def response_received(event):
            req = requests.get(event["requestId"])
            if req is None:
                return
            response = event["response"]
            headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
            req.status = response.get("status", 0)
            req.mime = response.get("mimeType", "")
            req.encoding = headers.get("content-encoding", "")
            req.type = event.get("type", req.type)
            req.timing = response.get("timing") or {}
            if any(response.get(key) for key in ("fromDiskCache", "fromPrefetchCache", "fromServiceWorker")):
                req.from_cache = True

        def served_from_cache(event):
            req = requests.get(event["requestId"])
            if req is not None:
                req.from_cache = True

        def loading_finished(event):
            req = requests.get(event["requestId"])
            if req is not None:
                req.bytes = int(event.get("encodedDataLength", 0))
                req.done = True

        def loading_failed(event):
            req = requests.get(event["requestId"])
            if req is not None:
                req.failed = event.get("errorText", "failed")
                req.done = True

        cdp.on("Network.requestWillBeSent", will_be_sent)
        cdp.on("Network.responseReceived", response_received)
        cdp.on("Network.requestServedFromCache", served_from_cache)
        cdp.on("Network.loadingFinished", loading_finished)
        cdp.on("Network.loadingFailed", loading_failed)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        throttle(cdp, args)

        page.goto(url, wait_until="load", timeout=args.timeout * 1000)
        # Network quiet: nothing pending for 500 ms (late images, lazy loads), within the timeout.
        deadline = time.monotonic() + args.timeout
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if any(not r.done for r in requests.values()):
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 0.5:
                break
        metrics = page.evaluate(READ_METRICS_JS)
        # Chromium's network emulation holds the response back after it arrived, so Navigation
        # Timing's responseStart misses the emulated latency: take the time the headers reached
        # the page (CDP receiveHeadersEnd) instead.
        doc = next((r for r in requests.values() if r.type == "Document" and r.timing), None)
        if doc is not None and metrics["request_start"] is not None:
            timing = doc.timing
            headers_end = timing.get("receiveHeadersEnd", -1)
            if headers_end >= 0:
                metrics["ttfb"] = metrics["request_start"] + headers_end - max(timing.get("sendStart", 0), 0)
        blocking = {r["url"]: r["render_blocking"] for r in metrics["resources"]}
        for req in requests.values():
            req.render_blocking = blocking.get(req.url) or ""
        on_wire = [r for r in requests.values() if not r.from_cache]
        cached = [r for r in requests.values() if r.from_cache]
        return Run(metrics=metrics, requests=on_wire, cached=cached, inline=inline[0])
    finally:
        context.close()


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values)) if values else None


def summarize(name, url, runs, base_origin):
    first = runs[0]
    reqs = first.requests
    total = sum(r.bytes for r in reqs)
    third = sorted({r.url for r in reqs if origin(r.url) != base_origin})
    by_type = {}
    for r in reqs:
        entry = by_type.setdefault(r.type or "Other", {"requests": 0, "bytes": 0})
        entry["requests"] += 1
        entry["bytes"] += r.bytes
    doc = next((r for r in reqs if r.type == "Document"), None)
    metric = {
        key: median(run.metrics[key] for run in runs)
        for key in ("ttfb", "fcp", "lcp", "dom_content_loaded", "load")
    }
    lcp_runs = [run for run in runs if run.metrics["lcp"] is not None]
    lcp_run = min(lcp_runs, key=lambda run: abs(run.metrics["lcp"] - metric["lcp"])) if lcp_runs else first
    return {
        "name": name,
        "url": url,
        "status": doc.status if doc else None,
        "bytes": total,
        "requests": len(reqs),
        "third_party": third,
        "inline_data_urls": first.inline,
        "from_browser_cache": [r.url for r in first.cached],
        "failed": [{"url": r.url, "error": r.failed} for r in reqs if r.failed],
        "by_type": by_type,
        "resources": sorted(
            (
                {
                    "url": r.url,
                    "type": r.type,
                    "status": r.status,
                    "bytes": r.bytes,
                    "content_encoding": r.encoding,
                    "render_blocking": r.render_blocking,
                }
                for r in reqs
            ),
            key=lambda r: -r["bytes"],
        ),
        **{f"{key}_ms": value for key, value in metric.items()},
        "lcp_element": lcp_run.metrics["lcp_element"],
        "lcp_url": lcp_run.metrics["lcp_url"],
        "lcp_size": lcp_run.metrics["lcp_size"],
        "runs": [
            {key: run.metrics[key] for key in ("ttfb", "fp", "fcp", "lcp", "dom_content_loaded", "load")}
            | {"bytes": sum(r.bytes for r in run.requests), "requests": len(run.requests)}
            for run in runs
        ],
        "within_budget": total <= BUDGET_BYTES,
        "lcp_ok": metric["lcp"] is not None and metric["lcp"] < LCP_TARGET_MS,
    }


def discover(browser, base_url, args):
    """Default URLs: Beranda, and Lowongan / Penawaran Jasa as the main menu links them; a keyword
    and a kecamatan for the filtered Lowongan taken from the first vacancy listed (so the filter
    finds something on any database), unless given."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + "/", wait_until="domcontentloaded", timeout=args.timeout * 1000)
        menu = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('nav[aria-label="Menu utama"] a')]
                 .map((a) => [a.textContent.trim(), a.getAttribute("href")]))"""
        )
        lowongan = menu.get("Lowongan") or "/lowongan/"
        jasa = menu.get("Penawaran Jasa") or "/penawaran-jasa/"
        query, kecamatan = args.query, args.kecamatan
        if query is None or kecamatan is None:
            page.goto(
                urljoin(base_url + "/", lowongan), wait_until="domcontentloaded", timeout=args.timeout * 1000
            )
            found = page.evaluate(
                """() => {
                  const card = document.querySelector(".vacancy-card");
                  const options = [...document.querySelectorAll('select[name="kecamatan"] option')]
                    .filter((o) => o.value).map((o) => [o.textContent.trim(), o.value]);
                  return {
                    title: card ? card.querySelector(".card-title").textContent.trim() : "",
                    text: card ? card.textContent : "",
                    options,
                  };
                }"""
            )
            if query is None:
                words = re.findall(r"\w{4,}", found["title"])
                query = words[0].lower() if words else "operator"
            if kecamatan is None:
                kecamatan = next((v for label, v in found["options"] if f"Kec. {label}" in found["text"]), "")
                kecamatan = kecamatan or (found["options"][0][1] if found["options"] else "")
    finally:
        context.close()
    filters = urlencode({"q": query, "kecamatan": kecamatan})
    return [
        ("beranda", "/"),
        ("lowongan", lowongan),
        ("lowongan_filter", f"{lowongan}?{filters}"),
        ("penawaran_jasa", jasa),
    ]


def kb(n):
    return f"{n / 1000:.1f}"


def ms(n):
    return "-" if n is None else f"{n:,}"


def print_report(results, args):
    conditions = (
        "no throttling"
        if args.no_throttle
        else f"{args.latency_ms:g} ms RTT, {args.download_kbps:g}/{args.upload_kbps:g} kbit/s, "
        f"CPU x{args.cpu_rate:g}"
    )
    print(f"\nFirst load, phone 412x915 @2.625, {conditions}; median of {args.runs} run(s); kB = 1000 bytes")
    header = (
        f"{'page':<16} {'st':>3} {'kB':>7} {'req':>4} {'3rd':>4} "
        f"{'TTFB':>6} {'FCP':>6} {'LCP':>6} {'load':>6}  targets"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        flags = []
        flags.append("weight ok" if r["within_budget"] else f"WEIGHT > {kb(BUDGET_BYTES)} kB")
        if r["third_party"]:
            flags.append("THIRD PARTY")
        flags.append("LCP ok" if r["lcp_ok"] else f"LCP >= {LCP_TARGET_MS / 1000:g} s")
        print(
            f"{r['name']:<16} {r['status'] or '-':>3} {kb(r['bytes']):>7} {r['requests']:>4} "
            f"{len(r['third_party']):>4} {ms(r['ttfb_ms']):>6} {ms(r['fcp_ms']):>6} {ms(r['lcp_ms']):>6} "
            f"{ms(r['load_ms']):>6}  {', '.join(flags)}"
        )
    for r in results:
        print(f"\n{r['name']}: {r['url']}")
        types = ", ".join(
            f"{t} {v['requests']}x {kb(v['bytes'])} kB"
            for t, v in sorted(r["by_type"].items(), key=lambda item: -item[1]["bytes"])
        )
        print(f"  by type: {types}")
        print(
            f"  LCP element: {r['lcp_element']} (size {r['lcp_size']})"
            + (f" {r['lcp_url']}" if r["lcp_url"] else "")
        )
        for res in r["resources"][: args.top]:
            notes = [res["type"], str(res["status"]), res["content_encoding"] or "identity"]
            if res["render_blocking"] == "blocking":
                notes.append("RENDER-BLOCKING")
            print(f"  {kb(res['bytes']):>7} kB  {res['url']}  ({', '.join(notes)})")
        for url in r["third_party"]:
            print(f"  third party: {url}")
        for failure in r["failed"]:
            print(f"  failed: {failure['url']} ({failure['error']})")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8790")
    parser.add_argument(
        "--url",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a page to measure (repeatable); replaces the defaults (Beranda, Lowongan, Lowongan "
        "with keyword and kecamatan, Penawaran Jasa)",
    )
    parser.add_argument("--query", help="keyword of the filtered Lowongan (default: from the first vacancy)")
    parser.add_argument(
        "--kecamatan", help="kecamatan id of the filtered Lowongan (default: the first vacancy's)"
    )
    parser.add_argument("--runs", type=int, default=3, help="first loads per URL; timings are the median")
    parser.add_argument("--latency-ms", type=float, default=150, help="added round-trip latency per request")
    parser.add_argument("--download-kbps", type=float, default=1600, help="kbit/s (x1024 bits)")
    parser.add_argument("--upload-kbps", type=float, default=750, help="kbit/s (x1024 bits)")
    parser.add_argument("--cpu-rate", type=float, default=4, help="CPU slowdown factor")
    parser.add_argument("--no-throttle", action="store_true", help="no network or CPU throttling")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per page load")
    parser.add_argument("--top", type=int, default=8, help="largest resources listed per page")
    parser.add_argument("--json", metavar="PATH", help="write the results as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page misses a target")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    base_url = args.base_url.rstrip("/")
    executable = shutil.which("chromium")
    if executable is None:
        sys.exit("Debian's Chromium is not on PATH: apt-get install -y --no-install-recommends chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            if args.url:
                pages = [tuple(spec.split("=", 1)) if "=" in spec else (spec, spec) for spec in args.url]
            else:
                pages = discover(browser, base_url, args)
            results = []
            for name, path in pages:
                url = urljoin(base_url + "/", path)
                runs = [measure_once(browser, url, args) for _ in range(args.runs)]
                results.append(summarize(name, url, runs, origin(base_url)))
                print(f"measured {name}: {url}", file=sys.stderr)
        finally:
            browser.close()
    print_report(results, args)
    if args.json:
        settings = {
            "base_url": base_url,
            "runs": args.runs,
            "device": PHONE,
            "throttling": None
            if args.no_throttle
            else {
                "latency_ms": args.latency_ms,
                "download_kbps": args.download_kbps,
                "upload_kbps": args.upload_kbps,
                "cpu_rate": args.cpu_rate,
            },
            "budget_bytes": BUDGET_BYTES,
            "lcp_target_ms": LCP_TARGET_MS,
            "chromium": executable,
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"settings": settings, "results": results}, fh, indent=2)
        print(f"\nwrote {args.json}")
    missed = [r for r in results if not (r["within_budget"] and r["lcp_ok"]) or r["third_party"]]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
