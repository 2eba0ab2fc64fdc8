"""Fixtures of the reference-service tests (test_service_*.py).

One moto server process per session (DynamoDB + S3 wire protocols, started only when a test needs it);
per test a fresh table and bucket, the environment pointing `app.py` at them (STORAGE=dynamodb), and
the cached services and boto3 clients forgotten before and after, so no state leaks between tests.
`service_any` runs a test over both storage kinds (memory and DynamoDB/S3).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from chalice import Chalice

from tests.functional.support import SEEN, TOKEN_SETTINGS, Api, operations
from tests.servers import MotoServer, fake_aws_env, moto_server


@dataclass
class Storage:
    kind: str  # "dynamodb" or "memory"
    table: str | None = None
    bucket: str | None = None
    endpoint: str | None = None

    def s3(self) -> Any:
        from chalicelib.storage import aws

        return aws.client("s3")

    def dynamodb(self) -> Any:
        from chalicelib.storage import aws

        return aws.client("dynamodb")


def _forget_state() -> None:
    from chalicelib.runtime.security import reset_jwt_settings
    from chalicelib.services import reset_services
    from chalicelib.storage import aws

    reset_jwt_settings()

    reset_services()
    aws.reset_clients()
    try:
        from chalicelib.storage.memory import reset_memory_table
    except ImportError:  # before the storage refactor: memory stores die with the services
        return
    reset_memory_table()


@pytest.fixture(scope="session")
def service_app() -> Chalice:
    from app import app

    return app


@pytest.fixture(scope="session")
def no_config_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project dir without .chalice/config.json: the test client then patches no stage variables over
    the environment the fixtures set."""
    return tmp_path_factory.mktemp("no-chalice-config")


@pytest.fixture(scope="session")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    with moto_server(log_dir=tmp_path_factory.mktemp("moto-functional")) as server:
        yield server


@pytest.fixture(autouse=True)
def _tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage's token and operator-key settings, as `make run` has them (support.token() signs)."""
    for name, value in TOKEN_SETTINGS.items():
        monkeypatch.setenv(name, value)
    for name in ("JWT_JWKS", "JWT_JWKS_URL", "JWT_ALGORITHMS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def _restore_environ() -> Iterator[None]:
    """chalice's test client replaces `os.environ` during a request; make sure the original comes back."""
    environ = os.environ
    yield
    os.environ = environ  # noqa: B003  # puts the very mapping back, not a copy of its contents


def _dynamodb_storage(moto: MotoServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Storage]:
    from chalicelib.storage.bootstrap import ensure_bucket, ensure_table

    with fake_aws_env(moto.url):
        suffix = uuid.uuid4().hex[:12]
        storage = Storage("dynamodb", f"items-{suffix}", f"images-{suffix}", moto.url)
        monkeypatch.setenv("STORAGE", "dynamodb")
        monkeypatch.setenv("TABLE_NAME", storage.table or "")
        monkeypatch.setenv("BUCKET_NAME", storage.bucket or "")
        monkeypatch.delenv("CURSOR_SECRET", raising=False)
        monkeypatch.delenv("MAX_IMAGE_BYTES", raising=False)
        monkeypatch.delenv("PURGE_AFTER_DAYS", raising=False)
        monkeypatch.setenv("RESPONSE_VALIDATION", "enforce")
        _forget_state()
        ensure_table(storage.table or "")
        ensure_bucket(storage.bucket or "")
        try:
            yield storage
        finally:
            _forget_state()


@pytest.fixture
def storage(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _restore_environ: None
) -> Iterator[Storage]:
    """DynamoDB + S3 on the session's moto server: a fresh table and bucket for this test."""
    yield from _dynamodb_storage(request.getfixturevalue("moto"), monkeypatch)


@pytest.fixture
def service(storage: Storage, service_app: Chalice, no_config_dir: Path) -> Api:
    """The reference API on DynamoDB/S3 (moto)."""
    return Api(service_app, no_config_dir)


@pytest.fixture(params=["dynamodb", "memory"])
def service_any(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    service_app: Chalice,
    no_config_dir: Path,
    _restore_environ: None,
) -> Iterator[Api]:
    """The reference API over each storage kind."""
    if request.param == "dynamodb":
        for _ in _dynamodb_storage(request.getfixturevalue("moto"), monkeypatch):
            yield Api(service_app, no_config_dir)
        return
    monkeypatch.setenv("STORAGE", "memory")
    monkeypatch.delenv("CURSOR_SECRET", raising=False)
    monkeypatch.delenv("MAX_IMAGE_BYTES", raising=False)
    monkeypatch.setenv("RESPONSE_VALIDATION", "enforce")
    _forget_state()
    try:
        yield Api(service_app, no_config_dir)
    finally:
        _forget_state()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With SERVICE_COVERAGE=<file>: write which statuses each operation answered in this run."""
    target = os.environ.get("SERVICE_COVERAGE")
    if not target or not SEEN:
        return
    lines = []
    for method, template in operations():
        statuses = sorted(s for m, t, s in SEEN if (m, t) == (method, template))
        lines.append(f"{method:6} {template:45} {' '.join(map(str, statuses)) or 'NOT EXERCISED'}")
    Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")
