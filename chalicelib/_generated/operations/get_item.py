# generated from openapi.yaml — do not edit
"""GET /items/{item_id} (getItem): Fetch one item"""

from collections.abc import Mapping
from typing import Any, cast

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="getItem",
    method="GET",
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
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Item"},
            },
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
    success_status=200,
    schemas=SCHEMAS,
)


def call(args: Mapping[str, Any]) -> object:
    return _handlers.get_item(
        item_id=cast("str", args["item_id"]),
    )
