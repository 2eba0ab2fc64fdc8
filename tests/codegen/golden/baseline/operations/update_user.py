# generated from baseline.yaml — do not edit
"""PATCH /users/{user-id} (updateUser)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import Err, esc, r

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
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("updateUser")
