"""A WSGI face for a Chalice app, so schemathesis's Python API can drive `app.py` without a socket.

Each WSGI request becomes an API Gateway REST proxy event (the shape API Gateway hands the Lambda
function: `resource`, `path`, `httpMethod`, single- and multi-value headers and query parameters, the
route's `pathParameters`, `requestContext`, the body, base64 for the API's binary media types), the
Chalice app is called as Lambda calls it (`app(event, context)`), and the proxy result (`statusCode`,
`multiValueHeaders`, `body`, `isBase64Encoded`) is turned back into a WSGI response.

Like API Gateway: the route is matched on the raw (still percent-encoded) path, literal segments before
captures; path parameters are the raw segments (the generated code decodes them once, as under
`chalice local`); a path no route matches is the gateway's own 404 problem+json (infra/resources.json,
MISSING_AUTHENTICATION_TOKEN); a trailing slash is dropped except on `/`.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from chalice import Chalice

StartResponse = Callable[..., Any]

_REASONS = {
    200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
    403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
    409: "Conflict", 412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type",
    428: "Precondition Required", 500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable",
}  # fmt: skip
_GATEWAY_NOT_FOUND = json.dumps({"type": "about:blank", "title": "Not Found", "status": 404, "errors": []})


class _LambdaContext:
    """The few attributes of a Lambda context object anything reads."""

    function_name = "reference-api-contract"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:reference-api-contract"

    def __init__(self) -> None:
        self.aws_request_id = str(uuid.uuid4())

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


class ChaliceWSGI:
    """`ChaliceWSGI(app)` is a WSGI application serving `app` the way API Gateway + Lambda would."""

    def __init__(self, app: Chalice, *, stage: str = "contract") -> None:
        self.app = app
        self.stage = stage
        # literal segments before captures, so `/users/me` wins over `/users/{user_id}`
        self._routes = sorted(app.routes, key=lambda r: [(s.startswith("{"), s) for s in r.split("/")])

    # -- routing ------------------------------------------------------------------------------------

    def match(self, raw_path: str) -> tuple[str, dict[str, str]] | None:
        """The route template and raw captured segments for `raw_path`, or None (the gateway's 404)."""
        path = raw_path if raw_path == "/" else raw_path.rstrip("/") or "/"
        parts = path.split("/")
        for route in self._routes:
            pieces = route.split("/")
            if len(pieces) != len(parts):
                continue
            captured: dict[str, str] = {}
            for have, want in zip(parts, pieces, strict=True):
                if want.startswith("{") and want.endswith("}"):
                    if not have:
                        break  # API Gateway never captures an empty segment
                    captured[want[1:-1]] = have
                elif have != want:
                    break
            else:
                return route, captured
        return None

    # -- WSGI ---------------------------------------------------------------------------------------

    def __call__(self, environ: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI")
        if raw_uri:  # werkzeug's test client puts the URL it was given here, scheme and host included
            raw_path = urlsplit(str(raw_uri)).path
        else:
            raw_path = quote(str(environ.get("PATH_INFO") or "/"), safe="/%:@!$&'()*+,;=-._~")
        # a request line always has an absolute path (werkzeug passes a relative one through as given)
        raw_path = "/" + raw_path.lstrip("/")
        query = str(environ.get("QUERY_STRING") or "")
        matched = self.match(raw_path)
        if matched is None:
            return self._respond(
                start_response,
                404,
                [("Content-Type", "application/problem+json")],
                _GATEWAY_NOT_FOUND.encode(),
            )
        route, captured = matched
        event = self.event(environ, raw_path, query, route, captured)
        result = self.app(event, _LambdaContext())
        return self._respond_with(result, start_response)

    def event(
        self, environ: Mapping[str, Any], raw_path: str, query: str, route: str, captured: dict[str, str]
    ) -> dict[str, Any]:
        """The API Gateway REST proxy event for this WSGI request."""
        method = str(environ["REQUEST_METHOD"]).upper()
        multi_headers: dict[str, list[str]] = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                name = key[5:].replace("_", "-").lower()
            elif key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                name = key.replace("_", "-").lower()
            else:
                continue
            if value == "" and name in ("content-type", "content-length"):
                continue
            # WSGI carries header values as latin-1 decoded bytes; API Gateway as UTF-8 text
            text = str(value).encode("latin-1", "replace").decode("utf-8", "replace")
            multi_headers.setdefault(name, []).extend(
                [text] if name != "cookie" else [c.strip() for c in text.split(";")]
            )
        headers = {name: ",".join(values) for name, values in multi_headers.items()}
        if "cookie" in multi_headers:
            headers["cookie"] = "; ".join(multi_headers["cookie"])
        multi_query: dict[str, list[str]] = {}
        for name, value in parse_qsl(query, keep_blank_values=True):
            multi_query.setdefault(name, []).append(value)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body_bytes = environ["wsgi.input"].read(length) if length > 0 else environ["wsgi.input"].read()
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        body: str | None = None
        encoded = False
        if body_bytes:
            if media in self.app.api.binary_types:
                body, encoded = base64.b64encode(body_bytes).decode("ascii"), True
            else:
                try:
                    body = body_bytes.decode("utf-8")
                except UnicodeDecodeError:  # the gateway would pass it on; base64 keeps the bytes exact
                    body, encoded = base64.b64encode(body_bytes).decode("ascii"), True
        return {
            "resource": route,
            "path": raw_path,
            "httpMethod": method,
            "headers": headers or None,
            "multiValueHeaders": multi_headers or None,
            "queryStringParameters": {k: v[-1] for k, v in multi_query.items()} or None,
            "multiValueQueryStringParameters": multi_query or None,
            "pathParameters": captured or None,
            "stageVariables": None,
            "requestContext": {
                "resourcePath": route,
                "httpMethod": method,
                "path": raw_path,
                "stage": self.stage,
                "requestId": str(uuid.uuid4()),
                "identity": {"sourceIp": "127.0.0.1"},
            },
            "body": body,
            "isBase64Encoded": encoded,
        }

    def _respond_with(self, result: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        status = int(result["statusCode"])
        pairs: list[tuple[str, str]] = []
        multi = result.get("multiValueHeaders") or {}
        for name, values in multi.items():
            pairs.extend((name, str(v)) for v in values)
        for name, value in (result.get("headers") or {}).items():
            if name not in multi:
                pairs.append((name, str(value)))
        raw = result.get("body") or ""
        if result.get("isBase64Encoded"):
            body = base64.b64decode(raw)
        else:
            body = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
        return self._respond(start_response, status, pairs, body)

    @staticmethod
    def _respond(
        start_response: StartResponse, status: int, headers: list[tuple[str, str]], body: bytes
    ) -> list[bytes]:
        if not any(n.lower() == "content-length" for n, _ in headers):
            headers = [*headers, ("Content-Length", str(len(body)))]
        start_response(f"{status} {_REASONS.get(status, 'Status')}", headers)
        return [body]
