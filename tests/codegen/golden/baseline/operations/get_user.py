# generated from baseline.yaml — do not edit
"""GET /users/{user-id} (getUser)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="getUser",
    method="GET",
    path="/users/{user-id}",
    segments=(Segment("user_id", None, ("user-id",)),),
    parameters=(
        Param(
            name="user-id",
            location="path",
            kwarg="user_id",
            required=True,
            schema={"type": "string"},
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
    ),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/User"},
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
    raise ProblemError.not_implemented("getUser")
