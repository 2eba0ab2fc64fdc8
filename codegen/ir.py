"""Stage 3: the typed intermediate representation the emitter renders. Frozen, spec-order, no raw dicts
except the converted JSON Schemas the runtime validators consume."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Json = Any  # a converted, self-contained JSON Schema (dict or bool)


@dataclass(frozen=True)
class Parameter:
    name: str  # as in the spec
    location: str  # path | query | header | cookie
    kwarg: str  # the handler's keyword argument
    required: bool
    schema: Json | None
    py_type: str  # annotation for the handler argument (without `| None`)
    style: str
    explode: bool
    has_default: bool
    default: Any
    deprecated: bool
    content_type: str | None  # for `content`-based parameters
    shape: dict[str, Any]  # coercion plan for the raw strings (see chalicelib/runtime/params.py)
    allow_empty: bool


@dataclass(frozen=True)
class Encoding:
    style: str
    explode: bool
    content_type: str | None


@dataclass(frozen=True)
class MediaType:
    name: str  # e.g. application/json, image/*
    schema: Json | None
    py_type: str
    shape: dict[str, Any] | None  # form and multipart bodies: how fields are coerced; XML: {"xml": plan}
    encoding: tuple[tuple[str, Encoding], ...]
    examples: tuple[Any, ...] = ()  # the spec's examples (media `example`/`examples`, then the schema's)


@dataclass(frozen=True)
class RequestBody:
    required: bool
    kwarg: str
    media: tuple[MediaType, ...]
    py_type: str


@dataclass(frozen=True)
class Header:
    name: str
    required: bool
    schema: Json | None
    shape: dict[str, Any]


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX" or "default"
    description: str
    media: tuple[MediaType, ...]
    headers: tuple[Header, ...]


@dataclass(frozen=True)
class Segment:
    """A captured Chalice path variable and how its (decoded) value maps to spec path parameters."""

    variable: str  # the Chalice/API Gateway variable name
    regex: str | None  # None: the whole segment is `params[0]`
    params: tuple[str, ...]  # spec parameter names, in order


@dataclass(frozen=True)
class SecurityScheme:
    """One `components.securitySchemes` entry, as the runtime checks it (chalicelib/runtime/security.py)."""

    name: str
    kind: str  # apiKey | basic | bearer (http bearer, oauth2, openIdConnect) | other (checked as never held)
    location: str = ""  # apiKey: header | query | cookie
    param: str = ""  # apiKey: the header, query parameter or cookie name


#: A requirement is an AND of (scheme name, scopes); an operation's security an OR of requirements.
Requirement = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Operation:
    operation_id: str | None
    py_name: str  # snake_case name: handler function and generated module
    method: str  # upper case
    path: str  # as in the spec
    pointer: str  # JSON pointer of the operation in the spec
    tag_module: str  # chalicelib/handlers/<tag_module>.py
    summary: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    success_status: int
    chalice_path: str
    segments: tuple[Segment, ...]
    literal_weight: int  # literal characters in the path: more specific templates are tried first
    has_handler: bool
    security: tuple[Requirement, ...] | None = None  # None: no requirement applies (public)

    @property
    def secured(self) -> bool:
        """Whether a caller may be refused: some requirement names a scheme."""
        return self.security is not None and bool(self.security)


@dataclass(frozen=True)
class Route:
    """One Chalice route (path + method); several operations share it only when their paths differ in
    literal parts inside a segment (`/files/{id}` and `/files/{id}.json`), tried most specific first."""

    chalice_path: str
    method: str
    view_name: str
    variables: tuple[str, ...]
    operations: tuple[str, ...]  # Operation.py_name, in matching order


@dataclass(frozen=True)
class ModelField:
    name: str  # property name as in the spec
    py_type: str
    required: bool


@dataclass(frozen=True)
class Model:
    """A component schema or inline body as a TypedDict (fields) or a type alias (alias)."""

    name: str
    source: str  # where it comes from, for the docstring
    fields: tuple[ModelField, ...] | None
    alias: str | None
    open: bool  # additional properties allowed (documented only: TypedDicts cannot express it)


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    openapi: str
    dialect: str  # draft4 | 2020-12
    package: str  # import path of the generated package
    handlers_package: str
    operations: tuple[Operation, ...]
    routes: tuple[Route, ...]
    binary_types: tuple[str, ...]  # media types API Gateway must pass as binary (base64)
    models: tuple[Model, ...]
    components: dict[str, Json]
    bundled_spec: dict[str, Any]
    ignored: tuple[str, ...]  # webhooks/callbacks noted but not routed
    security_schemes: tuple[SecurityScheme, ...] = ()  # those some operation uses, by name
