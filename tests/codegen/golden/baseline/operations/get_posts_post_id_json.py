# generated from baseline.yaml — do not edit
"""GET /posts/{post_id}.json: A post, with a path parameter that is not a whole segment (no operationId)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

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
            schema={"type": "integer"},
            shape={"type": ["integer"]},
            style="simple",
            explode=False,
        ),
    ),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Post"},
            },
            headers={},
        ),
    },
    success_status=200,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("get_posts_post_id_json")
