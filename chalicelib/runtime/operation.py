"""Per-operation descriptors, built by generated modules as plain literals (no spec parsing at runtime)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.runtime.schemas import Validator

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
    schema: Validator | None
    shape: Mapping[str, Any] = field(default_factory=dict)  # coercion plan, see runtime/params.py
    style: str = "form"
    explode: bool = True
    allow_empty: bool = False
    default: Any = MISSING
    content_type: str | None = None


@dataclass(frozen=True)
class Encoding:
    """How one property of a form or multipart body is serialized (OpenAPI Encoding Object)."""

    style: str = "form"
    explode: bool = True
    content_type: str | None = None  # multipart parts: accepted media types, comma-separated


@dataclass(frozen=True)
class Media:
    schema: Validator | None  # None: not validated
    shape: Mapping[str, Any] = field(default_factory=dict)  # coercion plan of form/multipart fields
    encoding: Mapping[str, Encoding] = field(default_factory=dict)


@dataclass(frozen=True)
class Body:
    required: bool
    kwarg: str
    media: Mapping[str, Media]  # media type (or range, e.g. image/*) -> how to read and validate it


@dataclass(frozen=True)
class HeaderSpec:
    required: bool
    schema: Validator | None
    shape: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResponseSpec:
    media: Mapping[str, Validator | None]  # media type -> validator of its body
    headers: Mapping[str, HeaderSpec] = field(default_factory=dict)


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
    # What a successful call can send (2xx, else `default`); None when one of them has no content.
    # Computed once here, so the 406 check costs nothing per request.
    success_media: tuple[str, ...] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        successes = [r for status, r in self.responses.items() if status.startswith("2")]
        if not successes and "default" in self.responses:
            successes = [self.responses["default"]]
        media = None
        if successes and all(r.media for r in successes):
            media = tuple(dict.fromkeys(m for r in successes for m in r.media))
        object.__setattr__(self, "success_media", media)  # frozen: set once, at construction

    def response_for(self, status: int) -> ResponseSpec | None:
        """The declared response for `status`: exact code, then `2XX`-style range, then `default`."""
        exact = self.responses.get(str(status))
        if exact is not None:
            return exact
        ranged = self.responses.get(f"{str(status)[0]}XX")
        if ranged is not None:
            return ranged
        return self.responses.get("default")
