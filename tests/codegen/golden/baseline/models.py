# generated from baseline.yaml — do not edit
"""Typed models for the component schemas and inline request bodies of Codegen Baseline.

TypedDicts describe the JSON handlers receive and return; validation happens in the runtime pipeline.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict

Status: TypeAlias = "Literal['draft', 'published', 'archived']"
"""#/components/schemas/Status"""


ItemInput = TypedDict(
    "ItemInput",
    {
        "name": "str",
        "price": "float",
        "status": "NotRequired[Status]",
        "note": "NotRequired[str | None]",
        "content-type": "NotRequired[str]",
        "tags": "NotRequired[list[str]]",
    },
)
"""#/components/schemas/ItemInput"""


Item = TypedDict(
    "Item",
    {
        "name": "str",
        "price": "float",
        "status": "NotRequired[Status]",
        "note": "NotRequired[str | None]",
        "content-type": "NotRequired[str]",
        "tags": "NotRequired[list[str]]",
        "id": "str",
    },
)
"""#/components/schemas/Item"""


class ItemPage(TypedDict):
    """#/components/schemas/ItemPage"""

    items: list[Item]
    next: NotRequired[str | None]


class Post(TypedDict):
    """#/components/schemas/Post"""

    id: int
    title: str


class User(TypedDict):
    """#/components/schemas/User"""

    id: str
    display_name: NotRequired[str]
    nickname: NotRequired[str | None]


class Node(TypedDict):
    """#/components/schemas/Node"""

    name: str
    children: NotRequired[list[Node]]


class Circle(TypedDict):
    """#/components/schemas/Circle"""

    kind: Literal["circle"]
    radius: float


class Square(TypedDict):
    """#/components/schemas/Square"""

    kind: Literal["square"]
    side: float


Shape: TypeAlias = "Circle | Square"
"""#/components/schemas/Shape"""


class Problem(TypedDict):
    """#/components/schemas/Problem"""

    type: str
    title: str
    status: int
    detail: NotRequired[str]
    errors: NotRequired[list[dict[str, Any]]]


UpdateUserBody = TypedDict(
    "UpdateUserBody",
    {
        "display_name": "NotRequired[str]",
        "nickname": "NotRequired[str | None]",
        "content-type": "NotRequired[str]",
    },
)
"""#/paths/~1users~1{user-id}/patch/requestBody/content/application~1json/schema"""
