"""Business logic, independent of HTTP. Handlers call services; services call storage."""

from __future__ import annotations

from functools import cache

from chalicelib.services.items import ItemService
from chalicelib.storage import make_item_store


@cache
def item_service() -> ItemService:
    """The process-wide service, created on first use (not at import: keeps cold starts cheap)."""
    return ItemService(make_item_store())


__all__ = ["ItemService", "item_service"]
