# generated from openapi.yaml — do not edit
"""GET /items (listItems): List items"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec

from ..schemas import SCHEMAS

if TYPE_CHECKING:
    from .. import models

OPERATION = Operation(
    operation_id="listItems",
    method="GET",
    path="/items",
    segments=(),
    parameters=(
        Param(
            name="limit",
            location="query",
            kwarg="limit",
            required=False,
            schema={"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
            shape={"type": ["integer"]},
            style="form",
            explode=True,
            default=20,
        ),
        Param(
            name="tag",
            location="query",
            kwarg="tag",
            required=False,
            schema={"$ref": "urn:openapi-chalice:components#/$defs/Tag"},
            shape={"type": ["string"]},
            style="form",
            explode=True,
        ),
    ),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/ItemList"},
            },
            headers={},
        ),
        "400": ResponseSpec(
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
    return _handlers.list_items(
        limit=cast("int", args["limit"]),
        tag=cast("models.Tag | None", args.get("tag")),
    )
