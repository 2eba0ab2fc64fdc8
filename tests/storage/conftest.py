"""Storage fixtures: one moto server per session (started only if a test needs it), a fresh table and
bucket per test, and the stores under test parametrized over their implementations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from chalicelib.storage import ImageStore, InMemoryImageStore, InMemoryItemStore, ItemStore
from tests.servers import MotoServer, fake_aws_env, moto_server
from tests.storage.fakes import FakeClock


@pytest.fixture(scope="session")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    """The moto server process (DynamoDB + S3 wire protocols) on 127.0.0.1, stopped after the session."""
    with moto_server(log_dir=tmp_path_factory.mktemp("moto")) as server:
        yield server


@pytest.fixture
def aws_env(moto: MotoServer) -> Iterator[str]:
    """boto3 pointed at the moto server with fake credentials, for this test only; the endpoint URL."""
    with fake_aws_env(moto.url):
        yield moto.url


@pytest.fixture
def table_name(aws_env: str) -> str:
    """A new, empty table: tests never see each other's items."""
    from chalicelib.storage.bootstrap import ensure_table

    name = f"items-{uuid.uuid4().hex[:12]}"
    ensure_table(name)
    return name


@pytest.fixture
def bucket_name(aws_env: str) -> str:
    from chalicelib.storage.bootstrap import ensure_bucket

    name = f"images-{uuid.uuid4().hex[:12]}"
    ensure_bucket(name)
    return name


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["memory", "dynamodb"])
def store(request: pytest.FixtureRequest, clock: FakeClock) -> ItemStore:
    """Each contract test runs against both implementations."""
    if request.param == "memory":
        return InMemoryItemStore(clock=clock)
    from chalicelib.storage.dynamodb import DynamoItemStore

    return DynamoItemStore(request.getfixturevalue("table_name"), clock=clock)


@pytest.fixture(params=["memory", "s3"])
def images(request: pytest.FixtureRequest) -> ImageStore:
    if request.param == "memory":
        return InMemoryImageStore()
    from chalicelib.storage.s3 import S3ImageStore

    return S3ImageStore(request.getfixturevalue("bucket_name"))
