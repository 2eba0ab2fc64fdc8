"""Handlers for the `users` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from chalicelib.auth import caller_id
from chalicelib.runtime import ApiResponse, HandlerResult, ProblemError
from chalicelib.runtime.context import request_path
from chalicelib.runtime.security import Principal
from chalicelib.services import user_service
from chalicelib.services.users import UserExists, UserNotFound

if TYPE_CHECKING:  # annotations only: a cold start does not import the models module
    from chalicelib._generated import models

_API_FIELDS = ("id", "name", "email", "created_at")


def _user_view(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in _API_FIELDS if k in record}


def _get(user_id: str) -> HandlerResult:
    try:
        return _user_view(user_service().get_user(user_id))
    except UserNotFound:
        raise ProblemError.not_found(f"No user with id {user_id!r}.") from None


def create_user(*, body: models.User, principal: Principal) -> HandlerResult:
    """Register a user"""
    try:
        user = user_service().create_user(body, user_id=caller_id(principal))
    except UserExists:
        raise ProblemError(409, "This user is already registered: GET /users/me.") from None
    return ApiResponse(
        201, _user_view(user), headers={"Location": f"{request_path().rstrip('/')}/{user['id']}"}
    )


def get_current_user(*, principal: Principal) -> HandlerResult:
    """Fetch the calling user"""
    return _get(caller_id(principal))


def get_user(*, user_id: str) -> HandlerResult:
    """Fetch a user"""
    return _get(user_id)
