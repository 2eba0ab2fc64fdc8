# generated from openapi.yaml — do not edit
"""GET /users/{user_id} (getUser): Fetch a user"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.handlers import users as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import UUIDS_OK, Err, r, uuid_ok
from chalicelib.runtime.validation import located as _located

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


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of getUser: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    raw: str | None
    # user_id (path, string)
    raw = path.get("user_id")
    if raw is not None:
        x = _unquote(raw)
        args["user_id"] = x
        if not _p_user_id(x, "/user_id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/user_id", "path parameter 'user_id' is required", "required"))
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


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
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    user_id_: str = args["user_id"]
    return _handlers.get_user(
        user_id=user_id_,
    )
