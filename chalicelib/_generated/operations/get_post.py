# generated from openapi.yaml — do not edit
"""GET /posts/{post_id} (getPost): Fetch a post"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote as _unquote

from chalicelib.handlers import posts as _handlers
from chalicelib.runtime.operation import HeaderSpec, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import Violation as _Violation
from chalicelib.runtime.validation import UUIDS_OK, Err, Regex, r, uuid_ok
from chalicelib.runtime.validation import located as _located

from ..validators import post__s as _c_post__s
from ..validators import problem__s as _c_problem__s


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


_s_P1 = Regex(None, '^"[0-9]+"\\Z', "match")


_r_200_0 = _c_post__s.v


def _h_200_0(x: Any, p: str, e: list[Err]) -> bool:
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


_r_404_0 = _c_problem__s.v


_r_default_0 = _c_problem__s.v


def _read_params(
    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]
) -> tuple[dict[str, Any], list[_Violation]]:
    """The parameters of getPost: read, coerced, defaulted and validated
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
    operation_id="getPost",
    method="GET",
    path="/posts/{post_id}",
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
    body=None,
    responses={
        "200": ResponseSpec(
            media={
                "application/json": _r_200_0,
            },
            headers={
                "ETag": HeaderSpec(required=True, schema=_h_200_0, shape={"type": ["string"]}),
            },
        ),
        "400": ResponseSpec(
            media={
                "application/problem+json": _r_400_0,
            },
            headers={},
        ),
        "404": ResponseSpec(
            media={
                "application/problem+json": _r_404_0,
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
    reader=_read_params,
)


def call(args: Mapping[str, Any]) -> object:
    # typed locals, not typing.cast: mypy checks the handler's signature against the spec's types all
    # the same, and a local's annotation is never evaluated (a cast was one call per argument)
    post_id_: str = args["post_id"]
    return _handlers.get_post(
        post_id=post_id_,
    )
