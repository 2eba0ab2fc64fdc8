# generated from baseline.yaml — do not edit
"""PUT /items/{item_id} (replaceItem)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="replaceItem",
    method="PUT",
    path="/items/{item_id}",
    segments=(Segment("item_id", None, ("item_id",)),),
    parameters=(
        Param(
            name="item_id",
            location="path",
            kwarg="item_id",
            required=True,
            schema={"type": "string", "pattern": "^[a-z0-9-]+$"},
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
        Param(
            name="verbose",
            location="query",
            kwarg="verbose",
            required=False,
            schema={"type": "boolean"},
            shape={"type": ["boolean"]},
            style="form",
            explode=True,
        ),
    ),
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
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Item"},
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
    raise ProblemError.not_implemented("replaceItem")
