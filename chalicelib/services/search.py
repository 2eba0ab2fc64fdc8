"""Search across items and posts (case-insensitive substring of their texts). Knows nothing of HTTP."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chalicelib.services.items import ItemService
from chalicelib.services.posts import PostService

TYPES = ("items", "posts")


def search(
    q: str, types: Sequence[str], limit: int, *, items: ItemService, posts: PostService
) -> list[dict[str, Any]]:
    """At most `limit` hits of each wanted type, items first, each type in creation order."""
    hits: list[dict[str, Any]] = []
    if "items" in types:
        found, _ = items.list_page(limit, q=q)
        hits += [{"type": "items", "id": r["id"], "title": r["name"]} for r in found]
    if "posts" in types:
        found, _ = posts.list_posts(limit, q=q)
        hits += [{"type": "posts", "id": r["id"], "title": r["title"]} for r in found]
    return hits
