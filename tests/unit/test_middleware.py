"""runtime/middleware.py: observability, CORS and problem+json errors as one Chalice middleware, in the
order three separate ones ran (outermost first), and the request state they share (runtime/context.py)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from chalice import Response
from chalice.app import CaseInsensitiveMapping, Request

from chalicelib.runtime import context
from chalicelib.runtime.cors import CorsPath, CorsPolicy
from chalicelib.runtime.middleware import http_middleware
from chalicelib.runtime.observability import ACCESS_LOGGER, JsonFormatter
from chalicelib.runtime.problem import PROBLEM_JSON, ProblemError

APP_ORIGIN = "https://app.example.com"
PATHS = {"/items": CorsPath(("GET", "POST", "OPTIONS"), ("Authorization",), ("ETag",))}
OPERATIONS = {("GET", "/items"): "listItems", ("POST", "/items"): "createItem"}
GATEWAY_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"


def chalice_request(method: str = "GET", **headers: str) -> Request:
    event = {
        "resource": "/items",
        "path": "/items",
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {"resourcePath": "/items", "httpMethod": method, "requestId": GATEWAY_ID},
        "body": None,
        "isBase64Encoded": False,
    }
    return Request(event)


MIDDLEWARE = http_middleware(OPERATIONS, PATHS, CorsPolicy((APP_ORIGIN,)))


def ok(_: Request) -> Response:
    return Response(body="{}", status_code=200, headers={"Content-Type": "application/json"})


@pytest.fixture
def lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(ACCESS_LOGGER)
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(saved)


def test_header_reads_chalice_and_plain_mappings_case_insensitively() -> None:
    chalice_headers = CaseInsensitiveMapping({"X-Request-Id": "abc12345", "Accept": "*/*"})
    assert context.header(chalice_headers, "x-request-id") == "abc12345"
    assert context.header(chalice_headers, "origin") is None
    assert context.header({"Origin": APP_ORIGIN}, "origin") == APP_ORIGIN
    assert context.header({"origin": APP_ORIGIN}, "origin") == APP_ORIGIN
    assert context.header({"Accept": "*/*"}, "origin") is None
    assert context.header(None, "origin") is None


def test_a_request_without_origin_gets_its_id_and_no_cors_headers() -> None:
    seen: list[context.RequestState | None] = []

    def route(request: Request) -> Response:
        seen.append(context.current())
        return ok(request)

    answer = MIDDLEWARE(chalice_request(**{"X-Request-Id": "client-id-0001"}), route)
    assert answer.status_code == 200
    assert answer.headers["X-Request-Id"] == "client-id-0001"
    assert not [h for h in answer.headers if h.startswith("Access-Control-")]
    state = seen[0]
    assert state is not None
    assert state.request_id == "client-id-0001"
    assert context.current() is None  # ended with the request


@pytest.mark.parametrize("origin", [APP_ORIGIN, None])
def test_an_exception_outside_the_pipeline_is_a_problem_with_the_request_id(origin: str | None) -> None:
    def crash(_: Request) -> Response:
        raise RuntimeError("boom")

    answer = MIDDLEWARE(chalice_request(**({"Origin": origin} if origin else {})), crash)
    assert answer.status_code == 500
    assert answer.headers["Content-Type"] == PROBLEM_JSON
    assert answer.headers.get("Access-Control-Allow-Origin") == origin
    assert answer.headers["X-Request-Id"] == GATEWAY_ID
    body = json.loads(str(answer.body))
    assert body["request_id"] == GATEWAY_ID
    assert "boom" not in str(answer.body)
    assert context.current() is None


@pytest.mark.parametrize("origin", [APP_ORIGIN, None])
def test_chalice_error_answers_become_problems_that_carry_cors_headers(origin: str | None) -> None:
    def method_not_allowed(_: Request) -> Response:
        body = {"Code": "MethodNotAllowedError", "Message": "Unsupported method: PUT"}
        return Response(body=json.dumps(body), status_code=405, headers={"Allow": "GET, POST"})

    answer = MIDDLEWARE(chalice_request("PUT", **({"Origin": origin} if origin else {})), method_not_allowed)
    assert answer.status_code == 405
    assert answer.headers["Content-Type"] == PROBLEM_JSON
    assert answer.headers["Allow"] == "GET, POST"
    assert answer.headers.get("Access-Control-Allow-Origin") == origin
    body = json.loads(str(answer.body))
    assert body["detail"] == "Unsupported method: PUT"
    assert body["request_id"] == GATEWAY_ID


def test_a_preflight_is_answered_before_the_route_and_carries_the_request_id() -> None:
    calls: list[Request] = []

    def route(request: Request) -> Response:
        calls.append(request)
        return ok(request)

    request = chalice_request("OPTIONS", Origin=APP_ORIGIN, **{"Access-Control-Request-Method": "POST"})
    answer = MIDDLEWARE(request, route)
    assert answer.status_code == 204
    assert answer.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert answer.headers["X-Request-Id"] == GATEWAY_ID
    assert calls == []


def test_an_origin_the_stage_does_not_allow_gets_no_cors_headers() -> None:
    answer = MIDDLEWARE(chalice_request(Origin="https://evil.example"), ok)
    assert answer.status_code == 200
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_the_access_line_reads_what_the_request_noted_in_its_state(lines: io.StringIO) -> None:
    def route(_: Request) -> Response:
        state = context.current()
        assert state is not None
        state.operation, state.subject = "createItem", "user-1"
        return ProblemError.bad_request("bad", []).to_response()

    MIDDLEWARE(chalice_request("POST"), route)
    line = json.loads(lines.getvalue().splitlines()[-1])
    assert line["operation"] == "createItem"
    assert line["principal"] == "user-1"
    assert line["status"] == 400
    assert line["violations"] == 0
    assert line["request_id"] == GATEWAY_ID


def test_an_answer_chalice_gave_before_any_operation_is_named_from_the_route(lines: io.StringIO) -> None:
    MIDDLEWARE(chalice_request("GET"), ok)
    line: dict[str, Any] = json.loads(lines.getvalue().splitlines()[-1])
    assert line["operation"] == "listItems"
    assert line["principal"] is None
    assert line["violations"] is None


def test_the_pipeline_keeps_a_state_of_its_own_without_the_middleware() -> None:
    from chalicelib.runtime.pipeline import dispatch

    request = chalice_request("GET")
    request.context["path"] = "/dev/"
    answer = dispatch(request, "chalicelib._generated", ("get_index",), {})
    assert answer.status_code == 200
    body = json.loads(str(answer.body))
    # the handler built its links from request_path(): it saw the request (stage prefix included)
    assert body["links"]["items"]["href"] == "/dev/items"
    assert context.current() is None
