"""Handlers for the `meta` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

from chalicelib import __version__
from chalicelib.runtime import ApiResponse, HandlerResult
from chalicelib.runtime.context import request_path
from chalicelib.services import item_service

_LINKS = {
    "self": ("", "This index"),
    "health": ("health", "Service health"),
    "docs": ("docs", "API reference (Swagger UI)"),
    "openapi": ("openapi.json", "The OpenAPI description"),
    "items": ("items", "The items catalogue"),
    "users": ("users", "Register users"),
    "posts": ("posts", "Posts and comments"),
    "search": ("search?q=", "Search items and posts"),
}


def get_index() -> HandlerResult:
    """Links to everything this API offers"""
    # `/` or `/dev/` behind API Gateway: links stay right under the stage prefix
    base = request_path().rstrip("/") + "/"
    return {
        "name": "Reference API",
        "version": __version__,
        "links": {rel: {"href": base + path, "title": title} for rel, (path, title) in _LINKS.items()},
    }


def get_health() -> HandlerResult:
    """Report service health"""
    reachable = item_service().healthy()
    body = {
        "status": "ok" if reachable else "degraded",
        "version": __version__,
        "storage": {"reachable": reachable},
    }
    return body if reachable else ApiResponse(503, body)
