"""In-process storage: for `make run` and the tests of the business logic.

One Lambda container keeps its own copy, so this is not for deployed stages with real traffic. It
behaves exactly like the DynamoDB store (tests/storage runs one contract suite against both); the
table's one lock makes every operation atomic, which is what DynamoDB's conditional writes give per item.
An `InMemoryTable` holds every collection, as the DynamoDB table does; `make_store` uses one per process.
"""

from __future__ import annotations

import copy
import itertools
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from chalicelib.storage.base import (
    ITEMS,
    AlreadyExists,
    Collection,
    InvalidCursor,
    NotFound,
    Page,
    Record,
    VersionConflict,
)
from chalicelib.storage.common import (
    check_limit,
    decode_cursor,
    default_cursor_secret,
    encode_cursor,
    image_prefix,
    iso,
    item_data,
    make_filters,
    utc_now,
    valid_id,
)

_CURSOR_KIND = "memory"


@dataclass
class _Entry:
    data: dict[str, Any]
    seq: int  # creation order
    version: int = 1
    image: dict[str, Any] | None = None
    deleted_at: str | None = None

    def record(self) -> dict[str, Any]:
        record = copy.deepcopy(self.data)
        record["version"] = self.version
        if self.image is not None:
            record["image"] = dict(self.image)
        return record


@dataclass
class _Partition:
    """One collection's records and idempotency keys."""

    items: dict[str, _Entry] = field(default_factory=dict)  # insertion order = creation order
    # key -> (expiry in epoch seconds, the first record); whole seconds like DynamoDB's TTL attribute
    idempotency: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)


class InMemoryTable:
    """The in-memory twin of the DynamoDB table: the records of every collection, behind one lock.

    Stores over the same table and an equal collection see the same records; other collections never
    see them. A collection is identified as in DynamoDB, by its keys (`key_prefix`, `sort_key`).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()  # chalice local serves requests on several threads
        self._seq = itertools.count(1)  # one creation order for the table, like ListSK
        self._partitions: dict[tuple[str, str], _Partition] = {}

    def partition(self, collection: Collection) -> _Partition:
        """The collection's records; call with the lock held."""
        key = (collection.key_prefix, collection.sort_key)
        found = self._partitions.get(key)
        if found is None:
            found = self._partitions[key] = _Partition()
        return found

    def next_seq(self) -> int:
        return next(self._seq)


_process_table = InMemoryTable()
_process_table_lock = threading.Lock()


def memory_table() -> InMemoryTable:
    """The process-wide table `make_store` puts its in-memory stores on (STORAGE=memory)."""
    with _process_table_lock:
        return _process_table


def reset_memory_table() -> None:
    """Forget every record of the process-wide table (tests that need a clean process)."""
    global _process_table
    with _process_table_lock:
        _process_table = InMemoryTable()


class InMemoryItemStore:
    """The ItemStore of one collection (items by default) on an `InMemoryTable` (a private one by default)."""

    def __init__(
        self,
        *,
        collection: Collection = ITEMS,
        table: InMemoryTable | None = None,
        clock: Callable[[], datetime] = utc_now,
        idempotency_ttl: timedelta = timedelta(hours=24),
        cursor_secret: bytes | None = None,
    ) -> None:
        self.collection = collection
        self.table = table if table is not None else InMemoryTable()
        self._lock = self.table.lock
        with self._lock:
            self._partition = self.table.partition(collection)
        self._clock = clock
        self._idempotency_ttl = idempotency_ttl
        self._secret = cursor_secret if cursor_secret is not None else default_cursor_secret()

    @property
    def _items(self) -> dict[str, _Entry]:
        return self._partition.items

    # -- writes -------------------------------------------------------------------------------------

    def create(self, item: Record, idempotency_key: str | None = None) -> tuple[Record, bool]:
        data = item_data(item)
        if idempotency_key is not None and not (isinstance(idempotency_key, str) and idempotency_key):
            raise ValueError("idempotency_key must be a non-empty string")
        with self._lock:
            now = int(self._clock().timestamp())
            if idempotency_key is not None:
                seen = self._partition.idempotency.get(idempotency_key)
                if seen is not None and seen[0] >= now:  # still live: replay the first record
                    return copy.deepcopy(seen[1]), False
            if data["id"] in self._items:
                raise AlreadyExists(data["id"])
            entry = _Entry(data, self.table.next_seq(), version=1)
            self._items[data["id"]] = entry
            record = entry.record()
            if idempotency_key is not None:
                keys = self._partition.idempotency
                if len(keys) >= 1024:  # forget expired keys now and then
                    for expired in [k for k, v in keys.items() if v[0] < now]:
                        del keys[expired]
                expires = now + int(self._idempotency_ttl.total_seconds())
                keys[idempotency_key] = (expires, copy.deepcopy(record))
            return record, True

    def replace(self, item_id: str, item: Record, expected_version: int | None = None) -> Record:
        data = item_data(item, item_id) if valid_id(item_id) else None
        with self._lock:
            entry = self._writable(item_id, expected_version)
            assert data is not None  # _writable raised NotFound for an invalid id
            entry.data = data
            entry.version += 1
            return entry.record()

    def delete(self, item_id: str, expected_version: int | None = None) -> bool:
        with self._lock:
            try:
                entry = self._writable(item_id, expected_version)
            except NotFound:
                return False
            entry.deleted_at = iso(self._clock())
            entry.version += 1
            return True

    def set_image(
        self, item_id: str, key: str, content_type: str, size: int, expected_version: int | None = None
    ) -> Record:
        image = {"key": key, "content_type": content_type, "size": size}
        with self._lock:
            entry = self._writable(item_id, expected_version)
            entry.image = image
            entry.version += 1
            return entry.record()

    def clear_image(self, item_id: str, expected_version: int | None = None) -> Record:
        with self._lock:
            entry = self._writable(item_id, expected_version)
            entry.image = None
            entry.version += 1
            return entry.record()

    def purge_deleted(self, older_than: datetime, on_purged: Callable[[str], None] | None = None) -> int:
        cutoff = iso(older_than)
        with self._lock:
            doomed = [
                item_id
                for item_id, entry in self._items.items()
                if entry.deleted_at is not None and entry.deleted_at < cutoff
            ]
            for item_id in doomed:
                del self._items[item_id]
        for item_id in doomed:
            if on_purged is not None:
                on_purged(item_id)
        return len(doomed)

    def _writable(self, item_id: str, expected_version: int | None) -> _Entry:
        """The live entry, checked against `expected_version`; call with the lock held."""
        entry = self._items.get(item_id) if valid_id(item_id) else None
        if entry is None or entry.deleted_at is not None:
            raise NotFound(item_id)
        actual = entry.version
        if expected_version is not None and expected_version != actual:
            raise VersionConflict(item_id, expected_version, actual)
        return entry

    # -- reads --------------------------------------------------------------------------------------

    def get(self, item_id: str) -> Record | None:
        with self._lock:
            entry = self._items.get(item_id) if valid_id(item_id) else None
            return entry.record() if entry is not None and entry.deleted_at is None else None

    def list_page(
        self,
        limit: int,
        cursor: str | None = None,
        tags: Sequence[str] | None = None,
        status: str | None = None,
        q: str | None = None,
    ) -> Page:
        check_limit(limit)
        filters = make_filters(tags, status, q, self.collection.search_fields)
        partition = self.collection.list_partition
        after = 0 if cursor is None else self._seq_of(decode_cursor(cursor, _CURSOR_KIND, self._secret))
        found: list[_Entry] = []
        with self._lock:
            for entry in self._items.values():
                if entry.seq <= after or entry.deleted_at is not None or not filters.matches(entry.data):
                    continue
                found.append(entry)
                if len(found) > limit:
                    break
            records: list[Record] = [entry.record() for entry in found[:limit]]
        next_cursor = None
        if len(found) > limit:
            position = {"list": partition, "seq": found[limit - 1].seq}
            next_cursor = encode_cursor(_CURSOR_KIND, position, self._secret)
        return Page(records, next_cursor)

    def _seq_of(self, position: dict[str, Any]) -> int:
        """The creation sequence number in a cursor issued for this collection's list."""
        seq = position.get("seq")
        if (
            set(position) != {"list", "seq"}
            or position["list"] != self.collection.list_partition
            or isinstance(seq, bool)
            or not isinstance(seq, int)
            or seq < 0
        ):
            raise InvalidCursor("cursor position is not valid for this list")
        return seq

    def ping(self) -> bool:
        return True


class InMemoryImageStore:
    def __init__(self) -> None:
        self._objects: dict[str, tuple[str, bytes]] = {}
        self._lock = threading.Lock()

    def put_image(self, item_id: str, content_type: str, data: bytes) -> str:
        key = image_prefix(item_id) + uuid.uuid4().hex
        with self._lock:
            self._objects[key] = (content_type, bytes(data))
        return key

    def get_image(self, key: str) -> tuple[str, bytes] | None:
        with self._lock:
            return self._objects.get(key)

    def delete_image(self, key: str) -> None:
        with self._lock:
            self._objects.pop(key, None)

    def delete_images(self, item_id: str) -> int:
        prefix = image_prefix(item_id)
        with self._lock:
            doomed = [key for key in self._objects if key.startswith(prefix)]
            for key in doomed:
                del self._objects[key]
        return len(doomed)
