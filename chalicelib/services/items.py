"""Items: create, read, replace, delete, list. Raises `ItemNotFound`; knows nothing of HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from chalicelib.storage.base import ItemStore, Record

_FIELDS = ("name", "description", "price", "tags")


class ItemNotFound(LookupError):
    def __init__(self, item_id: str) -> None:
        super().__init__(item_id)
        self.item_id = item_id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ItemService:
    def __init__(self, store: ItemStore, clock: Callable[[], str] = _now) -> None:
        self._store = store
        self._clock = clock

    def create(self, data: Mapping[str, Any]) -> Record:
        now = self._clock()
        item = {"id": str(uuid.uuid4()), **_input(data), "created_at": now, "updated_at": now}
        self._store.put(item)
        return item

    def get(self, item_id: str) -> Record:
        item = self._store.get(item_id)
        if item is None:
            raise ItemNotFound(item_id)
        return item

    def replace(self, item_id: str, data: Mapping[str, Any]) -> Record:
        current = self.get(item_id)
        item = {
            "id": item_id,
            **_input(data),
            "created_at": current["created_at"],
            "updated_at": self._clock(),
        }
        self._store.put(item)
        return item

    def delete(self, item_id: str) -> None:
        if not self._store.delete(item_id):
            raise ItemNotFound(item_id)

    def list(self, limit: int, tag: str | None = None) -> list[Record]:
        return self._store.list(limit, tag)

    def healthy(self) -> bool:
        return self._store.ping()


def _input(data: Mapping[str, Any]) -> dict[str, Any]:
    """The client-writable fields, with `tags` always present."""
    fields = {k: data[k] for k in _FIELDS if k in data}
    fields.setdefault("tags", [])
    return fields
