"""`make docs`'s static portal (docs/portal/) renders every operation in a real headless browser, offline.

The portal is built fresh (docs/portal/build.py) into a temporary directory, served by a plain static
file server on 127.0.0.1 (any static host would do), and loaded in Debian's Chromium with every other host
name unresolvable, as tests/e2e/test_docs_browser.py drives it. Checks: every operation's summary from
openapi.yaml is on the page, every request went to the static server, a screenshot in reports/portal.png;
the build is reproducible and ships the very Swagger UI files GET /docs serves (`make assets`).
"""

from __future__ import annotations

import functools
import hashlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from tests.e2e.test_docs_browser import (
    CHROMIUM,
    load_netlog,
    page_requests,
    run_chromium,
    spec_operations,
    texts_of_class,
)

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "docs" / "portal" / "build.py"
REPORTS = ROOT / "reports"
SCREENSHOT = REPORTS / "portal.png"
SWAGGER_UI_FOR_DOCS = ROOT / "chalicelib" / "_static" / "swagger-ui"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css")


def build_portal(out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"docs/portal/build.py failed:\n{result.stdout}\n{result.stderr}"
    return out


def digests(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()
    }


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_portal(tmp_path_factory.mktemp("portal"))


@pytest.fixture(scope="module")
def portal_url(portal: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(portal)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def rendered(portal_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` to install Debian's chromium")
    work = tmp_path_factory.mktemp("chromium-portal")
    netlog = work / "netlog.json"
    REPORTS.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    proc = run_chromium(
        work / "profile",
        # Chromium's own autofill service would classify the page's filter box (blocked anyway, but it is
        # browser traffic, not the page's): switched off so the log shows only what the page loads
        "--disable-features=AutofillServerCommunication",
        f"--log-net-log={netlog}",
        "--virtual-time-budget=15000",
        "--window-size=1280,2400",
        f"--screenshot={SCREENSHOT}",
        "--dump-dom",
        f"{portal_url}/index.html",
    )
    return proc.stdout, page_requests(load_netlog(netlog), portal_url)


def test_every_operation_summary_is_on_the_page(rendered: tuple[str, list[str]]) -> None:
    dom, _ = rendered
    operations = spec_operations()
    summaries = sorted(summary for _, _, summary in operations)
    assert summaries, "openapi.yaml has no operations"
    assert all(summaries), f"operations without a summary: {operations}"
    shown = sorted(texts_of_class(dom, "opblock-summary-description"))
    assert shown == summaries, f"rendered: {shown}\nexpected: {summaries}\nDOM starts: {dom[:1500]}"
    assert sorted(texts_of_class(dom, "opblock-summary-method")) == sorted(m for m, _, _ in operations)
    title = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))["info"]["title"]
    assert any(text.startswith(title) for text in texts_of_class(dom, "title"))


def test_the_page_loads_only_local_assets(
    rendered: tuple[str, list[str]], portal_url: str, portal: Path
) -> None:
    _, requests = rendered
    foreign = [url for url in requests if not url.startswith(portal_url + "/")]
    assert requests, "no page request in Chromium's network log"
    assert foreign == [], f"the portal requested other hosts: {foreign}"
    loaded = {url.removeprefix(portal_url) for url in requests}
    assert {"/index.html", "/swagger-ui-bundle.js", "/swagger-ui.css", "/openapi.js"} <= loaded
    page = (portal / "index.html").read_text(encoding="utf-8")
    assert "https:" not in page
    assert "http:" not in page
    assert 'src="//' not in page
    assert 'href="//' not in page


def test_screenshot_is_saved(rendered: tuple[str, list[str]]) -> None:
    data = SCREENSHOT.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000, f"{SCREENSHOT} is only {len(data)} bytes: a blank page?"


def test_build_is_reproducible(portal: Path, tmp_path: Path) -> None:
    again = build_portal(tmp_path / "again")
    assert digests(again) == digests(portal)
    assert set(digests(portal)) == {"index.html", "LICENSE", "openapi.js", "openapi.json", *ASSETS}


def test_portal_and_api_docs_serve_the_same_swagger_ui(portal: Path) -> None:
    # GET /docs serves chalicelib/_static/swagger-ui (make assets); both come from the pinned swagger-ui-dist
    if not (SWAGGER_UI_FOR_DOCS / ASSETS[0]).is_file():
        pytest.fail(f"{SWAGGER_UI_FOR_DOCS} is missing: run `make assets` (make test does)")
    for name in ASSETS:
        assert (portal / name).read_bytes() == (SWAGGER_UI_FOR_DOCS / name).read_bytes(), name
