"""The reference API (`app.py`, generated from `openapi.yaml`) through chalice's test client.

Every JSON answer is also checked against the schema `openapi.yaml` declares for it, read straight from
the YAML with PyYAML and validated with jsonschema (independently of the generated validators).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest
import yaml
from chalice.test import Client
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from tests.helpers import REPO_ROOT, bad_request, problem, violation

SPEC_URI = "urn:test:openapi.yaml"
PROBLEM = "application/problem+json"
JSON = {"Content-Type": "application/json"}
LAMP = {"name": "Lamp", "price": 24.5, "tags": ["home"]}


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@cache
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(spec()))


def _absolute_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (SPEC_URI + v if k == "$ref" and v.startswith("#") else _absolute_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_absolute_refs(v) for v in node]
    return node


def declared_schema(path: str, method: str, status: int, content_type: str) -> Any:
    """The schema openapi.yaml declares for this response (exact status, else `default`)."""
    operation = spec()["paths"][path][method.lower()]
    responses = operation["responses"]
    declared = responses.get(str(status), responses.get("default"))
    assert declared is not None, f"{method} {path} declares no response {status}"
    content = _deref(declared).get("content") or {}
    assert content_type in content, (
        f"{method} {path} {status} does not declare {content_type}: {list(content)}"
    )
    return _absolute_refs(content[content_type]["schema"])


def assert_conforms(response: Any, path: str, method: str) -> Any:
    """The response's JSON body, after checking it against openapi.yaml; returns the parsed body."""
    content_type = response.headers.get("Content-Type") or response.headers.get("content-type")
    schema = declared_schema(path, method, response.status_code, content_type)
    body = json.loads(response.body)
    validator = jsonschema.Draft202012Validator(
        schema, registry=_registry(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert errors == [], f"{method} {path} -> {response.status_code} breaks openapi.yaml: {errors}"
    return body


@pytest.fixture(scope="module")
def app() -> Any:
    from app import app as the_app

    return the_app


@pytest.fixture
def client(app: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from chalicelib.services import item_service

    monkeypatch.delenv("STORAGE", raising=False)
    item_service.cache_clear()
    yield Client(app, project_dir=str(REPO_ROOT)).http
    item_service.cache_clear()


def create(client: Any, data: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/items", headers=JSON, body=json.dumps(data).encode())
    assert response.status_code == 201, response.body
    return assert_conforms(response, "/items", "POST")


def assert_problem(response: Any, path: str, method: str, expected: dict) -> None:
    assert response.status_code == expected["status"], response.body
    assert response.headers["Content-Type"] == PROBLEM
    assert assert_conforms(response, path, method) == expected


# ---- health ---------------------------------------------------------------------------------------------


def test_health(client: Any) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert assert_conforms(response, "/health", "GET") == {"status": "ok", "version": "0.1.0"}


# ---- create / get ---------------------------------------------------------------------------------------


def test_create_returns_201_with_location_of_the_item(client: Any) -> None:
    response = client.post("/items", headers=JSON, body=json.dumps(LAMP).encode())
    assert response.status_code == 201
    assert response.headers["Content-Type"] == "application/json"
    item = assert_conforms(response, "/items", "POST")
    assert uuid.UUID(item["id"]).version == 4
    assert response.headers["Location"] == f"/items/{item['id']}"
    assert {k: item[k] for k in ("name", "price", "tags")} == LAMP
    assert set(item) == {"id", "name", "price", "tags", "created_at", "updated_at"}
    assert item["created_at"] == item["updated_at"]
    assert item["created_at"].endswith("Z")
    datetime.fromisoformat(item["created_at"])

    fetched = client.get(response.headers["Location"])
    assert fetched.status_code == 200
    assert assert_conforms(fetched, "/items/{item_id}", "GET") == item


def test_create_without_tags_stores_empty_tags(client: Any) -> None:
    item = create(client, {"name": "Chair", "price": 0, "description": "wooden"})
    assert (item["name"], item["price"], item["description"], item["tags"]) == ("Chair", 0, "wooden", [])


def test_create_reports_every_violation(client: Any) -> None:
    body = {"name": "", "price": -1, "tags": ["ok", "Bad Tag", "ok"], "colour": "red"}
    response = client.post("/items", headers=JSON, body=json.dumps(body).encode())
    assert_problem(
        response,
        "/items",
        "POST",
        bad_request(
            violation(
                "body", "/colour", "additional property 'colour' is not allowed", "additionalProperties"
            ),
            violation("body", "/name", "'' is shorter than 1 character", "minLength"),
            violation("body", "/price", "-1 is less than the minimum of 0", "minimum"),
            violation("body", "/tags", "items are not unique", "uniqueItems"),
            violation("body", "/tags/1", "'Bad Tag' does not match \"^[a-z0-9-]+$\"", "pattern"),
        ),
    )
    assert client.get("/items").body == b'{"items":[]}'


def test_create_missing_required_fields(client: Any) -> None:
    response = client.post("/items", headers=JSON, body=b"{}")
    assert_problem(
        response,
        "/items",
        "POST",
        bad_request(
            violation("body", "", "'name' is a required property", "required"),
            violation("body", "", "'price' is a required property", "required"),
        ),
    )


def test_create_malformed_json(client: Any) -> None:
    response = client.post("/items", headers=JSON, body=b'{"name": "Lamp",}')
    assert_problem(
        response,
        "/items",
        "POST",
        bad_request(
            violation(
                "body",
                "",
                "malformed JSON at line 1 column 17: Expecting property name enclosed in double quotes",
                "parse",
            )
        ),
    )


def test_create_without_body(client: Any) -> None:
    response = client.post("/items", headers=JSON)
    assert_problem(
        response,
        "/items",
        "POST",
        bad_request(violation("body", "", "a request body is required", "required")),
    )


def test_create_with_wrong_content_type_is_415(client: Any) -> None:
    response = client.post("/items", headers={"Content-Type": "text/plain"}, body=json.dumps(LAMP).encode())
    assert_problem(
        response,
        "/items",
        "POST",
        problem(
            415,
            "Unsupported Media Type",
            "Content-Type 'text/plain' is not accepted here; send one of: application/json.",
        ),
    )
    assert client.get("/items").body == b'{"items":[]}'


def test_get_unknown_item_is_404(client: Any) -> None:
    missing = str(uuid.uuid4())
    response = client.get(f"/items/{missing}")
    assert_problem(
        response, "/items/{item_id}", "GET", problem(404, "Not Found", f"No item with id {missing!r}.")
    )


def test_get_with_malformed_id_is_400(client: Any) -> None:
    response = client.get("/items/not-a-uuid")
    assert_problem(
        response,
        "/items/{item_id}",
        "GET",
        bad_request(violation("path", "/item_id", "'not-a-uuid' is not a valid 'uuid'", "format")),
    )


# ---- list -----------------------------------------------------------------------------------------------


def test_list_in_creation_order_with_limit_and_tag(client: Any) -> None:
    made = [
        create(client, {"name": "A", "price": 1, "tags": ["red"]}),
        create(client, {"name": "B", "price": 2, "tags": ["blue"]}),
        create(client, {"name": "C", "price": 3, "tags": ["red", "blue"]}),
        create(client, {"name": "D", "price": 4}),
    ]

    def listed(query: str) -> list[str]:
        response = client.get(f"/items{query}")
        assert response.status_code == 200, response.body
        return [i["name"] for i in assert_conforms(response, "/items", "GET")["items"]]

    assert listed("") == ["A", "B", "C", "D"]
    assert listed("?limit=2") == ["A", "B"]
    assert listed("?limit=100") == ["A", "B", "C", "D"]
    assert listed("?tag=red") == ["A", "C"]
    assert listed("?tag=blue&limit=1") == ["B"]
    assert listed("?tag=green") == []
    response = client.get("/items")
    assert assert_conforms(response, "/items", "GET") == {"items": made}


def test_list_default_limit_is_20(client: Any) -> None:
    for n in range(21):
        create(client, {"name": f"item {n}", "price": n})
    response = client.get("/items")
    names = [i["name"] for i in assert_conforms(response, "/items", "GET")["items"]]
    assert names == [f"item {n}" for n in range(20)]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("limit=0", [violation("query", "/limit", "0 is less than the minimum of 1", "minimum")]),
        ("limit=101", [violation("query", "/limit", "101 is greater than the maximum of 100", "maximum")]),
        (
            "limit=ten",
            [violation("query", "/limit", "query parameter 'limit': 'ten' is not an integer", "parse")],
        ),
        (
            "limit=-1&tag=Not%20a%20tag",
            [
                violation("query", "/limit", "-1 is less than the minimum of 1", "minimum"),
                violation("query", "/tag", "'Not a tag' does not match \"^[a-z0-9-]+$\"", "pattern"),
            ],
        ),
        (
            "tag=",
            [violation("query", "/tag", "query parameter 'tag' must not be empty", "allowEmptyValue")],
        ),
    ],
)
def test_list_rejects_bad_parameters(client: Any, query: str, errors: list[dict[str, str]]) -> None:
    response = client.get(f"/items?{query}")
    assert_problem(response, "/items", "GET", bad_request(*errors))


# ---- replace / delete -----------------------------------------------------------------------------------


def test_replace_keeps_id_and_created_at(client: Any) -> None:
    item = create(client, {"name": "Lamp", "price": 10, "description": "old", "tags": ["home"]})
    response = client.put(
        f"/items/{item['id']}", headers=JSON, body=json.dumps({"name": "Lamp 2", "price": 12}).encode()
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    replaced = assert_conforms(response, "/items/{item_id}", "PUT")
    assert replaced["id"] == item["id"]
    assert replaced["created_at"] == item["created_at"]
    assert replaced["updated_at"] >= item["updated_at"]
    # a replacement, not a merge: the description is gone and tags are reset
    assert {k: v for k, v in replaced.items() if k not in ("created_at", "updated_at")} == {
        "id": item["id"],
        "name": "Lamp 2",
        "price": 12,
        "tags": [],
    }
    assert assert_conforms(client.get(f"/items/{item['id']}"), "/items/{item_id}", "GET") == replaced


def test_replace_unknown_item_is_404(client: Any) -> None:
    missing = str(uuid.uuid4())
    response = client.put(f"/items/{missing}", headers=JSON, body=json.dumps(LAMP).encode())
    assert_problem(
        response, "/items/{item_id}", "PUT", problem(404, "Not Found", f"No item with id {missing!r}.")
    )


def test_replace_reports_path_and_body_violations_together(client: Any) -> None:
    response = client.put("/items/42", headers=JSON, body=json.dumps({"price": "free"}).encode())
    assert_problem(
        response,
        "/items/{item_id}",
        "PUT",
        bad_request(
            violation("path", "/item_id", "'42' is not a valid 'uuid'", "format"),
            violation("body", "", "'name' is a required property", "required"),
            violation("body", "/price", "'free' is not of type 'number'", "type"),
        ),
    )


def test_replace_with_wrong_content_type_is_415(client: Any) -> None:
    item = create(client, LAMP)
    response = client.put(
        f"/items/{item['id']}", headers={"Content-Type": "application/xml"}, body=b"<item/>"
    )
    assert_problem(
        response,
        "/items/{item_id}",
        "PUT",
        problem(
            415,
            "Unsupported Media Type",
            "Content-Type 'application/xml' is not accepted here; send one of: application/json.",
        ),
    )


def test_delete_then_get_is_404(client: Any) -> None:
    item = create(client, LAMP)
    keep = create(client, {"name": "Keep", "price": 1})
    response = client.delete(f"/items/{item['id']}")
    assert response.status_code == 204
    assert response.body == b""
    assert "Content-Type" not in response.headers
    gone = client.get(f"/items/{item['id']}")
    assert_problem(
        gone, "/items/{item_id}", "GET", problem(404, "Not Found", f"No item with id {item['id']!r}.")
    )
    again = client.delete(f"/items/{item['id']}")
    assert_problem(
        again, "/items/{item_id}", "DELETE", problem(404, "Not Found", f"No item with id {item['id']!r}.")
    )
    assert assert_conforms(client.get("/items"), "/items", "GET") == {"items": [keep]}


def test_storage_is_reset_between_tests(client: Any) -> None:
    assert assert_conforms(client.get("/items"), "/items", "GET") == {"items": []}


# ---- docs -----------------------------------------------------------------------------------------------


def test_openapi_json_is_the_spec(client: Any) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    served = json.loads(response.body)
    assert served.pop("x-generated") == "generated from openapi.yaml — do not edit"
    assert served == spec()


def test_docs_page(client: Any) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    page = response.body.decode("utf-8")
    assert "<title>Reference API</title>" in page
    assert "http://" not in page
    assert "https://" not in page
    bundle = client.get("/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200, "docs assets missing: run `make assets` before the tests"
    assert bundle.headers["Content-Type"] == "application/javascript; charset=utf-8"


def test_conformance_check_is_not_vacuous() -> None:
    # the checker above must reject what openapi.yaml forbids (refs resolved, formats asserted)
    fake = SimpleNamespace(
        status_code=200,
        headers={"Content-Type": "application/json"},
        body=json.dumps({"items": [{"id": "not-a-uuid", "name": "x", "price": 1, "tags": ["Bad Tag"]}]}),
    )
    with pytest.raises(AssertionError) as info:
        assert_conforms(fake, "/items", "GET")
    message = str(info.value)
    for expected in (
        "'created_at' is a required property",
        "is not a 'uuid'",  # jsonschema's wording: this checks the reference validator of the tests
        "does not match '^[a-z0-9-]+$'",
    ):
        assert expected in message
