# generated from baseline.yaml — do not edit
"""GET /items (listItems): List items"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
from chalicelib.runtime.operation import Operation, Param, ResponseSpec

from ..schemas import SCHEMAS

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
            name="active",
            location="query",
            kwarg="active",
            required=False,
            schema={"type": "boolean", "default": True},
            shape={"type": ["boolean"]},
            style="form",
            explode=True,
            default=True,
        ),
        Param(
            name="tag",
            location="query",
            kwarg="tag",
            required=False,
            schema={"type": "array", "items": {"type": "string"}, "default": []},
            shape={"type": ["array"], "items": {"type": ["string"]}},
            style="form",
            explode=True,
            default=[],
        ),
        Param(
            name="X-Request-Id",
            location="header",
            kwarg="x_request_id",
            required=False,
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
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/ItemPage"},
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
    raise ProblemError.not_implemented("listItems")
