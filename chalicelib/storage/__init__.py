"""Storage behind small interfaces (`ItemStore`, `ImageStore`); the factories pick the implementation.

STORAGE (per stage in .chalice/config.json) is `memory` (in-process) or `dynamodb` (DynamoDB table
TABLE_NAME + S3 bucket BUCKET_NAME). The AWS modules are imported only when chosen: boto3 is never
loaded by a process that does not use it.

`make_store(collection)` gives the ItemStore of one `Collection` (ITEMS, USERS, POSTS, `comments_of(id)`):
cheap enough to call per request, since every store of the process shares one in-memory table (memory)
or one boto3 client (dynamodb).
"""

from __future__ import annotations

import os

from chalicelib.storage.base import (
    ITEMS,
    POSTS,
    USERS,
    AlreadyExists,
    Collection,
    ImageStore,
    InvalidCursor,
    ItemStore,
    NotFound,
    Page,
    Record,
    StorageError,
    VersionConflict,
    comments_of,
)
from chalicelib.storage.memory import (
    InMemoryImageStore,
    InMemoryItemStore,
    InMemoryTable,
    memory_table,
    reset_memory_table,
)

KINDS = ("memory", "dynamodb")


def _kind(kind: str | None) -> str:
    kind = kind or os.environ.get("STORAGE", "memory")
    if kind not in KINDS:
        raise ValueError(f"unknown STORAGE {kind!r}: expected one of {', '.join(map(repr, KINDS))}")
    return kind


def make_store(collection: Collection, kind: str | None = None) -> ItemStore:
    """The store of `collection`, of the kind named by `kind` or the STORAGE environment variable.

    memory: over the process-wide `memory_table()`, so stores made on different requests see the same
    records (`reset_memory_table()` empties it). dynamodb: `DynamoItemStore(TABLE_NAME, collection=...)`;
    no AWS call here, and every store uses the process-wide client.
    """
    if _kind(kind) == "memory":
        return InMemoryItemStore(collection=collection, table=memory_table())
    from chalicelib.storage import dynamodb

    return dynamodb.store_from_env(collection)


def make_item_store(kind: str | None = None) -> ItemStore:
    """`make_store(ITEMS, kind)`."""
    return make_store(ITEMS, kind)


def make_image_store(kind: str | None = None) -> ImageStore:
    """The image store that goes with `make_item_store(kind)`: in memory, or S3."""
    if _kind(kind) == "memory":
        return InMemoryImageStore()
    from chalicelib.storage import s3

    return s3.store_from_env()


__all__ = [
    "ITEMS",
    "KINDS",
    "POSTS",
    "USERS",
    "AlreadyExists",
    "Collection",
    "ImageStore",
    "InMemoryImageStore",
    "InMemoryItemStore",
    "InMemoryTable",
    "InvalidCursor",
    "ItemStore",
    "NotFound",
    "Page",
    "Record",
    "StorageError",
    "VersionConflict",
    "comments_of",
    "make_image_store",
    "make_item_store",
    "make_store",
    "memory_table",
    "reset_memory_table",
]
