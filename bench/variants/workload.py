"""The three request kinds of the benchmark, as API Gateway REST proxy (payload v1.0) events.

Every variant answers the same requests: the connexion and openapi-core variants translate these events
into their own request shapes (`scope_for` here, `openapi_core_variant.request_for`). Stdlib only at
import (PyJWT is imported when the first POST event is built): the cold-start children import it before
the variant they measure. Every POST carries `Authorization: Bearer <jwt>` (one token per run, for the
stage settings in JWT_ENV), and every variant verifies it with `chalicelib.runtime.security.verify_jwt`.
"""

from __future__ import annotations

import json
from datetime import UTC
from types import SimpleNamespace
from typing import Any

STAGE = "dev"
# The stage settings every variant runs with (the bench sets them in its own environment, which the warm
# variants and every cold-start child inherit): writes need a bearer JWT, HS256 with this secret.
JWT_ENV = {
    "JWT_SECRET": "request-bench-only-not-a-secret-3c9e1f7a5b2d4e6f8a0b1c2d3e4f5a6b",
    "JWT_ISSUER": "https://issuer.request-bench.invalid/",
    "JWT_AUDIENCE": "reference-api",
}
# Our app writes one access log line per request at INFO (runtime/observability.py, issue 10): logging is
# not what this bench compares (the floor and the peers log nothing), and the lines would go to the
# report's stdout, so every variant runs with LOG_LEVEL=WARNING (the access line is skipped by level).
STAGE_ENV = {**JWT_ENV, "LOG_LEVEL": "WARNING"}
SUBJECT = "5f0c3a52-3b7e-4c1e-9a57-2c6f1d3e8b40"
HOST = "abc123.execute-api.eu-west-1.amazonaws.com"
KINDS = ("list", "create", "invalid")
KIND_LABELS = {
    "list": "GET /items?limit=10&tag=home",
    "create": "POST /items (2 KB valid)",
    "invalid": "POST /items (invalid x6)",
}
EXPECTED_STATUS = {"list": 200, "create": 201, "invalid": 400, "forged": 401}
# "forged" (not timed): the valid create with a token signed by another key; every variant must refuse it

LIST_QUERY = (("limit", "10"), ("tag", "home"))
SEED_ITEMS = 40  # every other one tagged "home", so `limit=10&tag=home` walks 20 items and returns 10

# ~2 KB: the schema allows name (<= 200), description (<= 2000), price and tags (<= 10, unique, ^[a-z0-9-]+$)
VALID_BODY: dict[str, Any] = {
    "name": "Reading lamp with a brass arm and a linen shade",
    "description": (
        "A desk lamp for long evenings. The brass arm swings through two joints and holds its place; "
        "the linen shade spreads a warm, even light over a whole desk without glare. "
    )
    * 12,
    "price": 129.5,
    "tags": ["home", "lighting", "desk", "brass", "linen", "reading", "office", "gift", "warm", "classic"],
}
VALID_BODY["description"] = VALID_BODY["description"][:1850]

# Six violations: name minLength, description type, price minimum, tags uniqueItems and pattern (one item),
# and an additional property.
INVALID_BODY: dict[str, Any] = {
    "name": "",
    "description": 42,
    "price": -5,
    "tags": ["home", "home", "Not A Tag"],
    "colour": "red",
}
INVALID_VIOLATIONS = 6

_BASE_HEADERS = {
    "Accept": "application/json",
    "Accept-Encoding": "gzip, deflate, br",
    "Host": HOST,
    "User-Agent": "request-bench/1.0",
    "X-Amzn-Trace-Id": "Root=1-5e8f0d1a-0123456789abcdef01234567",
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Port": "443",
    "X-Forwarded-Proto": "https",
}


def body_text(kind: str) -> str | None:
    if kind == "list":
        return None
    return json.dumps(VALID_BODY if kind in ("create", "forged") else INVALID_BODY)


_token: list[str] = []


def bearer_token(forged: bool = False) -> str:
    """One HS256 JWT per run (PyJWT, imported here only: the cold-start children send no write), valid for
    JWT_ENV's issuer and audience for an hour: what every variant verifies on each POST. `forged`: the
    same claims signed with another key."""
    if not _token:
        import time

        import jwt

        now = int(time.time())
        claims = {
            "sub": SUBJECT,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "iss": JWT_ENV["JWT_ISSUER"],
            "aud": JWT_ENV["JWT_AUDIENCE"],
        }
        _token.append(jwt.encode(claims, JWT_ENV["JWT_SECRET"], algorithm="HS256"))
        _token.append(jwt.encode(claims, JWT_ENV["JWT_SECRET"][::-1], algorithm="HS256"))
    return _token[1 if forged else 0]


def event(kind: str) -> dict[str, Any]:
    """The API Gateway REST proxy event of one request kind (the same dict shape API Gateway sends)."""
    method = "GET" if kind == "list" else "POST"
    body = body_text(kind)
    headers = dict(_BASE_HEADERS)
    if method == "POST":  # createItem requires bearerAuth (reads are public)
        headers["Authorization"] = f"Bearer {bearer_token(forged=kind == 'forged')}"
    if body is not None:
        headers["Content-Type"] = "application/json"
        headers["Content-Length"] = str(len(body.encode("utf-8")))
    query = LIST_QUERY if kind == "list" else ()
    multi_query: dict[str, list[str]] = {}
    for name, value in query:
        multi_query.setdefault(name, []).append(value)
    return {
        "resource": "/items",
        "path": "/items",
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in multi_query.items()} or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": "/items",
            "httpMethod": method,
            "path": f"/{STAGE}/items",
            "stage": STAGE,
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "identity": {"sourceIp": "203.0.113.7"},
        },
        "body": body,
        "isBase64Encoded": False,
    }


def lambda_context() -> Any:
    return SimpleNamespace(
        function_name="api_handler",
        memory_limit_in_mb=512,
        aws_request_id="c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        get_remaining_time_in_millis=lambda: 30000,
    )


def scope_for(ev: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The ASGI HTTP scope and body equivalent to an API Gateway event (what Mangum would build)."""
    query = ev.get("multiValueQueryStringParameters") or {}
    query_string = "&".join(f"{k}={v}" for k, values in query.items() for v in values).encode()
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in ev["headers"].items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": ev["httpMethod"],
        "scheme": "https",
        "path": ev["path"],
        "raw_path": ev["path"].encode(),
        "root_path": "",
        "query_string": query_string,
        "headers": headers,
        "client": ("203.0.113.7", 0),
        "server": (HOST, 443),
    }
    return scope, (ev["body"] or "").encode("utf-8")


def seed_records(service: Any) -> set[str]:
    """Fill the (process-wide) item service with SEED_ITEMS items; their ids."""
    ids = set()
    for i in range(SEED_ITEMS):
        record, _ = service.create_item(
            {
                "name": f"Seed item {i}",
                "description": "A seeded item for the list benchmark, about a hundred characters long, give or take.",
                "price": 10 + i,
                "tags": ["home", "seed"] if i % 2 == 0 else ["garden", "seed"],
            }
        )
        ids.add(record["id"])
    return ids


def all_ids(service: Any) -> set[str]:
    """The ids of every (live) item, page by page."""
    ids: set[str] = set()
    cursor = None
    while True:
        records, cursor = service.list_page(100, cursor=cursor)
        ids.update(r["id"] for r in records)
        if not cursor:
            return ids


def reset_store(service: Any, keep: set[str]) -> None:
    """Delete every item a create batch added (untimed), so the store is the same for every batch: a
    soft delete, then a purge, so that no deleted record stays behind for the list to skip."""
    from datetime import datetime, timedelta

    for item_id in all_ids(service) - keep:
        service.delete_item(item_id)
    service.purge_deleted(datetime.now(UTC) + timedelta(days=1))


def read_only_not_required(spec: dict[str, Any]) -> None:
    """Both peers require readOnly properties listed in `required` in requests too (connexion 3.3 on
    OAS 3.0, openapi-core 0.23.1 on 3.1), where ours follows OAS (required in responses only), so they
    would refuse every create: their copy of the spec drops such properties from `required`. That only
    loosens the peers' response validation (a response missing `id` would pass)."""
    schemas = spec.get("components", {}).get("schemas", {})

    def read_only(prop: Any) -> bool:
        if isinstance(prop, dict) and isinstance(prop.get("$ref"), str):
            prop = schemas.get(prop["$ref"].rsplit("/", 1)[-1], {})
        return isinstance(prop, dict) and prop.get("readOnly") is True

    for schema in schemas.values():
        if isinstance(schema, dict) and isinstance(schema.get("required"), list):
            props = schema.get("properties") or {}
            schema["required"] = [n for n in schema["required"] if not read_only(props.get(n))]
            if not schema["required"]:
                del schema["required"]
