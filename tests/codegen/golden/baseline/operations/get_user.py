# generated from baseline.yaml — do not edit
"""GET /users/{user-id} (getUser)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import Err, r

from ..validators import problem__s as _c_problem__s
from ..validators import user__s as _c_user__s


def _p_user_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_200_0 = _c_user__s.v


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="getUser",
    method="GET",
    path="/users/{user-id}",
    segments=(Segment("user_id", None, ("user-id",)),),
    parameters=(
        Param(
            name="user-id",
            location="path",
            kwarg="user_id",
            required=True,
            schema=_p_user_id,
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
    raise ProblemError.not_implemented("getUser")
