# generated from openapi.yaml — do not edit
"""GET /health (getHealth): Report service health"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import health as _handlers
from chalicelib.runtime.operation import Operation, ResponseSpec

from ..schemas import SCHEMAS

OPERATION = Operation(
    operation_id="getHealth",
    method="GET",
    path="/health",
    segments=(),
    parameters=(),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": {"$ref": "urn:openapi-chalice:components#/$defs/Health"},
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
    return _handlers.get_health()
