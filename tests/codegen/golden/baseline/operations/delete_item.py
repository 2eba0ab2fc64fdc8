# generated from baseline.yaml — do not edit
"""DELETE /items/{item_id} (deleteItem)"""

from collections.abc import Mapping
from typing import Any

from chalicelib.runtime import ProblemError
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
    body=None,
    responses={
        "204": ResponseSpec(
            media={},
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
    raise ProblemError.not_implemented("deleteItem")
