# generated from openapi.yaml — do not edit
"""Typed models for the component schemas and inline request bodies of Reference API.

TypedDicts describe the JSON handlers receive and return; validation happens in the runtime pipeline.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypeAlias, TypedDict


class Health(TypedDict):
    """#/components/schemas/Health"""

    status: Literal["ok"]
    version: str


Tag: TypeAlias = "str"
"""#/components/schemas/Tag"""


class ItemInput(TypedDict):
    """#/components/schemas/ItemInput"""

    name: str
    description: NotRequired[str]
    price: float
    tags: NotRequired[list[Tag]]


class Item(TypedDict):
    """#/components/schemas/Item"""

    id: str
    name: str
    description: NotRequired[str]
    price: float
    tags: list[Tag]
    created_at: str
    updated_at: str


class ItemList(TypedDict):
    """#/components/schemas/ItemList"""

    items: list[Item]


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
    errors: list[Violation]
