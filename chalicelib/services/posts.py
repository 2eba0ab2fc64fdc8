"""Posts and their comments. Only the author of a post or comment may change or delete it.

Knows nothing of HTTP. Writes are conditional on `version` like items' (see items.py); the author check
and the write see the same version, so a post cannot change hands between the check and the write.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from chalicelib.services.common import ForbiddenError, NotFoundError, merge_patch
from chalicelib.services.common import now as _now
from chalicelib.storage.base import ItemStore, NotFound, Page, Record, VersionConflict

_POST_FIELDS = ("title", "body")
_COMMENT_FIELDS = {
    "text": ("kind", "text"),
    "link": ("kind", "url", "title"),
    "image": ("kind", "image_url", "alt_text"),
}
_PATCH_ATTEMPTS = 5


class PostNotFound(NotFoundError):
    def __init__(self, post_id: str) -> None:
        super().__init__("post", post_id)


class CommentNotFound(NotFoundError):
    def __init__(self, comment_id: str) -> None:
        super().__init__("comment", comment_id)


class NotAuthor(ForbiddenError):
    def __init__(self, kind: str, resource_id: str) -> None:
        super().__init__(f"only the author of {kind} {resource_id!r} may change or delete it")
        self.kind = kind
        self.resource_id = resource_id


class UnknownAuthor(ForbiddenError):
    def __init__(self, user_id: str) -> None:
        super().__init__(f"no registered user {user_id!r}: register with POST /users first")
        self.user_id = user_id


class PostService:
    def __init__(
        self,
        posts: ItemStore,
        comments_of: Callable[[str], ItemStore],
        user_exists: Callable[[str], bool],
        clock: Callable[[], str] = _now,
    ) -> None:
        self._posts = posts
        self._comments_of = comments_of
        self._user_exists = user_exists
        self._clock = clock

    # -- posts -------------------------------------------------------------------------------------

    def create_post(self, author_id: str, data: Mapping[str, Any]) -> Record:
        self._check_author(author_id)
        now = self._clock()
        post = {
            "id": str(uuid.uuid4()),
            "author_id": author_id,
            **_pick(data, _POST_FIELDS),
            "created_at": now,
            "updated_at": now,
        }
        record, _ = self._posts.create(post)
        return record

    def get_post(self, post_id: str) -> Record:
        post = self._posts.get(post_id)
        if post is None:
            raise PostNotFound(post_id)
        return post

    def list_posts(self, limit: int, cursor: str | None = None, *, q: str | None = None) -> Page:
        """Posts in creation order; with `q`, only those whose title or body contains it."""
        return self._posts.list_page(limit, cursor, q=q)

    def patch_post(
        self,
        post_id: str,
        caller: str,
        patch: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> Record:
        """Raises `PostNotFound`, `NotAuthor`, or `VersionConflict` (stale `expected_version`)."""
        for _ in range(_PATCH_ATTEMPTS):
            current = self.get_post(post_id)
            _check_owner(current, caller, "post")
            version = int(current["version"])
            if expected_version is not None and version != expected_version:
                raise VersionConflict(post_id, expected_version, version)
            post = {
                **current,
                **_pick(merge_patch(_pick(current, _POST_FIELDS), patch), _POST_FIELDS),
                "updated_at": self._clock(),
            }
            try:
                return self._posts.replace(post_id, post, version)
            except NotFound:
                raise PostNotFound(post_id) from None
            except VersionConflict:
                if expected_version is not None:
                    raise
        raise VersionConflict(post_id, version, -1)

    def delete_post(self, post_id: str, caller: str, *, expected_version: int | None = None) -> None:
        current = self.get_post(post_id)
        _check_owner(current, caller, "post")
        # conditional on the version whose author was checked: ownership cannot change in between
        version = int(current["version"])
        if expected_version is not None and version != expected_version:
            raise VersionConflict(post_id, expected_version, version)
        if not self._posts.delete(post_id, version):
            raise PostNotFound(post_id)

    # -- comments ----------------------------------------------------------------------------------

    def create_comment(self, post_id: str, author_id: str, data: Mapping[str, Any]) -> Record:
        self.get_post(post_id)
        self._check_author(author_id)
        now = self._clock()
        comment = {
            "id": str(uuid.uuid4()),
            "post_id": post_id,
            "author_id": author_id,
            **_comment_fields(data),
            "created_at": now,
            "updated_at": now,
        }
        record, _ = self._comments_of(post_id).create(comment)
        return record

    def get_comment(self, post_id: str, comment_id: str) -> Record:
        self.get_post(post_id)
        comment = self._comments_of(post_id).get(comment_id)
        if comment is None:
            raise CommentNotFound(comment_id)
        return comment

    def list_comments(self, post_id: str, limit: int, cursor: str | None = None) -> Page:
        self.get_post(post_id)
        return self._comments_of(post_id).list_page(limit, cursor)

    def replace_comment(
        self,
        post_id: str,
        comment_id: str,
        caller: str,
        data: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> Record:
        """The comment may change kind. Raises `PostNotFound`, `CommentNotFound`, `NotAuthor`,
        `VersionConflict`."""
        current = self.get_comment(post_id, comment_id)
        _check_owner(current, caller, "comment")
        version = int(current["version"])
        if expected_version is not None and version != expected_version:
            raise VersionConflict(comment_id, expected_version, version)
        comment = {
            **{k: current[k] for k in ("id", "post_id", "author_id", "created_at")},
            **_comment_fields(data),
            "updated_at": self._clock(),
        }
        try:
            return self._comments_of(post_id).replace(comment_id, comment, version)
        except NotFound:
            raise CommentNotFound(comment_id) from None

    def delete_comment(
        self, post_id: str, comment_id: str, caller: str, *, expected_version: int | None = None
    ) -> None:
        current = self.get_comment(post_id, comment_id)
        _check_owner(current, caller, "comment")
        version = int(current["version"])
        if expected_version is not None and version != expected_version:
            raise VersionConflict(comment_id, expected_version, version)
        if not self._comments_of(post_id).delete(comment_id, version):
            raise CommentNotFound(comment_id)

    def _check_author(self, user_id: str) -> None:
        if not self._user_exists(user_id):
            raise UnknownAuthor(user_id)


def _pick(data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: data[k] for k in fields if k in data}


def _comment_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The writable fields of the comment's kind (validated upstream against the spec's oneOf)."""
    return _pick(data, _COMMENT_FIELDS[str(data["kind"])])


def _check_owner(record: Mapping[str, Any], caller: str, kind: str) -> None:
    if record.get("author_id") != caller:
        raise NotAuthor(kind, str(record["id"]))
