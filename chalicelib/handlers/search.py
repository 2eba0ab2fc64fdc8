"""Handlers for the `search` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

from typing import Literal

from chalicelib.runtime import HandlerResult
from chalicelib.runtime.context import request_path
from chalicelib.services import item_service, post_service
from chalicelib.services.search import search as run_search


def search(*, q: str, limit: int, type: list[Literal["items", "posts"]]) -> HandlerResult:
    """Search items and posts"""
    # /search or /dev/search: resource links keep the stage prefix
    base = request_path().rstrip("/").removesuffix("/search")
    hits = run_search(q, type, limit, items=item_service(), posts=post_service())
    return {"q": q, "results": [{**hit, "href": f"{base}/{hit['type']}/{hit['id']}"} for hit in hits]}
