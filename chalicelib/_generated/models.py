# generated from openapi.yaml — do not edit
"""Typed models for the component schemas and inline request bodies of Reference API.

TypedDicts describe the JSON handlers receive and return; validation happens in the runtime pipeline.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict


class Link(TypedDict):
    """#/components/schemas/Link"""

    href: str
    title: NotRequired[str]


class Index(TypedDict):
    """#/components/schemas/Index"""

    name: str
    version: str
    links: dict[str, Link]


class Health(TypedDict):
    """#/components/schemas/Health"""

    status: Literal["ok", "degraded"]
    version: str
    storage: dict[str, Any]


Tag: TypeAlias = "str"
"""#/components/schemas/Tag"""


ItemStatus: TypeAlias = "Literal['draft', 'active', 'archived']"
"""#/components/schemas/ItemStatus"""


Version: TypeAlias = "int"
"""#/components/schemas/Version"""


Timestamp: TypeAlias = "str"
"""#/components/schemas/Timestamp"""


class Image(TypedDict):
    """#/components/schemas/Image"""

    content_type: Literal["image/png", "image/jpeg"]
    size: int


class Item(TypedDict):
    """#/components/schemas/Item"""

    id: NotRequired[str]
    name: str
    description: NotRequired[str]
    price: float
    tags: NotRequired[list[Tag]]
    status: NotRequired[ItemStatus]
    image: NotRequired[Image]
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]


class ItemPatch(TypedDict):
    """#/components/schemas/ItemPatch"""

    name: NotRequired[str]
    description: NotRequired[str | None]
    price: NotRequired[float]
    tags: NotRequired[list[Tag]]
    status: NotRequired[ItemStatus]


class ItemPage(TypedDict):
    """#/components/schemas/ItemPage"""

    items: list[Item]
    next_cursor: str | None


class User(TypedDict):
    """#/components/schemas/User"""

    id: NotRequired[str]
    name: str
    email: str
    created_at: NotRequired[Timestamp]


class Post(TypedDict):
    """#/components/schemas/Post"""

    id: NotRequired[str]
    author_id: NotRequired[str]
    title: str
    body: str
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]


class PostPatch(TypedDict):
    """#/components/schemas/PostPatch"""

    title: NotRequired[str]
    body: NotRequired[str]


class PostPage(TypedDict):
    """#/components/schemas/PostPage"""

    posts: list[Post]
    next_cursor: str | None


class CommentBase(TypedDict):
    """#/components/schemas/CommentBase"""

    id: NotRequired[str]
    post_id: NotRequired[str]
    author_id: NotRequired[str]
    kind: Literal["text", "link", "image"]
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]


class TextComment(TypedDict):
    """#/components/schemas/TextComment"""

    id: NotRequired[str]
    post_id: NotRequired[str]
    author_id: NotRequired[str]
    kind: Any
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]
    text: str


class LinkComment(TypedDict):
    """#/components/schemas/LinkComment"""

    id: NotRequired[str]
    post_id: NotRequired[str]
    author_id: NotRequired[str]
    kind: Any
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]
    url: str
    title: NotRequired[str]


class ImageComment(TypedDict):
    """#/components/schemas/ImageComment"""

    id: NotRequired[str]
    post_id: NotRequired[str]
    author_id: NotRequired[str]
    kind: Any
    version: NotRequired[Version]
    created_at: NotRequired[Timestamp]
    updated_at: NotRequired[Timestamp]
    image_url: str
    alt_text: NotRequired[str]


Comment: TypeAlias = "TextComment | LinkComment | ImageComment"
"""#/components/schemas/Comment"""


class CommentPage(TypedDict):
    """#/components/schemas/CommentPage"""

    comments: list[Comment]
    next_cursor: str | None


class SearchHit(TypedDict):
    """#/components/schemas/SearchHit"""

    type: Literal["items", "posts"]
    id: str
    title: str
    href: str


class SearchResults(TypedDict):
    """#/components/schemas/SearchResults"""

    q: str
    results: list[SearchHit]


class PurgeReport(TypedDict):
    """#/components/schemas/PurgeReport"""

    purged: int
    before: str


class Violation(TypedDict):
    """#/components/schemas/Violation"""

    location: Literal["path", "query", "header", "cookie", "body", "response"]
    pointer: str
    message: str
    keyword: str


class Problem(TypedDict):
    """#/components/schemas/Problem"""

    type: str
    title: str
    status: int
    detail: NotRequired[str]
    instance: NotRequired[str]
    request_id: NotRequired[str]
    errors: list[Violation]
