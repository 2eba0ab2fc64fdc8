# generated from baseline.yaml — do not edit
"""POST /items (createItem): Create an item"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, HeaderSpec, Media, Operation, ResponseSpec
from chalicelib.runtime.validation import Err, r

from ..validators import item__s as _c_item__s
from ..validators import item_input__qd as _c_item_input__qd
from ..validators import problem__s as _c_problem__s

_b0 = _c_item_input__qd.v


_r_201_0 = _c_item__s.v


def _h_201_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="createItem",
    method="POST",
    path="/items",
    segments=(),
    parameters=(),
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
            },
        ),
        "default": ResponseSpec(
            media={
                "application/problem+json": _r_default_0,
            },
            headers={},
        ),
    },
    success_status=201,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("createItem")
