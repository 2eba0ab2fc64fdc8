"""Shared by the storage tests: a hand-moved clock, record builders and a thread race runner."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any


class FakeClock:
    """The stores' clock (deleted_at, idempotency expiry), moved by hand."""

    def __init__(self, start: datetime = datetime(2030, 1, 1, tzinfo=UTC)) -> None:
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, **delta: float) -> datetime:
        with self._lock:
            self.now += timedelta(**delta)
            return self.now


def new_id() -> str:
    return str(uuid.uuid4())


def item(item_id: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"id": item_id or new_id(), "name": "Lamp", "price": 24.5, "tags": [], **fields}


def searchable(collection: Any, first: str, second: str | None = None) -> dict[str, str]:
    """Fields `q` searches in `collection`: its first search field = `first`, its second = `second`."""
    fields = collection.search_fields
    return {fields[0]: first, **({fields[1]: second} if second is not None else {})}


def ids(records: Iterable[Any]) -> list[str]:
    return [r["id"] for r in records]


def race(workers: int, work: Callable[[int], Any]) -> list[Any]:
    """Run `work(i)` on `workers` threads released together by a barrier; each result or exception."""
    barrier = threading.Barrier(workers)
    results: list[Any] = [None] * workers

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a racing thread hung"
    return results
