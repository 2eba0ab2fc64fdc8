# generated from openapi.yaml — do not edit
"""GET /users/{user_id} (getUser): Fetch a user"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import users as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import UUIDS_OK, Err, r, uuid_ok

from ..validators import problem__s as _c_problem__s
from ..validators import user__s as _c_user__s


def _p_user_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if x not in UUIDS_OK and not uuid_ok(x):
            e.append((p, "format", r(x) + " is not a valid 'uuid'"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_200_0 = _c_user__s.v


_r_400_0 = _c_problem__s.v


_r_404_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="getUser",
    method="GET",
    path="/users/{user_id}",
    segments=(Segment("user_id", None, ("user_id",)),),
    parameters=(
        Param(
            name="user_id",
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
        "400": ResponseSpec(
            media={
                "application/problem+json": _r_400_0,
            },
            headers={},
        ),
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
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
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    user_id_: str = args["user_id"]
    return _handlers.get_user(
        user_id=user_id_,
    )
