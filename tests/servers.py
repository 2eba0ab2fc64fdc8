"""Local stand-ins for AWS services, as real server processes on 127.0.0.1, for any test folder.

`moto_server()` starts moto's server mode (the WSGI app behind `moto_server`: DynamoDB, S3 and the rest
of AWS's wire protocols, state in memory) as a subprocess on a free port, waits (bounded) until it
answers, yields a `MotoServer` and always stops it (terminate, then kill). `fake_aws_env(url)` points
boto3 at it with fake credentials; real ones are never read (no profile, no config files).

One difference from plain `moto_server`: requests are handled one at a time (`--serialized`, the default).
moto checks a ConditionExpression and then writes in two steps without a lock, so two concurrent
conditional writes can both succeed on a multi-threaded moto (seen in tests/storage: 2 winners in 1 of 30
eight-writer rounds). DynamoDB serializes the writes to one item; serializing the requests gives the
tests that guarantee, so a race test checks our conditions rather than moto's threading.

    from tests.servers import fake_aws_env, moto_server

    with moto_server() as server, fake_aws_env(server.url):
        ...  # boto3 clients created here talk to the local server
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STARTUP_TIMEOUT = 30.0  # seconds for the server to answer
STOP_TIMEOUT = 10.0
REGION = "us-east-1"

# Never reach 127.0.0.1 through a proxy configured in the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class MotoServer:
    url: str  # http://127.0.0.1:<port>, no trailing slash
    process: subprocess.Popen[bytes] = field(repr=False)
    log_path: Path

    def reset(self) -> None:
        """Forget every table, bucket and object (moto's own reset endpoint)."""
        request = urllib.request.Request(f"{self.url}/moto-api/reset", data=b"", method="POST")
        with _OPENER.open(request, timeout=10):
            pass

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with _OPENER.open(f"{url}/moto-api/data.json", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@contextlib.contextmanager
def moto_server(
    *, log_dir: Path | None = None, serialized: bool = True, startup_timeout: float = STARTUP_TIMEOUT
) -> Iterator[MotoServer]:
    """A fresh moto server process for the duration of the `with` block."""
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="moto-"))
    attempts = 3  # the free port can be taken between our probe and the server's bind: try another
    for attempt in range(attempts):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log_path = log_dir / f"moto-{port}.log"
        command = [sys.executable, str(Path(__file__).resolve()), "moto", "--port", str(port)]
        if not serialized:
            command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
        env = {**os.environ, **_fake_credentials(), "PYTHONUNBUFFERED": "1"}
        with log_path.open("wb") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env)
        server = MotoServer(url, process, log_path)
        try:
            deadline = time.monotonic() + startup_timeout
            while not _answers(url):
                if process.poll() is not None:
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"moto server on {url} did not answer within {startup_timeout:.0f}s; log:\n"
                        f"{server.log_tail()}"
                    )
                time.sleep(0.1)
            else:
                yield server
                return
        finally:
            server.stop()
        if attempt == attempts - 1:
            raise RuntimeError(f"moto server exited with {process.returncode}; log:\n{server.log_tail()}")


def _fake_credentials() -> dict[str, str]:
    return {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
    }


def fake_aws_settings(endpoint_url: str, region: str = REGION) -> dict[str, str | None]:
    """Environment for boto3 to use the local server with fake credentials (None = unset)."""
    no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"]))
    return {
        **_fake_credentials(),
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        # nothing from the machine's AWS setup: no profile, no config or credentials file, no IMDS
        "AWS_PROFILE": None,
        "AWS_DEFAULT_PROFILE": None,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "NO_PROXY": no_proxy,
        "no_proxy": no_proxy,
    }


@contextlib.contextmanager
def fake_aws_env(endpoint_url: str, region: str = REGION) -> Iterator[None]:
    """Set `fake_aws_settings` in os.environ for the block, then restore it. (chalicelib caches boto3
    clients per region and endpoint, so a client made here is never handed out for another endpoint.)"""
    saved = {name: os.environ.get(name) for name in fake_aws_settings(endpoint_url, region)}
    _apply(fake_aws_settings(endpoint_url, region))
    try:
        yield
    finally:
        _apply(saved)


def _apply(settings: dict[str, str | None]) -> None:
    for name, value in settings.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# -- the server process -----------------------------------------------------------------------------


def _serve_moto(port: int) -> None:
    """moto's server-mode WSGI app (as `moto_server` builds it), one request at a time."""
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import run_simple

    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialized(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        with lock:  # the whole request, body included, before the next one starts
            return list(app(environ, start_response))

    os.environ.setdefault("MOTO_PORT", str(port))
    run_simple("127.0.0.1", port, serialized, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("service", choices=["moto"])
    parser.add_argument("--port", type=int, required=True)
    _serve_moto(parser.parse_args().port)
