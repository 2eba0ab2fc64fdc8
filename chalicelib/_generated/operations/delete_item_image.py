# generated from openapi.yaml — do not edit
"""DELETE /items/{item_id}/image (deleteItemImage): Remove the item's image"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.context import header as _header
from chalicelib.runtime.operation import HeaderSpec, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import UUIDS_OK, Err, Regex, r, uuid_ok
from chalicelib.runtime.validation import located as _located

from ..validators import problem__s as _c_problem__s

_q_P1 = Regex(
    '^[\\x{9}\\x{20}]*(\\*|(W/)?"[!#-\\~]*"([\\x{9}\\x{20}]*,[\\x{9}\\x{20}]*(W/)?"[!#-\\~]*")*)[\\x{9}\\x{20}]*\\z',
    '^[\\x09\\x20]*(\\*|(W/)?"[!#-\\~]*"([\\x09\\x20]*,[\\x09\\x20]*(W/)?"[!#-\\~]*")*)[\\x09\\x20]*\\Z',
)


def _p_item_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if x not in UUIDS_OK and not uuid_ok(x):
            e.append((p, "format", r(x) + " is not a valid 'uuid'"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _p_if_match(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not 1 <= len(x) <= 1024:
            if len(x) < 1:
                e.append((p, "minLength", r(x) + " is shorter than 1 character"))
                ok = False
            if len(x) > 1024:
                e.append((p, "maxLength", r(x) + " is longer than 1024 characters"))
                ok = False
        if not _q_P1.search(x):
            e.append(
                (
                    p,
                    "pattern",
                    r(x)
                    + ' does not match "^[ \\\\t]*(\\\\*|(W/)?\\"[!#-~]*\\"([ \\\\t]*,[ \\\\t]*(W/)?\\"[!#-~]*\\")*)[ \\\\t]*$"',
                )
            )
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
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


_r_404_0 = _c_problem__s.v


_r_412_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of deleteItemImage: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    raw: str | None
    # item_id (path, string)
    raw = path.get("item_id")
    if raw is not None:
        x = _unquote(raw)
        args["item_id"] = x
        if not _p_item_id(x, "/item_id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/item_id", "path parameter 'item_id' is required", "required"))
    # If-Match (header, string)
    raw = _header(headers, "if-match")
    if raw is not None:
        x = raw
        args["if_match"] = x
        if not _p_if_match(x, "/If-Match", e) or e:
            _located(found, "header", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="deleteItemImage",
    method="DELETE",
    path="/items/{item_id}/image",
    segments=(Segment("item_id", None, ("item_id",)),),
    parameters=(
        Param(
            name="item_id",
            location="path",
            kwarg="item_id",
            required=True,
            schema=_p_item_id,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
        Param(
            name="If-Match",
            location="header",
            kwarg="if_match",
            required=False,
            schema=_p_if_match,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
    ),
    body=None,
    responses={
        "204": ResponseSpec(
            media={},
            headers={},
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
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
            },
            headers={},
        ),
        "412": ResponseSpec(
            media={
                "application/problem+json": _r_412_0,
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
    success_status=204,
    security=(((Scheme("bearerAuth", "bearer", "", ""), ()),),),
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    item_id_: str = args["item_id"]
    if_match_: str | None = args.get("if_match")
    principal_: Principal = args["principal"]
    return _handlers.delete_item_image(
        item_id=item_id_,
        if_match=if_match_,
        principal=principal_,
    )
