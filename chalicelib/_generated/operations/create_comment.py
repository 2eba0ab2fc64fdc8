# generated from openapi.yaml — do not edit
"""POST /posts/{post_id}/comments (createComment): Comment on a post"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote as _unquote

from chalicelib.handlers import posts as _handlers
from chalicelib.runtime.operation import Body, HeaderSpec, Media, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.security import Principal, Scheme
from chalicelib.runtime.validation import UUIDS_OK, Err, Regex, r, uuid_ok
from chalicelib.runtime.validation import located as _located

from ..validators import comment__qd as _c_comment__qd
from ..validators import comment__s as _c_comment__s
from ..validators import problem__s as _c_problem__s

if TYPE_CHECKING:
    from .. import models


def _p_post_id(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if x not in UUIDS_OK and not uuid_ok(x):
            e.append((p, "format", r(x) + " is not a valid 'uuid'"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_b0 = _c_comment__qd.v


_s_P1 = Regex(None, '^"[0-9]+"\\Z', "match")


_r_201_0 = _c_comment__s.v


def _h_201_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


def _h_201_1(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if not _s_P1.search(x):
            e.append((p, "pattern", r(x) + ' does not match "^\\"[0-9]+\\"$"'))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_400_0 = _c_problem__s.v


_r_401_0 = _c_problem__s.v


def _h_401_0(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, "type", r(x) + " is not of type 'string'"))
        ok = False
    return ok


_r_403_0 = _c_problem__s.v


_r_404_0 = _c_problem__s.v


_r_415_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of createComment: read, coerced, defaulted and validated
    (chalicelib.runtime.pipeline's generic walk, written out for them: codegen/readers.py)"""
    args: dict[str, Any] = {}
    found: list[_Violation] = []
    e: list[Err] = []
    x: Any
    raw: str | None
    # post_id (path, string)
    raw = path.get("post_id")
    if raw is not None:
        x = _unquote(raw)
        args["post_id"] = x
        if not _p_post_id(x, "/post_id", e) or e:
            _located(found, "path", e)
    else:
        found.append(_Violation("path", "/post_id", "path parameter 'post_id' is required", "required"))
    if len(found) > 1:  # several parameters failed: the contract's order
        found.sort(key=_Violation.sort_key)
    return args, found


OPERATION = Operation(
    operation_id="createComment",
    method="POST",
    path="/posts/{post_id}/comments",
    segments=(Segment("post_id", None, ("post_id",)),),
    parameters=(
        Param(
            name="post_id",
            location="path",
            kwarg="post_id",
            required=True,
            schema=_p_post_id,
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
                schema=_b0,
            ),
        },
    ),
    responses={
        "201": ResponseSpec(
            media={
                "application/json": _r_201_0,
            },
            headers={
                "Location": HeaderSpec(required=True, schema=_h_201_0, shape={"type": ["string"]}),
                "ETag": HeaderSpec(required=True, schema=_h_201_1, shape={"type": ["string"]}),
            },
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
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
            },
            headers={},
        ),
        "415": ResponseSpec(
            media={
                "application/problem+json": _r_415_0,
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
    success_status=201,
    security=(((Scheme("bearerAuth", "bearer", "", ""), ()),),),
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    post_id_: str = args["post_id"]
    body_: models.Comment = args["body"]
    principal_: Principal = args["principal"]
    return _handlers.create_comment(
        post_id=post_id_,
        body=body_,
        principal=principal_,
    )
