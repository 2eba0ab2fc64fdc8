# generated from openapi.yaml — do not edit
"""POST /items (createItem): Create an item"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.context import header as _header
from chalicelib.runtime.operation import Body, HeaderSpec, Media, Operation, Param, ResponseSpec
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import Err, Regex, r
from chalicelib.runtime.validation import located as _located

from ..validators import item__qd as _c_item__qd
from ..validators import item__s as _c_item__s
from ..validators import problem__s as _c_problem__s

if TYPE_CHECKING:
    from .. import models


def _p_idempotency_key(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not 1 <= len(x) <= 255:
            if len(x) < 1:
                e.append((p, "minLength", r(x) + " is shorter than 1 character"))
                ok = False
            if len(x) > 255:
                e.append((p, "maxLength", r(x) + " is longer than 255 characters"))
                ok = False
        if not x or x.strip(
            "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
        ):
            e.append((p, "pattern", r(x) + ' does not match "^[\\\\x21-\\\\x7e]+$"'))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_b0 = _c_item__qd.v


_s_P1 = Regex(None, '^"[0-9]+"\\Z', "match")


_r_201_0 = _c_item__s.v


def _h_201_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _h_201_1(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not _s_P1.search(x):
            e.append((p, "pattern", r(x) + ' does not match "^\\"[0-9]+\\"$"'))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _h_201_2(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    if x != "true":
        e.append((p, "enum", r(x) + ' is not one of ["true"]'))
        ok = False
    return ok


_r_400_0 = _c_problem__s.v


_r_401_0 = _c_problem__s.v


def _h_401_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_409_0 = _c_problem__s.v


_r_415_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of createItem: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    raw: str | None
    # Idempotency-Key (header, string)
    raw = _header(headers, "idempotency-key")
    if raw is not None:
        x = raw
        args["idempotency_key"] = x
        if not _p_idempotency_key(x, "/Idempotency-Key", e) or e:
            _located(found, "header", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="createItem",
    method="POST",
    path="/items",
    segments=(),
    parameters=(
        Param(
            name="Idempotency-Key",
            location="header",
            kwarg="idempotency_key",
            required=False,
            schema=_p_idempotency_key,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
    ),
    body=Body(
        required=True,
        kwarg="body",
        media={
            "application/json": Media(
                schema=_b0,
            ),
        },
    ),
    responses={
        "201": ResponseSpec(
            media={
                "application/json": _r_201_0,
            },
            headers={
                "Location": HeaderSpec(required=True, schema=_h_201_0, shape={"type": ["string"]}),
                "ETag": HeaderSpec(required=True, schema=_h_201_1, shape={"type": ["string"]}),
                "Idempotent-Replayed": HeaderSpec(
                    required=False, schema=_h_201_2, shape={"type": ["string"]}
                ),
            },
        ),
        "400": ResponseSpec(
            media={
                "application/problem+json": _r_400_0,
            },
            headers={},
        ),
        "401": ResponseSpec(
            media={
                "application/problem+json": _r_401_0,
            },
            headers={
                "WWW-Authenticate": HeaderSpec(required=True, schema=_h_401_0, shape={"type": ["string"]}),
            },
        ),
        "409": ResponseSpec(
            media={
                "application/problem+json": _r_409_0,
            },
            headers={},
        ),
        "415": ResponseSpec(
            media={
                "application/problem+json": _r_415_0,
            },
            headers={},
        ),
        "default": ResponseSpec(
            media={
                "application/problem+json": _r_default_0,
            },
            headers={},
        ),
    },
    success_status=201,
    security=(((Scheme("bearerAuth", "bearer", "", ""), ()),),),
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    idempotency_key_: str | None = args.get("idempotency_key")
    body_: models.Item = args["body"]
    principal_: Principal = args["principal"]
    return _handlers.create_item(
        idempotency_key=idempotency_key_,
        body=body_,
        principal=principal_,
    )
