"""Helpers both item stores share, so their behaviour cannot drift: opaque signed cursors, timestamps,
input cleaning and the list filters."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from chalicelib.storage.base import MANAGED_FIELDS, InvalidCursor, Record
from chalicelib.storage.base import valid_id as valid_id  # re-exported: defined beside Collection

CURSOR_VERSION = 1
MAX_CURSOR_LENGTH = 2048
_MAC_BYTES = 16  # 128-bit truncated HMAC-SHA256
# Without CURSOR_SECRET the MAC is a checksum: it rejects garbage and casual edits, not a forger who reads
# this file. Deployed stages set CURSOR_SECRET (docs/STORAGE.md).
_DEFAULT_SECRET = b"reference-api/cursor/v1"


def default_cursor_secret() -> bytes:
    """CURSOR_SECRET from the environment, else the built-in (checksum-only) key."""
    secret = os.environ.get("CURSOR_SECRET")
    if secret and secret.startswith("{{resolve:"):
        # the stage config holds a CloudFormation dynamic reference: only `make package` + CloudFormation
        # resolve it; `chalice deploy` would ship the literal text as the key
        raise RuntimeError(
            "CURSOR_SECRET is an unresolved CloudFormation reference: deploy with `make package` and "
            "CloudFormation (docs/OPERATIONS.md), not `chalice deploy`"
        )
    return secret.encode() if secret else _DEFAULT_SECRET


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(kind: str, position: Mapping[str, Any], secret: bytes) -> str:
    """`<base64url(JSON)>.<base64url(HMAC)>`: opaque to clients, checked on the way back."""
    body = json.dumps(
        {"v": CURSOR_VERSION, "k": kind, "p": dict(position)}, separators=(",", ":"), sort_keys=True
    ).encode()
    mac = hmac.new(secret, body, hashlib.sha256).digest()[:_MAC_BYTES]
    return f"{_b64encode(body)}.{_b64encode(mac)}"


def decode_cursor(token: object, kind: str, secret: bytes) -> dict[str, Any]:
    """The position inside a cursor `encode_cursor(kind, ...)` made with `secret`; else `InvalidCursor`."""
    if not isinstance(token, str) or not token or len(token) > MAX_CURSOR_LENGTH:
        raise InvalidCursor("malformed cursor")
    body_part, dot, mac_part = token.partition(".")
    try:
        if not dot or not body_part.isascii() or not mac_part.isascii():
            raise ValueError
        body, mac = _b64decode(body_part), _b64decode(mac_part)
        # one spelling per cursor: the last character's unused bits must be zero, as we write them
        if _b64encode(body) != body_part or _b64encode(mac) != mac_part:
            raise ValueError
    except (ValueError, binascii.Error):
        raise InvalidCursor("malformed cursor") from None
    expected = hmac.new(secret, body, hashlib.sha256).digest()[:_MAC_BYTES]
    if not hmac.compare_digest(mac, expected):
        raise InvalidCursor("cursor signature mismatch")
    try:
        payload = json.loads(body)
    except ValueError:
        raise InvalidCursor("malformed cursor") from None
    if (
        not isinstance(payload, dict)
        or payload.get("v") != CURSOR_VERSION
        or payload.get("k") != kind
        or not isinstance(payload.get("p"), dict)
    ):
        raise InvalidCursor("cursor from another store")
    position: dict[str, Any] = payload["p"]
    return position


def iso(moment: datetime) -> str:
    """UTC, millisecond precision, `Z`: the format of every stored timestamp (sorts as text)."""
    if moment.tzinfo is None:
        raise ValueError("timezone-aware datetime required")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_now() -> datetime:
    return datetime.now(UTC)


def idempotency_hash(key: str) -> str:
    if not isinstance(key, str) or not key:
        raise ValueError("idempotency_key must be a non-empty string")
    return hashlib.sha256(key.encode()).hexdigest()


def item_data(item: Record, item_id: str | None = None) -> dict[str, Any]:
    """A deep copy of the caller's fields (managed fields dropped), with a valid `id`."""
    data = {k: copy.deepcopy(v) for k, v in item.items() if k not in MANAGED_FIELDS}
    _check_finite(data)
    found = data.get("id", item_id)
    if item_id is not None and found != item_id:
        raise ValueError(f"item id {found!r} does not match {item_id!r}")
    if not valid_id(found):
        raise ValueError(f"invalid item id {found!r}: a non-empty string without '#', '/' or whitespace")
    data["id"] = found
    return data


def _check_finite(value: Any) -> None:
    """JSON (and DynamoDB) numbers are finite: refuse NaN and infinities in both stores alike."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} cannot be stored: numbers must be finite")
    if isinstance(value, Mapping):
        for v in value.values():
            _check_finite(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _check_finite(v)


def check_limit(limit: int) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be an int >= 1")


def image_prefix(item_id: str) -> str:
    """Where an item's image objects live: `items/<id>/`."""
    if not valid_id(item_id):
        raise ValueError(f"invalid item id {item_id!r}")
    return f"items/{item_id}/"


@dataclass(frozen=True)
class Filters:
    tags: tuple[str, ...] = ()
    status: str | None = None
    q: str | None = None  # casefolded
    search_fields: tuple[str, ...] = ("name", "description")  # the fields `q` searches

    @property
    def active(self) -> bool:
        return bool(self.tags) or self.status is not None or self.q is not None

    def matches(self, data: Mapping[str, Any]) -> bool:
        """The in-memory twin of the DynamoDB FilterExpression (dynamodb.py `_filter_expression`)."""
        tags = data.get("tags")
        if self.tags and not (isinstance(tags, list) and all(t in tags for t in self.tags)):
            return False
        if self.status is not None and data.get("status") != self.status:
            return False
        if self.q is None:
            return True
        return any(self.q in text for text in search_texts(data, self.search_fields).values())


def make_filters(
    tags: Sequence[str] | None,
    status: str | None,
    q: str | None,
    search_fields: tuple[str, ...] = ("name", "description"),
) -> Filters:
    if isinstance(tags, str):
        raise TypeError("tags is a sequence of strings, not a string")
    unique = tuple(dict.fromkeys(tags or ()))
    if not all(isinstance(t, str) and t for t in unique):
        raise ValueError("tags must be non-empty strings")
    if status is not None and not isinstance(status, str):
        raise TypeError("status must be a string")
    if q is not None and not isinstance(q, str):
        raise TypeError("q must be a string")
    return Filters(unique, status, q.casefold() if q else None, search_fields)


def search_texts(data: Mapping[str, Any], fields: Sequence[str]) -> dict[str, str]:
    """The casefolded string values of `fields` (a collection's `search_fields`: what `q` searches;
    DynamoDB stores them beside the record)."""
    return {field: value.casefold() for field in fields if isinstance(value := data.get(field), str)}
