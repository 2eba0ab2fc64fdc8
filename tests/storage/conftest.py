"""Storage fixtures: one moto server per session (started only if a test needs it), a fresh table and
bucket per test, the stores under test parametrized over their implementations (and, for the item store
contract, over two collections), and a time limit on every test."""

from __future__ import annotations

import signal
import threading
import uuid
from collections.abc import Iterator
from types import FrameType

import pytest

from chalicelib.storage import (
    ITEMS,
    POSTS,
    Collection,
    ImageStore,
    InMemoryImageStore,
    InMemoryItemStore,
    ItemStore,
)
from tests.servers import MotoServer, fake_aws_env, moto_server
from tests.storage.fakes import FakeClock

TEST_TIME_LIMIT = 120  # seconds per test (setup included, the session's moto start excepted)


class TimeLimitExceeded(Exception):
    pass


@pytest.fixture(autouse=True)
def _time_limit() -> Iterator[None]:
    """Fail a test that runs longer than TEST_TIME_LIMIT instead of hanging the suite (SIGALRM: POSIX,
    main thread; elsewhere the race helper's bounded joins and moto's startup timeout still apply)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"test still running after {TEST_TIME_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, TEST_TIME_LIMIT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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


@pytest.fixture(params=[ITEMS, POSTS], ids=["items", "posts"])
def collection(request: pytest.FixtureRequest) -> Collection:
    """The collection `store` serves: items, and posts (other keys, `q` over title/body)."""
    found: Collection = request.param
    return found


@pytest.fixture(params=["memory", "dynamodb"])
def store(request: pytest.FixtureRequest, clock: FakeClock, collection: Collection) -> ItemStore:
    """Each contract test runs against both implementations, for each collection."""
    if request.param == "memory":
        return InMemoryItemStore(collection=collection, clock=clock)
    from chalicelib.storage.dynamodb import DynamoItemStore

    return DynamoItemStore(request.getfixturevalue("table_name"), collection=collection, clock=clock)


@pytest.fixture(params=["memory", "s3"])
def images(request: pytest.FixtureRequest) -> ImageStore:
    if request.param == "memory":
        return InMemoryImageStore()
    from chalicelib.storage.s3 import S3ImageStore

    return S3ImageStore(request.getfixturevalue("bucket_name"))
