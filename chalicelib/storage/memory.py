"""In-process storage: for `make run` and tests until the DynamoDB implementation replaces it.

One Lambda container keeps its own copy, so this is not for deployed stages with real traffic.
"""

from __future__ import annotations

import copy
import threading

from chalicelib.storage.base import Record


class InMemoryItemStore:
    def __init__(self) -> None:
        self._items: dict[str, Record] = {}  # insertion order = creation order
        self._lock = threading.Lock()  # chalice local serves requests on several threads

    def put(self, item: Record) -> None:
        with self._lock:
            self._items[str(item["id"])] = copy.deepcopy(dict(item))

    def get(self, item_id: str) -> Record | None:
        with self._lock:
            found = self._items.get(item_id)
            return copy.deepcopy(dict(found)) if found is not None else None

    def delete(self, item_id: str) -> bool:
        with self._lock:
            return self._items.pop(item_id, None) is not None

    def list(self, limit: int, tag: str | None = None) -> list[Record]:
        with self._lock:
            matching = (i for i in self._items.values() if tag is None or tag in i.get("tags", ()))
            result: list[Record] = []
            for item in matching:
                if len(result) == limit:
                    break
                result.append(copy.deepcopy(dict(item)))
            return result

    def ping(self) -> bool:
        return True
