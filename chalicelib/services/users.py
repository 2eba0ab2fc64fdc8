"""Users: register and look up. Knows nothing of HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from chalicelib.services.common import NotFoundError
from chalicelib.services.common import now as _now
from chalicelib.storage.base import AlreadyExists, ItemStore, Record

_FIELDS = ("name", "email")


class UserNotFound(NotFoundError):
    def __init__(self, user_id: str) -> None:
        super().__init__("user", user_id)


class UserExists(Exception):
    def __init__(self, user_id: str) -> None:
        super().__init__(f"user {user_id!r} is already registered")
        self.user_id = user_id


class UserService:
    def __init__(self, store: ItemStore, clock: Callable[[], str] = _now) -> None:
        self._store = store
        self._clock = clock

    def create_user(self, data: Mapping[str, Any], *, user_id: str | None = None) -> Record:
        """A new user, with `user_id` (the identity provider's subject) or a fresh id; `UserExists` when
        that id is registered already."""
        user = {
            "id": user_id or str(uuid.uuid4()),
            **{k: data[k] for k in _FIELDS},
            "created_at": self._clock(),
        }
        try:
            record, _ = self._store.create(user)
        except AlreadyExists:
            raise UserExists(str(user["id"])) from None
        return record

    def get_user(self, user_id: str) -> Record:
        user = self._store.get(user_id)
        if user is None:
            raise UserNotFound(user_id)
        return user

    def exists(self, user_id: str) -> bool:
        return self._store.get(user_id) is not None
