# generated from openapi.yaml — do not edit
"""POST /users (createUser): Register a user"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from chalicelib.handlers import users as _handlers
from chalicelib.runtime.operation import Body, HeaderSpec, Media, Operation, ResponseSpec
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import Err, r

from ..validators import problem__s as _c_problem__s
from ..validators import user__qd as _c_user__qd
from ..validators import user__s as _c_user__s

if TYPE_CHECKING:
    from .. import models


_b0 = _c_user__qd.v


_r_201_0 = _c_user__s.v


def _h_201_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_400_0 = _c_problem__s.v


_r_401_0 = _c_problem__s.v


def _h_401_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_415_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="createUser",
    method="POST",
    path="/users",
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
        "415": ResponseSpec(
            media={
                "application/problem+json": _r_415_0,
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
    success_status=201,
    security=(((Scheme("bearerAuth", "bearer", "", ""), ()),),),
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    body_: models.User = args["body"]
    principal_: Principal = args["principal"]
    return _handlers.create_user(
        body=body_,
        principal=principal_,
    )
