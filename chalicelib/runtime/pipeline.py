"""The request pipeline every generated route runs, in this order:

match path -> 406 if Accept rules out every declared response type -> parameters (parse, coerce,
defaults) -> body (413 / 415 / parse) -> validate everything (all violations, one 400) -> call the
handler -> negotiate the media type and serialize -> validate status, headers and body against the
spec -> render. `ProblemError`s render as problem+json; anything else is logged once and answered
with a bare 500 problem.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any

from chalice import Response
from chalice.app import MultiDict, Request

from chalicelib.runtime import context
from chalicelib.runtime import media as M
from chalicelib.runtime.operation import MAX_BODY, MISSING, Body, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.params import (
    CoercionError,
    alternatives,
    exploded_object,
    exploded_query_object,
    parse_cookies,
    read_param,
)
from chalicelib.runtime.problem import ProblemError, Violation
from chalicelib.runtime.responses import ApiResponse
from chalicelib.runtime.validation import violations

if TYPE_CHECKING:
    from chalicelib.runtime.security import Principal, Security

log = logging.getLogger("chalicelib.runtime")
Call = Callable[[Mapping[str, Any]], object]
Authenticate = Callable[["Security | None", Any, Callable[[str | None], dict[str, list[str]]]], "Principal"]
# runtime/security.py's `authenticate`, imported by the first secured request rather than with this
# module, then kept here: a `from ... import` statement in `run` cost ~0.65 µs on every secured request
_authenticate: Authenticate | None = None


def _load_authenticate() -> Authenticate:
    global _authenticate
    from chalicelib.runtime.security import authenticate

    _authenticate = authenticate
    return authenticate


_regex_cache: dict[str, re.Pattern[str]] = {}
_operations: dict[tuple[str, str], tuple[Operation, Call]] = {}
# Accept values that accept every media type: no parsing, no 406 check, nothing to negotiate
_ACCEPT_ANY = frozenset(("*/*", "", "*/*;q=1", "*/*; q=1"))
_ANY: tuple[tuple[str, float], ...] = (("*/*", 1.0),)
# One encoder for every JSON answer: `json.dumps` with options builds one per call (~1 µs), and
# check_circular=False skips the id() bookkeeping of every container (~1.7 µs for a page of 10 items). A
# cyclic body still fails, as a RecursionError instead of a ValueError. allow_nan=False: never send NaN or
# Infinity, which are not JSON.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False)


def match_segments(segments: tuple[Segment, ...], captured: Mapping[str, str]) -> dict[str, str] | None:
    """Spec path parameters from the captured segments, still percent-encoded: the parameter parser
    splits on delimiters first and decodes each piece exactly once."""
    values: dict[str, str] = {}
    for seg in segments:
        raw = captured.get(seg.variable, "")
        if seg.regex is None:
            if raw == "":
                return None
            values[seg.params[0]] = raw
            continue
        pattern = _regex_cache.get(seg.regex)
        if pattern is None:
            pattern = _regex_cache.setdefault(seg.regex, re.compile(seg.regex, re.DOTALL))
        found = pattern.fullmatch(raw)
        if found is None:
            return None
        values.update(zip(seg.params, found.groups(), strict=True))
    return values


def dispatch(
    request: Request | None, package: str, candidates: tuple[str, ...], captured: Mapping[str, str]
) -> Response:
    """Entry point of generated views: find the operation whose path template matches, then run it."""
    for name in candidates:
        loaded = _operations.get((package, name))
        if loaded is None:
            module = import_module(f"{package}.operations.{name}")
            loaded = _operations.setdefault((package, name), (module.OPERATION, module.call))
        op, call = loaded
        path_values = match_segments(op.segments, captured) if op.segments else {}
        if path_values is not None:
            return run(request, op, call, path_values)
    return ProblemError.not_found("No operation matches this path.").to_response()


def run(request: Request | None, op: Operation, call: Call, path_values: Mapping[str, str]) -> Response:
    state = context.current()
    token = None
    if state is None:  # run without the HTTP middleware (unit tests): a state of its own
        state = context.RequestState(request)
        token = context.begin(state)
    state.request = request
    state.operation = op.operation_id  # for the access line (runtime/observability.py)
    try:
        if request is None:  # pragma: no cover - chalice always sets it for HTTP events
            raise ProblemError(500, "No request.")
        # security first: a caller without the right credentials learns nothing about the request's schema
        principal = None
        if op.security:
            authenticate = _authenticate or _load_authenticate()
            principal = authenticate(op.security, request, parse_cookies)
        accept = accepted(op, context.header(request.headers, "accept"))
        args, errors = parse_request(request, op, path_values)
        if errors:
            problem = ProblemError.bad_request(
                "The request is not valid for this operation.", errors, ordered=True
            )
            if not op.errors:  # answered here: raising it to the handler below cost ~0.3 µs per 400
                return problem.to_response()
            raise problem  # a mock app may declare its 400 in a format of its own
        if principal is not None:
            args["principal"] = principal
        try:
            result = call(args)
        except ProblemError as exc:
            if op.response_for(exc.status) is None:
                # the handler chose a status the spec does not declare: still sent, but the spec is behind
                log.warning(
                    "operation %s answered %s, which its responses do not declare",
                    op.operation_id,
                    exc.status,
                )
            raise
        return render(op, result, accept)
    except ProblemError as exc:
        canned = op.canned_error(exc.status) if op.errors else None
        if canned is not None:
            # a mock app (codegen --mock) whose spec declares this error in its own format: answer that
            body, content_type, headers = canned
            merged = {**dict(exc.headers or {}), **headers}
            return render(op, ApiResponse(exc.status, body, merged, content_type))
        return exc.to_response()
    except Exception:
        log.exception("unhandled error in operation %s", op.operation_id)
        return ProblemError(500, "An internal error occurred.").to_response()
    finally:
        if token is not None:
            context.end(token)


def accepted(op: Operation, header: str | None) -> Sequence[tuple[str, float]]:
    """The parsed Accept header; 406 when it rules out every successful answer of `op`. The usual
    values (none, `*/*`, exactly a type the operation sends) skip the matching."""
    if header is None or header in _ACCEPT_ANY:
        return _ANY
    accept = M.parse_accept(header)
    if op.success_media is not None and header not in op.success_media and not _can_answer(op, accept):
        offered = ", ".join(op.success_media)
        raise ProblemError(
            406, f"None of the response media types is acceptable; this operation sends {offered}."
        )
    return accept


def _can_answer(op: Operation, accept: Sequence[tuple[str, float]]) -> bool:
    """False only when every successful answer has content and the client accepts none of it (errors
    are problem+json whatever Accept says, so their media types do not count)."""
    return op.success_media is None or bool(M.acceptable(accept, op.success_media))


def _pointer(name: str) -> str:
    return "/" + name.replace("~", "~0").replace("/", "~1")


def read_params(
    op: Operation,
    path: Mapping[str, str],
    query: Mapping[str, list[str]],
    headers: Mapping[str, str],
    cookies: Mapping[str, list[str]],
) -> tuple[dict[str, Any], list[Violation]]:
    """Values by kwarg for every parameter present (or defaulted), and what was wrong with the rest."""
    args: dict[str, Any] = {}
    problems: list[Violation] = []
    names: set[str] | None = None

    for param in op.parameters:
        where = param.location
        try:
            values: list[str] | None = None
            if where == "query":
                if param.kind == "object" and exploded_object(param):
                    if names is None:
                        names = {p.name for p in op.parameters if p.location == "query"}
                    value = exploded_query_object(param, query, names - {param.name})
                    if isinstance(value, dict):
                        args[param.kwarg] = value
                        continue  # none of its keys present: absent (never read another way)
                else:
                    values = query.get(param.name)
                # allowEmptyValue (query parameters only), as OAS 3.0.4 and 3.1.1 clarified it
                # (OAI/OpenAPI-Specification #3812, #3835): "If `true`, clients MAY pass a zero-length
                # string value in place of parameters that would otherwise be omitted entirely, which the
                # server SHOULD interpret as the parameter being unused. Default value is `false`." So
                # with `true`, `?x=` is `x` left out (its default applies, `required` refuses it); with
                # the default it is the value "" and the schema decides (a string without minLength takes
                # it, an integer, boolean or enum refuses it with its own violation).
                if values and param.allow_empty and not any(values):
                    values = None
            elif where == "path":
                values = [path[param.name]] if param.name in path else None
            elif where == "header":
                found = context.header(headers, param._header)
                values = [found] if found is not None else None
            elif where == "cookie":
                values = cookies.get(param.name)
            if not values:
                if param.default is not MISSING:
                    args[param.kwarg] = param.default
                elif param.required:
                    problems.append(
                        Violation(
                            where, param.pointer, f"{where} parameter {param.name!r} is required", "required"
                        )
                    )
                continue
            args[param.kwarg] = read_param(param, values, decode=where in ("path", "cookie"))
        except CoercionError as exc:
            problems.append(
                Violation(where, param.pointer, f"{where} parameter {param.name!r}: {exc}", "parse")
            )
    return args, problems


def _validate_param(op: Operation, param: Param, args: dict[str, Any]) -> Sequence[Violation]:
    """Validate one parameter; a scalar read several ways (anyOf/oneOf) keeps the first valid reading."""
    where, ptr = param.location, param.pointer
    found = violations(param.schema, args[param.kwarg], where, ptr)
    value = args[param.kwarg]
    if found and "anyOf" in param.shape and isinstance(value, str | int | float | bool):
        raw = ("true" if value else "false") if isinstance(value, bool) else str(value)
        for option in alternatives(raw, param.shape):
            if not violations(param.schema, option, where, ptr):
                args[param.kwarg] = option
                return []
    return found


def read_and_validate(
    op: Operation,
    query: Mapping[str, list[str]],
    headers: Mapping[str, str],
    path: Mapping[str, str],
    cookies: Mapping[str, list[str]],
) -> tuple[dict[str, Any], list[Violation]]:
    """The generic walk over `op.parameters`: every parameter read (coerced, defaulted), then validated;
    all violations, in the contract's order. `op.reader`, where codegen wrote one, answers the same."""
    args, found = read_params(op, path, query, headers, cookies)
    if args:  # parameters present (or defaulted): validate them
        failed = {(v.location, v.pointer) for v in found} if found else None
        for param in op.parameters:
            if param.schema is None or param.kwarg not in args:
                continue
            if failed and (param.location, param.pointer) in failed:
                continue
            found += _validate_param(op, param, args)
    if len(found) > 1:  # parameters in several locations, read then validated: put in order
        found.sort(key=Violation.sort_key)
    return args, found


def parse_request(
    request: Request, op: Operation, path_values: Mapping[str, str]
) -> tuple[dict[str, Any], Sequence[Violation]]:
    """The handler's arguments and every violation of the request (parameters, then body, in the
    contract's order); a 413 or 415 is raised."""
    args: dict[str, Any]
    found: list[Violation]
    if op.parameters:
        query: Mapping[str, list[str]] = {}
        params = request.query_params
        if type(params) is MultiDict:
            # chalice keeps the event's name -> [values] dict as it is; it is only read here (getlist
            # would copy every list)
            query = params._dict
        elif params:
            query = {k: params.getlist(k) for k in params}
        if op.reader is not None:  # this operation's walk, written out by codegen: the same answers
            args, found = op.reader(query, request.headers, path_values)
        else:
            cookies = parse_cookies(context.header(request.headers, "cookie")) if op.uses_cookies else {}
            args, found = read_and_validate(op, query, request.headers, path_values, cookies)
    else:
        args, found = {}, []
    errors: Sequence[Violation] = found
    if op.body is not None:
        value, body_violations = read_body(request, op.body, op)
        if not body_violations:
            args[op.body.kwarg] = value
        elif found:
            # read_body's come in order, and "body" sorts after every parameter location: still in order
            found += body_violations
        else:
            errors = body_violations  # as read_body made them (`Violations`: rendered from its tuples)
    return args, errors


def read_body(request: Request, spec: Body, op: Operation) -> tuple[Any, Sequence[Violation]]:
    """The body's value and its violations, in the error contract's order."""
    raw = request.raw_body or b""
    raw_bytes = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    if len(raw_bytes) > MAX_BODY:
        raise ProblemError(413, f"The body is {len(raw_bytes)} bytes; the limit is {MAX_BODY}.")
    content_type = context.header(request.headers, "content-type") or ""
    if not raw_bytes and not content_type:
        # No Content-Type and no content: no body. API Gateway passes `body: null` for an empty body
        # too, so only the header tells them apart: with a Content-Type, zero bytes are a body of that
        # type (an empty form is {}, empty text is "", an empty JSON or XML document is malformed).
        if spec.required:
            return None, [Violation("body", "", "a request body is required", "required")]
        return None, []
    if content_type in spec.json_media:
        # the common case, exactly a declared JSON type (so UTF-8): no matching, no charset parsing.
        # Anything unusual (bad UTF-8, bad JSON) takes the general path below for its exact message.
        try:
            value = M.loads(raw_bytes.decode("utf-8"))
        except ValueError:
            pass
        else:
            return value, violations(spec.media[content_type].schema, value, "body")
    from chalicelib.runtime import bodies  # forms, multipart, text, binary, errors: not the JSON path

    declared = bodies.select(spec.media, content_type)
    media = spec.media[declared]
    read = bodies.read(raw_bytes, content_type, media)
    if read.violations:
        return None, sorted(read.violations, key=Violation.sort_key)
    return read.value, violations(media.schema, read.view, "body")


def _serializable(media: str, body: object) -> bool:
    if M.is_json(media):
        return not isinstance(body, bytes)
    if M.base(media).startswith("text/"):
        return isinstance(body, str)
    return isinstance(body, bytes | str)


def _concrete(media: str, body: object) -> str:
    """A content type to send for a declared type that may be a range (`image/*`, `*/*`)."""
    if "*" not in M.base(media):
        return media
    if isinstance(body, bytes):
        return "application/octet-stream"
    return (
        "text/plain; charset=utf-8"
        if isinstance(body, str) and media.startswith("text/")
        else "application/json"
    )


def render(op: Operation, result: object, accept: Sequence[tuple[str, float]] | None = None) -> Response:
    headers: dict[str, str | list[str]] = {}
    if isinstance(result, ApiResponse):
        status, body, content_type = result.status, result.body, result.content_type
        headers.update(result.headers)
    else:
        status, body, content_type = op.success_status, result, None
    spec = op.response_for(status)
    problems: list[Violation] = []
    if spec is None and not op.responses:
        spec = ResponseSpec(media={})  # OAS 3.1 allows an operation to declare no response: none is wrong
    elif spec is None:
        problems.append(
            Violation("response", "", f"status {status} is not declared for this operation", "status")
        )
        spec = ResponseSpec(media={})
    has_body = body is not None
    if has_body and status in (204, 304):
        problems.append(
            Violation(
                "response", "", f"status {status} declares no content, but a body was returned", "content"
            )
        )
        has_body = False
    if content_type is None and has_body and spec.only_json is not None and not isinstance(body, bytes):
        content_type = spec.only_json  # one JSON type declared: nothing to negotiate
    elif content_type is None and has_body:
        candidates = [m for m in spec.media if _serializable(m, body)]
        preferred = M.acceptable(accept or [("*/*", 1.0)], candidates) or candidates
        if preferred:
            content_type = _concrete(preferred[0], body)
        elif spec.media:
            problems.append(
                Violation(
                    "response",
                    "",
                    f"a {type(body).__name__} body cannot be sent as {', '.join(spec.media)}",
                    "content",
                )
            )
        else:
            problems.append(
                Violation(
                    "response", "", f"status {status} declares no content, but a body was returned", "content"
                )
            )
    payload: str | bytes | None = None
    if has_body:
        ctype = content_type or (
            "application/octet-stream" if isinstance(body, bytes) else "application/json"
        )
        if ctype == spec.only_json:
            declared: str | None = ctype
            is_json = True
        else:
            declared = next((m for m in spec.media if M.matches(m, ctype)), None)
            is_json = M.is_json(ctype)
        if declared is None and spec.media and content_type is not None:
            problems.append(
                Violation(
                    "response", "", f"media type {ctype} is not declared for status {status}", "content"
                )
            )
        if is_json and not isinstance(body, bytes):  # a str is a JSON string here
            try:
                payload = _JSON.encode(body)
            except (TypeError, ValueError, RecursionError) as exc:
                log.error("response of %s cannot be serialized as JSON: %s", op.operation_id, exc)
                return ProblemError(500, "The server produced a response it cannot send.").to_response()
            if declared is not None:
                problems += violations(spec.media[declared], body, "response")
        elif isinstance(body, bytes | str):
            payload = body
        else:
            payload = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str)
            ctype = "application/json"
            problems.append(
                Violation(
                    "response", "", f"a {type(body).__name__} cannot be sent as {M.base(ctype)}", "content"
                )
            )
        headers["Content-Type"] = ctype
    if spec.headers:
        problems += _header_problems(op, spec, headers)
    if problems:
        log.error(
            "response of %s violates the spec: %s",
            op.operation_id,
            json.dumps([p.to_json() for p in problems]),
        )
        if os.environ.get("RESPONSE_VALIDATION", "enforce") != "log-only":
            return ProblemError(
                500, "The server produced a response that does not match its API description."
            ).to_response()
    return Response(body=payload if payload is not None else "", status_code=status, headers=headers)


def _header_problems(
    op: Operation, spec: ResponseSpec, headers: Mapping[str, str | list[str]]
) -> list[Violation]:
    sent = {k.lower(): v for k, v in headers.items()}
    problems: list[Violation] = []
    for name, lower, pointer, header, plain in spec.header_checks:
        raw = sent.get(lower)
        if raw is None:
            if header.required:
                problems.append(
                    Violation("response", pointer, f"required header {name!r} is missing", "required")
                )
            continue
        if plain and isinstance(raw, str):
            value: Any = raw  # what read_param would answer for a plain string
        else:
            try:
                text = raw if isinstance(raw, str) else ",".join(raw)
                value = read_param(spec.header_param(name), [text], decode=False)
            except CoercionError as exc:
                problems.append(Violation("response", pointer, f"header {name!r}: {exc}", "parse"))
                continue
        if header.schema is not None:
            problems += violations(header.schema, value, "response", pointer)
    return problems
