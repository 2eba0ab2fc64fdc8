"""Peer (c): connexion 3 `AsyncApp` built from the same openapi.yaml, called directly as ASGI (no socket).

connexion 3.3 accepts OpenAPI 3.0 only (its spec check requires `openapi: 3.0.x`), so it gets a copy of
openapi.yaml converted in memory (`as_openapi_30`): the version, the two 3.1-only `info` fields, and the
relative server URL "." (starlette mounts need a path starting with "/"). No schema changes: the body and
parameter schemas use only keywords whose meaning draft 4 (OAS 3.0) and 2020-12 (OAS 3.1) share.

Handlers are `async def` (an AsyncApp runs sync handlers in a thread pool), call the same services and
answer the same JSON; request and response validation are both on (our app validates both too). The
ASGI scope is built from the API Gateway event outside the timing (that is an adapter's job, e.g. Mangum).

Credentials: connexion enforces the spec's `security` through its security handlers; the copy names
`bearer_info` as the `x-bearerInfoFunc` of `bearerAuth` (and `x-tokenInfoFunc` of `oauth2`, the same
tokens), which calls the same `chalicelib.runtime.security.verify_jwt` as ours and the floor (None -> 401).
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.variants import workload
from bench.variants.floor import _view as view
from chalicelib.runtime.security import Invalid, verify_jwt
from chalicelib.services import item_service

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
JSON = {"Content-Type": "application/json"}


def _schema_30(node: Any) -> Any:
    """A 3.1 (2020-12) schema in 3.0 terms, for what our spec uses: `type: [T, "null"]` ->
    `nullable`, `const` -> a one-value `enum`, `examples` -> `example`, numeric `exclusiveMinimum`/
    `exclusiveMaximum` -> the draft-4 boolean form; keywords 3.0 lacks (`unevaluatedProperties`,
    `contentMediaType`, ...) dropped, which only loosens connexion on operations the bench never calls."""
    if isinstance(node, list):
        return [_schema_30(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _schema_30(v) for k, v in node.items()}
    types = out.get("type")
    if isinstance(types, list):
        concrete = [t for t in types if t != "null"]
        if "null" in types:
            out["nullable"] = True
        if len(concrete) == 1:
            out["type"] = concrete[0]
        else:
            del out["type"]
            if concrete:
                out["anyOf"] = [{"type": t} for t in concrete]
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if isinstance(out.get("examples"), list) and "properties" not in node.get("examples", {}):
        examples = out.pop("examples")
        if examples:
            out["example"] = examples[0]
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), int | float) and not isinstance(out.get(bound), bool):
            out[plain] = out.pop(bound)
            out[bound] = True
    for only_2020 in _ONLY_2020:  # none is on the benchmarked operations' schemas
        out.pop(only_2020, None)
    return out


_ONLY_2020 = (
    "contentMediaType",
    "contentEncoding",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "$schema",
    "$id",
    "$anchor",
    "$comment",
)


def _schemas_30(node: Any, in_schema: bool = False) -> Any:
    """Convert every `schema` / `components.schemas` entry of the document (nothing else)."""
    if isinstance(node, list):
        return [_schemas_30(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "schema":
            out[key] = _schema_30(value)
        elif key == "schemas" and isinstance(value, dict):
            out[key] = {name: _schema_30(s) for name, s in value.items()}
        else:
            out[key] = _schemas_30(value)
    return out


def bearer_info(token: str) -> dict[str, Any] | None:
    """connexion's bearer (and oauth2 token) info function: our verifier, its claims, or None (401)."""
    try:
        principal = verify_jwt(token)
    except Invalid:
        return None
    return {**principal.claims, "scope": sorted(principal.scopes)}


INFO_FUNCS = {"http": "x-bearerInfoFunc", "oauth2": "x-tokenInfoFunc"}


def as_openapi_30(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of our 3.1 document that connexion's 3.0 spec check accepts (see the module docstring), its
    token schemes checked by `bearer_info`."""
    spec = _schemas_30(dict(spec, openapi="3.0.3", servers=[{"url": "/"}]))
    schemes = spec.get("components", {}).get("securitySchemes", {})
    for name, scheme in schemes.items():
        if scheme.get("type") in INFO_FUNCS:
            schemes[name] = {**scheme, INFO_FUNCS[scheme["type"]]: f"{__name__}.bearer_info"}
    workload.read_only_not_required(spec)
    for only_31 in ("webhooks", "jsonSchemaDialect"):
        spec.pop(only_31, None)
    if "pathItems" in spec.get("components", {}):
        spec["components"] = {k: v for k, v in spec["components"].items() if k != "pathItems"}
    info = dict(spec["info"])
    info.pop("summary", None)
    if "license" in info:
        info["license"] = {k: v for k, v in info["license"].items() if k != "identifier"}
    spec["info"] = info
    return spec


async def list_items(limit: int = 20, tag: list[str] | None = None, **_: Any) -> Any:
    records, next_cursor = item_service().list_page(limit, tags=tag)
    return {"items": [view(r) for r in records], "next_cursor": next_cursor}, 200, JSON


async def create_item(body: dict[str, Any], **_: Any) -> Any:
    record, _created = item_service().create_item(body)
    headers = {"Location": f"/{workload.STAGE}/items/{record['id']}", "ETag": f'"{record["version"]}"'}
    return view(record), 201, {**headers, **JSON}


async def not_benchmarked(**_: Any) -> Any:
    return {"title": "Not Implemented", "status": 501}, 501, {"Content-Type": "application/problem+json"}


HANDLERS: dict[str, Callable[..., Any]] = {"listItems": list_items, "createItem": create_item}


def build() -> Any:
    with warnings.catch_warnings():
        # connexion 3.3 imports starlette.testclient, which warns that it wants httpx2: noise here
        warnings.filterwarnings("ignore", message=".*starlette.testclient")
        from connexion import AsyncApp
        from connexion.options import SwaggerUIOptions
        from connexion.resolver import Resolver

    # connexion logs every 4xx at WARNING; with no logging configured that goes to stderr for each of the
    # benchmark's invalid requests: silenced so the peer is timed, not the terminal
    logging.getLogger("connexion").setLevel(logging.ERROR)
    spec = as_openapi_30(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    app = AsyncApp(__name__, swagger_ui_options=SwaggerUIOptions(swagger_ui=False))
    app.add_api(
        spec,
        resolver=Resolver(lambda operation_id: HANDLERS.get(operation_id, not_benchmarked)),
        validate_responses=True,
    )
    return app


class ConnexionVariant:
    def __init__(self) -> None:
        self.app = build()
        self.loop = asyncio.new_event_loop()

    async def _call(self, scope: dict[str, Any], body: bytes) -> tuple[int, bytes]:
        done = False
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            nonlocal done
            if done:
                return {"type": "http.disconnect"}
            done = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await self.app(dict(scope), receive, send)
        return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])

    def once(self, kind: str) -> tuple[int, bytes]:
        scope, body = workload.scope_for(workload.event(kind))
        return self.loop.run_until_complete(self._call(scope, body))

    async def _batch(self, scope: dict[str, Any], body: bytes, n: int, expected: int) -> list[int]:
        times: list[int] = []
        clock = time.perf_counter_ns
        app = self.app
        wrong = 0
        for _ in range(n):
            done = False
            sent: list[dict[str, Any]] = []

            async def receive() -> dict[str, Any]:
                nonlocal done
                if done:
                    return {"type": "http.disconnect"}
                done = True
                return {"type": "http.request", "body": body, "more_body": False}

            async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
                sent.append(message)

            request_scope = dict(scope)
            started = clock()
            await app(request_scope, receive, send)
            times.append(clock() - started)
            wrong += sent[0]["status"] != expected
        if wrong:
            raise RuntimeError(f"connexion: {wrong} of {n} answers were not {expected}")
        return times

    def batch(self, kind: str, n: int) -> list[int]:
        scope, body = workload.scope_for(workload.event(kind))
        return self.loop.run_until_complete(self._batch(scope, body, n, workload.EXPECTED_STATUS[kind]))
