# generated from openapi.yaml — do not edit
"""PUT /items/{item_id} (replaceItem): Replace an item"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec, Segment

from ..schemas import SCHEMAS

if TYPE_CHECKING:
    from .. import models

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
            schema={"type": "string", "format": "uuid"},
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
        "415": ResponseSpec(
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
    return _handlers.replace_item(
        item_id=cast("str", args["item_id"]),
        body=cast("models.ItemInput", args["body"]),
    )
