# generated from baseline.yaml — do not edit
"""GET /items (listItems): List items"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec
from chalicelib.runtime.validation import UUIDS_OK, Err, r, uuid_ok

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
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("listItems")
