"""Storage behind a small interface (`ItemStore`); `make_item_store` picks the implementation."""

from __future__ import annotations

import os

from chalicelib.storage.base import ItemStore
from chalicelib.storage.memory import InMemoryItemStore


def make_item_store(kind: str | None = None) -> ItemStore:
    """The store named by `kind` or the STORAGE environment variable (set per stage in .chalice/config.json)."""
    kind = kind or os.environ.get("STORAGE", "memory")
    if kind == "memory":
        return InMemoryItemStore()
    raise ValueError(f"unknown STORAGE {kind!r}: expected 'memory'")


__all__ = ["InMemoryItemStore", "ItemStore", "make_item_store"]
