"""Content negotiation and response checks (issue 4): 406 when `Accept` rules out every declared response
type, `Accept` q-values choosing between declared types, binary and text responses through both
transports, and declared response headers validated (a response that breaks its description is a 500).
"""

from __future__ import annotations

import base64
import importlib
import json
import logging
from typing import Any

import pytest

from chalicelib.runtime.middleware import problem_errors
from tests.helpers import (
    TRANSPORTS,
    GeneratedApp,
    HttpResult,
    assert_problem_result,
    bad_request,
    call_rest,
    generate_app,
    header,
    problem,
    request,
    violation,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x80\x00"
PDF = b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n"

SPEC = """
openapi: 3.1.0
info: {title: Negotiation, version: "1.0"}
paths:
  /json-only:
    get:
      operationId: json_only
      tags: [neg]
      parameters:
        - {name: n, in: query, schema: {type: integer}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /with-errors:
    get:
      operationId: with_errors
      tags: [neg]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
        "404": {description: missing, content: {application/problem+json: {schema: {type: object}}}}
  /greeting:
    get:
      operationId: greeting
      tags: [neg]
      responses:
        "200":
          description: ok
          content:
            text/plain: {schema: {type: string}}
            application/json: {schema: {type: string}}
  /png:
    get:
      operationId: get_png
      tags: [neg]
      responses:
        "200": {description: ok, content: {image/png: {}}}
  /pdf:
    get:
      operationId: get_pdf
      tags: [neg]
      responses:
        "200": {description: ok, content: {application/pdf: {}}}
  /any-image:
    get:
      operationId: any_image
      tags: [neg]
      responses:
        "200": {description: ok, content: {image/*: {}}}
  /text:
    get:
      operationId: get_text
      tags: [neg]
      responses:
        "200": {description: ok, content: {text/plain: {schema: {type: string}}}}
  /csv:
    get:
      operationId: get_csv
      tags: [neg]
      responses:
        "200": {description: ok, content: {text/csv: {schema: {type: string}}}}
  /limited:
    get:
      operationId: limited
      tags: [neg]
      parameters:
        - name: mode
          in: query
          required: true
          schema: {type: string, enum: [ok, lower, missing, abc, negative, tags, bad-tags]}
      responses:
        "200":
          description: ok
          headers:
            X-Rate-Limit: {required: true, schema: {type: integer, minimum: 0}}
            X-Tags: {schema: {type: array, items: {type: integer}}}
            Content-Type: {required: true, schema: {type: integer}}
          content: {application/json: {schema: {type: object}}}
"""

HANDLERS = {
    "neg": """
from chalicelib.runtime import ApiResponse

PNG = b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\xff\\xfe\\x80\\x00"
PDF = b"%PDF-1.7\\n\\xe2\\xe3\\xcf\\xd3\\n"
CALLS = []


def json_only(**kw):
    CALLS.append(("json_only", kw))
    return {"a": 1}


def with_errors():
    CALLS.append(("with_errors", {}))
    return {"a": 1}


def greeting():
    CALLS.append(("greeting", {}))
    return "h\\u00e9llo"


def get_png():
    return PNG


def get_pdf():
    return PDF


def any_image():
    return ApiResponse(200, PNG, content_type="image/png")


def get_text():
    return "h\\u00e9llo\\n"


def get_csv():
    return "a,b\\r\\n1,2\\r\\n"


def limited(*, mode):
    headers = {
        "ok": {"X-Rate-Limit": "10"},
        "lower": {"x-rate-limit": "0", "x-tags": "1,2"},
        "missing": {},
        "abc": {"X-Rate-Limit": "abc"},
        "negative": {"X-Rate-Limit": "-1"},
        "tags": {"X-Rate-Limit": "1", "X-Tags": "3,4"},
        "bad-tags": {"X-Rate-Limit": "1", "X-Tags": "3,x"},
    }[mode]
    return ApiResponse(200, {"mode": mode}, headers=headers)
"""
}


@pytest.fixture(scope="module")
def neg_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    gen = generate_app(SPEC, HANDLERS, tmp_path_factory.mktemp("neg"))
    # wired like app.py: the generated binary types and the problem+json middleware
    routes = importlib.import_module(f"{gen.package}._generated.routes")
    gen.app.api.binary_types.extend(t for t in routes.BINARY_TYPES if t not in gen.app.api.binary_types)
    gen.app.register_middleware(problem_errors, "http")
    return gen


@pytest.fixture
def neg(neg_app: GeneratedApp, monkeypatch: pytest.MonkeyPatch) -> GeneratedApp:
    monkeypatch.delenv("RESPONSE_VALIDATION", raising=False)
    neg_app.handlers("neg").CALLS.clear()
    return neg_app


def send(gen: GeneratedApp, transport: str, url: str, accept: str | None = None) -> HttpResult:
    headers = {"Accept": accept} if accept is not None else {}
    return request(gen.app, transport, "GET", url, headers=headers, project_dir=gen.root)


def test_binary_types_are_the_declared_non_text_types(neg: GeneratedApp) -> None:
    routes = importlib.import_module(f"{neg.package}._generated.routes")
    assert routes.BINARY_TYPES == ("image/png", "application/pdf", "image/*")


# ==== 406 ==============================================================================================

NOT_ACCEPTABLE_JSON = problem(
    406,
    "Not Acceptable",
    "None of the response media types is acceptable; this operation sends application/json.",
)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "accept",
    [
        "text/csv",
        "text/*",
        "image/png, text/html;q=0.9",
        "application/json;q=0",
        "application/json;q=0.000, text/csv",
        "application/xml",
        "application/problem+json",
        "*/*;q=0",
    ],
)
def test_406_when_accept_rules_out_every_declared_type(
    neg: GeneratedApp, transport: str, accept: str
) -> None:
    result = send(neg, transport, "/json-only", accept)
    assert_problem_result(result, NOT_ACCEPTABLE_JSON)
    assert neg.handlers("neg").CALLS == []


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_406_comes_before_parameter_validation(neg: GeneratedApp, transport: str) -> None:
    result = send(neg, transport, "/json-only?n=abc", "text/csv")
    assert_problem_result(result, NOT_ACCEPTABLE_JSON)
    assert_problem_result(
        send(neg, transport, "/json-only?n=abc", "application/json"),
        bad_request(violation("query", "/n", "query parameter 'n': 'abc' is not an integer", "parse")),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_406_lists_every_declared_type(neg: GeneratedApp, transport: str) -> None:
    result = send(neg, transport, "/with-errors", "text/html")
    assert_problem_result(
        result,
        problem(
            406,
            "Not Acceptable",
            # only what a success can send counts: errors are problem+json whatever Accept says
            "None of the response media types is acceptable; this operation sends application/json.",
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "accept",
    [
        None,
        "",
        "*/*",
        "application/*",
        "application/json",
        "Application/JSON",
        "application/json; charset=utf-8",
        "text/csv, application/json;q=0.1",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    ],
)
def test_acceptable_requests_are_answered(neg: GeneratedApp, transport: str, accept: str | None) -> None:
    result = send(neg, transport, "/json-only?n=2", accept)
    assert (result.status, result.content_type) == (200, "application/json"), result.body
    assert result.json() == {"a": 1}
    assert neg.handlers("neg").CALLS == [("json_only", {"n": 2})]


# ==== q-values choosing between declared types ==========================================================


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "text/plain"),  # no preference: the first declared type
        ("*/*", "text/plain"),
        ("text/plain", "text/plain"),
        ("application/json", "application/json"),
        ("application/json;q=0.5, text/plain;q=0.4", "application/json"),
        ("text/plain;q=0.1, application/json;q=0.2", "application/json"),
        ("text/*;q=0.3, application/json;q=0.2", "text/plain"),
        ("application/json;q=0, */*", "text/plain"),
        ("text/plain;q=0, */*;q=0.1", "application/json"),
        ("text/html, application/*;q=0.5", "application/json"),
        # the most specific range decides: text/plain is refused although text/* is welcome
        ("text/*, text/plain;q=0, application/json;q=0.01", "application/json"),
    ],
)
def test_accept_q_values_choose_the_declared_type(
    neg: GeneratedApp, transport: str, accept: str | None, chosen: str
) -> None:
    result = send(neg, transport, "/greeting", accept)
    assert (result.status, result.content_type) == (200, chosen), result.body
    assert neg.handlers("neg").CALLS == [("greeting", {})]
    if chosen == "text/plain":
        assert result.body == "h\u00e9llo".encode()


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("accept", ["application/json", "text/plain;q=0.1, application/json"])
def test_str_body_negotiated_to_json_is_a_json_string(neg: GeneratedApp, transport: str, accept: str) -> None:
    # the declared application/json representation of the string `héllo` (schema `type: string`) is the
    # JSON text `"héllo"`; the bare characters are not JSON at all
    result = send(neg, transport, "/greeting", accept)
    assert (result.status, result.content_type) == (200, "application/json"), result.body
    assert result.body == '"h\u00e9llo"'.encode()


# ==== binary and text responses ========================================================================


@pytest.mark.parametrize("accept", ["image/png", "*/*", "image/*", "image/avif,image/webp,*/*;q=0.8"])
def test_binary_response_is_base64_in_the_rest_result(neg: GeneratedApp, accept: str) -> None:
    result = call_rest(neg.app, "GET", "/png", headers={"Accept": accept})
    assert result["statusCode"] == 200, result["body"]
    assert header(result, "Content-Type") == "image/png"
    assert result["isBase64Encoded"] is True
    assert base64.b64decode(result["body"]) == PNG


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "content_type", "data"),
    [("/png", "image/png", PNG), ("/pdf", "application/pdf", PDF), ("/any-image", "image/png", PNG)],
)
def test_binary_responses(
    neg: GeneratedApp, transport: str, url: str, content_type: str, data: bytes
) -> None:
    result = send(neg, transport, url, content_type)
    assert (result.status, result.content_type) == (200, content_type), result.body
    assert result.body == data


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_binary_response_without_accept_header(neg: GeneratedApp, transport: str) -> None:
    # RFC 9110 says a missing Accept accepts anything, but API Gateway (REST) only turns a base64 Lambda
    # answer back into bytes when the request's Accept matches a binary media type; otherwise the client
    # would get base64 text. Chalice refuses that case the way the gateway's contract requires, and the
    # app's middleware answers it in the API's error contract, naming the fix.
    result = send(neg, transport, "/png")
    assert (result.status, result.content_type) == (400, "application/problem+json"), result.body
    problem = json.loads(result.body)
    assert problem["status"] == 400
    assert "Accept header with image/png" in problem["detail"]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "accept", "content_type", "body"),
    [
        ("/text", None, "text/plain", "h\u00e9llo\n"),
        ("/text", "text/plain", "text/plain", "h\u00e9llo\n"),
        ("/text", "text/*", "text/plain", "h\u00e9llo\n"),
        ("/csv", "text/csv", "text/csv", "a,b\r\n1,2\r\n"),
    ],
)
def test_text_responses(
    neg: GeneratedApp, transport: str, url: str, accept: str | None, content_type: str, body: str
) -> None:
    result = send(neg, transport, url, accept)
    assert (result.status, result.content_type) == (200, content_type), result.body
    assert result.body.decode("utf-8") == body


@pytest.mark.parametrize("accept", [None, "text/plain"])
def test_text_response_is_not_base64_in_the_rest_result(neg: GeneratedApp, accept: str | None) -> None:
    result = call_rest(neg.app, "GET", "/text", headers={"Accept": accept} if accept else {})
    assert result["statusCode"] == 200
    assert result.get("isBase64Encoded", False) is False
    assert result["body"] == "h\u00e9llo\n"


# ==== declared response headers =========================================================================

MISMATCH = problem(
    500, "Internal Server Error", "The server produced a response that does not match its API description."
)


def logged_problems(caplog: pytest.LogCaptureFixture) -> list[list[dict[str, Any]]]:
    out = []
    for record in caplog.records:
        if record.levelno >= logging.ERROR:
            message = record.getMessage()
            prefix = "response of limited violates the spec: "
            assert message.startswith(prefix), message
            out.append(json.loads(message[len(prefix) :]))
    return out


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("mode", "headers"),
    [
        ("ok", {"x-rate-limit": "10"}),
        ("lower", {"x-rate-limit": "0", "x-tags": "1,2"}),  # names are case-insensitive
        ("tags", {"x-rate-limit": "1", "x-tags": "3,4"}),
    ],
)
def test_declared_headers_pass_through(
    neg: GeneratedApp, transport: str, mode: str, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        result = send(neg, transport, f"/limited?mode={mode}")
    assert (result.status, result.content_type) == (200, "application/json"), result.body
    assert result.json() == {"mode": mode}
    assert {k: v for k, v in result.headers.items() if k.startswith("x-")} == headers
    assert logged_problems(caplog) == []


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("mode", "logged"),
    [
        (
            "missing",
            {
                "location": "response",
                "pointer": "/headers/X-Rate-Limit",
                "message": "required header 'X-Rate-Limit' is missing",
                "keyword": "required",
            },
        ),
        (
            "abc",
            {
                "location": "response",
                "pointer": "/headers/X-Rate-Limit",
                "message": "header 'X-Rate-Limit': 'abc' is not an integer",
                "keyword": "parse",
            },
        ),
        (
            "negative",
            {
                "location": "response",
                "pointer": "/headers/X-Rate-Limit",
                "message": "-1 is less than the minimum of 0",
                "keyword": "minimum",
            },
        ),
        (
            "bad-tags",
            {
                "location": "response",
                "pointer": "/headers/X-Tags",
                "message": "header 'X-Tags': 'x' is not an integer",
                "keyword": "parse",
            },
        ),
    ],
)
def test_response_header_violations_are_500_and_logged(
    neg: GeneratedApp, transport: str, mode: str, logged: dict, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        result = send(neg, transport, f"/limited?mode={mode}")
    assert_problem_result(result, MISMATCH)
    assert "x-rate-limit" not in result.headers
    assert logged_problems(caplog) == [[logged]]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_header_violations_are_only_logged_in_log_only_mode(
    neg: GeneratedApp, transport: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESPONSE_VALIDATION", "log-only")
    with caplog.at_level(logging.ERROR):
        result = send(neg, transport, "/limited?mode=abc")
    assert (result.status, result.content_type) == (200, "application/json")
    assert result.headers["x-rate-limit"] == "abc"
    assert [p[0]["keyword"] for p in logged_problems(caplog)] == ["parse"]
