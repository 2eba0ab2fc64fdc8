"""Handlers for the `admin` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from chalicelib.events import purge_after
from chalicelib.runtime import HandlerResult
from chalicelib.runtime.security import Principal
from chalicelib.services import item_service
from chalicelib.services.common import iso


def purge_deleted_items(*, principal: Principal, older_than_days: int | None = None) -> HandlerResult:
    """Purge deleted items now"""
    age = purge_after() if older_than_days is None else timedelta(days=older_than_days)
    before = datetime.now(UTC) - age
    return {"purged": item_service().purge_deleted(before), "before": iso(before)}
