"""GET /docs is an interactive Swagger UI page that renders the API in a real headless browser, offline.

Debian's Chromium (`make browser` installs it) loads `<server>/docs` from `chalice local` with every host
name except 127.0.0.1 made unresolvable (`--host-resolver-rules`), so a CDN-hosted script, stylesheet or
font could not load. The test then checks that:

- Swagger UI rendered one operation per operation of openapi.yaml (it fetched and parsed /openapi.json);
- every request the page made (from Chromium's own network log) went to the local server;
- a screenshot of the rendered page exists (reports/docs.png, for humans and CI artifacts);
- the page HTML references no absolute http(s) URL at all.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
REPORTS = ROOT / "reports"
SCREENSHOT = REPORTS / "docs.png"
CHROMIUM = Path("/usr/bin/chromium")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BROWSER_TIMEOUT = 45  # real seconds for one Chromium run; it takes ~2 s when all is well

# Every host name resolves to "not found" except the loopback literal the server listens on.
BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def chromium_command(profile: Path, *args: str) -> list[str]:
    return [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        BLOCK_OTHER_HOSTS,
        *args,
    ]


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = chromium_command(profile, *args)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"Chromium did not finish within {BROWSER_TIMEOUT}s: {' '.join(cmd)}\n{exc.stderr!r}")
    if proc.returncode != 0:
        stderr = "\n".join(proc.stderr.splitlines()[-30:])
        pytest.fail(f"Chromium exited {proc.returncode}: {' '.join(cmd)}\n{stderr}")
    return proc


class _ClassText(HTMLParser):
    """Text content of every element carrying a given CSS class."""

    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class = css_class
        self.found: list[str] = []
        self._depth = 0  # > 0 while inside a matching element (counts nested open tags)
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        if self._depth:
            self._depth += 1
        elif self.css_class in (dict(attrs).get("class") or "").split():
            self._depth = 1
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag not in self.VOID:
            self._depth -= 1
            if not self._depth:
                self.found.append(" ".join("".join(self._buffer).split()))

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._buffer.append(data)


def texts_of_class(html: str, css_class: str) -> list[str]:
    parser = _ClassText(css_class)
    parser.feed(html)
    parser.close()
    return parser.found


def spec_operations() -> list[tuple[str, str, str]]:
    """(METHOD, path, summary) of every operation in openapi.yaml."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return [
        (method.upper(), path, op.get("summary", ""))
        for path, item in (spec.get("paths") or {}).items()
        for method, op in item.items()
        if method in METHODS
    ]


def load_netlog(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8", errors="replace").rstrip()
    try:
        return dict(json.loads(text))
    except json.JSONDecodeError:
        # a NetLog cut short lacks its closing brackets (the format is designed to be read anyway)
        return dict(json.loads(text.rstrip(",\n") + "]}"))


def page_requests(netlog: dict[str, Any], page_origin: str) -> list[str]:
    """URLs of the requests the page made (not Chromium's own background traffic, which is blocked too)."""
    start_job = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    site = re.sub(r":\d+$", "", page_origin)  # network isolation keys name the site, without port
    urls = []
    for event in netlog["events"]:
        params = event.get("params") or {}
        if event.get("type") != start_job or "url" not in params:
            continue
        from_page = params.get("initiator") == page_origin or str(
            params.get("network_isolation_key", "")
        ).startswith(site)
        if from_page:
            urls.append(params["url"])
    return urls


@dataclass
class Rendered:
    dom: str
    requests: list[str]
    stderr: str


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make browser` to install Debian's chromium "
            "(the /docs browser test needs a real headless browser)"
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def rendered(
    chromium: Path, server_url: str, http: Any, tmp_path_factory: pytest.TempPathFactory
) -> Rendered:
    """/docs loaded once in headless Chromium: its DOM after scripts ran, its requests, a screenshot."""
    # Fail early and clearly if the page cannot work at all.
    bundle = http("GET", f"{server_url}/docs/swagger-ui-bundle.js")
    assert bundle.status == 200, f"GET /docs/swagger-ui-bundle.js answered {bundle.status}: run `make assets`"
    work = tmp_path_factory.mktemp("chromium")
    netlog = work / "netlog.json"
    REPORTS.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    proc = run_chromium(
        work / "profile",
        f"--log-net-log={netlog}",
        "--virtual-time-budget=15000",
        "--window-size=1280,2000",
        f"--screenshot={SCREENSHOT}",
        "--dump-dom",
        f"{server_url}/docs",
    )
    assert netlog.is_file(), "Chromium wrote no network log"
    return Rendered(proc.stdout, page_requests(load_netlog(netlog), server_url), proc.stderr)


def net_errors(netlog: dict[str, Any], url_prefix: str) -> list[int]:
    """Chromium net error codes (-105 = ERR_NAME_NOT_RESOLVED) of the requests to URLs under url_prefix."""
    sources = {
        event["source"]["id"]
        for event in netlog["events"]
        if str((event.get("params") or {}).get("url", "")).startswith(url_prefix)
    }
    return [
        int(event["params"]["net_error"])
        for event in netlog["events"]
        if event["source"]["id"] in sources and "net_error" in (event.get("params") or {})
    ]


ERR_NAME_NOT_RESOLVED = -105


def test_chromium_blocks_every_other_host(chromium: Path, server_url: str, tmp_path: Path) -> None:
    # Control for the offline claim: `localhost` names this very server, so only the resolver rules can
    # stop the page from loading, and the network log must say it was name resolution that failed.
    port = server_url.rsplit(":", 1)[1]
    url = f"http://localhost:{port}/health"
    blocked = run_chromium(tmp_path / "a", f"--log-net-log={tmp_path / 'a.json'}", "--dump-dom", url)
    allowed = run_chromium(tmp_path / "b", "--dump-dom", f"{server_url}/health")
    assert '"status":"ok"' in allowed.stdout.replace(" ", "")
    assert '"status"' not in blocked.stdout
    errors = net_errors(load_netlog(tmp_path / "a.json"), f"http://localhost:{port}/")
    assert ERR_NAME_NOT_RESOLVED in errors, f"{url}: net errors {errors}, expected name-not-resolved"


def test_swagger_ui_renders_every_operation(rendered: Rendered) -> None:
    operations = spec_operations()
    summaries = sorted(summary for _, _, summary in operations)
    assert summaries, "openapi.yaml has no operations"
    assert all(summaries), f"operations without a summary: {operations}"
    shown = sorted(texts_of_class(rendered.dom, "opblock-summary-description"))
    assert shown == summaries, (
        "Swagger UI did not render the operations of openapi.yaml (did /openapi.json load?)\n"
        f"rendered: {shown}\nexpected: {summaries}\nDOM starts: {rendered.dom[:1500]}"
    )
    methods = texts_of_class(rendered.dom, "opblock-summary-method")
    assert sorted(methods) == sorted(m for m, _, _ in operations)
    title = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["info"]["title"]
    assert any(text.startswith(title) for text in texts_of_class(rendered.dom, "title"))


def test_page_loads_only_from_the_local_server(rendered: Rendered, server_url: str) -> None:
    assert rendered.requests, "no page request in Chromium's network log"
    foreign = [url for url in rendered.requests if not url.startswith(server_url + "/")]
    assert foreign == [], f"the docs page requested other hosts: {foreign}"
    loaded = {url.removeprefix(server_url) for url in rendered.requests}
    assert {"/docs", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/openapi.json"} <= loaded


def test_screenshot_is_saved(rendered: Rendered) -> None:
    assert SCREENSHOT.is_file(), f"no screenshot at {SCREENSHOT}\n{rendered.stderr[-2000:]}"
    data = SCREENSHOT.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000, f"{SCREENSHOT} is only {len(data)} bytes: a blank page?"


def test_docs_html_has_no_absolute_url(server_url: str, http: Any) -> None:
    page = http("GET", f"{server_url}/docs")
    assert page.status == 200
    assert page.content_type.startswith("text/html")
    html = page.body.decode("utf-8")
    assert "SwaggerUIBundle" in html
    assert re.findall(r"https?:", html, re.IGNORECASE) == []
    # protocol-relative URLs (//cdn.example/x.js) would reach the network just the same
    assert re.findall(r"""(?:src|href|url)\s*[=:(]\s*["']?//""", html, re.IGNORECASE) == []
