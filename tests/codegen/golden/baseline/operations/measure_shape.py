# generated from baseline.yaml — do not edit
"""POST /shapes (measureShape)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, ResponseSpec

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="measureShape",
    method="POST",
    path="/shapes",
    segments=(),
    parameters=(),
    body=Body(
        required=False,
        kwarg="body",
        media={
            "application/json": Media(
                schema={"$ref": "urn:openapi-chalice:components#/$defs/Shape"},
            ),
        },
    ),
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {
                    "type": "object",
                    "required": ["area"],
                    "properties": {"area": {"type": "number"}},
                },
            },
            headers={},
        ),
        "default": ResponseSpec(
            media={
                "application/problem+json": {"$ref": "urn:openapi-chalice:components#/$defs/Problem"},
            },
            headers={},
        ),
    },
    success_status=200,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("measureShape")
