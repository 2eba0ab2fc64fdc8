# generated from baseline.yaml — do not edit
"""GET /tree/{node_id} (getTree): A recursive schema, in an operation without tags"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

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
            schema={"type": "string"},
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
        Param(
            name="depth",
            location="query",
            kwarg="depth",
            required=False,
            schema={"type": "integer", "default": 1},
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
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Node"},
            },
            headers={},
        ),
    },
    success_status=200,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("getTree")
