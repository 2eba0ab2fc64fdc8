# generated from openapi.yaml — do not edit
"""GET /users/me (getCurrentUser): Fetch the calling user"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import users as _handlers
from chalicelib.runtime.operation import HeaderSpec, Operation, ResponseSpec
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import Err, r

from ..validators import problem__s as _c_problem__s
from ..validators import user__s as _c_user__s

_r_200_0 = _c_user__s.v


_r_400_0 = _c_problem__s.v


_r_401_0 = _c_problem__s.v


def _h_401_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_404_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="getCurrentUser",
    method="GET",
    path="/users/me",
    segments=(),
    parameters=(),
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
        "default": ResponseSpec(
            media={
                "application/problem+json": _r_default_0,
            },
            headers={},
        ),
    },
    success_status=200,
    security=(((Scheme("bearerAuth", "bearer", "", ""), ()),),),
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    principal_: Principal = args["principal"]
    return _handlers.get_current_user(
        principal=principal_,
    )
