"""Who may call what on the reference API: reads are public, writes need a bearer token, maintenance an
operator api key AND a token with the `admin` scope (openapi.yaml `security`)."""

from __future__ import annotations

import time

from tests.functional.support import DEFAULT_CALLER, Api, assert_problem, item_body, token

OPERATOR = {"X-API-Key": "operator-key-2"}


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def test_reads_are_public(service_any: Api) -> None:
    item = service_any.create_item()
    assert service_any.get("/items", anonymous=True).status == 200
    assert service_any.get(f"/items/{item['id']}", anonymous=True).status == 200
    assert service_any.get("/search?q=lamp", anonymous=True).status == 200


def test_writes_without_a_token_are_401_with_a_bearer_challenge(service_any: Api) -> None:
    reply = service_any.post("/items", item_body(), anonymous=True)
    assert_problem(reply, 401)
    assert reply.headers["www-authenticate"] == 'Bearer realm="api"'


def test_security_runs_before_the_body_is_looked_at(service_any: Api) -> None:
    """An anonymous caller learns nothing about the body schema."""
    reply = service_any.post("/items", {"name": "", "price": "free", "extra": 1}, anonymous=True)
    assert_problem(reply, 401)
    assert reply.json["errors"] == []


def test_invalid_tokens_are_401_invalid_token(service: Api) -> None:
    cases = {
        "expired": token(lifetime=-120),
        "audience": token(aud="another-api"),
        "issuer": token(iss="https://evil.example"),
    }
    for reason, presented in cases.items():
        reply = service.post("/items", item_body(), headers=bearer(presented))
        assert_problem(reply, 401)
        assert reply.headers["www-authenticate"].startswith('Bearer realm="api", error="invalid_token"'), (
            reason
        )
        assert presented not in reply.body.decode()
    forged = token()[:-4] + "AAAA"
    assert_problem(service.post("/items", item_body(), headers=bearer(forged)), 401)
    assert_problem(service.post("/items", item_body(), headers={"Authorization": "Basic YTpi"}), 401)


def test_the_handler_gets_the_token_subject(service: Api) -> None:
    me = service.post("/users", {"name": "Default", "email": "d@example.com"})
    assert me.json["id"] == DEFAULT_CALLER
    assert service.get("/users/me").json == me.json


def test_maintenance_needs_an_operator_key_and_the_admin_scope(service: Api) -> None:
    admin = bearer(token(scopes=["admin"]))
    assert_problem(service.post("/admin/purge", anonymous=True), 401)
    assert_problem(service.post("/admin/purge", headers=OPERATOR), 401)  # the token is missing
    assert_problem(service.post("/admin/purge", headers=admin), 401)  # the key is missing
    wrong_key = service.post("/admin/purge", headers={**admin, "X-API-Key": "guess"})
    assert_problem(wrong_key, 401)
    assert "guess" not in wrong_key.body.decode()
    no_scope = service.post("/admin/purge", headers={**bearer(token()), **OPERATOR})
    assert_problem(no_scope, 403)
    assert (
        no_scope.headers["www-authenticate"]
        == 'Bearer realm="api", error="insufficient_scope", scope="admin"'
    )
    item = service.create_item()
    assert service.delete(f"/items/{item['id']}", headers={"If-Match": '"1"'}).status == 204
    time.sleep(0.01)
    done = service.post("/admin/purge?older_than_days=0", headers={**admin, **OPERATOR})
    assert done.status == 200
    assert done.json["purged"] == 1
    assert service.post("/admin/purge", headers={**admin, **OPERATOR}).json["purged"] == 0
