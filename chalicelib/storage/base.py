"""The storage interface the services depend on. Records are plain JSON-ready dicts keyed by `id`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

Record = Mapping[str, Any]


class ItemStore(Protocol):
    def put(self, item: Record) -> None:
        """Insert or replace the item with `item["id"]`."""

    def get(self, item_id: str) -> Record | None: ...

    def delete(self, item_id: str) -> bool:
        """Remove the item; False when there was none."""

    def list(self, limit: int, tag: str | None = None) -> list[Record]:
        """At most `limit` items in creation order, only those carrying `tag` when given."""

    def ping(self) -> bool:
        """Whether the store is reachable."""
