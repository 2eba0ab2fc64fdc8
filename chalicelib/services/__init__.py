"""Business logic, independent of HTTP. Handlers call services; services call storage.

Each service is created on first use (not at import: keeps cold starts cheap) and shared by the process;
`reset_services()` forgets them (tests that switch storage between runs).
"""

from __future__ import annotations

from functools import cache

from chalicelib.services.items import ItemService
from chalicelib.services.posts import PostService
from chalicelib.services.users import UserService
from chalicelib.storage import make_store
from chalicelib.storage.base import ITEMS, POSTS, USERS, ItemStore, comments_of


@cache
def item_service() -> ItemService:
    return ItemService(make_store(ITEMS))


@cache
def user_service() -> UserService:
    return UserService(make_store(USERS))


def _comments_store(post_id: str) -> ItemStore:
    return make_store(comments_of(post_id))


@cache
def post_service() -> PostService:
    return PostService(make_store(POSTS), _comments_store, user_service().exists)


def reset_services() -> None:
    for factory in (item_service, user_service, post_service):
        factory.cache_clear()


__all__ = ["ItemService", "PostService", "UserService", "item_service", "post_service", "user_service"]
