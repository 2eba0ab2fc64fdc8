"""Items: create, read, replace, patch, delete, list, images, purge. Knows nothing of HTTP.

Every write is conditional on the record's `version` where the caller asks for it (`expected_version`,
from If-Match), and a patch is always conditional on the version it was computed from, so concurrent
writers never silently overwrite each other. Creates take an idempotency key.

Errors: `ItemNotFound`, `ImageNotFound`, and, re-exported from storage, `VersionConflict` and
`InvalidCursor`: handlers import them from here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from chalicelib.services.common import NotFoundError, merge_patch
from chalicelib.services.common import now as _now
from chalicelib.storage.base import (
    ImageStore,
    InvalidCursor,
    ItemStore,
    NotFound,
    Page,
    Record,
    VersionConflict,
)
from chalicelib.storage.common import valid_id

log = logging.getLogger(__name__)

_FIELDS = ("name", "description", "price", "tags", "status")
_PATCH_ATTEMPTS = 5  # re-reads of a patch without If-Match that keeps losing races


class ItemNotFound(NotFoundError):
    def __init__(self, item_id: str) -> None:
        super().__init__("item", item_id)
        self.item_id = item_id


class ImageNotFound(LookupError):
    """The item exists but has no image."""

    def __init__(self, item_id: str) -> None:
        super().__init__(item_id)
        self.item_id = item_id


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

    def get(self, item_id: str) -> Record:
        item = self._store.get(item_id)
        if item is None:
            raise ItemNotFound(item_id)
        return item

    def healthy(self) -> bool:
        return self._store.ping()

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

    def patch_item(
        self, item_id: str, patch: Mapping[str, Any], *, expected_version: int | None = None
    ) -> Record:
        """Apply a JSON Merge Patch to the writable fields. The write is conditional on the version the
        patch was applied to: with `expected_version`, a stale one raises `VersionConflict`; without,
        a lost race re-reads and re-applies (a few times, then `VersionConflict`)."""
        for _ in range(_PATCH_ATTEMPTS):
            current = self.get(item_id)
            if expected_version is not None and current.get("version") != expected_version:
                raise VersionConflict(item_id, expected_version, int(current.get("version", 0)))
            merged = merge_patch(_input(current), patch)
            item = {
                "id": item_id,
                **_input(merged),
                "created_at": current["created_at"],
                "updated_at": self._clock(),
            }
            try:
                return self._store.replace(item_id, item, int(current["version"]))
            except NotFound:
                raise ItemNotFound(item_id) from None
            except VersionConflict:
                if expected_version is not None:
                    raise
        raise VersionConflict(item_id, int(current["version"]), -1)

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

    def record_uploaded_image(self, key: str, size: int, content_type: str) -> Record | None:
        """An object landed in the images bucket (the S3 event): record its metadata on the item.

        The PUT handler records its own uploads synchronously, so for those this finds the metadata
        already right and writes nothing. An object put in the bucket by other means (a backfill, a
        presigned upload) under `items/<id>/` is recorded on an item that has no image yet; one for an
        item that no longer exists is deleted. Objects of an item that points at another image are left
        alone: S3 events arrive in no particular order, so an old upload must not win over a newer one.
        Returns the item's new record when something was written."""
        parts = key.split("/")
        if len(parts) != 3 or parts[0] != "items" or not valid_id(parts[1]) or not parts[2]:
            log.warning("image event for a key outside items/<id>/: %r", key)
            return None
        item_id = parts[1]
        item = self._store.get(item_id)
        if item is None:
            log.info("deleting image %r of a missing item", key)
            self.images.delete_image(key)
            return None
        image = item.get("image")
        if image and image.get("key") == key:
            if image.get("size") == size and image.get("content_type") == content_type:
                return None
        elif image:
            return None
        try:
            return self._store.set_image(item_id, key, content_type, size, int(item["version"]))
        except (NotFound, VersionConflict):
            return None  # changed meanwhile: the newer write decides

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
