"""What every service shares: timestamps, JSON Merge Patch, and the errors handlers translate to HTTP."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any


def now() -> str:
    """UTC, millisecond precision, `Z`: the format of every timestamp the API returns."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    """`moment` (timezone-aware) in the API's timestamp format."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON Merge Patch: objects merge member by member, `null` removes, anything else replaces."""
    if not isinstance(patch, Mapping):
        return patch
    result = dict(target) if isinstance(target, Mapping) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


class NotFoundError(LookupError):
    """No such resource (never created, deleted, or not under this parent)."""

    def __init__(self, kind: str, resource_id: str) -> None:
        super().__init__(f"no {kind} {resource_id!r}")
        self.kind = kind
        self.resource_id = resource_id


class ForbiddenError(PermissionError):
    """The caller is known but may not do this (e.g. edit someone else's post)."""
