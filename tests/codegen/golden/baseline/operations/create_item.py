# generated from baseline.yaml — do not edit
"""POST /items (createItem): Create an item"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, HeaderSpec, Media, Operation, ResponseSpec

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="createItem",
    method="POST",
    path="/items",
    segments=(),
    parameters=(),
    body=Body(
        required=True,
        kwarg="body",
        media={
            "application/json": Media(
                schema={"$ref": "urn:openapi-chalice:components#/$defs/ItemInput"},
            ),
        },
    ),
    responses={
        "201": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Item"},
            },
            headers={
                "Location": HeaderSpec(required=True, schema={"type": "string"}, shape={"type": ["string"]}),
            },
        ),
        "default": ResponseSpec(
            media={
                "application/problem+json": {"$ref": "urn:openapi-chalice:components#/$defs/Problem"},
            },
            headers={},
        ),
    },
    success_status=201,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    raise ProblemError.not_implemented("createItem")
