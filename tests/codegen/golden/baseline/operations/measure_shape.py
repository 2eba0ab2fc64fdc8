# generated from baseline.yaml — do not edit
"""POST /shapes (measureShape)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, ResponseSpec
from chalicelib.runtime.validation import Err, r

from ..validators import problem__s as _c_problem__s
from ..validators import shape__qd as _c_shape__qd

_b0 = _c_shape__qd.v


def _r_200_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "area" in x:
            x1 = x["area"]
            if not (type(x1) is int or type(x1) is float):
                e.append((p + "/area", "type", r(x1) + " is not of type 'number'"))
                ok = False
        else:
            e.append((p, "required", "'area' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="measureShape",
    method="POST",
    path="/shapes",
    segments=(),
    parameters=(),
    body=Body(
        required=False,
        kwarg="body",
        media={
            "application/json": Media(
                schema=_b0,
            ),
        },
    ),
    responses={
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
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
    raise ProblemError.not_implemented("measureShape")
