"""`GET /`, `GET /health` (storage reachable or not), the served spec and docs, and the conformance
checker the other service tests rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chalice import Chalice

from chalicelib import __version__
from tests.functional.support import Api, Reply, check_conforms, spec, template_of
from tests.servers import free_port


def test_index_links(service_any: Api) -> None:
    reply = service_any.get("/")
    assert reply.status == 200
    index = reply.json
    assert (index["name"], index["version"]) == ("Reference API", __version__)
    hrefs = {rel: link["href"] for rel, link in index["links"].items()}
    assert hrefs["self"] == "/"
    assert {"health", "items", "users", "posts", "search", "docs", "openapi"} <= set(hrefs)
    for rel in ("health", "items", "posts", "openapi"):
        assert service_any.client.http.get(hrefs[rel]).status_code == 200, rel
    assert hrefs["search"].startswith("/search")


def test_health_ok(service_any: Api) -> None:
    reply = service_any.get("/health")
    assert (reply.status, reply.content_type) == (200, "application/json")
    assert reply.json == {"status": "ok", "version": __version__, "storage": {"reachable": True}}


def test_health_degraded_when_storage_does_not_answer(service: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.services import reset_services
    from chalicelib.storage import aws

    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    reset_services()
    aws.reset_clients()
    reply = service.get("/health")
    assert (reply.status, reply.content_type) == (503, "application/json")
    assert reply.json == {"status": "degraded", "version": __version__, "storage": {"reachable": False}}


def test_openapi_json_is_the_spec(service_app: Chalice, no_config_dir: Path) -> None:
    api = Api(service_app, no_config_dir)
    response = api.client.http.get("/openapi.json")
    assert response.status_code == 200
    served = json.loads(response.body)
    assert served.pop("x-generated") == "generated from openapi.yaml — do not edit"
    assert served == spec()


def test_docs_page(service_app: Chalice, no_config_dir: Path) -> None:
    http = Api(service_app, no_config_dir).client.http
    response = http.get("/docs")
    assert response.status_code == 200
    page = response.body.decode("utf-8")
    assert "<title>Reference API</title>" in page
    assert "http://" not in page
    assert "https://" not in page
    bundle = http.get("/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200, "docs assets missing: run `make assets` before the tests"


# -- the checker itself ---------------------------------------------------------------------------------


def _reply(method: str, path: str, status: int, body: object, **headers: str) -> Reply:
    return Reply(
        method,
        path,
        template_of(path),
        status,
        {"content-type": "application/json", **{k.lower(): v for k, v in headers.items()}},
        json.dumps(body).encode(),
    )


def test_conformance_check_is_not_vacuous() -> None:
    bad_page = {"items": [{"id": "not-a-uuid", "name": "x", "price": 1, "tags": ["Bad Tag"]}]}
    with pytest.raises(AssertionError) as info:
        check_conforms(_reply("GET", "/items", 200, bad_page))
    message = str(info.value)
    for expected in (
        "'next_cursor' is a required property",
        "'created_at' is a required property",
        "is not a 'uuid'",
        "does not match '^[a-z0-9-]+$'",
    ):
        assert expected in message
    item = {
        "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "Lamp",
        "price": 1,
        "tags": [],
        "status": "active",
        "version": 1,
        "created_at": "2026-01-01T12:00:00.000Z",
        "updated_at": "2026-01-01T12:00:00.000Z",
    }
    path = f"/items/{item['id']}"
    check_conforms(_reply("GET", path, 200, item, ETag='"1"'))
    with pytest.raises(AssertionError, match="required header ETag missing"):
        check_conforms(_reply("GET", path, 200, item))
    with pytest.raises(AssertionError, match="header ETag"):
        check_conforms(_reply("GET", path, 200, item, ETag="1"))
    with pytest.raises(AssertionError, match=r"-> 418: media type 'application/json' not declared"):
        check_conforms(_reply("GET", path, 418, {}))  # falls under `default`: problem+json only
    with pytest.raises(AssertionError, match="not declared"):
        check_conforms(Reply("GET", path, template_of(path), 200, {"content-type": "text/plain"}, b"x"))
    assert template_of("/users/me") == "/users/me"
    assert template_of("/users/3fa85f64-5717-4562-b3fc-2c963f66afa6") == "/users/{user_id}"
