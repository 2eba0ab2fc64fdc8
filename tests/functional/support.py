"""Shared machinery of the reference-service tests (tests/functional/test_service_*.py).

- `Api` wraps `chalice.test.Client` around `app.py`: every answer it returns has been checked against
  openapi.yaml (status declared, media type declared, JSON body valid under the declared schema read
  straight from the YAML with jsonschema, required response headers present and valid), independently
  of the generated validators.
- Request builders (`item_body`, `png`, `jpeg`), problem+json assertions, and `race`: run callables in
  threads released together by a barrier.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jwt
import yaml
from chalice import Chalice
from chalice.test import Client
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from tests.helpers import REPO_ROOT

SPEC_URI = "urn:test:openapi.yaml"
JSON = "application/json"
PROBLEM = "application/problem+json"
MERGE_PATCH = "application/merge-patch+json"
#: (METHOD, path template, status) of every answer any `Api` got this session (see conftest.py)
SEEN: set[tuple[str, str, int]] = set()

#: What conftest puts in the environment: the stage's token settings (HS256) and operator keys.
TOKEN_SETTINGS = {
    "JWT_SECRET": "functional-tests-" + "s" * 48,
    "JWT_ISSUER": "https://auth.test.example",
    "JWT_AUDIENCE": "reference-api",
    "ADMIN_API_KEYS": "operator-key-1,operator-key-2",
}
#: The caller of every request that names no other (a user id: the token's `sub`).
DEFAULT_CALLER = "00000000-0000-4000-8000-000000000001"


def token(
    subject: str = DEFAULT_CALLER, *, scopes: Sequence[str] = (), lifetime: int = 600, **claims: Any
) -> str:
    """A token the API accepts (signed with the test stage's secret) for `subject`."""
    now = int(time.time())
    body = {
        "sub": subject,
        "iss": TOKEN_SETTINGS["JWT_ISSUER"],
        "aud": TOKEN_SETTINGS["JWT_AUDIENCE"],
        "iat": now,
        "exp": now + lifetime,
        **({"scope": " ".join(scopes)} if scopes else {}),
        **claims,
    }
    return jwt.encode(body, TOKEN_SETTINGS["JWT_SECRET"], algorithm="HS256")


def as_user(subject: str, **headers: str) -> dict[str, str]:
    """Request headers that authenticate as `subject`."""
    return {"Authorization": f"Bearer {token(subject)}", **headers}


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


# -- the contract, read from openapi.yaml ------------------------------------------------------------------


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def deref(node: Mapping[str, Any]) -> Mapping[str, Any]:
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


def schema_errors(schema: Any, instance: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        _absolute_refs(schema),
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def operations() -> list[tuple[str, str]]:
    """Every (METHOD, path template) openapi.yaml declares."""
    return [
        (method.upper(), path)
        for path, item in spec()["paths"].items()
        for method in item
        if method in _METHODS
    ]


def template_of(path: str) -> str:
    """The openapi.yaml path template a concrete path (no query) falls under; literal segments win."""
    parts = path.split("/")
    best: tuple[int, str] | None = None
    for template in spec()["paths"]:
        pieces = template.split("/")
        if len(pieces) != len(parts):
            continue
        literals = 0
        for have, want in zip(parts, pieces, strict=True):
            if want.startswith("{") and want.endswith("}"):
                continue
            if have != want:
                break
            literals += 1
        else:
            if best is None or literals > best[0]:
                best = (literals, template)
    assert best is not None, f"openapi.yaml has no path for {path!r}"
    return best[1]


def declared_response(template: str, method: str, status: int) -> Mapping[str, Any]:
    """The response openapi.yaml declares for this status (exact, else `default`)."""
    responses = spec()["paths"][template][method.lower()]["responses"]
    declared = responses.get(str(status), responses.get("default"))
    assert declared is not None, f"{method} {template} declares no response {status}"
    return deref(declared)


# -- responses -----------------------------------------------------------------------------------------


@dataclass
class Reply:
    """One answer of the API, already checked against openapi.yaml."""

    method: str
    path: str
    template: str
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    def __repr__(self) -> str:
        shown = self.body[:600].decode("utf-8", "replace")
        return f"<{self.method} {self.path} -> {self.status} {self.content_type}: {shown}>"


def check_conforms(reply: Reply) -> None:
    """Fails when `reply` breaks openapi.yaml: undeclared status or media type, invalid JSON body,
    missing or invalid declared header."""
    declared = declared_response(reply.template, reply.method, reply.status)
    content = declared.get("content") or {}
    where = f"{reply.method} {reply.path} -> {reply.status}"
    if not content:
        assert not reply.body, f"{where}: declares no body, got {reply!r}"
    else:
        media = (reply.content_type or "").split(";")[0].strip()
        assert media in content, f"{where}: media type {media!r} not declared ({list(content)})"
        schema = content[media].get("schema")
        if media == JSON or media.endswith("+json"):
            errors = schema_errors(schema, json.loads(reply.body))
            assert errors == [], f"{where} breaks openapi.yaml: {errors}\n{reply!r}"
    for name, header in (declared.get("headers") or {}).items():
        header = deref(header)
        value = reply.headers.get(name.lower())
        if value is None:
            assert not header.get("required"), f"{where}: required header {name} missing"
            continue
        errors = schema_errors(header.get("schema", {}), value)
        assert errors == [], f"{where}: header {name}: {value!r}: {errors}"


def check_etag(reply: Reply) -> None:
    """A successful answer carrying one versioned resource (item, post, comment) has `ETag: "<version>"`."""
    if 200 <= reply.status < 300 and reply.content_type == JSON:
        body = reply.json
        if isinstance(body, dict) and type(body.get("version")) is int:
            assert reply.etag == f'"{body["version"]}"', f"{reply!r}: ETag {reply.etag!r}"


class Api:
    """`app.py` through chalice's test client; every reply checked against openapi.yaml."""

    def __init__(self, app: Chalice, project_dir: Path) -> None:
        self.app = app
        self.project_dir = project_dir
        self.client = Client(app, project_dir=str(project_dir))

    def fresh(self) -> Api:
        """Another Api on its own chalice Client (one per thread)."""
        return Api(self.app, self.project_dir)

    def call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        anonymous: bool = False,
    ) -> Reply:
        """Authenticated as DEFAULT_CALLER unless `headers` carry other credentials or `anonymous`."""
        sent = dict(headers or {})
        if not anonymous and not any(k.lower() in ("authorization", "x-api-key") for k in sent):
            sent["Authorization"] = f"Bearer {token()}"
        raw = b""
        if json_body is not None:
            raw = json.dumps(json_body).encode("utf-8")
            sent.setdefault("Content-Type", content_type or JSON)
        elif body is not None:
            raw = body.encode("utf-8") if isinstance(body, str) else body
            if content_type is not None:
                sent.setdefault("Content-Type", content_type)
        response = self.client.http.request(method, path, headers=sent, body=raw)
        out: dict[str, str] = {}
        for key, value in response.headers.items():
            out[key.lower()] = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        reply = Reply(
            method.upper(),
            path,
            template_of(path.split("?")[0]),
            response.status_code,
            out,
            response.body if isinstance(response.body, bytes) else str(response.body).encode("utf-8"),
        )
        check_conforms(reply)
        check_etag(reply)
        SEEN.add((reply.method, reply.template, reply.status))
        return reply

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, data: Any = None, **kwargs: Any) -> Reply:
        return self.call("POST", path, json_body=data, **kwargs)

    def put(self, path: str, data: Any = None, **kwargs: Any) -> Reply:
        return self.call("PUT", path, json_body=data, **kwargs)

    def patch(self, path: str, data: Any = None, **kwargs: Any) -> Reply:
        kwargs.setdefault("content_type", MERGE_PATCH)
        return self.call("PATCH", path, json_body=data, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Reply:
        return self.call("DELETE", path, **kwargs)

    # -- resources in one call each -------------------------------------------------------------------

    def create_item(self, data: Mapping[str, Any] | None = None, **headers: str) -> dict[str, Any]:
        reply = self.post("/items", dict(data or item_body()), headers=headers)
        assert reply.status == 201, reply
        return reply.json

    def create_user(
        self, name: str = "Ada Lovelace", email: str = "ada@example.com", user_id: str | None = None
    ) -> dict[str, Any]:
        """Registers a new user (a fresh subject unless `user_id`); authenticate as them with as_user()."""
        subject = user_id or str(uuid.uuid4())
        reply = self.post("/users", {"name": name, "email": email}, headers=as_user(subject))
        assert reply.status == 201, reply
        return reply.json

    def create_post(self, author: str, title: str = "Hello", body: str = "The first post.") -> dict[str, Any]:
        reply = self.post("/posts", {"title": title, "body": body}, headers=as_user(author))
        assert reply.status == 201, reply
        return reply.json

    def create_comment(self, post_id: str, author: str, data: Mapping[str, Any]) -> dict[str, Any]:
        reply = self.post(f"/posts/{post_id}/comments", dict(data), headers=as_user(author))
        assert reply.status == 201, reply
        return reply.json


# -- bodies --------------------------------------------------------------------------------------------


def item_body(name: str = "Lamp", price: float = 24.5, **extra: Any) -> dict[str, Any]:
    return {"name": name, "price": price, "tags": ["home"], **extra}


def png(size: int = 64) -> bytes:
    """Bytes starting with the PNG signature (and an IHDR chunk header), `size` long."""
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    return (head + bytes(range(256)) * (size // 256 + 1))[:size]


def jpeg(size: int = 64) -> bytes:
    """Bytes starting with a JPEG SOI + APP0/JFIF marker, `size` long."""
    head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return (head + bytes(range(255, -1, -1)) * (size // 256 + 1))[:size]


def etag_of(resource: Mapping[str, Any]) -> str:
    return f'"{resource["version"]}"'


# -- problem+json ----------------------------------------------------------------------------------------


def assert_problem(
    reply: Reply, status: int, *, detail: str | re.Pattern[str] | None = None
) -> dict[str, Any]:
    """`reply` is a problem+json answer of `status` (title, status and type per RFC 9457); its body."""
    assert reply.status == status, reply
    assert reply.content_type == PROBLEM, reply
    problem = reply.json
    assert problem["status"] == status
    assert problem["type"] == "about:blank"
    if isinstance(detail, str):
        assert problem.get("detail") == detail, problem
    elif detail is not None:
        assert detail.search(problem.get("detail", "")), problem
    return problem


def located(reply: Reply) -> list[tuple[str, str, str]]:
    """The 400's violations as (location, pointer, keyword), sorted."""
    problem = assert_problem(reply, 400)
    return sorted((v["location"], v["pointer"], v["keyword"]) for v in problem["errors"])


def messages(reply: Reply) -> list[str]:
    return [v["message"] for v in reply.json["errors"]]


# -- concurrency --------------------------------------------------------------------------------------------


def race(calls: Sequence[Callable[[], Any]], timeout: float = 60.0) -> list[Any]:
    """Run each callable in its own thread, all released at once by a barrier; their results in order.

    chalice's test client swaps `os.environ` for a copy during a request, which interleaved threads can
    leave swapped: the original mapping is put back afterwards."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    failures: list[BaseException] = []
    environ = os.environ

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout)
            results[index] = call()
        except BaseException as exc:  # re-raised in the main thread below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout)
    finally:
        os.environ = environ  # noqa: B003  # puts the very mapping back, not a copy of its contents
    assert not any(t.is_alive() for t in threads), "a racing call did not finish"
    if failures:
        raise failures[0]
    return results
