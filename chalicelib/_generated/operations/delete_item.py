# generated from openapi.yaml — do not edit
"""DELETE /items/{item_id} (deleteItem): Delete an item"""

from collections.abc import Mapping
from typing import Any, cast

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="deleteItem",
    method="DELETE",
    path="/items/{item_id}",
    segments=(Segment("item_id", None, ("item_id",)),),
    parameters=(
        Param(
            name="item_id",
            location="path",
            kwarg="item_id",
            required=True,
            schema={"type": "string", "format": "uuid"},
            shape={"type": ["string"]},
            style="simple",
            explode=False,
        ),
    ),
    body=None,
    responses={
        "204": ResponseSpec(
            media={},
            headers={},
        ),
        "400": ResponseSpec(
            media={
                "application/problem+json": {"$ref": "urn:openapi-chalice:components#/$defs/Problem"},
            },
            headers={},
        ),
        "404": ResponseSpec(
            media={
                "application/problem+json": {"$ref": "urn:openapi-chalice:components#/$defs/Problem"},
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
    success_status=204,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    return _handlers.delete_item(
        item_id=cast("str", args["item_id"]),
    )
