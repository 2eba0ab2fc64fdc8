"""Handlers for the `items` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
Handlers translate between HTTP and the item service: arguments arrive parsed and validated.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from chalicelib.conditional import etag, expected_version, precondition_failed
from chalicelib.runtime import ApiResponse, HandlerResult, ProblemError, Violation
from chalicelib.runtime.context import request_header, request_path
from chalicelib.runtime.security import Principal
from chalicelib.services import item_service
from chalicelib.services.items import ImageNotFound, InvalidCursor, ItemNotFound, VersionConflict

if TYPE_CHECKING:  # annotations only: a cold start does not import the models module
    from chalicelib._generated import models

DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SIGNATURES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
_API_FIELDS = ("id", "name", "description", "price", "tags", "status", "version", "created_at", "updated_at")


def _item_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """The API representation of a stored item (storage details such as the image's key stay inside)."""
    view = {k: record[k] for k in _API_FIELDS if k in record}
    view.setdefault("tags", [])
    view.setdefault("status", "active")
    image = record.get("image")
    if image:
        view["image"] = {"content_type": image["content_type"], "size": image["size"]}
    return view


def _with_etag(record: Mapping[str, Any], status: int = 200, **headers: str) -> ApiResponse:
    return ApiResponse(status, _item_view(record), headers={"ETag": etag(record), **headers})


def _not_found(item_id: str) -> ProblemError:
    return ProblemError.not_found(f"No item with id {item_id!r}.")


def _current(item_id: str) -> Mapping[str, Any]:
    try:
        return item_service().get(item_id)
    except ItemNotFound:
        raise _not_found(item_id) from None


def _bad_cursor(exc: InvalidCursor) -> ProblemError:
    return ProblemError.bad_request(
        "The cursor was not issued by this API.",
        [Violation("query", "/cursor", f"not a cursor this API issued ({exc})", "cursor")],
    )


def list_items(
    *,
    limit: int,
    cursor: str | None = None,
    tag: list[models.Tag] | None = None,
    status: models.ItemStatus | None = None,
    q: str | None = None,
) -> HandlerResult:
    """List items"""
    try:
        records, next_cursor = item_service().list_page(limit, cursor=cursor, tags=tag, status=status, q=q)
    except InvalidCursor as exc:
        raise _bad_cursor(exc) from None
    return {"items": [_item_view(r) for r in records], "next_cursor": next_cursor}


def create_item(
    *, principal: Principal, body: models.Item, idempotency_key: str | None = None
) -> HandlerResult:
    """Create an item"""
    service = item_service()
    record, created = service.create_item(body, idempotency_key=idempotency_key)
    if not created:
        try:  # a replay answers the first item as it is now: it may have changed, or gone
            record = service.get(str(record["id"]))
        except ItemNotFound:
            raise ProblemError(
                409,
                "This Idempotency-Key created an item that has been deleted since; "
                "send the request again with a new key to create another.",
            ) from None
    # the requested path carries the API Gateway stage (/dev/items), so the URL is right when deployed
    headers = {"Location": f"{request_path().rstrip('/')}/{record['id']}"}
    if not created:
        headers["Idempotent-Replayed"] = "true"
    return _with_etag(record, 201, **headers)


def get_item(*, item_id: str) -> HandlerResult:
    """Fetch one item"""
    return _with_etag(_current(item_id))


@contextmanager
def _errors(item_id: str) -> Iterator[None]:
    """The service's errors as problem+json: 404 (item or image), 412 with the current ETag."""
    try:
        yield
    except ItemNotFound:
        raise _not_found(item_id) from None
    except ImageNotFound:
        raise ProblemError.not_found(f"Item {item_id!r} has no image.") from None
    except VersionConflict:
        raise precondition_failed(_current(item_id)) from None


def _version(item_id: str, if_match: str | None, *, required: bool) -> int | None:
    """The version a write is conditional on, from If-Match (404 first: RFC 9110 §13.2.1)."""
    return expected_version(if_match, _current(item_id), required=required)


def replace_item(
    *, principal: Principal, item_id: str, body: models.Item, if_match: str | None = None
) -> HandlerResult:
    """Replace an item"""
    version = _version(item_id, if_match, required=True)
    with _errors(item_id):
        return _with_etag(item_service().replace_item(item_id, body, expected_version=version))


def update_item(
    *, principal: Principal, item_id: str, body: models.ItemPatch, if_match: str | None = None
) -> HandlerResult:
    """Change some fields of an item"""
    version = _version(item_id, if_match, required=True)
    with _errors(item_id):
        return _with_etag(item_service().patch_item(item_id, body, expected_version=version))


def delete_item(*, principal: Principal, item_id: str, if_match: str | None = None) -> HandlerResult:
    """Delete an item"""
    version = _version(item_id, if_match, required=True)
    with _errors(item_id):
        item_service().delete_item(item_id, expected_version=version)
    return ApiResponse(204)


def get_item_image(*, item_id: str) -> HandlerResult:
    """Download the item's image"""
    with _errors(item_id):
        content_type, data = item_service().get_image(item_id)
    return ApiResponse(200, data, content_type=content_type)


def _max_image_bytes() -> int:
    """The stage's upload limit (MAX_IMAGE_BYTES), 5 MiB by default."""
    return int(os.environ.get("MAX_IMAGE_BYTES") or DEFAULT_MAX_IMAGE_BYTES)


def put_item_image(
    *, principal: Principal, item_id: str, body: bytes, if_match: str | None = None
) -> HandlerResult:
    """Upload the item's image"""
    content_type = (request_header("content-type") or "").split(";")[0].strip().lower()
    limit = _max_image_bytes()
    if len(body) > limit:
        raise ProblemError(413, f"The image is {len(body)} bytes; at most {limit} are accepted.")
    signature = _SIGNATURES.get(content_type)
    if signature is None or not body.startswith(signature):
        raise ProblemError.bad_request(
            "The body is not the image its Content-Type announces.",
            [
                Violation(
                    "body",
                    "",
                    f"the bytes are not a {content_type or 'PNG or JPEG'} image",
                    "contentMediaType",
                )
            ],
        )
    version = _version(item_id, if_match, required=False)
    with _errors(item_id):
        return _with_etag(item_service().put_image(item_id, content_type, body, expected_version=version))


def delete_item_image(*, principal: Principal, item_id: str, if_match: str | None = None) -> HandlerResult:
    """Remove the item's image"""
    version = _version(item_id, if_match, required=False)
    with _errors(item_id):
        item_service().delete_image(item_id, expected_version=version)
    return ApiResponse(204)
