"""Items (`/items`, `/items/{item_id}`) through chalice's test client on DynamoDB (moto server): create
with Location/ETag/Idempotency-Key, read, replace, JSON Merge Patch, delete, conditional writes, cursor
pagination with filters. Every answer is checked against openapi.yaml by `Api` (tests/functional/support.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from urllib.parse import quote

import pytest

from tests.functional.conftest import Storage
from tests.functional.support import (
    JSON,
    Api,
    assert_problem,
    etag_of,
    item_body,
    located,
    messages,
)

MISSING = "00000000-0000-4000-8000-000000000000"
READ_ONLY = ("id", "created_at", "updated_at", "version")


def _writable(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in (*READ_ONLY, "image")}


# -- create ---------------------------------------------------------------------------------------------


def test_create_answers_201_with_location_etag_and_defaults(service_any: Api) -> None:
    api = service_any
    reply = api.post("/items", {"name": "Lamp", "price": 24.5})
    assert reply.status == 201
    item = reply.json
    assert uuid.UUID(item["id"]).version == 4
    assert reply.headers["location"] == f"/items/{item['id']}"
    assert reply.etag == '"1"' == etag_of(item)
    assert "idempotent-replayed" not in reply.headers
    assert _writable(item) == {"name": "Lamp", "price": 24.5, "tags": [], "status": "active"}
    assert item["version"] == 1
    assert item["created_at"] == item["updated_at"]
    assert item["created_at"].endswith("Z")
    datetime.fromisoformat(item["created_at"])

    fetched = api.get(reply.headers["location"])
    assert fetched.status == 200
    assert fetched.json == item
    assert fetched.etag == '"1"'


def test_create_keeps_every_writable_field(service: Api) -> None:
    body = {
        "name": "Desk",
        "description": "oak",
        "price": 0,
        "tags": ["office", "wood"],
        "status": "draft",
    }
    item = service.create_item(body)
    assert _writable(item) == body
    assert service.get(f"/items/{item['id']}").json == item


def test_create_refuses_read_only_fields_naming_each(service: Api) -> None:
    body = {
        **item_body(),
        "id": str(uuid.uuid4()),
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "version": 7,
    }
    reply = service.post("/items", body)
    assert located(reply) == sorted(("body", f"/{name}", "readOnly") for name in READ_ONLY)
    assert sorted(messages(reply)) == sorted(f"'{n}' is read-only and must not be sent" for n in READ_ONLY)
    assert service.get("/items").json == {"items": [], "next_cursor": None}


def test_create_reports_every_violation(service: Api) -> None:
    body = {"name": "", "price": -1, "tags": ["ok", "Bad Tag", "ok"], "status": "gone", "colour": "red"}
    reply = service.post("/items", body)
    assert located(reply) == [
        ("body", "/colour", "additionalProperties"),
        ("body", "/name", "minLength"),
        ("body", "/price", "minimum"),
        ("body", "/status", "enum"),
        ("body", "/tags", "uniqueItems"),
        ("body", "/tags/1", "pattern"),
    ]
    missing = service.post("/items", {})
    assert located(missing) == [("body", "", "required"), ("body", "", "required")]
    assert sorted(messages(missing)) == ["'name' is a required property", "'price' is a required property"]


def test_create_with_wrong_content_type_is_415(service: Api) -> None:
    reply = service.call(
        "POST", "/items", body=b"name=Lamp", content_type="application/x-www-form-urlencoded"
    )
    assert_problem(
        reply,
        415,
        detail="Content-Type 'application/x-www-form-urlencoded' is not accepted here; "
        "send one of: application/json.",
    )
    assert service.get("/items").json["items"] == []


def test_create_with_malformed_json_or_bad_idempotency_key_is_400(service: Api) -> None:
    reply = service.call("POST", "/items", body=b'{"name": "Lamp",}', content_type=JSON)
    assert located(reply) == [("body", "", "parse")]
    reply = service.post("/items", item_body(), headers={"Idempotency-Key": "has space"})
    assert located(reply) == [("header", "/Idempotency-Key", "pattern")]


# -- idempotency --------------------------------------------------------------------------------------


def test_same_idempotency_key_twice_creates_one_item(service_any: Api) -> None:
    api = service_any
    key = str(uuid.uuid4())
    first = api.post("/items", item_body(), headers={"Idempotency-Key": key})
    again = api.post("/items", item_body(), headers={"Idempotency-Key": key})
    assert (first.status, again.status) == (201, 201)
    assert again.json == first.json
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert again.headers["location"] == first.headers["location"]
    assert again.etag == first.etag
    other = api.post("/items", item_body(), headers={"Idempotency-Key": key + "-other"})
    assert other.json["id"] != first.json["id"]
    listed = api.get("/items").json["items"]
    assert [i["id"] for i in listed] == [first.json["id"], other.json["id"]]


def test_idempotency_replay_answers_the_first_item_as_it_is_now(service: Api) -> None:
    key = str(uuid.uuid4())
    first = service.post("/items", item_body(), headers={"Idempotency-Key": key}).json
    changed = service.patch(f"/items/{first['id']}", {"price": 1}, headers={"If-Match": etag_of(first)})
    assert changed.status == 200
    again = service.post("/items", item_body(), headers={"Idempotency-Key": key})
    assert again.status == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json == changed.json  # its current state, with the ETag a next write needs
    assert again.etag == '"2"'
    assert len(service.get("/items").json["items"]) == 1


def test_idempotency_replay_of_a_deleted_item_is_a_conflict(service: Api) -> None:
    """Found by schemathesis (stateful): a replay pointing at a deleted item was a 201 whose Location 404s."""
    key = str(uuid.uuid4())
    first = service.post("/items", item_body(), headers={"Idempotency-Key": key}).json
    assert service.delete(f"/items/{first['id']}", headers={"If-Match": etag_of(first)}).status == 204
    again = service.post("/items", item_body(), headers={"Idempotency-Key": key})
    assert_problem(again, 409)
    assert "new key" in again.json["detail"]
    fresh = service.post("/items", item_body(), headers={"Idempotency-Key": str(uuid.uuid4())})
    assert fresh.status == 201


# -- get ------------------------------------------------------------------------------------------------


def test_get_unknown_item_is_404_and_malformed_id_is_400(service: Api) -> None:
    assert_problem(service.get(f"/items/{MISSING}"), 404, detail=f"No item with id {MISSING!r}.")
    reply = service.get("/items/not-a-uuid")
    assert located(reply) == [("path", "/item_id", "format")]


# -- replace (PUT) --------------------------------------------------------------------------------------


def test_replace_with_if_match_bumps_version_and_keeps_identity(service: Api) -> None:
    item = service.create_item(item_body(description="old", tags=["home", "lamp"]))
    reply = service.put(
        f"/items/{item['id']}", {"name": "Lamp 2", "price": 12}, headers={"If-Match": etag_of(item)}
    )
    assert reply.status == 200, reply
    replaced = reply.json
    assert reply.etag == '"2"'
    assert replaced["version"] == 2
    assert (replaced["id"], replaced["created_at"]) == (item["id"], item["created_at"])
    assert replaced["updated_at"] >= item["updated_at"]
    # a replacement, not a merge: description gone, tags and status back to their defaults
    assert _writable(replaced) == {"name": "Lamp 2", "price": 12, "tags": [], "status": "active"}
    assert service.get(f"/items/{item['id']}").json == replaced


def test_replace_preconditions(service: Api) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}"
    assert_problem(service.put(url, item_body()), 428)
    updated = service.put(url, item_body(name="v2"), headers={"If-Match": '"1"'})
    assert updated.status == 200
    stale = service.put(url, item_body(name="stale"), headers={"If-Match": '"1"'})
    assert_problem(stale, 412, detail='If-Match does not name the current version: the resource changed '
                   'since it was read. Its ETag is now "2".')  # fmt: skip
    assert stale.etag == '"2"'
    weak = service.put(url, item_body(name="weak"), headers={"If-Match": 'W/"2"'})
    assert_problem(weak, 412)
    listed = service.put(url, item_body(name="listed"), headers={"If-Match": '"7", "2"'})
    assert (listed.status, listed.etag) == (200, '"3"')
    anything = service.put(url, item_body(name="any"), headers={"If-Match": "*"})
    assert (anything.status, anything.etag, anything.json["name"]) == (200, '"4"', "any")
    assert_problem(service.put(url, item_body(), headers={"If-Match": "3"}), 400)
    assert service.get(url).json["name"] == "any"


def test_replace_errors(service: Api) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}"
    assert_problem(
        service.put(f"/items/{MISSING}", item_body(), headers={"If-Match": '"1"'}),
        404,
        detail=f"No item with id {MISSING!r}.",
    )
    assert_problem(service.put(f"/items/{MISSING}", item_body(), headers={"If-Match": "*"}), 404)
    reply = service.put(
        "/items/42",
        {"price": "free", "version": 3},
        headers={"If-Match": '"1"'},
    )
    assert located(reply) == [
        ("body", "", "required"),
        ("body", "/price", "type"),
        ("body", "/version", "readOnly"),
        ("path", "/item_id", "format"),
    ]
    reply = service.call(
        "PUT", url, body=b"<item/>", content_type="application/xml", headers={"If-Match": '"1"'}
    )
    assert_problem(reply, 415)
    assert service.get(url).json == item


# -- patch (JSON Merge Patch) ---------------------------------------------------------------------------


def test_patch_merges_and_null_removes_description(service_any: Api) -> None:
    api = service_any
    item = api.create_item(item_body(description="bright", tags=["home"]))
    url = f"/items/{item['id']}"
    reply = api.patch(url, {"price": 19.9, "description": None}, headers={"If-Match": etag_of(item)})
    assert reply.status == 200, reply
    patched = reply.json
    assert "description" not in patched
    assert _writable(patched) == {"name": "Lamp", "price": 19.9, "tags": ["home"], "status": "active"}
    assert (patched["version"], reply.etag) == (2, '"2"')
    assert patched["created_at"] == item["created_at"]
    again = api.patch(url, {"tags": ["a", "b"], "status": "archived"}, headers={"If-Match": reply.etag})
    assert _writable(again.json) == {"name": "Lamp", "price": 19.9, "tags": ["a", "b"], "status": "archived"}
    assert api.get(url).json == again.json


def test_patch_refuses_read_only_and_unknown_fields_and_empty_patches(service: Api) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}"
    hdr = {"If-Match": etag_of(item)}
    reply = service.patch(url, {"id": item["id"], "version": 5, "name": "x"}, headers=hdr)
    assert located(reply) == [
        ("body", "/id", "additionalProperties"),
        ("body", "/version", "additionalProperties"),
    ]
    assert_problem(service.patch(url, {}, headers=hdr), 400)
    assert located(service.patch(url, {"description": 3, "price": -1}, headers=hdr)) == [
        ("body", "/description", "type"),
        ("body", "/price", "minimum"),
    ]
    assert service.get(url).json == item


def test_patch_content_type_and_preconditions(service: Api) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}"
    reply = service.patch(url, {"price": 1}, content_type=JSON, headers={"If-Match": '"1"'})
    assert_problem(
        reply, 415, detail="Content-Type 'application/json' is not accepted here; send one of: "
        "application/merge-patch+json."
    )  # fmt: skip
    assert_problem(service.patch(url, {"price": 1}), 428)
    assert service.patch(url, {"price": 2}, headers={"If-Match": '"1"'}).status == 200
    stale = service.patch(url, {"price": 3}, headers={"If-Match": '"1"'})
    assert_problem(stale, 412)
    assert stale.etag == '"2"'
    star = service.patch(url, {"price": 4}, headers={"If-Match": "*"})
    assert (star.status, star.etag, star.json["price"]) == (200, '"3"', 4)
    assert_problem(service.patch(f"/items/{MISSING}", {"price": 1}, headers={"If-Match": "*"}), 404)


# -- delete ------------------------------------------------------------------------------------------------


def test_delete_preconditions_then_gone(service_any: Api) -> None:
    api = service_any
    item = api.create_item()
    keep = api.create_item(item_body(name="Keep"))
    url = f"/items/{item['id']}"
    assert_problem(api.delete(url), 428)
    api.patch(url, {"price": 2}, headers={"If-Match": '"1"'})
    stale = api.delete(url, headers={"If-Match": '"1"'})
    assert_problem(stale, 412)
    assert stale.etag == '"2"'
    reply = api.delete(url, headers={"If-Match": '"2"'})
    assert (reply.status, reply.body) == (204, b"")
    assert "content-type" not in reply.headers
    assert_problem(api.get(url), 404)
    assert_problem(api.delete(url, headers={"If-Match": "*"}), 404)
    assert_problem(api.put(url, item_body(), headers={"If-Match": "*"}), 404)
    assert_problem(api.patch(url, {"price": 1}, headers={"If-Match": "*"}), 404)
    assert [i["id"] for i in api.get("/items").json["items"]] == [keep["id"]]


def test_delete_with_star(service: Api) -> None:
    item = service.create_item()
    assert service.delete(f"/items/{item['id']}", headers={"If-Match": "*"}).status == 204
    assert_problem(service.delete("/items/nope", headers={"If-Match": "*"}), 400)


# -- list -------------------------------------------------------------------------------------------------


def _pages(api: Api, query: str) -> tuple[list[dict[str, Any]], list[int]]:
    """Every item of `GET /items?<query>`, following next_cursor; and the size of each page."""
    seen: list[dict[str, Any]] = []
    url = f"/items?{query}"
    sizes: list[int] = []
    while True:
        reply = api.get(url)
        assert reply.status == 200, reply
        page = reply.json
        sizes.append(len(page["items"]))
        seen += page["items"]
        if page["next_cursor"] is None:
            return seen, sizes
        assert len(sizes) < 1000
        url = f"/items?{query}&cursor={quote(page['next_cursor'], safe='')}"


def test_pagination_over_250_items_returns_each_once_in_creation_order(
    service: Api, storage: Storage
) -> None:
    from chalicelib.services import item_service

    made = []
    for n in range(250):
        tags = ["even"] if n % 2 == 0 else ["odd"]
        if n % 5 == 0:
            tags.append("five")
        record, created = item_service().create_item({"name": f"item {n:03}", "price": n, "tags": tags})
        assert created
        made.append(record["id"])

    everything, sizes = _pages(service, "limit=17")
    assert [i["id"] for i in everything] == made
    assert sizes[:14] == [17] * 14  # full pages while items remain (a filterless page is never short)
    assert sum(sizes) == 250
    assert [i["name"] for i in everything] == [f"item {n:03}" for n in range(250)]

    both, _ = _pages(service, "limit=9&tag=even&tag=five")
    assert [i["id"] for i in both] == [made[n] for n in range(0, 250, 10)]
    odd, _ = _pages(service, "limit=50&tag=odd")
    assert [i["id"] for i in odd] == made[1::2]

    first = service.get("/items").json
    assert [i["id"] for i in first["items"]] == made[:20]  # default limit
    assert first["next_cursor"] is not None


def test_list_filters_by_status_and_text(service_any: Api) -> None:
    api = service_any
    lamp = api.create_item(item_body("Desk Lamp", description="bright"))
    chair = api.create_item(item_body("Chair", status="draft", description="a LAMP-free seat"))
    api.create_item(item_body("Table", status="archived"))

    def ids(query: str) -> list[str]:
        reply = api.get(f"/items?{query}")
        assert reply.status == 200, reply
        return [i["id"] for i in reply.json["items"]]

    assert ids("status=draft") == [chair["id"]]
    assert ids("q=lamp") == [lamp["id"], chair["id"]]
    assert ids("q=lamp&status=active") == [lamp["id"]]
    assert ids("tag=nothing") == []


def test_list_hides_deleted_items(service: Api) -> None:
    items = [service.create_item(item_body(f"n{n}")) for n in range(5)]
    for item in items[1:4]:
        assert service.delete(f"/items/{item['id']}", headers={"If-Match": etag_of(item)}).status == 204
    everything, _ = _pages(service, "limit=1")
    assert [i["id"] for i in everything] == [items[0]["id"], items[4]["id"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("limit=0", [("query", "/limit", "minimum")]),
        ("limit=101", [("query", "/limit", "maximum")]),
        ("limit=ten", [("query", "/limit", "parse")]),
        ("status=gone", [("query", "/status", "enum")]),
        (
            "tag=ok&tag=Not%20a%20tag&limit=-1",
            [("query", "/limit", "minimum"), ("query", "/tag/1", "pattern")],
        ),
        # `cursor=` is the value "" (allowEmptyValue is false), which the schema's minLength refuses
        ("cursor=", [("query", "/cursor", "minLength")]),
        ("q=", [("query", "/q", "minLength")]),
        ("status=", [("query", "/status", "enum")]),
        ("tag=", [("query", "/tag/0", "minLength"), ("query", "/tag/0", "pattern")]),
        ("limit=", [("query", "/limit", "parse")]),
    ],
)
def test_list_rejects_bad_parameters(service: Api, query: str, expected: list[tuple[str, str, str]]) -> None:
    assert located(service.get(f"/items?{query}")) == expected


def test_list_refuses_tampered_cursors(service_any: Api) -> None:
    api = service_any
    for n in range(3):
        api.create_item(item_body(f"n{n}"))
    cursor = api.get("/items?limit=1").json["next_cursor"]
    assert cursor
    flipped = cursor[:-2] + ("A" if cursor[-2] != "A" else "B") + cursor[-1]
    for bad in (flipped, "x" + cursor, "not-a-cursor", cursor[: len(cursor) // 2]):
        reply = api.get(f"/items?limit=1&cursor={quote(bad, safe='')}")
        assert located(reply) == [("query", "/cursor", "cursor")], bad
        assert reply.json["detail"] == "The cursor was not issued by this API."
    assert len(api.get(f"/items?limit=1&cursor={quote(cursor, safe='')}").json["items"]) == 1
