"""CORS on the reference API, as the stage configures it: preflights for every path and method the spec
declares, the declared response headers exposed, and the same CORS headers on errors as on successes."""

from __future__ import annotations

import pytest

from chalicelib._generated.routes import CORS_PATHS
from tests.functional.support import Api, assert_problem, item_body
from tests.servers import free_port

APP = "https://app.example.com"


@pytest.fixture
def cors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ALLOW_ORIGINS", f"{APP},http://localhost:3000")
    monkeypatch.setenv("CORS_ALLOW_CREDENTIALS", "true")


def preflight(api: Api, path: str, method: str, origin: str = APP, headers: str = "") -> dict[str, str]:
    asked = {"Origin": origin, "Access-Control-Request-Method": method}
    if headers:
        asked["Access-Control-Request-Headers"] = headers
    response = api.client.http.request("OPTIONS", path, headers=asked, body=b"")
    return {"status": str(response.status_code), **{k.lower(): str(v) for k, v in response.headers.items()}}


def concrete(route: str) -> str:
    return (
        route.replace("{item_id}", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        .replace("{post_id}", "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .replace("{comment_id}", "1b4e28ba-2fa1-41d2-883f-0016d3cca427")
        .replace("{user_id}", "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a")
    )


def test_every_declared_method_of_every_path_has_a_preflight(service_any: Api, cors: None) -> None:
    checked = 0
    for route, (methods, headers, _) in CORS_PATHS.items():
        for method in methods:
            if method == "OPTIONS":
                continue
            answer = preflight(service_any, concrete(route), method, headers=", ".join(headers))
            assert answer["status"] == "204", (route, method, answer)
            assert answer["access-control-allow-origin"] == APP
            assert answer["access-control-allow-credentials"] == "true"
            assert method in answer["access-control-allow-methods"].split(", ")
            checked += 1
    assert checked >= 25  # every operation of openapi.yaml


def test_preflight_refusals(service_any: Api, cors: None) -> None:
    assert preflight(service_any, "/items", "POST", origin="https://evil.example")["status"] == "403"
    refused = preflight(service_any, "/items", "PATCH")
    assert refused["status"] == "405"
    assert refused["access-control-allow-origin"] == APP
    assert preflight(service_any, "/items", "POST", headers="x-secret")["status"] == "403"
    writes = preflight(service_any, "/items", "POST", headers="authorization, content-type, idempotency-key")
    assert writes["status"] == "204"


def test_answers_expose_the_declared_headers_errors_included(service_any: Api, cors: None) -> None:
    created = service_any.post("/items", item_body(), headers={"Origin": APP})
    assert created.status == 201
    assert created.headers["access-control-allow-origin"] == APP
    assert set(created.headers["access-control-expose-headers"].split(", ")) >= {"ETag", "Location"}
    missing = service_any.get("/items/3fa85f64-5717-4562-b3fc-2c963f66afa6", headers={"Origin": APP})
    assert_problem(missing, 404)
    assert missing.headers["access-control-allow-origin"] == APP
    anonymous = service_any.post("/items", item_body(), headers={"Origin": APP}, anonymous=True)
    assert_problem(anonymous, 401)
    assert anonymous.headers["access-control-allow-origin"] == APP
    other = service_any.get("/items", headers={"Origin": "https://evil.example"})
    assert other.status == 200
    assert "access-control-allow-origin" not in other.headers


def test_server_errors_carry_cors_headers(service: Api, cors: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.services import reset_services
    from chalicelib.storage import aws

    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    reset_services()
    aws.reset_clients()
    degraded = service.get("/health", headers={"Origin": APP})
    assert degraded.status == 503
    assert degraded.headers["access-control-allow-origin"] == APP


def test_no_cors_headers_when_the_stage_allows_no_origin(
    service_any: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CORS_ALLOW_ORIGINS", raising=False)
    reply = service_any.get("/items", headers={"Origin": APP})
    assert reply.status == 200
    assert "access-control-allow-origin" not in reply.headers
