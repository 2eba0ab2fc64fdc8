"""Users (`/users`, `/users/{user_id}`, `/users/me`) through chalice's test client, on both storage kinds."""

from __future__ import annotations

import uuid

from tests.functional.support import Api, as_user, assert_problem, located, messages

MISSING = "00000000-0000-4000-8000-000000000000"


def test_register_then_fetch_by_id_and_as_me(service_any: Api) -> None:
    api = service_any
    reply = api.post("/users", {"name": "Ada Lovelace", "email": "ada@example.com"})
    assert reply.status == 201
    user = reply.json
    assert uuid.UUID(user["id"]).version == 4
    assert reply.headers["location"] == f"/users/{user['id']}"
    assert {k: user[k] for k in ("name", "email")} == {"name": "Ada Lovelace", "email": "ada@example.com"}
    assert set(user) == {"id", "name", "email", "created_at"}
    assert api.get(reply.headers["location"]).json == user
    me = api.get("/users/me", headers=as_user(user["id"]))
    assert (me.status, me.json) == (200, user)
    other = api.create_user("Grace Hopper", "grace@example.com")
    assert api.get("/users/me", headers=as_user(other["id"])).json == other


def test_register_refuses_invalid_and_read_only_fields(service: Api) -> None:
    reply = service.post(
        "/users",
        {"id": str(uuid.uuid4()), "created_at": "2026-01-01T00:00:00Z", "name": "", "email": "not-an-email"},
    )
    assert located(reply) == [
        ("body", "/created_at", "readOnly"),
        ("body", "/email", "format"),
        ("body", "/id", "readOnly"),
        ("body", "/name", "minLength"),
    ]
    assert located(service.post("/users", {"name": "Ada", "email": "a@b.c", "admin": True})) == [
        ("body", "/admin", "additionalProperties")
    ]
    missing = service.post("/users", {})
    assert sorted(messages(missing)) == ["'email' is a required property", "'name' is a required property"]
    reply = service.call("POST", "/users", body="Ada", content_type="text/plain")
    assert_problem(reply, 415)


def test_unknown_or_malformed_users(service: Api) -> None:
    assert_problem(service.get(f"/users/{MISSING}"), 404, detail=f"No user with id {MISSING!r}.")
    assert_problem(service.get("/users/me", headers=as_user(MISSING)), 404)
    assert located(service.get("/users/12")) == [("path", "/user_id", "format")]
    assert_problem(service.get("/users/me", anonymous=True), 401)
    # a valid token whose subject is not a user id of this API
    assert_problem(service.get("/users/me", headers=as_user("ada")), 403)


def test_register_takes_the_id_from_the_token_once(service: Api) -> None:
    subject = str(uuid.uuid4())
    first = service.post("/users", {"name": "Ada", "email": "ada@example.com"}, headers=as_user(subject))
    assert (first.status, first.json["id"]) == (201, subject)
    again = service.post("/users", {"name": "Ada", "email": "ada@example.com"}, headers=as_user(subject))
    assert_problem(again, 409)
    assert_problem(service.post("/users", {"name": "Ada", "email": "ada@example.com"}, anonymous=True), 401)
