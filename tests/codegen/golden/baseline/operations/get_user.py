# generated from baseline.yaml — do not edit
"""GET /users/{user-id} (getUser)"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, r
from chalicelib.runtime.validation import located as _located

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
    # user-id (path, string)
    raw = path.get("user-id")
    if raw is not None:
        x = _unquote(raw)
        args["user_id"] = x
        if not _p_user_id(x, "/user-id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/user-id", "path parameter 'user-id' is required", "required"))
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


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
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getUser")
