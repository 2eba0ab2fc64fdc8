# generated from baseline.yaml — do not edit
"""GET /tree/{node_id} (getTree): A recursive schema, in an operation without tags"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import Err, r

from ..validators import node__s as _c_node__s


def _p_node_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _p_depth(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not (type(x) is int or (type(x) is float and x.is_integer())):
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


_r_200_0 = _c_node__s.v


OPERATION = Operation(
    operation_id="getTree",
    method="GET",
    path="/tree/{node_id}",
    segments=(Segment("node_id", None, ("node_id",)),),
    parameters=(
        Param(
            name="node_id",
            location="path",
            kwarg="node_id",
            required=True,
            schema=_p_node_id,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
        Param(
            name="depth",
            location="query",
            kwarg="depth",
            required=False,
            schema=_p_depth,
            shape={"type": ["integer"]},
            style="form",
            explode=True,
            default=1,
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
    },
    success_status=200,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getTree")
