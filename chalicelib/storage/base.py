"""The storage interface the services depend on, and its typed errors.

Records are plain JSON-ready dicts keyed by `id`. Besides the fields the service writes, a record carries
the store-managed fields `version` (int, 1 on create, +1 on every write) and `image` (`{"key",
"content_type", "size"}`, present once an image is set). Soft-deleted records are never returned. A
store serves one `Collection` (items, users, posts, the comments of one post); every collection gets the
same guarantees, and none sees another's records.

Two implementations prove the same behaviour by running one contract suite (tests/storage):
`InMemoryItemStore` (memory.py) and `DynamoItemStore` (dynamodb.py). Image bytes live in an `ImageStore`:
`InMemoryImageStore` or `S3ImageStore` (s3.py). docs/STORAGE.md explains the design.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple, Protocol

Record = Mapping[str, Any]

_ID_RE = re.compile(r"[^#/\s]+")  # ids become key and S3 prefix parts: no separators, no whitespace
_KEY_PART_RE = re.compile(r"[A-Z][A-Z0-9_]*")
_FIELD_RE = re.compile(r"[a-z][A-Za-z0-9_]*")  # in a DynamoDB attribute name: Search<Field>
#: PK prefixes the table uses for other records: a collection must not claim them.
_RESERVED_PREFIXES = frozenset({"IDEMPOTENCY#", "HEALTH#", "DELETED#"})


def valid_id(record_id: object) -> bool:
    """Whether `record_id` can name a record. Lookups of other ids find nothing; writes refuse them."""
    return isinstance(record_id, str) and _ID_RE.fullmatch(record_id) is not None


@dataclass(frozen=True)
class Collection:
    """One kind of record in the store: where its records live and how they are listed.

    A record of the collection is keyed `PK = key_prefix + id`, `SK = sort_key`; its place in the creation
    order is in the list partition `list_partition`; once soft-deleted it is in the purge partition
    `DELETED#<list_partition>`. Stores over different collections never see each other's records, lists,
    idempotency keys, cursors or tombstones (docs/STORAGE.md, "Collections").
    """

    name: str  # "items", "users", "posts", "comments"
    key_prefix: str  # PK prefix: "ITEM#", "USER#", "POST#", "COMMENT#"
    list_partition: str  # list GSI partition: "ITEMS", "USERS", "POSTS", "POST#<post_id>#COMMENTS"
    search_fields: tuple[str, ...] = ("name", "description")  # what `q` searches
    #: SK of every record; "" (the default) means `key_prefix` without its '#': `ITEM`, `USER`, `POST`.
    #: A sub-collection scopes its ids with it (`comments_of`: `POST#<post_id>`).
    sort_key: str = field(default="")

    def __post_init__(self) -> None:
        if not (isinstance(self.name, str) and self.name):
            raise ValueError("a collection needs a name")
        prefix = self.key_prefix
        if not (isinstance(prefix, str) and prefix.endswith("#") and _KEY_PART_RE.fullmatch(prefix[:-1])):
            raise ValueError(f"key_prefix {prefix!r}: upper-case letters, digits or '_', then '#'")
        if prefix in _RESERVED_PREFIXES:
            raise ValueError(f"key_prefix {prefix!r} is reserved for the store's own records")
        if not (isinstance(self.list_partition, str) and self.list_partition):
            raise ValueError("list_partition must be a non-empty string")
        fields = self.search_fields
        if not (isinstance(fields, tuple) and fields and all(isinstance(f, str) for f in fields)):
            raise ValueError("search_fields must be a non-empty tuple of field names")
        if not all(_FIELD_RE.fullmatch(f) for f in fields) or len(set(fields)) != len(fields):
            raise ValueError(
                f"search_fields {fields!r}: distinct names, a lower-case letter then letters, digits or '_'"
            )
        if not self.sort_key:
            object.__setattr__(self, "sort_key", prefix[:-1])
        elif not isinstance(self.sort_key, str):
            raise ValueError("sort_key must be a string")

    @property
    def purge_partition(self) -> str:
        """The partition of this collection's soft-deleted records in the purge index."""
        return f"DELETED#{self.list_partition}"


#: Items keep the pre-collection layout exactly: PK `ITEM#<id>`, SK `ITEM`, list partition `ITEMS`.
ITEMS = Collection("items", "ITEM#", "ITEMS")
USERS = Collection("users", "USER#", "USERS")
POSTS = Collection("posts", "POST#", "POSTS", search_fields=("title", "body"))


def comments_of(post_id: str) -> Collection:
    """The comments of one post: their own list, ids scoped to the post (`ValueError` for a bad id)."""
    if not valid_id(post_id):
        raise ValueError(f"invalid post id {post_id!r}: a non-empty string without '#', '/' or whitespace")
    return Collection(
        "comments",
        "COMMENT#",
        f"{POSTS.key_prefix}{post_id}#COMMENTS",
        search_fields=("text", "title", "alt_text"),  # the texts of the three kinds
        sort_key=f"{POSTS.key_prefix}{post_id}",
    )


#: Fields the store owns: callers never write them through `create`/`replace` (they are ignored there).
MANAGED_FIELDS = frozenset({"version", "image", "deleted_at"})


class Page(NamedTuple):
    """One page of `list_page`: unpack as `records, next_cursor = store.list_page(...)`."""

    items: list[Record]
    next_cursor: str | None  # None exactly when no further item matches


class StorageError(Exception):
    """Base of the errors a store raises on purpose (infrastructure failures propagate as they are)."""


class NotFound(StorageError, LookupError):
    """No live item with this id (never created, soft-deleted or purged)."""

    def __init__(self, item_id: str) -> None:
        super().__init__(f"no item {item_id!r}")
        self.item_id = item_id


class VersionConflict(StorageError):
    """The item exists but its `version` is not the expected one: someone else wrote it first."""

    def __init__(self, item_id: str, expected: int, actual: int) -> None:
        super().__init__(f"item {item_id!r} is at version {actual}, not {expected}")
        self.item_id = item_id
        self.expected = expected
        self.actual = actual


class AlreadyExists(StorageError):
    """`create` of an id that is already stored (ids are uuid4s, so this means a bug upstream)."""

    def __init__(self, item_id: str) -> None:
        super().__init__(f"item {item_id!r} already exists")
        self.item_id = item_id


class InvalidCursor(StorageError, ValueError):
    """A cursor this store did not issue: garbage, tampered with, or from another store kind."""


class ItemStore(Protocol):
    def create(self, item: Record, idempotency_key: str | None = None) -> tuple[Record, bool]:
        """Store a new item at version 1; `(record, True)`.

        With an `idempotency_key` already used (within the store's idempotency TTL, 24 h by default), nothing
        is written and the record the FIRST call created is returned as it was then: `(first, False)`.
        Raises `AlreadyExists` when `item["id"]` is taken.
        """

    def get(self, item_id: str) -> Record | None:
        """The live item, or None (also for soft-deleted items)."""

    def replace(self, item_id: str, item: Record, expected_version: int | None = None) -> Record:
        """Replace the item's fields with `item`'s (keeping `image`); version +1; the new record.

        Raises `NotFound` when there is no live item and `VersionConflict` when `expected_version` is given
        and differs from the stored version. Atomic: of writers racing with the same expected version,
        exactly one wins.
        """

    def delete(self, item_id: str, expected_version: int | None = None) -> bool:
        """Soft delete (sets `deleted_at`, version +1): True, or False when there is no live item.

        Raises `VersionConflict` like `replace`.
        """

    def list_page(
        self,
        limit: int,
        cursor: str | None = None,
        tags: Sequence[str] | None = None,
        status: str | None = None,
        q: str | None = None,
    ) -> Page:
        """At most `limit` (>= 1) live items in creation order, after `cursor` (from a previous page).

        Filters: every tag in `tags` (field `tags`), `status` equal (field `status`), `q` a case-insensitive
        substring of one of the collection's `search_fields`. `next_cursor` is opaque and None exactly
        when no further item matches; a cursor not issued for this collection's list raises
        `InvalidCursor`.
        """

    def purge_deleted(self, older_than: datetime, on_purged: Callable[[str], None] | None = None) -> int:
        """Hard-delete this collection's records soft-deleted before `older_than` (timezone-aware); how many.

        `on_purged(record_id)` is called for each one (e.g. to delete an item's images). Other
        collections' tombstones are never touched.
        """

    def set_image(
        self, item_id: str, key: str, content_type: str, size: int, expected_version: int | None = None
    ) -> Record:
        """Record image metadata on the item (version +1); the new record. Errors as for `replace`."""

    def clear_image(self, item_id: str, expected_version: int | None = None) -> Record:
        """Remove the image metadata (version +1); the new record. Errors as for `replace`."""

    def ping(self) -> bool:
        """Whether the store is reachable."""


class ImageStore(Protocol):
    """Image bytes. Every upload gets a fresh key, so a losing conditional write never clobbers the image
    the item still points to."""

    def put_image(self, item_id: str, content_type: str, data: bytes) -> str:
        """Store the bytes under a new key below the item's prefix; the key."""

    def get_image(self, key: str) -> tuple[str, bytes] | None:
        """`(content_type, data)`, or None when there is no such object."""

    def delete_image(self, key: str) -> None:
        """Delete one object (no error when it is already gone)."""

    def delete_images(self, item_id: str) -> int:
        """Delete every object below the item's prefix (purge, orphans of failed uploads); how many."""
