# generated from baseline.yaml — do not edit
"""GET /tree/{node_id} (getTree): A recursive schema, in an operation without tags"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_integer as _to_integer
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, r
from chalicelib.runtime.validation import located as _located

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


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of getTree: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
    raw: str | None
    # node_id (path, string)
    raw = path.get("node_id")
    if raw is not None:
        x = _unquote(raw)
        args["node_id"] = x
        if not _p_node_id(x, "/node_id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/node_id", "path parameter 'node_id' is required", "required"))
    # depth (query, integer)
    values = query.get("depth")
    if values:
        try:
            x = _to_integer(values[-1])
        except _CoercionError as exc:
            found.append(_Violation("query", "/depth", "query parameter 'depth': " + str(exc), "parse"))
        else:
            args["depth"] = x
            if not _p_depth(x, "/depth", e) or e:
                _located(found, "query", e)
    else:
        x = 1
        args["depth"] = x
        if not _p_depth(x, "/depth", e) or e:
            _located(found, "query", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


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
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getTree")
