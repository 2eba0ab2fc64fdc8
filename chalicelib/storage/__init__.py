"""Storage behind small interfaces (`ItemStore`, `ImageStore`); the factories pick the implementation.

STORAGE (per stage in .chalice/config.json) is `memory` (in-process) or `dynamodb` (DynamoDB table
TABLE_NAME + S3 bucket BUCKET_NAME). The AWS modules are imported only when chosen: boto3 is never
loaded by a process that does not use it.
"""

from __future__ import annotations

import os

from chalicelib.storage.base import (
    AlreadyExists,
    ImageStore,
    InvalidCursor,
    ItemStore,
    NotFound,
    Page,
    Record,
    StorageError,
    VersionConflict,
)
from chalicelib.storage.memory import InMemoryImageStore, InMemoryItemStore

KINDS = ("memory", "dynamodb")


def _kind(kind: str | None) -> str:
    kind = kind or os.environ.get("STORAGE", "memory")
    if kind not in KINDS:
        raise ValueError(f"unknown STORAGE {kind!r}: expected one of {', '.join(map(repr, KINDS))}")
    return kind


def make_item_store(kind: str | None = None) -> ItemStore:
    """The item store named by `kind` or the STORAGE environment variable."""
    if _kind(kind) == "memory":
        return InMemoryItemStore()
    from chalicelib.storage import dynamodb

    return dynamodb.store_from_env()


def make_image_store(kind: str | None = None) -> ImageStore:
    """The image store that goes with `make_item_store(kind)`: in memory, or S3."""
    if _kind(kind) == "memory":
        return InMemoryImageStore()
    from chalicelib.storage import s3

    return s3.store_from_env()


__all__ = [
    "KINDS",
    "AlreadyExists",
    "ImageStore",
    "InMemoryImageStore",
    "InMemoryItemStore",
    "InvalidCursor",
    "ItemStore",
    "NotFound",
    "Page",
    "Record",
    "StorageError",
    "VersionConflict",
    "make_image_store",
    "make_item_store",
]
