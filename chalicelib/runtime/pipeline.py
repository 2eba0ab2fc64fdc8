"""The request pipeline every generated route runs, in this order:

match path -> parse + coerce parameters -> read body (415/400) -> validate (all violations, 400) ->
call the handler -> serialize -> validate the response against the declared status and media type ->
render. Handler errors raised as `ProblemError` render as problem+json; anything else is logged once
and answered with a bare 500 problem.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any
from urllib.parse import unquote

from chalice import Response
from chalice.app import Request

from chalicelib.runtime import params as P
from chalicelib.runtime.operation import Body, Operation, Param, ResponseSpec, Segment
from chalicelib.runtime.problem import ProblemError, Violation
from chalicelib.runtime.responses import ApiResponse

log = logging.getLogger("chalicelib.runtime")
Call = Callable[[Mapping[str, Any]], object]

_regex_cache: dict[str, Any] = {}


def match_segments(segments: tuple[Segment, ...], captured: Mapping[str, str]) -> dict[str, str] | None:
    """Spec path parameters from the captured (still percent-encoded) segments, decoded exactly once."""
    values: dict[str, str] = {}
    for seg in segments:
        decoded = unquote(captured.get(seg.variable, ""))
        if seg.regex is None:
            if decoded == "":
                return None
            values[seg.params[0]] = decoded
            continue
        pattern = _regex_cache.get(seg.regex)
        if pattern is None:
            import re

            pattern = _regex_cache.setdefault(seg.regex, re.compile(seg.regex, re.DOTALL))
        found = pattern.fullmatch(decoded)
        if found is None:
            return None
        values.update(zip(seg.params, found.groups(), strict=True))
    return values


def dispatch(
    request: Request | None, package: str, candidates: tuple[str, ...], captured: Mapping[str, str]
) -> Response:
    """Entry point of generated views: find the operation whose path template matches, then run it."""
    for name in candidates:
        module = import_module(f"{package}.operations.{name}")
        op: Operation = module.OPERATION
        path_values = match_segments(op.segments, captured)
        if path_values is not None:
            return run(request, op, module.call, path_values)
    return ProblemError.not_found("No operation matches this path.").to_response()


def run(request: Request | None, op: Operation, call: Call, path_values: Mapping[str, str]) -> Response:
    try:
        if request is None:  # pragma: no cover - chalice always sets it for HTTP events
            raise ProblemError(500, "No request.")
        args = parse_request(request, op, path_values)
        result = call(args)
        return render(op, result)
    except ProblemError as exc:
        return exc.to_response()
    except Exception:
        log.exception("unhandled error in operation %s", op.operation_id)
        return ProblemError(500, "An internal error occurred.").to_response()


def parse_request(request: Request, op: Operation, path_values: Mapping[str, str]) -> dict[str, Any]:
    violations: list[Violation] = []

    def report(param: Param, keyword: str, message: str) -> None:
        violations.append(Violation(param.location, "/" + _escape(param.name), message, keyword))

    query: Mapping[str, list[str]] = {}
    if request.query_params:
        query = {k: request.query_params.getlist(k) for k in request.query_params}
    headers = request.headers
    cookies = (
        P.parse_cookies(headers.get("cookie")) if any(p.location == "cookie" for p in op.parameters) else {}
    )
    args = P.read_params(op.parameters, path_values, query, headers, cookies, report)
    failed = {v.pointer for v in violations}
    for param in op.parameters:
        if param.kwarg in args and "/" + _escape(param.name) not in failed:
            violations += op.schemas.violations(
                param.schema, args[param.kwarg], param.location, "/" + _escape(param.name)
            )
    if op.body is not None:
        body, body_violations = read_body(request, op, op.body)
        violations += body_violations
        if body is not None or not body_violations:
            args[op.body.kwarg] = body
    if violations:
        raise ProblemError.bad_request("The request is not valid for this operation.", violations)
    return args


def _media_matches(declared: str, actual: str) -> bool:
    if declared == actual or declared == "*/*":
        return True
    major, _, minor = declared.partition("/")
    return minor == "*" and actual.startswith(major + "/")


def read_body(request: Request, op: Operation, body: Body) -> tuple[Any, list[Violation]]:
    raw = request.raw_body or b""
    if not raw:
        if body.required:
            return None, [Violation("body", "", "a request body is required", "required")]
        return None, []
    header = request.headers.get("content-type", "")
    actual = header.split(";", 1)[0].strip().lower()
    declared = next(
        (m for m in body.media if _media_matches(m.split(";", 1)[0].strip().lower(), actual)), None
    )
    if declared is None:
        accepted = ", ".join(body.media)
        raise ProblemError(
            415, f"Content-Type {header or '(none)'!r} is not accepted here; send one of: {accepted}."
        )
    schema = body.media[declared]
    raw_bytes = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    if _is_json(actual):
        try:
            text = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, [Violation("body", "", f"the body is not valid UTF-8 (byte {exc.start})", "parse")]
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno} column {exc.colno}"
            return None, [Violation("body", "", f"malformed JSON at {where}: {exc.msg}", "parse")]
        return value, op.schemas.violations(schema, value, "body")
    if actual.startswith("text/"):
        try:
            return raw_bytes.decode("utf-8"), []
        except UnicodeDecodeError as exc:
            return None, [Violation("body", "", f"the body is not valid UTF-8 (byte {exc.start})", "parse")]
    if actual == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qs

        fields = parse_qs(raw_bytes.decode("utf-8", "replace"), keep_blank_values=True)
        value = {k: v[-1] if len(v) == 1 else v for k, v in fields.items()}
        return value, op.schemas.violations(schema, value, "body")
    return raw_bytes, []


def _is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def render(op: Operation, result: object) -> Response:
    headers: dict[str, str | list[str]] = {}
    if isinstance(result, ApiResponse):
        status, body, content_type = result.status, result.body, result.content_type
        headers.update(result.headers)
    else:
        status, body, content_type = op.success_status, result, None
    spec = op.response_for(status)
    problems: list[Violation] = []
    if spec is None:
        problems.append(
            Violation("response", "", f"status {status} is not declared for this operation", "status")
        )
        spec = ResponseSpec(media={})
    if content_type is None and spec.media:
        content_type = next(iter(spec.media))
        if "*" in content_type:
            content_type = "application/octet-stream" if isinstance(body, bytes) else "application/json"
    payload: str | bytes | None = None
    if body is None and (status in (204, 304) or not spec.media):
        payload = None
    elif content_type is None:
        problems.append(
            Violation(
                "response", "", f"status {status} declares no content, but a body was returned", "content"
            )
        )
    else:
        declared = next(
            (
                m
                for m in spec.media
                if _media_matches(m.split(";")[0].lower(), content_type.split(";")[0].lower())
            ),
            None,
        )
        if declared is None and spec.media:
            problems.append(
                Violation(
                    "response",
                    "",
                    f"media type {content_type} is not declared for status {status}",
                    "content",
                )
            )
        base = content_type.split(";")[0].strip().lower()
        if _is_json(base):
            payload = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            if declared is not None:
                problems += op.schemas.violations(spec.media[declared], body, "response")
        elif isinstance(body, bytes | str):
            payload = body
        else:
            problems.append(
                Violation("response", "", f"a {type(body).__name__} cannot be sent as {base}", "content")
            )
    if problems:
        log.error(
            "response of %s violates the spec: %s",
            op.operation_id,
            json.dumps([p.to_json() for p in problems]),
        )
        if os.environ.get("RESPONSE_VALIDATION", "enforce") != "log-only" or (
            payload is None and body is not None
        ):
            return ProblemError(
                500, "The server produced a response that does not match its API description."
            ).to_response()
    if content_type is not None and payload is not None:
        headers["Content-Type"] = content_type
    return Response(body=payload if payload is not None else "", status_code=status, headers=headers)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
