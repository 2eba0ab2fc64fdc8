"""Handlers for the `posts` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
Only the author of a post or comment may change or delete it (403 for anyone else).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from chalicelib.auth import caller_id
from chalicelib.conditional import etag, expected_version, precondition_failed
from chalicelib.runtime import ApiResponse, HandlerResult, ProblemError, Violation
from chalicelib.runtime.context import request_path
from chalicelib.runtime.security import Principal
from chalicelib.services import post_service
from chalicelib.services.common import ForbiddenError, NotFoundError
from chalicelib.storage.base import InvalidCursor, VersionConflict

if TYPE_CHECKING:  # annotations only: a cold start does not import the models module
    from chalicelib._generated import models

_POST_FIELDS = ("id", "author_id", "title", "body", "version", "created_at", "updated_at")
_COMMENT_FIELDS = (
    "id", "post_id", "author_id", "kind", "text", "url", "title", "image_url", "alt_text",
    "version", "created_at", "updated_at",
)  # fmt: skip


def _view(record: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: record[k] for k in fields if k in record}


def _tagged(
    record: Mapping[str, Any], fields: tuple[str, ...], status: int = 200, **headers: str
) -> ApiResponse:
    return ApiResponse(status, _view(record, fields), headers={"ETag": etag(record), **headers})


@contextmanager
def _errors(refetch: Callable[[], Mapping[str, Any]] | None = None) -> Iterator[None]:
    """The service's errors as problem+json: 404, 403, 412 (with the current ETag when `refetch` finds it),
    and 400 for a cursor this API did not issue."""
    try:
        yield
    except NotFoundError as exc:
        raise ProblemError.not_found(f"No {exc.kind} with id {exc.resource_id!r}.") from None
    except ForbiddenError as exc:
        raise ProblemError(403, str(exc)) from None
    except VersionConflict:
        current = None
        if refetch is not None:
            with suppress(NotFoundError):
                current = refetch()
        raise precondition_failed(current) from None
    except InvalidCursor as exc:
        raise ProblemError.bad_request(
            "The cursor was not issued by this API.",
            [Violation("query", "/cursor", f"not a cursor this API issued ({exc})", "cursor")],
        ) from None


def _base() -> str:
    return request_path().rstrip("/")


def _version(if_match: str | None, current: Callable[[], Mapping[str, Any]]) -> int | None:
    if if_match is None:
        return None
    with _errors():
        record = current()
    return expected_version(if_match, record, required=False)


# -- posts ---------------------------------------------------------------------------------------------


def list_posts(*, limit: int, cursor: str | None = None) -> HandlerResult:
    """List posts"""
    with _errors():
        records, next_cursor = post_service().list_posts(limit, cursor)
    return {"posts": [_view(r, _POST_FIELDS) for r in records], "next_cursor": next_cursor}


def create_post(*, principal: Principal, body: models.Post) -> HandlerResult:
    """Write a post"""
    with _errors():
        post = post_service().create_post(caller_id(principal), body)
    return _tagged(post, _POST_FIELDS, 201, Location=f"{_base()}/{post['id']}")


def get_post(*, post_id: str) -> HandlerResult:
    """Fetch a post"""
    with _errors():
        return _tagged(post_service().get_post(post_id), _POST_FIELDS)


def update_post(
    *, post_id: str, principal: Principal, body: models.PostPatch, if_match: str | None = None
) -> HandlerResult:
    """Edit a post (its author only)"""
    service = post_service()
    version = _version(if_match, lambda: service.get_post(post_id))
    with _errors(lambda: service.get_post(post_id)):
        post = service.patch_post(post_id, caller_id(principal), body, expected_version=version)
    return _tagged(post, _POST_FIELDS)


def delete_post(*, post_id: str, principal: Principal, if_match: str | None = None) -> HandlerResult:
    """Delete a post (its author only)"""
    service = post_service()
    version = _version(if_match, lambda: service.get_post(post_id))
    with _errors(lambda: service.get_post(post_id)):
        service.delete_post(post_id, caller_id(principal), expected_version=version)
    return ApiResponse(204)


# -- comments ------------------------------------------------------------------------------------------


def list_comments(*, post_id: str, limit: int, cursor: str | None = None) -> HandlerResult:
    """List a post's comments"""
    with _errors():
        records, next_cursor = post_service().list_comments(post_id, limit, cursor)
    return {"comments": [_view(r, _COMMENT_FIELDS) for r in records], "next_cursor": next_cursor}


def create_comment(*, post_id: str, principal: Principal, body: models.Comment) -> HandlerResult:
    """Comment on a post"""
    with _errors():
        comment = post_service().create_comment(post_id, caller_id(principal), body)
    return _tagged(comment, _COMMENT_FIELDS, 201, Location=f"{_base()}/{comment['id']}")


def get_comment(*, post_id: str, comment_id: str) -> HandlerResult:
    """Fetch a comment"""
    with _errors():
        return _tagged(post_service().get_comment(post_id, comment_id), _COMMENT_FIELDS)


def replace_comment(
    *, post_id: str, comment_id: str, principal: Principal, body: models.Comment, if_match: str | None = None
) -> HandlerResult:
    """Rewrite a comment (its author only)"""
    service = post_service()
    version = _version(if_match, lambda: service.get_comment(post_id, comment_id))
    with _errors(lambda: service.get_comment(post_id, comment_id)):
        comment = service.replace_comment(
            post_id, comment_id, caller_id(principal), body, expected_version=version
        )
    return _tagged(comment, _COMMENT_FIELDS)


def delete_comment(
    *, post_id: str, comment_id: str, principal: Principal, if_match: str | None = None
) -> HandlerResult:
    """Delete a comment (its author only)"""
    service = post_service()
    version = _version(if_match, lambda: service.get_comment(post_id, comment_id))
    with _errors(lambda: service.get_comment(post_id, comment_id)):
        service.delete_comment(post_id, comment_id, caller_id(principal), expected_version=version)
    return ApiResponse(204)
