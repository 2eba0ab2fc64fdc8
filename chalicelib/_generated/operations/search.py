# generated from openapi.yaml — do not edit
"""GET /search (search): Search items and posts"""

from collections.abc import Mapping
from typing import Any, Literal

from chalicelib.handlers import search as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_integer as _to_integer
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, r, unique
from chalicelib.runtime.validation import located as _located

from ..validators import problem__s as _c_problem__s
from ..validators import search_results__s as _c_search_results__s

_q_E1 = frozenset({"items", "posts"})


def _p_q(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not 1 <= len(x) <= 100:
            if len(x) < 1:
                e.append((p, "minLength", r(x) + " is shorter than 1 character"))
                ok = False
            if len(x) > 100:
                e.append((p, "maxLength", r(x) + " is longer than 100 characters"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _p_limit(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is int or type(x) is float:
        if type(x) is float and not x.is_integer():
            e.append((p, "type", r(x) + " is not of type 'integer'"))
            ok = False
        if x < 1:
            e.append((p, "minimum", r(x) + " is less than the minimum of 1"))
            ok = False
        if x > 50:
            e.append((p, "maximum", r(x) + " is greater than the maximum of 50"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


def _p_type(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is list:
        if len(x) < 1:
            e.append((p, "minItems", "expected at least 1 items" + ", got " + str(len(x))))
            ok = False
        if len(x) > 1 and not unique(x):
            e.append((p, "uniqueItems", "items are not unique"))
            ok = False
        for i3, x4 in enumerate(x):
            if type(x4) is not str:
                e.append((p + "/" + str(i3), "type", r(x4) + " is not of type 'string'"))
                ok = False
            if not (type(x4) is str and x4 in _q_E1):
                e.append((p + "/" + str(i3), "enum", r(x4) + ' is not one of ["items", "posts"]'))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'array'"))
        ok = False
    return ok


_r_200_0 = _c_search_results__s.v


_r_400_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of search: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
    # q (query, string)
    values = query.get("q")
    if values:
        x = values[-1]
        args["q"] = x
        if not _p_q(x, "/q", e) or e:
            _located(found, "query", e)
    else:
        found.append(_Violation("query", "/q", "query parameter 'q' is required", "required"))
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
        x = 10
        args["limit"] = x
        if not _p_limit(x, "/limit", e) or e:
            _located(found, "query", e)
    # type (query, array, string)
    values = query.get("type")
    if values:
        x = [] if values[-1] == "" else values[-1].split(",")
        args["type"] = x
        if not _p_type(x, "/type", e) or e:
            _located(found, "query", e)
    else:
        x = ["items", "posts"]
        args["type"] = x
        if not _p_type(x, "/type", e) or e:
            _located(found, "query", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="search",
    method="GET",
    path="/search",
    segments=(),
    parameters=(
        Param(
            name="q",
            location="query",
            kwarg="q",
            required=True,
            schema=_p_q,
            shape={"type": ["string"]},
            style="form",
            explode=True,
        ),
        Param(
            name="limit",
            location="query",
            kwarg="limit",
            required=False,
            schema=_p_limit,
            shape={"type": ["integer"]},
            style="form",
            explode=True,
            default=10,
        ),
        Param(
            name="type",
            location="query",
            kwarg="type",
            required=False,
            schema=_p_type,
            shape={"type": ["array"], "items": {"type": ["string"]}},
            style="form",
            explode=False,
            default=["items", "posts"],
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
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    q_: str = args["q"]
    limit_: int = args["limit"]
    type_: list[Literal["items", "posts"]] = args["type"]
    return _handlers.search(
        q=q_,
        limit=limit_,
        type=type_,
    )
