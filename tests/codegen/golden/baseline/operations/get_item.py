# generated from baseline.yaml — do not edit
"""GET /items/{item_id} (getItem)"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_boolean as _to_boolean
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import Err, r
from chalicelib.runtime.validation import located as _located

from ..validators import item__s as _c_item__s
from ..validators import problem__s as _c_problem__s


def _p_item_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not x or x.strip("-0123456789abcdefghijklmnopqrstuvwxyz"):
            e.append((p, "pattern", r(x) + ' does not match "^[a-z0-9-]+$"'))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _p_verbose(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not bool:
        e.append((p, "type", r(x) + " is not of type 'boolean'"))
        ok = False
    return ok


_r_200_0 = _c_item__s.v


_r_404_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of getItem: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
    raw: str | None
    # item_id (path, string)
    raw = path.get("item_id")
    if raw is not None:
        x = _unquote(raw)
        args["item_id"] = x
        if not _p_item_id(x, "/item_id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/item_id", "path parameter 'item_id' is required", "required"))
    # verbose (query, boolean)
    values = query.get("verbose")
    if values:
        try:
            x = _to_boolean(values[-1])
        except _CoercionError as exc:
            found.append(_Violation("query", "/verbose", "query parameter 'verbose': " + str(exc), "parse"))
        else:
            args["verbose"] = x
            if not _p_verbose(x, "/verbose", e) or e:
                _located(found, "query", e)
    else:
        x = False
        args["verbose"] = x
        if not _p_verbose(x, "/verbose", e) or e:
            _located(found, "query", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="getItem",
    method="GET",
    path="/items/{item_id}",
    segments=(Segment("item_id", None, ("item_id",)),),
    parameters=(
        Param(
            name="item_id",
            location="path",
            kwarg="item_id",
            required=True,
            schema=_p_item_id,
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
        Param(
            name="verbose",
            location="query",
            kwarg="verbose",
            required=False,
            schema=_p_verbose,
            shape={"type": ["boolean"]},
            style="form",
            explode=True,
            default=False,
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
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
            },
            headers={},
        ),
    },
    success_status=200,
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getItem")
