"""Per-operation descriptors, built by generated modules as plain literals (no spec parsing at runtime).

Plain classes with `__slots__`, not dataclasses: a cold start builds every descriptor of the operation it
runs, and `@dataclass` generates and `exec`s code per class at import (it was 23 % of the runtime's import
time). Each class also computes, once, what the pipeline would otherwise work out on every request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from chalicelib.runtime.validation import Validator

if TYPE_CHECKING:
    from chalicelib.runtime.problem import Violation
    from chalicelib.runtime.security import Security

#: An operation's parameters read, coerced, defaulted and validated, written out by codegen for it
#: (codegen/readers.py): (query, headers, path values) -> (arguments by kwarg, violations in order)
Reader: TypeAlias = Callable[
    [Mapping[str, list[str]], Mapping[str, Any], Mapping[str, str]], "tuple[dict[str, Any], list[Violation]]"
]

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
MAX_BODY = 6 * 1024 * 1024  # API Gateway's payload limit
_EMPTY: Mapping[str, Any] = {}
_PLAIN_STRING = {"type": ["string"]}  # a coercion shape that leaves a header's text as it is


def _pointer(name: str) -> str:
    return "/" + name.replace("~", "~0").replace("/", "~1")


def _is_json(media: str) -> bool:
    base = media.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


class _Slotted:
    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__ if not k.startswith("_"))
        return f"{type(self).__name__}({fields})"


class Segment(_Slotted):
    """A captured path segment: `regex is None` means the whole (decoded) segment is `params[0]`."""

    __slots__ = ("params", "regex", "variable")

    def __init__(self, variable: str, regex: str | None, params: tuple[str, ...]) -> None:
        self.variable = variable
        self.regex = regex
        self.params = params


class Param(_Slotted):
    __slots__ = (
        "_header",
        "allow_empty",
        "content_type",
        "default",
        "explode",
        "kind",
        "kwarg",
        "location",
        "name",
        "pointer",
        "required",
        "schema",
        "shape",
        "style",
    )

    def __init__(
        self,
        name: str,
        location: str,
        kwarg: str,
        required: bool,
        schema: Validator | None,
        shape: Mapping[str, Any] = _EMPTY,  # coercion plan, see runtime/params.py
        style: str = "form",
        explode: bool = True,
        allow_empty: bool = False,
        default: Any = MISSING,
        content_type: str | None = None,
    ) -> None:
        self.name = name
        self.location = location
        self.kwarg = kwarg
        self.required = required
        self.schema = schema
        self.shape = shape
        self.style = style
        self.explode = explode
        self.allow_empty = allow_empty
        self.default = default
        self.content_type = content_type
        self.pointer = _pointer(name)
        self._header = name.lower()  # a header's key in Chalice's lower-cased headers
        types = [t for t in (shape.get("type") or ()) if t != "null"]
        # how the raw value is laid out (runtime/params.py kind_of, computed once)
        self.kind = types[0] if types in (["array"], ["object"]) else "primitive"


class Encoding(_Slotted):
    """How one property of a form or multipart body is serialized (OpenAPI Encoding Object)."""

    __slots__ = ("content_type", "explode", "style")

    def __init__(self, style: str = "form", explode: bool = True, content_type: str | None = None) -> None:
        self.style = style
        self.explode = explode
        self.content_type = content_type  # multipart parts: accepted media types, comma-separated


class Media(_Slotted):
    __slots__ = ("encoding", "schema", "shape")

    def __init__(
        self,
        schema: Validator | None,  # None: not validated
        shape: Mapping[str, Any] = _EMPTY,  # coercion plan of form/multipart fields; XML: {"xml": plan}
        encoding: Mapping[str, Encoding] = _EMPTY,
    ) -> None:
        self.schema = schema
        self.shape = shape
        self.encoding = encoding


class Body(_Slotted):
    __slots__ = ("json_media", "kwarg", "media", "required")

    def __init__(self, required: bool, kwarg: str, media: Mapping[str, Media]) -> None:
        self.required = required
        self.kwarg = kwarg
        self.media = media  # media type (or range, e.g. image/*) -> how to read and validate it
        # declared JSON types without parameters: a request whose Content-Type is exactly one of them
        # is read without media type matching or charset parsing
        self.json_media = frozenset(m for m in media if _is_json(m) and ";" not in m and "*" not in m)


class HeaderSpec(_Slotted):
    __slots__ = ("required", "schema", "shape")

    def __init__(self, required: bool, schema: Validator | None, shape: Mapping[str, Any] = _EMPTY) -> None:
        self.required = required
        self.schema = schema
        self.shape = shape


class ResponseSpec(_Slotted):
    __slots__ = ("_params", "header_checks", "headers", "media", "only_json")

    def __init__(
        self, media: Mapping[str, Validator | None], headers: Mapping[str, HeaderSpec] = _EMPTY
    ) -> None:
        self.media = media  # media type -> validator of its body
        self.headers = headers
        # the one declared media type when it is a concrete JSON type: any non-bytes body is sent as it,
        # whatever Accept says (negotiation has nothing to choose from)
        only = next(iter(media)) if len(media) == 1 else None
        self.only_json = only if only is not None and "*" not in only and _is_json(only) else None
        self._params: dict[str, Param] = {}
        # (name, lowercased, JSON pointer, spec, whether the sent text is the value as it is: a plain
        # string schema), for every declared header but Content-Type (OpenAPI ignores its description)
        self.header_checks = tuple(
            (name, name.lower(), "/headers" + _pointer(name), header, dict(header.shape) == _PLAIN_STRING)
            for name, header in headers.items()
            if name.lower() != "content-type"
        )

    def header_param(self, name: str) -> Param:
        """The declared header `name` as a `simple` parameter, for reading a response header's value."""
        param = self._params.get(name)
        if param is None:
            header = self.headers[name]
            param = Param(name, "header", name, header.required, header.schema, header.shape, "simple", False)
            self._params[name] = param
        return param


#: A canned answer (body, content type, headers) of a mock app (`codegen --mock`) for a declared error response.
Canned = tuple[Any, str | None, Mapping[str, str]]


class Operation(_Slotted):
    __slots__ = (
        "body",
        "errors",
        "method",
        "operation_id",
        "parameters",
        "path",
        "reader",
        "responses",
        "security",
        "segments",
        "success_media",
        "success_status",
        "uses_cookies",
    )

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        segments: tuple[Segment, ...],
        parameters: tuple[Param, ...],
        body: Body | None,
        responses: Mapping[str, ResponseSpec],
        success_status: int,
        security: Security | None = None,  # runtime/security.py; None or (): public
        errors: Mapping[str, Canned | None] | None = None,  # mock apps: error answers by response key
        reader: Reader | None = None,  # None: the pipeline's generic walk over `parameters`
    ) -> None:
        self.security = security or None
        self.reader = reader
        self.errors = errors
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.segments = segments
        self.parameters = parameters
        self.body = body
        self.responses = responses
        self.success_status = success_status
        self.uses_cookies = any(p.location == "cookie" for p in parameters)
        # What a successful call can send (2xx, else `default`); None when one of them has no content.
        # Computed once here, so the 406 check costs nothing per request.
        successes = [r for status, r in responses.items() if status.startswith("2")]
        if not successes and "default" in responses:
            successes = [responses["default"]]
        media = None
        if successes and all(r.media for r in successes):
            media = tuple(dict.fromkeys(m for r in successes for m in r.media))
        self.success_media: tuple[str, ...] | None = media

    def canned_error(self, status: int) -> Canned | None:
        """A mock app's answer for an error `status`: the declared response that applies (exact code, then
        range, then `default`) in its own format; None where that response takes problem+json."""
        if not self.errors:
            return None
        code = str(status)
        for key in (code, f"{code[0]}XX", "default"):
            if key in self.errors:
                return self.errors[key]
        return None

    def response_for(self, status: int) -> ResponseSpec | None:
        """The declared response for `status`: exact code, then `2XX`-style range, then `default`."""
        code = str(status)
        exact = self.responses.get(code)
        if exact is not None:
            return exact
        ranged = self.responses.get(f"{code[0]}XX")
        if ranged is not None:
            return ranged
        return self.responses.get("default")
