"""HTTP conditional requests (RFC 9110 §8.8.3, §13.1.1) over versioned records.

A record's `version` is its entity tag: `ETag: "3"`. `If-Match` is compared strongly (a weak tag `W/"3"`
never matches). The outcome is the `expected_version` a store's conditional write takes, so the check
and the write are one atomic operation in the store, never a read-then-write race in the handler.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError

ANY = "*"


def etag(record: Mapping[str, Any]) -> str:
    """The strong entity tag of a versioned record."""
    return f'"{int(record["version"])}"'


#: RFC 9110 §8.8.3 / §13.1.1: `*`, or a comma-separated list of entity tags `"..."` / `W/"..."` (etagc is
#: `!` or `#`-`~`; obs-text is not accepted), with optional spaces/tabs around the commas. openapi.yaml's
#: If-Match `pattern` is this same grammar, so a value the spec allows is never refused here and one it
#: forbids never gets past validation. A str: `re` compiles and caches it on the first If-Match, not at
#: every cold start.
_ENTITY_TAG = r'[ \t]*(W/)?"([!#-~]*)"[ \t]*'


def parse_if_match(header: str) -> str | frozenset[int]:
    """`*`, or the versions an `If-Match` list names (tags that are not ours name no version).

    A malformed list is a client error (400), not a failed precondition."""
    text = header.strip(" \t")
    if text == ANY:
        return ANY
    versions: set[int] = set()
    entity_tag = re.compile(_ENTITY_TAG)
    position = 0
    while True:
        match = entity_tag.match(text, position)
        if match is None:
            raise ProblemError(
                400,
                f"If-Match must be `*` or a list of entity tags such as '\"3\"', not {header!r}.",
            )
        weak, inner = match.group(1), match.group(2)
        if not weak and inner.isascii() and inner.isdigit() and len(inner) <= 18:
            versions.add(int(inner))
        position = match.end()
        if position == len(text):
            return frozenset(versions)
        if text[position] != ",":
            raise ProblemError(
                400,
                f"If-Match must be `*` or a list of entity tags such as '\"3\"', not {header!r}.",
            )
        position += 1


def expected_version(
    if_match: str | None, current: Mapping[str, Any] | None = None, *, required: bool
) -> int | None:
    """The version a conditional write must find, from `If-Match`.

    - missing: 428 when `required`, else None (unconditional);
    - `*`: None (any version of an existing resource);
    - one tag: its version (the store answers a mismatch with a conflict → 412);
    - several tags: the current version when listed (`current` is the record read beforehand), else 412.
    """
    if if_match is None:
        if required:
            raise ProblemError(
                428,
                "This write needs an If-Match header with the resource's ETag "
                "(GET it first), so that it cannot overwrite someone else's change.",
            )
        return None
    wanted = parse_if_match(if_match)
    if wanted == ANY:
        return None
    assert isinstance(wanted, frozenset)
    if len(wanted) == 1:
        return next(iter(wanted))
    if current is not None and int(current["version"]) in wanted:
        return int(current["version"])
    raise precondition_failed(current)


def precondition_failed(current: Mapping[str, Any] | None = None) -> ProblemError:
    """412, naming the current ETag when known."""
    headers = {"ETag": etag(current)} if current is not None else {}
    detail = "If-Match does not name the current version: the resource changed since it was read."
    if current is not None:
        detail += f" Its ETag is now {etag(current)}."
    return ProblemError(412, detail, headers=headers)
