# generated from baseline.yaml — do not edit
"""GET /items/{item_id} (getItem)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import Err, r

from ..validators import item__s as _c_item__s
from ..validators import problem__s as _c_problem__s


def _p_item_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not x or x.strip("-0123456789abcdefghijklmnopqrstuvwxyz"):
            e.append((p, "pattern", r(x) + ' does not match "^[a-z0-9-]+$"'))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _p_verbose(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not bool:
        e.append((p, "type", r(x) + " is not of type 'boolean'"))
        ok = False
    return ok


_r_200_0 = _c_item__s.v


_r_404_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="getItem",
    method="GET",
    path="/items/{item_id}",
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
            name="verbose",
            location="query",
            kwarg="verbose",
            required=False,
            schema=_p_verbose,
            shape={"type": ["boolean"]},
            style="form",
            explode=True,
            default=False,
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
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
            },
            headers={},
        ),
    },
    success_status=200,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getItem")
