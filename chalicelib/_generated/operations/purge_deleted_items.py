# generated from openapi.yaml — do not edit
"""POST /admin/purge (purgeDeletedItems): Purge deleted items now"""

from collections.abc import Mapping
from typing import Any

from chalicelib.handlers import admin as _handlers
from chalicelib.runtime.operation import HeaderSpec, Operation, Param, ResponseSpec
from chalicelib.runtime.params import CoercionError as _CoercionError
from chalicelib.runtime.params import to_integer as _to_integer
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import Err, r
from chalicelib.runtime.validation import located as _located

from ..validators import problem__s as _c_problem__s
from ..validators import purge_report__s as _c_purge_report__s


def _p_older_than_days(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is int or type(x) is float:
        if type(x) is float and not x.is_integer():
            e.append((p, "type", r(x) + " is not of type 'integer'"))
            ok = False
        if x < 0:
            e.append((p, "minimum", r(x) + " is less than the minimum of 0"))
            ok = False
        if x > 3650:
            e.append((p, "maximum", r(x) + " is greater than the maximum of 3650"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'integer'"))
        ok = False
    return ok


_r_200_0 = _c_purge_report__s.v


_r_400_0 = _c_problem__s.v


_r_401_0 = _c_problem__s.v


def _h_401_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_403_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of purgeDeletedItems: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    values: list[str] | None
    # older_than_days (query, integer)
    values = query.get("older_than_days")
    if values:
        try:
            x = _to_integer(values[-1])
        except _CoercionError as exc:
            found.append(
                _Violation(
                    "query", "/older_than_days", "query parameter 'older_than_days': " + str(exc), "parse"
                )
            )
        else:
            args["older_than_days"] = x
            if not _p_older_than_days(x, "/older_than_days", e) or e:
                _located(found, "query", e)
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="purgeDeletedItems",
    method="POST",
    path="/admin/purge",
    segments=(),
    parameters=(
        Param(
            name="older_than_days",
            location="query",
            kwarg="older_than_days",
            required=False,
            schema=_p_older_than_days,
            shape={"type": ["integer"]},
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
        "401": ResponseSpec(
            media={
                "application/problem+json": _r_401_0,
            },
            headers={
                "WWW-Authenticate": HeaderSpec(required=True, schema=_h_401_0, shape={"type": ["string"]}),
            },
        ),
        "403": ResponseSpec(
            media={
                "application/problem+json": _r_403_0,
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
    security=(
        (
            (Scheme("apiKey", "apiKey", "header", "X-API-Key"), ()),
            (Scheme("oauth2", "bearer", "", ""), ("admin",)),
        ),
    ),
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    older_than_days_: int | None = args.get("older_than_days")
    principal_: Principal = args["principal"]
    return _handlers.purge_deleted_items(
        older_than_days=older_than_days_,
        principal=principal_,
    )
