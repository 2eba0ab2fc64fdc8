# generated from openapi.yaml — do not edit
"""GET /items (listItems): List items"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from chalicelib.handlers import items as _handlers
from chalicelib.runtime.operation import Operation, Param, ResponseSpec
from chalicelib.runtime.validation import Err, r

from ..validators import item_list__s as _c_item_list__s
from ..validators import problem__s as _c_problem__s
from ..validators import tag__q as _c_tag__q

if TYPE_CHECKING:
    from .. import models


def _p_limit(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is int or type(x) is float:
        if type(x) is float and not x.is_integer():
            e.append((p, r(x) + " is not of type 'integer'", "type"))
            ok = False
        if x < 1:
            e.append((p, r(x) + " is less than the minimum of 1", "minimum"))
            ok = False
        if x > 100:
            e.append((p, r(x) + " is greater than the maximum of 100", "maximum"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'integer'", "type"))
        ok = False
    return ok


def _p_tag(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not _c_tag__q.v(x, p, e):
        ok = False
    return ok


def _r_200_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not _c_item_list__s.v(x, p, e):
        ok = False
    return ok


def _r_400_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not _c_problem__s.v(x, p, e):
        ok = False
    return ok


def _r_default_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not _c_problem__s.v(x, p, e):
        ok = False
    return ok


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
            schema=_p_limit,
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
            schema=_p_tag,
            shape={"type": ["string"]},
            style="form",
            explode=True,
        ),
    ),
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
            },
            headers={},
        ),
        "400": ResponseSpec(
            media={
                "application/problem+json": _r_400_0,
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
    return _handlers.list_items(
        limit=cast("int", args["limit"]),
        tag=cast("models.Tag | None", args.get("tag")),
    )
