"""`GET /search`: items and posts whose texts contain `q`, `type` as a comma-separated array."""

from __future__ import annotations

import pytest

from tests.functional.support import Api, as_user, item_body, located


@pytest.fixture
def catalogue(service_any: Api) -> dict[str, str]:
    api = service_any
    ada = api.create_user()["id"]
    return {
        "lamp": api.create_item(item_body("Desk Lamp"))["id"],
        "chair": api.create_item(item_body("Chair", description="goes with the LAMP"))["id"],
        "table": api.create_item(item_body("Table"))["id"],
        "post": api.create_post(ada, title="Lamps I have known", body="A story.")["id"],
        "other": api.create_post(ada, title="Chairs", body="Nothing else.")["id"],
    }


def _hits(api: Api, query: str) -> list[tuple[str, str]]:
    reply = api.get(f"/search?{query}")
    assert reply.status == 200, reply
    for hit in reply.json["results"]:
        assert hit["href"] == f"/{hit['type']}/{hit['id']}"
    return [(hit["type"], hit["id"]) for hit in reply.json["results"]]


def test_search_items_then_posts(service_any: Api, catalogue: dict[str, str]) -> None:
    api = service_any
    everything = [("items", catalogue["lamp"]), ("items", catalogue["chair"]), ("posts", catalogue["post"])]
    assert _hits(api, "q=lamp") == everything
    assert _hits(api, "q=lamp&type=items,posts&limit=10") == everything
    assert _hits(api, "q=LaMp&type=posts,items") == everything  # items first whatever the order asked
    reply = api.get("/search?q=lamp&type=items")
    assert reply.json["q"] == "lamp"
    assert [(h["type"], h["id"], h["title"]) for h in reply.json["results"]] == [
        ("items", catalogue["lamp"], "Desk Lamp"),
        ("items", catalogue["chair"], "Chair"),
    ]
    assert _hits(api, "q=lamp&type=posts") == [("posts", catalogue["post"])]
    assert _hits(api, "q=lamp&type=items,posts&limit=1") == [
        ("items", catalogue["lamp"]),
        ("posts", catalogue["post"]),
    ]
    assert _hits(api, "q=sofa") == []


def test_search_forgets_deleted_items_and_posts(service: Api, catalogue: dict[str, str]) -> None:
    lamp = service.get(f"/items/{catalogue['lamp']}")
    assert service.delete(f"/items/{catalogue['lamp']}", headers={"If-Match": lamp.etag or ""}).status == 204
    author = service.get(f"/posts/{catalogue['post']}").json["author_id"]
    assert service.delete(f"/posts/{catalogue['post']}", headers=as_user(author)).status == 204
    assert _hits(service, "q=lamp") == [("items", catalogue["chair"])]


def test_search_rejects_bad_parameters(service: Api) -> None:
    assert located(service.get("/search")) == [("query", "/q", "required")]
    # `q=` is the value "" (allowEmptyValue is false): the schema's minLength refuses it, never a search for ""
    assert located(service.get("/search?q=")) == [("query", "/q", "minLength")]
    assert located(service.get("/search?q=lamp&type=")) == [("query", "/type", "minItems")]
    assert located(service.get("/search?q=lamp&limit=")) == [("query", "/limit", "parse")]
    assert located(service.get("/search?q=lamp&type=items,users")) == [("query", "/type/1", "enum")]
    assert located(service.get("/search?q=lamp&type=items,items")) == [("query", "/type", "uniqueItems")]
    assert located(service.get("/search?q=lamp&limit=51")) == [("query", "/limit", "maximum")]
    assert located(service.get(f"/search?q={'x' * 101}")) == [("query", "/q", "maxLength")]
