"""Handlers for the `items` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
Handlers translate between HTTP and the item service: arguments arrive parsed and validated.
"""

from __future__ import annotations

from chalicelib._generated import models
from chalicelib.runtime import ApiResponse, HandlerResult, ProblemError
from chalicelib.runtime.context import request_path
from chalicelib.services import item_service
from chalicelib.services.items import ItemNotFound


def _not_found(exc: ItemNotFound) -> ProblemError:
    return ProblemError.not_found(f"No item with id {exc.item_id!r}.")


def list_items(*, limit: int, tag: models.Tag | None = None) -> HandlerResult:
    """List items"""
    return {"items": item_service().list(limit, tag)}


def create_item(*, body: models.ItemInput) -> HandlerResult:
    """Create an item"""
    item = item_service().create(body)
    # the requested path carries the API Gateway stage (/dev/items), so the URL is right when deployed
    return ApiResponse(201, item, headers={"Location": f"{request_path().rstrip('/')}/{item['id']}"})


def get_item(*, item_id: str) -> HandlerResult:
    """Fetch one item"""
    try:
        return item_service().get(item_id)
    except ItemNotFound as exc:
        raise _not_found(exc) from None


def replace_item(*, item_id: str, body: models.ItemInput) -> HandlerResult:
    """Replace an item"""
    try:
        return item_service().replace(item_id, body)
    except ItemNotFound as exc:
        raise _not_found(exc) from None


def delete_item(*, item_id: str) -> HandlerResult:
    """Delete an item"""
    try:
        item_service().delete(item_id)
    except ItemNotFound as exc:
        raise _not_found(exc) from None
    return ApiResponse(204)
