"""Per-operation descriptors, built by generated modules as plain literals (no spec parsing at runtime)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.runtime.schemas import SchemaSet

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


@dataclass(frozen=True)
class Segment:
    """A captured path segment: `regex is None` means the whole (decoded) segment is `params[0]`."""

    variable: str
    regex: str | None
    params: tuple[str, ...]


@dataclass(frozen=True)
class Param:
    name: str
    location: str
    kwarg: str
    required: bool
    schema: Any
    kind: str = "any"
    item_kind: str = "any"
    style: str = "form"
    explode: bool = True
    default: Any = MISSING
    content_type: str | None = None


@dataclass(frozen=True)
class Body:
    required: bool
    kwarg: str
    media: Mapping[str, Any]  # media type (or range) -> schema (None: not validated)


@dataclass(frozen=True)
class ResponseSpec:
    media: Mapping[str, Any]
    headers: Mapping[str, Any] = field(default_factory=dict)  # name -> schema


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    segments: tuple[Segment, ...]
    parameters: tuple[Param, ...]
    body: Body | None
    responses: Mapping[str, ResponseSpec]
    success_status: int
    schemas: SchemaSet

    def response_for(self, status: int) -> ResponseSpec | None:
        """The declared response for `status`: exact code, then `2XX`-style range, then `default`."""
        exact = self.responses.get(str(status))
        if exact is not None:
            return exact
        ranged = self.responses.get(f"{str(status)[0]}XX")
        if ranged is not None:
            return ranged
        return self.responses.get("default")
