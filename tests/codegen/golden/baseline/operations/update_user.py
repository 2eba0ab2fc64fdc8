# generated from baseline.yaml — do not edit
"""PATCH /users/{user-id} (updateUser)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

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
            schema={"type": "string"},
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
                schema={
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "display_name": {"type": "string", "minLength": 1},
                        "nickname": {"type": ["string", "null"]},
                        "content-type": {"type": "string"},
                    },
                },
            ),
        },
    ),
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/User"},
            },
            headers={},
        ),
    },
    success_status=200,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("updateUser")
