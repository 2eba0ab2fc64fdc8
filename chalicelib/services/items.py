"""Items: create, read, replace, delete, list, images. Knows nothing of HTTP.

Two generations of methods live here while the issue-6 handlers land:
- `create` / `replace` / `delete` / `list`: the current handlers' (no versions, hard-delete semantics
  as seen by clients, first page only). They write through the store's legacy `put`.
- `create_item` / `replace_item` / `delete_item` / `list_page` and the image and purge methods: versioned
  records (`version`, for ETags), `expected_version` (If-Match), idempotency keys, opaque cursors and
  filters. Remove the first set (and `ItemStore.put`/`list`) once no handler calls it.

Errors: `ItemNotFound`, `ImageNotFound`, and, re-exported from storage, `VersionConflict` and
`InvalidCursor`: handlers import them from here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from chalicelib.storage.base import (
    ImageStore,
    InvalidCursor,
    ItemStore,
    NotFound,
    Page,
    Record,
    VersionConflict,
)

_FIELDS = ("name", "description", "price", "tags", "status")


class ItemNotFound(LookupError):
    def __init__(self, item_id: str) -> None:
        super().__init__(item_id)
        self.item_id = item_id


class ImageNotFound(LookupError):
    """The item exists but has no image."""

    def __init__(self, item_id: str) -> None:
        super().__init__(item_id)
        self.item_id = item_id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ItemService:
    def __init__(
        self, store: ItemStore, clock: Callable[[], str] = _now, images: ImageStore | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._images = images  # made on first image use (STORAGE decides which)

    @property
    def images(self) -> ImageStore:
        if self._images is None:
            from chalicelib.storage import make_image_store

            self._images = make_image_store()
        return self._images

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

    # -- versioned API (issue 6) -----------------------------------------------------------------------

    def create_item(
        self, data: Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> tuple[Record, bool]:
        """`(record, created)`: with an idempotency key already used, `(first record, False)`."""
        now = self._clock()
        item = {"id": str(uuid.uuid4()), **_input(data), "created_at": now, "updated_at": now}
        return self._store.create(item, idempotency_key)

    def replace_item(
        self, item_id: str, data: Mapping[str, Any], *, expected_version: int | None = None
    ) -> Record:
        """Raises `ItemNotFound`, or `VersionConflict` when `expected_version` is stale."""
        current = self.get(item_id)  # created_at never changes, so reading it first is race-free
        item = {
            "id": item_id,
            **_input(data),
            "created_at": current["created_at"],
            "updated_at": self._clock(),
        }
        try:
            return self._store.replace(item_id, item, expected_version)
        except NotFound:
            raise ItemNotFound(item_id) from None

    def delete_item(self, item_id: str, *, expected_version: int | None = None) -> None:
        """Soft delete. Raises `ItemNotFound`, or `VersionConflict` when `expected_version` is stale."""
        if not self._store.delete(item_id, expected_version):
            raise ItemNotFound(item_id)

    def list_page(
        self,
        limit: int,
        *,
        cursor: str | None = None,
        tags: Sequence[str] | None = None,
        status: str | None = None,
        q: str | None = None,
    ) -> Page:
        """`(records, next_cursor)`; raises `InvalidCursor` for a cursor this API did not issue."""
        return self._store.list_page(limit, cursor, tags, status, q)

    def put_image(
        self, item_id: str, content_type: str, data: bytes, *, expected_version: int | None = None
    ) -> Record:
        """Upload to a fresh key, then point the item at it with one conditional write. A losing upload is
        deleted; the replaced image is deleted when no other write came in between."""
        current = self.get(item_id)
        key = self.images.put_image(item_id, content_type, data)
        try:
            record = self._store.set_image(item_id, key, content_type, len(data), expected_version)
        except (NotFound, VersionConflict) as exc:
            self.images.delete_image(key)
            if isinstance(exc, NotFound):
                raise ItemNotFound(item_id) from None
            raise
        self._drop_replaced_image(current, record)
        return record

    def get_image(self, item_id: str) -> tuple[str, bytes]:
        """`(content_type, data)`. Raises `ItemNotFound` or `ImageNotFound`."""
        image = self.get(item_id).get("image")
        found = self.images.get_image(image["key"]) if image else None
        if found is None:
            raise ImageNotFound(item_id)
        return found

    def delete_image(self, item_id: str, *, expected_version: int | None = None) -> Record:
        """Raises `ItemNotFound`, `ImageNotFound`, or `VersionConflict`."""
        current = self.get(item_id)
        if not current.get("image"):
            raise ImageNotFound(item_id)
        try:
            record = self._store.clear_image(item_id, expected_version)
        except NotFound:
            raise ItemNotFound(item_id) from None
        self._drop_replaced_image(current, record)
        return record

    def purge_deleted(self, older_than: datetime) -> int:
        """Hard-delete items soft-deleted before `older_than`, with their images; how many."""

        def drop_images(item_id: str) -> None:
            self.images.delete_images(item_id)

        return self._store.purge_deleted(older_than, drop_images)

    def _drop_replaced_image(self, before: Record, after: Record) -> None:
        """Delete `before`'s image blob if `after` is the very next version (so it replaced exactly that)."""
        old = before.get("image")
        if old and after.get("version") == before.get("version", 0) + 1 and old != after.get("image"):
            self.images.delete_image(old["key"])


__all__ = ["ImageNotFound", "InvalidCursor", "ItemNotFound", "ItemService", "Page", "VersionConflict"]


def _input(data: Mapping[str, Any]) -> dict[str, Any]:
    """The client-writable fields, with `tags` always present."""
    fields = {k: data[k] for k in _FIELDS if k in data}
    fields.setdefault("tags", [])
    return fields
