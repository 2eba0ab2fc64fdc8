# generated from baseline.yaml — do not edit
"""GET /posts/{post_id}.json: A post, with a path parameter that is not a whole segment (no operationId)"""

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

from ..validators import post__s as _c_post__s


def _p_post_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not (type(x) is int or (type(x) is float and x.is_integer())):
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


_r_200_0 = _c_post__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of get_posts_post_id_json: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    raw: str | None
    # post_id (path, integer)
    raw = path.get("post_id")
    if raw is not None:
        try:
            x = _to_integer(_unquote(raw))
        except _CoercionError as exc:
            found.append(_Violation("path", "/post_id", "path parameter 'post_id': " + str(exc), "parse"))
        else:
            args["post_id"] = x
            if not _p_post_id(x, "/post_id", e) or e:
                _located(found, "path", e)
    else:
        found.append(_Violation("path", "/post_id", "path parameter 'post_id' is required", "required"))
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="get_posts_post_id_json",
    method="GET",
    path="/posts/{post_id}.json",
    segments=(Segment("seg1", "(.+)\\.json", ("post_id",)),),
    parameters=(
        Param(
            name="post_id",
            location="path",
            kwarg="post_id",
            required=True,
            schema=_p_post_id,
            shape={"type": ["integer"]},
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
    },
    success_status=200,
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("get_posts_post_id_json")
