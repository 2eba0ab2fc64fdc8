# generated from baseline.yaml — do not edit
"""GET /posts/{post_id}.json: A post, with a path parameter that is not a whole segment (no operationId)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.validation import Err, r

from ..validators import post__s as _c_post__s


def _p_post_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not (type(x) is int or (type(x) is float and x.is_integer())):
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


_r_200_0 = _c_post__s.v


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
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("get_posts_post_id_json")
