"""The items API over real HTTP against `chalice local --stage local` as `make run` starts it (STORAGE=dynamodb
on a moto server): status codes, headers, bodies, problem+json, the storage round trip."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

PROBLEM_JSON = "application/problem+json"


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def test_health(server_url: str, http: Any) -> None:
    response = http("GET", f"{server_url}/health")
    assert response.status == 200
    assert _media_type(response.content_type) == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["storage"] == {"reachable": True}  # the local stage's DynamoDB table, on moto


def test_create_then_fetch_item(server_url: str, http: Any) -> None:
    tag = f"e2e-{uuid.uuid4().hex[:8]}"
    payload = {"name": "Desk lamp", "description": "Brass, 40 cm.", "price": 24.5, "tags": ["home", tag]}

    created = http("POST", f"{server_url}/items", payload)
    assert created.status == 201, created.body
    assert _media_type(created.content_type) == "application/json"
    item = created.json()
    assert set(item) == {
        "id",
        "name",
        "description",
        "price",
        "tags",
        "status",
        "version",
        "created_at",
        "updated_at",
    }
    assert item["version"] == 1
    assert item["status"] == "active"
    assert created.headers.get("ETag") == '"1"'
    assert str(uuid.UUID(item["id"])) == item["id"]
    assert {k: item[k] for k in payload} == payload
    created_at = datetime.fromisoformat(item["created_at"])
    assert created_at.tzinfo is not None
    assert item["updated_at"] == item["created_at"]

    location = created.headers.get("Location")
    assert location, "201 without a Location header"
    assert urlsplit(urljoin(server_url + "/", location)).path == f"/items/{item['id']}"

    fetched = http("GET", urljoin(server_url + "/", location))
    assert fetched.status == 200, fetched.body
    assert _media_type(fetched.content_type) == "application/json"
    assert fetched.json() == item

    listed = http("GET", f"{server_url}/items?tag={tag}&limit=100")
    assert listed.status == 200, listed.body
    assert listed.json() == {"items": [item], "next_cursor": None}


def test_bad_request_lists_every_violation(server_url: str, http: Any) -> None:
    response = http(
        "POST", f"{server_url}/items", {"name": "", "price": -1, "tags": ["Not A Tag"], "colour": "red"}
    )
    assert response.status == 400, response.body
    assert _media_type(response.content_type) == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == 400
    assert problem["title"]
    assert problem["type"]
    errors = problem["errors"]
    assert all(set(e) == {"location", "pointer", "message", "keyword"} for e in errors), errors
    assert all(e["location"] == "body" and e["message"] for e in errors), errors
    assert {(e["pointer"], e["keyword"]) for e in errors} == {
        ("/colour", "additionalProperties"),
        ("/name", "minLength"),
        ("/price", "minimum"),
        ("/tags/0", "pattern"),
    }


def test_bad_query_and_path_are_problems(server_url: str, http: Any) -> None:
    query = http("GET", f"{server_url}/items?limit=0")
    assert query.status == 400
    assert _media_type(query.content_type) == PROBLEM_JSON
    assert [(e["location"], e["pointer"]) for e in query.json()["errors"]] == [("query", "/limit")]

    path = http("GET", f"{server_url}/items/not-a-uuid")
    assert path.status == 400
    assert _media_type(path.content_type) == PROBLEM_JSON
    assert [(e["location"], e["pointer"]) for e in path.json()["errors"]] == [("path", "/item_id")]


def test_unknown_item_is_404_problem(server_url: str, http: Any) -> None:
    response = http("GET", f"{server_url}/items/{uuid.uuid4()}")
    assert response.status == 404
    assert _media_type(response.content_type) == PROBLEM_JSON
    assert response.json()["status"] == 404


def test_wrong_content_type_is_415_problem(server_url: str, http: Any) -> None:
    response = http(
        "POST",
        f"{server_url}/items",
        "name=Lamp",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 415
    assert _media_type(response.content_type) == PROBLEM_JSON


def test_idempotent_create_and_pagination_on_dynamodb(server_url: str, http: Any) -> None:
    """The same Idempotency-Key twice creates one item; pages of `limit` follow `next_cursor` to the end."""
    tag = f"e2e-{uuid.uuid4().hex[:8]}"
    key = str(uuid.uuid4())
    first = http(
        "POST", f"{server_url}/items", {"name": "Chair", "price": 10, "tags": [tag]}, {"Idempotency-Key": key}
    )
    again = http(
        "POST", f"{server_url}/items", {"name": "Chair", "price": 10, "tags": [tag]}, {"Idempotency-Key": key}
    )
    assert first.status == again.status == 201, (first.body, again.body)
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    for n in range(4):
        assert (
            http("POST", f"{server_url}/items", {"name": f"Stool {n}", "price": n, "tags": [tag]}).status
            == 201
        )

    seen: list[str] = []
    cursor = None
    for _ in range(10):
        url = f"{server_url}/items?tag={tag}&limit=2" + (f"&cursor={quote(cursor)}" if cursor else "")
        page = http("GET", url)
        assert page.status == 200, page.body
        body = page.json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5


def test_writes_need_a_token_and_cors_answers_the_local_front_end(server_url: str, http: Any) -> None:
    anonymous = http(
        "POST", f"{server_url}/items", {"name": "Lamp", "price": 1}, headers={"Authorization": ""}
    )
    assert anonymous.status == 401, anonymous.body
    assert anonymous.headers.get("WWW-Authenticate") == 'Bearer realm="api"'
    preflight = http(
        "OPTIONS",
        f"{server_url}/items",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
        },
    )
    assert preflight.status == 204, preflight.body
    assert preflight.headers.get("Access-Control-Allow-Origin") == "http://localhost:3000"
    assert "POST" in preflight.headers.get("Access-Control-Allow-Methods", "")
