# generated from baseline.yaml — do not edit
"""PATCH /users/{user-id} (updateUser)"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, esc, r
from chalicelib.runtime.validation import located as _located

from ..validators import user__s as _c_user__s


def _p_user_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_qd_K1 = frozenset({"display_name", "nickname", "content-type"})


def _b0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "display_name" in x:
            x1 = x["display_name"]
            if type(x1) is str:
                if len(x1) < 1:
                    e.append((p + "/display_name", "minLength", r(x1) + " is shorter than 1 character"))
                    ok = False
            else:
                e.append((p + "/display_name", "type", r(x1) + " is not of type 'string'"))
                ok = False
        if "nickname" in x:
            x4 = x["nickname"]
            if not (type(x4) is str or x4 is None):
                e.append((p + "/nickname", "type", r(x4) + " is not of type 'string', 'null'"))
                ok = False
        if "content-type" in x:
            x7 = x["content-type"]
            if type(x7) is not str:
                e.append((p + "/content-type", "type", r(x7) + " is not of type 'string'"))
                ok = False
        if not _qd_K1.issuperset(x):
            for k10 in x:
                if k10 not in _qd_K1:
                    e.append(
                        (
                            p + "/" + esc(k10),
                            "additionalProperties",
                            "additional property " + r(k10) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok


_r_200_0 = _c_user__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of updateUser: read, coerced, defaulted and validated
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
    operation_id="updateUser",
    method="PATCH",
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
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
            },
            headers={},
        ),
    },
    success_status=200,
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("updateUser")
