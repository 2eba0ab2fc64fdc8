"""runtime/cors.py: the stage's origins, preflights from the spec's paths, headers on every answer."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from chalice import Response

from chalicelib.runtime.cors import CorsConfigError, CorsPath, CorsPolicy, cors_middleware

APP = "https://app.example.com"
ITEMS = CorsPath(("GET", "POST", "OPTIONS"), ("Idempotency-Key", "Authorization"), ("ETag", "Location"))
PATHS = {"/items": ITEMS}


def request(method: str, headers: dict[str, str], path: str = "/items") -> Any:
    return SimpleNamespace(method=method, headers=headers, context={"resourcePath": path}, path=path)


def run(policy: CorsPolicy, req: Any, answer: Response | None = None) -> Response:
    answer = answer or Response(
        body={"items": []}, status_code=200, headers={"Content-Type": "application/json"}
    )
    return cors_middleware(PATHS, policy)(req, lambda _: answer)


def test_star_with_credentials_is_refused_with_a_reason() -> None:
    with pytest.raises(CorsConfigError, match="cannot be combined"):
        CorsPolicy.from_env({"CORS_ALLOW_ORIGINS": "*", "CORS_ALLOW_CREDENTIALS": "true"})


def test_origins_from_the_environment() -> None:
    policy = CorsPolicy.from_env({"CORS_ALLOW_ORIGINS": f" {APP}/ , http://localhost:3000"})
    assert policy.allows(APP)
    assert policy.allows("http://localhost:3000")
    assert not policy.allows("https://evil.example")
    assert not policy.allows(None)
    assert not CorsPolicy.from_env({}).enabled


def test_preflight_of_a_declared_method_lists_the_paths_methods_and_headers() -> None:
    policy = CorsPolicy((APP,), credentials=True)
    req = request(
        "OPTIONS",
        {
            "origin": APP,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type, idempotency-key",
        },
    )
    answer = run(policy, req)
    assert answer.status_code == 204
    assert answer.headers["Access-Control-Allow-Origin"] == APP
    assert answer.headers["Access-Control-Allow-Credentials"] == "true"
    assert answer.headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert "Idempotency-Key" in answer.headers["Access-Control-Allow-Headers"]
    assert "Origin" in answer.headers["Vary"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"origin": "https://evil.example", "access-control-request-method": "GET"}, 403),
        ({"origin": APP, "access-control-request-method": "DELETE"}, 405),
        (
            {
                "origin": APP,
                "access-control-request-method": "GET",
                "access-control-request-headers": "x-secret",
            },
            403,
        ),
    ],
    ids=["origin", "method", "header"],
)
def test_refused_preflights_are_problems(headers: dict[str, str], status: int) -> None:
    answer = run(CorsPolicy((APP,)), request("OPTIONS", headers))
    assert answer.status_code == status
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert json.loads(answer.body)["status"] == status
    # an allowed origin learns why (the browser shows it the answer); another origin gets no CORS headers
    assert ("Access-Control-Allow-Origin" in answer.headers) is (headers["origin"] == APP)


def test_answers_to_allowed_origins_carry_cors_headers_errors_included() -> None:
    policy = CorsPolicy((APP,))
    ok = run(policy, request("GET", {"origin": APP}))
    assert ok.headers["Access-Control-Allow-Origin"] == APP
    assert ok.headers["Access-Control-Expose-Headers"] == "ETag, Location"
    error = Response(body="{}", status_code=404, headers={"Content-Type": "application/problem+json"})
    failed = run(policy, request("GET", {"origin": APP}), error)
    assert failed.status_code == 404
    assert failed.headers["Access-Control-Allow-Origin"] == APP
    other = run(policy, request("GET", {"origin": "https://evil.example"}))
    assert "Access-Control-Allow-Origin" not in other.headers
    no_origin = run(policy, request("GET", {}))
    assert "Access-Control-Allow-Origin" not in no_origin.headers


def test_wildcard_without_credentials() -> None:
    answer = run(CorsPolicy(("*",)), request("GET", {"origin": "https://anyone.example"}))
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "Vary" not in answer.headers


def test_the_stage_policy_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ALLOW_ORIGINS", APP)
    monkeypatch.delenv("CORS_ALLOW_CREDENTIALS", raising=False)
    answer = cors_middleware(PATHS)(
        request("GET", {"origin": APP}), lambda _: Response(body="", status_code=200)
    )
    assert answer.headers["Access-Control-Allow-Origin"] == APP
    monkeypatch.setenv("CORS_ALLOW_ORIGINS", "")
    answer = cors_middleware(PATHS)(
        request("GET", {"origin": APP}), lambda _: Response(body="", status_code=200)
    )
    assert "Access-Control-Allow-Origin" not in answer.headers
