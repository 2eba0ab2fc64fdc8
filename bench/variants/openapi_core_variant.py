"""Peer (d): openapi-core's `unmarshal_request` against the same openapi.yaml, plus the same service call.

This is the validation cost a user of openapi-core pays on top of their framework: the timed call adapts
the API Gateway event into a request openapi-core accepts (its `openapi_core.testing.MockRequest`, which
conforms to its `Request` protocol with werkzeug structures, like its own integrations), unmarshals it
(finds the operation, parses and validates parameters and body against OpenAPI 3.1), then calls the
service — or, for an invalid request, lists the violations. It does not include what Chalice does for a
request (event parsing, routing, middleware, the proxy result) nor serializing or validating a response.

openapi-core reads our spec as it is (3.1). One setting is needed: our server URL is relative ("."), and
openapi-core only matches a relative server when given `server_base_url`.

Credentials: openapi-core checks only that the `bearerAuth` credential is present. Verifying it is the
service's behaviour, so for a POST the adapter calls the same `chalicelib.runtime.security.verify_jwt` as
ours and the floor, right after `unmarshal_request` and before looking at its errors (ours authenticates
before it validates the body, so the invalid request pays for the token too); a refused token is a 401.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest
from werkzeug.datastructures import ImmutableMultiDict

from bench.variants import workload
from bench.variants.floor import _view as view
from chalicelib.runtime.security import Invalid, verify_jwt
from chalicelib.services import item_service

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def build() -> OpenAPI:
    import yaml

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    workload.read_only_not_required(spec)  # it requires readOnly properties in requests too
    return OpenAPI.from_dict(
        spec, config=Config(server_base_url=f"https://{workload.HOST}/"), base_uri=SPEC.as_uri()
    )


def request_for(ev: dict[str, Any]) -> MockRequest:
    headers = ev.get("headers") or {}
    query = ev.get("multiValueQueryStringParameters") or {}
    body = ev.get("body")
    return MockRequest(
        f"https://{headers.get('Host', workload.HOST)}",
        ev["httpMethod"],
        ev["path"],
        args=ImmutableMultiDict([(k, v) for k, values in query.items() for v in values]),
        headers=headers,
        data=body.encode("utf-8") if body else None,
        content_type=headers.get("Content-Type", "application/octet-stream"),
    )


class OpenAPICoreVariant:
    def __init__(self) -> None:
        self.openapi = build()

    def handle(self, ev: dict[str, Any]) -> tuple[int, Any]:
        result = self.openapi.unmarshal_request(request_for(ev))
        if ev["httpMethod"] == "POST":
            scheme, _, token = (ev["headers"].get("Authorization") or "").partition(" ")
            try:
                if scheme.lower() != "bearer" or not token:
                    raise Invalid("no bearer token")
                verify_jwt(token.strip())
            except Invalid:
                return 401, {"title": "Unauthorized", "status": 401}
        if result.errors:
            problems = []
            for error in result.errors:
                found = getattr(error.__cause__, "schema_errors", None) or [error]
                problems += [
                    {
                        "pointer": "/" + "/".join(map(str, getattr(e, "absolute_path", ()))),
                        "message": getattr(e, "message", str(e)),
                    }
                    for e in found
                ]
            return 400, {"title": "Bad Request", "status": 400, "errors": problems}
        if ev["httpMethod"] == "GET":
            query = result.parameters.query
            records, next_cursor = item_service().list_page(query.get("limit", 20), tags=query.get("tag"))
            return 200, {"items": [view(r) for r in records], "next_cursor": next_cursor}
        record, _ = item_service().create_item(result.body)
        return 201, view(record)

    def once(self, kind: str) -> tuple[int, bytes]:
        status, body = self.handle(workload.event(kind))
        return status, json.dumps(body).encode()
