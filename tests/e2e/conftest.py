"""End-to-end fixtures: one real `chalice local` server per test session on the local AWS stack (moto:
DynamoDB + S3), started as `make run` starts it and spoken to over real HTTP."""

from __future__ import annotations

import contextlib
import functools
import json
import os
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
STARTUP_DEADLINE = 60.0  # seconds for moto + table + bucket + `chalice local` to answer GET /health

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
    # authenticated as `make token`'s user unless the test sets Authorization itself ("" for anonymous)
    headers.setdefault("Authorization", f"Bearer {_local_token()}")
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


@functools.cache
def _local_token() -> str:
    from devtools.mint_token import mint, stage_env

    return mint(stage_env("local"))


HttpClient = Callable[..., HttpResponse]


@pytest.fixture(scope="session")
def http() -> HttpClient:
    """`http(method, url, body=None, headers=None)`: a fixture, since tests/ is not an importable package."""
    return http_request


@pytest.fixture(scope="session")
def local_stack_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (no trailing slash) of the stack `make run` starts, started the way `make run` starts it
    (`python -m devtools.local_aws run --stage local`): a moto server (DynamoDB + S3) with the stage's
    table and bucket, and `chalice local --stage local` with STORAGE=dynamodb pointed at it. Stopped,
    servers included, at the end of the session."""
    from devtools.local_aws import free_port, stop_process, tail

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("local-stack") / "server.log"
    cmd = [sys.executable, "-m", "devtools.local_aws", "run", "--stage", "local"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--no-autoreload"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as sink:
        # own session: if the launcher dies without cleaning up, the whole group is still stopped below
        process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE
        last_error = "no answer yet"
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"`{' '.join(cmd)}` exited with {process.returncode} before answering GET /health:\n"
                    f"{tail(log)}"
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
                    f"the local stack on {base} did not answer GET /health with 200 within "
                    f"{STARTUP_DEADLINE:.0f}s (last: {last_error}); log:\n{tail(log)}"
                )
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()  # the launcher stops chalice local and moto, then exits
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
        stop_process(process, group=True)  # anything it left behind, by process group


@pytest.fixture(scope="session")
def server_url(local_stack_url: str) -> str:
    """The API under test: `chalice local --stage local` on the local AWS stack."""
    return local_stack_url
