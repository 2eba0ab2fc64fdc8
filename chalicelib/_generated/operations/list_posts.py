# generated from openapi.yaml — do not edit
"""GET /posts (listPosts): List posts"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import posts as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_integer as _to_integer
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, r
from chalicelib.runtime.validation import located as _located

from ..validators import post_page__s as _c_post_page__s
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


def _p_cursor(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not 1 <= len(x) <= 2048:
            if len(x) < 1:
                e.append((p, "minLength", r(x) + " is shorter than 1 character"))
                ok = False
            if len(x) > 2048:
                e.append((p, "maxLength", r(x) + " is longer than 2048 characters"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_200_0 = _c_post_page__s.v


_r_400_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of listPosts: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
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
    # cursor (query, string)
    values = query.get("cursor")
    if values:
        x = values[-1]
        args["cursor"] = x
        if not _p_cursor(x, "/cursor", e) or e:
            _located(found, "query", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="listPosts",
    method="GET",
    path="/posts",
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
            name="cursor",
            location="query",
            kwarg="cursor",
            required=False,
            schema=_p_cursor,
            shape={"type": ["string"]},
            style="form",
            explode=True,
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
    limit_: int = args["limit"]
    cursor_: str | None = args.get("cursor")
    return _handlers.list_posts(
        limit=limit_,
        cursor=cursor_,
    )
