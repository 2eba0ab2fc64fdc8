# generated from baseline.yaml — do not edit
"""GET /items (listItems): List items"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.context import header as _header
from chalicelib.runtime.operation import Operation, Param, ResponseSpec
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_boolean as _to_boolean
from chalicelib.runtime.params import to_integer as _to_integer
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import UUIDS_OK, Err, r, uuid_ok
from chalicelib.runtime.validation import located as _located

from ..validators import item_page__s as _c_item_page__s
from ..validators import problem__s as _c_problem__s


def _p_limit(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is int or type(x) is float:
        if type(x) is float and not x.is_integer():
            e.append((p, "type", r(x) + " is not of type 'integer'"))
            ok = False
        if x < 1:
            e.append((p, "minimum", r(x) + " is less than the minimum of 1"))
            ok = False
        if x > 100:
            e.append((p, "maximum", r(x) + " is greater than the maximum of 100"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


def _p_active(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not bool:
        e.append((p, "type", r(x) + " is not of type 'boolean'"))
        ok = False
    return ok


def _p_tag(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is list:
        for i3, x4 in enumerate(x):
            if type(x4) is not str:
                e.append((p + "/" + str(i3), "type", r(x4) + " is not of type 'string'"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'array'"))
        ok = False
    return ok


def _p_x_request_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if x not in UUIDS_OK and not uuid_ok(x):
            e.append((p, "format", r(x) + " is not a valid 'uuid'"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_200_0 = _c_item_page__s.v


_r_400_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of listItems: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
    raw: str | None
    # limit (query, integer)
    values = query.get("limit")
    if values:
        try:
            x = _to_integer(values[-1])
        except _CoercionError as exc:
            found.append(_Violation("query", "/limit", "query parameter 'limit': " + str(exc), "parse"))
        else:
            args["limit"] = x
            if not _p_limit(x, "/limit", e) or e:
                _located(found, "query", e)
    else:
        x = 20
        args["limit"] = x
        if not _p_limit(x, "/limit", e) or e:
            _located(found, "query", e)
    # active (query, boolean)
    values = query.get("active")
    if values:
        try:
            x = _to_boolean(values[-1])
        except _CoercionError as exc:
            found.append(_Violation("query", "/active", "query parameter 'active': " + str(exc), "parse"))
        else:
            args["active"] = x
            if not _p_active(x, "/active", e) or e:
                _located(found, "query", e)
    else:
        x = True
        args["active"] = x
        if not _p_active(x, "/active", e) or e:
            _located(found, "query", e)
    # tag (query, array, string)
    values = query.get("tag")
    if values:
        x = list(values)
        args["tag"] = x
        if not _p_tag(x, "/tag", e) or e:
            _located(found, "query", e)
    else:
        x = []
        args["tag"] = x
        if not _p_tag(x, "/tag", e) or e:
            _located(found, "query", e)
    # X-Request-Id (header, string)
    raw = _header(headers, "x-request-id")
    if raw is not None:
        x = raw
        args["x_request_id"] = x
        if not _p_x_request_id(x, "/X-Request-Id", e) or e:
            _located(found, "header", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="listItems",
    method="GET",
    path="/items",
    segments=(),
    parameters=(
        Param(
            name="limit",
            location="query",
            kwarg="limit",
            required=False,
            schema=_p_limit,
            shape={"type": ["integer"]},
            style="form",
            explode=True,
            default=20,
        ),
        Param(
            name="active",
            location="query",
            kwarg="active",
            required=False,
            schema=_p_active,
            shape={"type": ["boolean"]},
            style="form",
            explode=True,
            default=True,
        ),
        Param(
            name="tag",
            location="query",
            kwarg="tag",
            required=False,
            schema=_p_tag,
            shape={"type": ["array"], "items": {"type": ["string"]}},
            style="form",
            explode=True,
            default=[],
        ),
        Param(
            name="X-Request-Id",
            location="header",
            kwarg="x_request_id",
            required=False,
            schema=_p_x_request_id,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
    ),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
            },
            headers={},
        ),
        "400": ResponseSpec(
            media={
                "application/problem+json": _r_400_0,
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
    success_status=200,
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("listItems")
