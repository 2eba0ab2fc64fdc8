# generated from openapi.yaml — do not edit
"""GET / (getIndex): Links to everything this API offers"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import meta as _handlers
from chalicelib.runtime.operation import Operation, ResponseSpec

from ..validators import index__s as _c_index__s
from ..validators import problem__s as _c_problem__s

_r_200_0 = _c_index__s.v


_r_default_0 = _c_problem__s.v


OPERATION = Operation(
    operation_id="getIndex",
    method="GET",
    path="/",
    segments=(),
    parameters=(),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
            },
            headers={},
        ),
        "default": ResponseSpec(
            media={
                "application/problem+json": _r_default_0,
            },
            headers={},
        ),
    },
    success_status=200,
)


def call(args: Mapping[str, Any]) -> object:
    return _handlers.get_index()
