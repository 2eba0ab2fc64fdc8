"""End-to-end fixtures: one real `chalice local` server per test session, spoken to over real HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_DEADLINE = 30.0  # seconds for `chalice local` to answer GET /health

# Never send requests to 127.0.0.1 through a proxy configured in the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class HttpResponse:
    status: int
    headers: Message
    body: bytes = field(repr=False)

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")

    def json(self) -> Any:
        return json.loads(self.body)


def http_request(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None, timeout: float = 10
) -> HttpResponse:
    """One HTTP exchange with urllib; 4xx/5xx answers are returned, not raised. A dict/list body is sent as JSON."""
    data = body
    headers = dict(headers or {})
    if isinstance(body, dict | list):
        data = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        data = body.encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return HttpResponse(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return HttpResponse(error.code, error.headers, error.read())


HttpClient = Callable[..., HttpResponse]


@pytest.fixture(scope="session")
def http() -> HttpClient:
    """`http(method, url, body=None, headers=None)`: a fixture, since tests/ is not an importable package."""
    return http_request


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (no trailing slash) of `chalice local --stage local` started from the repo root."""
    chalice = Path(sys.executable).with_name("chalice")
    if not chalice.is_file():
        pytest.fail(f"{chalice} not found: run `make install` to create the virtualenv with chalice")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("chalice-local") / "server.log"
    cmd = [
        str(chalice),
        "local",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--stage",
        "local",
        "--no-autoreload",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as sink:
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE
        last_error = "no answer yet"
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"`{' '.join(cmd)}` exited with {process.returncode} before answering GET /health:\n"
                    f"{_tail(log)}"
                )
            try:
                health = http_request("GET", f"{base}/health", timeout=2)
                if health.status == 200:
                    break
                last_error = f"HTTP {health.status}: {health.body[:200]!r}"
            except OSError as exc:  # connection refused while the server starts
                last_error = repr(exc)
            if time.monotonic() > deadline:
                pytest.fail(
                    f"`chalice local` on {base} did not answer GET /health with 200 within "
                    f"{STARTUP_DEADLINE:.0f}s (last: {last_error}); server log:\n{_tail(log)}"
                )
            time.sleep(0.2)
        yield base
    finally:
        _stop(process)
