"""The local AWS stack: a DynamoDB + S3 wire-protocol server (moto's server mode) on 127.0.0.1, the
table and bucket created in it, and `chalice local` pointed at it. Used by `make run`, the tests
(tests/servers.py re-exports the helpers) and the load test (`make load`).

    python -m devtools.local_aws run --stage local --host 127.0.0.1 --port 8000 [--no-autoreload]

starts moto on a free port, creates TABLE_NAME and BUCKET_NAME (the stage's values in
.chalice/config.json) with chalicelib.storage.bootstrap, runs `chalice local` with
AWS_ENDPOINT_URL set to the server (it wins over the stage's own value, see devtools/chalice_local.py),
a region and fake credentials, and stops both when chalice exits, on Ctrl-C or on SIGTERM.

One difference from plain `moto_server`: requests are handled one at a time (`serialized=True`, the
default). moto checks a ConditionExpression and then writes in two steps without a lock, so two concurrent
conditional writes can both succeed on a multi-threaded moto (seen in tests/storage: 2 winners in 1 of 30
eight-writer rounds). DynamoDB serializes the writes to one item; serializing the requests gives us
that guarantee, so race tests (and the load test) check our conditions rather than moto's threading.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".chalice" / "config.json"
STARTUP_TIMEOUT = 30.0  # seconds for a server to answer
STOP_TIMEOUT = 10.0
STOP_GRACE = 3.0  # seconds a process group gets to stop on SIGINT before SIGTERM
REGION = "us-east-1"

# Never reach 127.0.0.1 through a proxy configured in the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# -- moto server ------------------------------------------------------------------------------------


@dataclass
class MotoServer:
    url: str  # http://127.0.0.1:<port>, no trailing slash
    process: subprocess.Popen[bytes] = field(repr=False)
    log_path: Path

    def reset(self) -> None:
        """Forget every table, bucket and object (moto's own reset endpoint)."""
        url = f"{self.url}/moto-api/reset"
        request = urllib.request.Request(url, data=b"", method="POST")  # noqa: S310  # always http://127.0.0.1
        with _OPENER.open(request, timeout=10):
            pass

    def log_tail(self, lines: int = 40) -> str:
        return tail(self.log_path, lines)

    def stop(self) -> None:
        stop_process(self.process)


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_process(process: subprocess.Popen[bytes], *, group: bool = False) -> None:
    """Stop `process` (and, with `group`, its whole process group: it was started in a new session):
    SIGINT for a group (chalice's reloader parent forwards it to its worker), SIGTERM otherwise,
    then SIGKILL after STOP_TIMEOUT.

    A group that has not stopped STOP_GRACE after its SIGINT gets SIGTERM: a process started in the
    background by a non-interactive shell (`make run &` in a script) inherits SIGINT ignored, and so do
    its children, so SIGINT alone would leave them until the SIGKILL."""
    if group:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=STOP_GRACE)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    elif process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)
    if group:  # whatever the leader left behind (a reloader worker)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _moto_answers(url: str) -> bool:
    try:
        with _OPENER.open(f"{url}/moto-api/data.json", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@contextlib.contextmanager
def moto_server(
    *, log_dir: Path | None = None, serialized: bool = True, startup_timeout: float = STARTUP_TIMEOUT
) -> Iterator[MotoServer]:
    """A fresh moto server process on 127.0.0.1 for the duration of the `with` block."""
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
            # own session: a Ctrl-C meant for `chalice local` does not stop the server under it
            process = subprocess.Popen(
                command, stdout=sink, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        server = MotoServer(url, process, log_path)
        try:
            deadline = time.monotonic() + startup_timeout
            while not _moto_answers(url):
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


def _cheap_transaction_rollback() -> None:
    """moto's TransactWriteItems deep-copies every table it names before it starts, to roll a cancelled
    transaction back: O(table size) per call, so idempotent creates got slower as the table grew (measured
    with bench/load.py: 143 writes/s at 40 items, 7 at 800, 4 at 1,300). Requests are serialized here, so
    nothing else writes during a transaction: keeping a copy of just the items it names, and putting those
    back if it fails, restores exactly the state the full copy would."""
    import copy

    from moto.dynamodb import models
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    class _TablesByReference:
        def __getattr__(self, name: str) -> Any:
            return getattr(copy, name)

        @staticmethod
        def deepcopy(value: Any, memo: Any = None) -> Any:
            return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    models.copy = _TablesByReference()  # type: ignore[attr-defined,assignment]  # the `copy` module moto's backend imported
    original = models.DynamoDBBackend.transact_write_items

    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
        saved: list[tuple[Any, Any, Any, Any]] = []
        for entry in transact_items:
            operation = next(iter(entry.values()))
            table = self.tables.get(operation.get("TableName"))
            attributes = operation.get("Key") or operation.get("Item") or {}
            if table is None or table.hash_key_attr not in attributes:
                continue  # moto answers these with its own errors before writing anything
            hash_value = DynamoType(attributes[table.hash_key_attr])
            if table.has_range_key:
                range_value = DynamoType(attributes[table.range_key_attr])
                item = table.items.get(hash_value, {}).get(range_value)
            else:
                range_value, item = None, table.items.get(hash_value)
            saved.append((table, hash_value, range_value, copy.deepcopy(item)))
        try:
            original(self, transact_items)
        except Exception:
            for table, hash_value, range_value, item in reversed(saved):
                if not table.has_range_key:
                    if item is None:
                        table.items.pop(hash_value, None)
                    else:
                        table.items[hash_value] = item
                elif item is not None:
                    table.items[hash_value][range_value] = item
                elif hash_value in table.items:
                    table.items[hash_value].pop(range_value, None)
                    if not table.items[hash_value]:
                        del table.items[hash_value]
            raise

    models.DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]  # patched in this server process only


def _serve_moto(port: int) -> None:
    """moto's server-mode WSGI app (as `moto_server` builds it), one request at a time, with cheap
    transaction rollbacks (above)."""
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import run_simple

    _cheap_transaction_rollback()
    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialized(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        with lock:  # the whole request, body included, before the next one starts
            return list(app(environ, start_response))

    os.environ.setdefault("MOTO_PORT", str(port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_simple("127.0.0.1", port, serialized, threaded=True, request_handler=MotoRequestHandler)


# -- AWS environment --------------------------------------------------------------------------------


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


def with_settings(base: Mapping[str, str], settings: Mapping[str, str | None]) -> dict[str, str]:
    """`base` (an environment) with `settings` applied: None removes the variable."""
    merged = dict(base)
    for name, value in settings.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = value
    return merged


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


def _apply(settings: Mapping[str, str | None]) -> None:
    for name, value in settings.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# -- the stack: moto + table + bucket + chalice local ------------------------------------------------


def stage_environment(stage: str, config_path: Path = CONFIG) -> dict[str, str]:
    """The environment variables chalice gives `stage`: the top level's, then the stage's."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if stage not in config.get("stages", {}):
        raise SystemExit(f"stage {stage!r} is not in {config_path}")
    return {
        **config.get("environment_variables", {}),
        **config["stages"][stage].get("environment_variables", {}),
    }


@dataclass
class LocalStack:
    moto: MotoServer
    table_name: str
    bucket_name: str
    env: dict[str, str]  # for a `chalice local` process: os.environ + fake AWS settings + overrides


@contextlib.contextmanager
def local_stack(stage: str = "local", *, log_dir: Path | None = None) -> Iterator[LocalStack]:
    """moto on a free port with the stage's table and bucket created; stopped after the block."""
    settings = stage_environment(stage)
    table, bucket = settings.get("TABLE_NAME"), settings.get("BUCKET_NAME")
    if settings.get("STORAGE") != "dynamodb" or not table or not bucket:
        raise SystemExit(f"stage {stage!r} needs STORAGE=dynamodb, TABLE_NAME and BUCKET_NAME in {CONFIG}")
    region = settings.get("AWS_DEFAULT_REGION", REGION)
    with moto_server(log_dir=log_dir) as moto:
        with fake_aws_env(moto.url, region):
            from chalicelib.storage import aws, bootstrap

            try:
                bootstrap.ensure_table(table)
                bootstrap.ensure_bucket(bucket)
            finally:
                aws.reset_clients()
            env = dict(os.environ)
        # the server's URL wins over the stage's AWS_ENDPOINT_URL (devtools/chalice_local.py)
        env.update(CHALICE_ENV_OVERRIDES="AWS_ENDPOINT_URL", PYTHONUNBUFFERED="1")
        yield LocalStack(moto, table, bucket, env)


def chalice_local_command(
    host: str, port: int, stage: str, *, autoreload: bool = True, extra: Sequence[str] = ()
) -> list[str]:
    command = [sys.executable, str(Path(__file__).with_name("chalice_local.py")), "local"]
    command += ["--host", host, "--port", str(port), "--stage", stage]
    if not autoreload:
        command.append("--no-autoreload")
    return [*command, *extra]


def start_chalice_local(
    stack: LocalStack, command: Sequence[str], *, stdout: Any = None
) -> subprocess.Popen[bytes]:
    """`chalice local` in its own session (stop it with `stop_process(p, group=True)`)."""
    return subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=stack.env,
        stdout=stdout,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_answers(url: str, process: subprocess.Popen[bytes], timeout: float = STARTUP_TIMEOUT) -> None:
    """Until GET `url` answers 200; RuntimeError if the process exits first or time runs out."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode} before {url} answered")
        try:
            with _OPENER.open(url, timeout=2) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            last = f"HTTP {error.code}"
        except OSError as error:  # connection refused while the server starts
            last = repr(error)
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f}s (last: {last})")
        time.sleep(0.2)


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def run(args: argparse.Namespace) -> int:
    """`make run`: the stack around `chalice local`, until chalice exits or we are told to stop."""
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGHUP, _raise_stop)
    process: subprocess.Popen[bytes] | None = None
    try:
        with local_stack(args.stage) as stack:
            print(
                f"local AWS (moto, DynamoDB + S3) on {stack.moto.url}: table {stack.table_name}, "
                f"bucket {stack.bucket_name}",
                flush=True,
            )
            command = chalice_local_command(args.host, args.port, args.stage, autoreload=args.autoreload)
            process = start_chalice_local(stack, command)
            try:
                return process.wait()
            finally:
                stop_process(process, group=True)
                print("stopping the local AWS server", flush=True)
    except (KeyboardInterrupt, _Stop):  # Ctrl-C or SIGTERM: everything above is stopped by now
        return 0 if process is not None else 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.local_aws", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("moto", help="serve moto on 127.0.0.1:PORT, one request at a time")
    serve.add_argument("--port", type=int, required=True)
    local = commands.add_parser("run", help="moto + table + bucket + `chalice local` (make run)")
    local.add_argument("--stage", default="local")
    local.add_argument("--host", default="127.0.0.1")
    local.add_argument("--port", type=int, default=8000)
    local.add_argument("--autoreload", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    if args.command == "moto":
        _serve_moto(args.port)
        return 0
    return run(args)


if __name__ == "__main__":
    if __package__ in (None, ""):  # run as a file (the moto child process): the repo root on the path
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
