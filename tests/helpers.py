"""Test helpers: generate a throwaway app from an inline spec, and call a Chalice app with a raw event.

`generate_app` writes an inline OpenAPI document and hand-written handler modules into a uniquely named
package under a temporary directory, runs the real codegen CLI on them in a subprocess (exactly as a
developer would), imports the generated routes and returns a `chalice.Chalice` app with the generated
blueprints registered.

`rest_event` / `invoke` / `call_rest` build an API Gateway REST (v1) Lambda proxy event and hand it to the
app's Lambda entry point (`app(event, context)`), bypassing chalice's local gateway.
"""

from __future__ import annotations

import base64
import importlib
import itertools
import json
import logging
import re
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from chalice import Chalice
from chalice.test import Client

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

_counter = itertools.count(1)


@dataclass
class GeneratedApp:
    app: Chalice
    package: str
    root: Path  # the directory holding the package (on sys.path)
    spec_path: Path
    process: subprocess.CompletedProcess[str]

    @property
    def package_dir(self) -> Path:
        return self.root / self.package

    def handlers(self, tag: str) -> ModuleType:
        """The imported hand-written handler module for `tag` (the one the generated code calls)."""
        return importlib.import_module(f"{self.package}.handlers.{tag}")

    def client(self) -> Client:
        """A chalice test client that reads no `.chalice/config.json` (so it patches no env vars)."""
        return Client(self.app, project_dir=str(self.root))


def _write_package(spec: str, handlers: Mapping[str, str], base: Path) -> tuple[str, Path, Path]:
    package = f"fx_{next(_counter)}"
    pkg_dir = base / package
    (pkg_dir / "handlers").mkdir(parents=True)
    (pkg_dir / "__init__.py").write_text("", encoding="utf-8")
    (pkg_dir / "handlers" / "__init__.py").write_text("", encoding="utf-8")
    for tag, source in handlers.items():
        (pkg_dir / "handlers" / f"{tag}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    spec_path = base / f"{package}.yaml"
    spec_path.write_text(textwrap.dedent(spec), encoding="utf-8")
    return package, pkg_dir, spec_path


def run_codegen(
    spec: str,
    handlers: Mapping[str, str],
    base: Path,
    extra_args: Sequence[str] = (),
) -> tuple[subprocess.CompletedProcess[str], str, Path]:
    """Write the spec + handlers under `base` and run `python -m codegen` on them (cwd: the repo root).

    Returns the finished process, the package name and the spec path; asserts nothing.
    """
    package, pkg_dir, spec_path = _write_package(spec, handlers, base)
    argv = [
        sys.executable,
        "-m",
        "codegen",
        "--spec",
        str(spec_path),
        "--out",
        str(pkg_dir / "_generated"),
        "--handlers",
        str(pkg_dir / "handlers"),
        "--package",
        f"{package}._generated",
        "--handlers-package",
        f"{package}.handlers",
        "--no-cache",
        *extra_args,
    ]
    proc = subprocess.run(argv, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False)
    return proc, package, spec_path


def generate_app(
    spec: str,
    handlers: Mapping[str, str],
    base: Path,
    extra_args: Sequence[str] = (),
) -> GeneratedApp:
    """Generate, import and wire an app; fails the test (with codegen's stderr) if codegen fails."""
    proc, package, spec_path = run_codegen(spec, handlers, base, extra_args)
    assert proc.returncode == 0, f"codegen failed ({proc.returncode}):\n{proc.stderr}\n{proc.stdout}"
    if str(base) not in sys.path:
        sys.path.insert(0, str(base))
    importlib.invalidate_caches()
    routes = importlib.import_module(f"{package}._generated.routes")
    app = Chalice(app_name=package)
    app.register_blueprint(routes.blueprint)
    app.register_blueprint(routes.docs_blueprint)
    return GeneratedApp(app=app, package=package, root=base, spec_path=spec_path, process=proc)


# -- raw API Gateway REST (v1) proxy events --------------------------------------------------------------


def match_route(app: Chalice, path: str) -> tuple[str, dict[str, str]]:
    """The Chalice resource path a REST API would route `path` to, and the captured (raw) segments.

    Literal routes win over captures, like API Gateway's own matching.
    """
    parts = path.rstrip("/").split("/") if path != "/" else [""]
    best: tuple[int, str, dict[str, str]] | None = None
    for resource in app.routes:
        template = resource.rstrip("/").split("/") if resource != "/" else [""]
        if len(template) != len(parts):
            continue
        captured: dict[str, str] = {}
        literals = 0
        for have, want in zip(parts, template, strict=True):
            if want.startswith("{") and want.endswith("}"):
                captured[want[1:-1]] = have
            elif have != want:
                break
            else:
                literals += 1
        else:
            if best is None or literals > best[0]:
                best = (literals, resource, captured)
    if best is None:
        raise AssertionError(f"no Chalice route matches {path!r}: {sorted(app.routes)}")
    return best[1], best[2]


def rest_event(
    method: str,
    path: str,
    *,
    resource: str,
    path_parameters: Mapping[str, str] | None = None,
    query: Sequence[tuple[str, str]] = (),
    headers: Mapping[str, str] | None = None,
    body: str | bytes | None = None,
    base64_body: bool | None = None,
    stage: str = "dev",
) -> dict[str, Any]:
    """An API Gateway REST API Lambda proxy (payload v1.0) event.

    `query` holds decoded (name, value) pairs in request order; bytes bodies are sent base64-encoded
    (as API Gateway does for binary media types) unless `base64_body` says otherwise.
    """
    headers = dict(headers or {})
    multi_query: dict[str, list[str]] = {}
    for name, value in query:
        multi_query.setdefault(name, []).append(value)
    encoded = isinstance(body, bytes) if base64_body is None else base64_body
    if isinstance(body, bytes):
        body_text: str | None = base64.b64encode(body).decode("ascii") if encoded else body.decode("latin-1")
    else:
        body_text = base64.b64encode(body.encode("utf-8")).decode("ascii") if encoded and body else body
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method.upper(),
        "headers": headers or None,
        "multiValueHeaders": {k: [v] for k, v in headers.items()} or None,
        "queryStringParameters": {k: v[-1] for k, v in multi_query.items()} or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": dict(path_parameters) if path_parameters else None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": resource,
            "httpMethod": method.upper(),
            "path": f"/{stage}{path}",
            "stage": stage,
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "identity": {"sourceIp": "127.0.0.1"},
        },
        "body": body_text,
        "isBase64Encoded": bool(encoded and body),
    }


def lambda_context() -> Any:
    return SimpleNamespace(
        function_name="api_handler",
        memory_limit_in_mb=128,
        aws_request_id="c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        get_remaining_time_in_millis=lambda: 30000,
    )


def invoke(app: Chalice, event: Mapping[str, Any]) -> dict[str, Any]:
    """Run the app's Lambda entry point on `event`; the Lambda proxy result dict."""
    result = app(dict(event), lambda_context())
    assert isinstance(result, dict), result
    return result


def call_rest(
    app: Chalice,
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    body: str | bytes | None = None,
    base64_body: bool | None = None,
) -> dict[str, Any]:
    """Route `url` (raw path, optional `?query`) like API Gateway and invoke the app with a REST event.

    Path parameters are passed as captured from the raw path (still percent-encoded); query values are
    decoded.
    """
    split = urlsplit(url)
    resource, captured = match_route(app, split.path)
    # what API Gateway always forwards, under the caller's headers
    headers = {
        "Host": "abc123.execute-api.eu-west-1.amazonaws.com",
        "User-Agent": "pytest",
        **(headers or {}),
    }
    event = rest_event(
        method,
        split.path,
        resource=resource,
        path_parameters=captured,
        query=parse_qsl(split.query, keep_blank_values=True),
        headers=headers,
        body=body,
        base64_body=base64_body,
    )
    return invoke(app, event)


def header(result: Mapping[str, Any], name: str) -> str | None:
    """A response header from a Lambda proxy result, looked up case-insensitively."""
    for key, value in (result.get("headers") or {}).items():
        if key.lower() == name.lower():
            return str(value)
    return None


def result_json(result: Mapping[str, Any]) -> Any:
    body = result["body"]
    if result.get("isBase64Encoded"):
        body = base64.b64decode(body)
    return json.loads(body)


# -- one request, either through chalice's test client or as a raw REST event ---------------------------

TRANSPORTS = ("client", "rest")


@dataclass
class HttpResult:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    def json(self) -> Any:
        return json.loads(self.body)


def request(
    app: Chalice,
    transport: str,
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    body: str | bytes | None = None,
    project_dir: Path | None = None,
) -> HttpResult:
    """Send one request through `transport`: "client" (chalice.test.Client, i.e. chalice's local gateway)
    or "rest" (a raw API Gateway REST proxy event handed to `app(event, context)`).

    The client reads `.chalice/config.json` from `project_dir` (default: none, so no env is patched).
    """
    if transport == "client":
        client = Client(app, project_dir=str(project_dir or Path(__file__).resolve().parent))
        raw = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        response = client.http.request(method, url, headers=dict(headers or {}), body=raw)
        return HttpResult(
            response.status_code,
            {k.lower(): str(v) for k, v in response.headers.items()},
            response.body if isinstance(response.body, bytes) else str(response.body).encode("utf-8"),
        )
    if transport == "rest":
        result = call_rest(app, method, url, headers=headers, body=body)
        out_headers = {k.lower(): str(v) for k, v in (result.get("headers") or {}).items()}
        for k, values in (result.get("multiValueHeaders") or {}).items():
            out_headers[k.lower()] = ", ".join(str(v) for v in values)
        payload = result.get("body") or ""
        data = base64.b64decode(payload) if result.get("isBase64Encoded") else payload.encode("utf-8")
        return HttpResult(int(result["statusCode"]), out_headers, data)
    raise ValueError(f"unknown transport {transport!r}")


# -- the error contract, as expected bodies ---------------------------------------------------------------


def problem(
    status: int, title: str, detail: str, errors: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """An RFC 9457 problem body exactly as the pipeline renders it."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, "errors": errors or []}


def violation(location: str, pointer: str, message: str, keyword: str) -> dict[str, str]:
    return {"location": location, "pointer": pointer, "message": message, "keyword": keyword}


_LOCATIONS = {"path": 0, "query": 1, "header": 2, "cookie": 3, "body": 4, "response": 5}


def bad_request(*errors: dict[str, str]) -> dict[str, Any]:
    """The expected 400; `errors` in any order, put in the order the API promises (location, pointer,
    keyword, message), so comparing with the actual answer also checks that order."""
    ordered = sorted(
        errors, key=lambda v: (_LOCATIONS.get(v["location"], 9), v["pointer"], v["keyword"], v["message"])
    )
    return problem(400, "Bad Request", "The request is not valid for this operation.", ordered)


# -- recording handlers, typed comparisons and problem+json assertions -----------------------------------

PROBLEM_JSON = "application/problem+json"


def recording_handlers(*names: str) -> str:
    """Source of a handler module in which each function in `names` appends `(name, kwargs)` to the
    module's `CALLS` list and answers `{"ok": name}`."""
    lines = [
        "CALLS = []",
        "",
        "",
        "def _record(name, kwargs):",
        "    CALLS.append((name, dict(kwargs)))",
        '    return {"ok": name}',
        "",
    ]
    for name in names:
        lines += ["", f"def {name}(**kw):", f"    return _record({name!r}, kw)", ""]
    return "\n".join(lines)


def typed(value: Any) -> Any:
    """`value` with every leaf paired with its exact type name, so `1`, `1.0` and `True` (equal in Python)
    compare different: `{"a": [1]}` -> `{"a": [("int", 1)]}`."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def assert_problem_result(result: HttpResult, expected: Mapping[str, Any]) -> None:
    """`result` is exactly the problem+json body `expected`, with its status."""
    assert (result.status, result.content_type) == (expected["status"], PROBLEM_JSON), result.body
    got = result.json()
    assert got == expected, f"got:\n{json.dumps(got, indent=1, ensure_ascii=False)}"


# -- JSON requests to generated apps, and what the pipeline logged about responses ------------------------

NO_BODY: Any = object()


def send_json(
    gen: GeneratedApp,
    transport: str,
    method: str,
    url: str,
    data: Any = NO_BODY,
    *,
    raw: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> HttpResult:
    """One request to a generated app with `data` as an `application/json` body (JSON `null` included),
    or with the body text `raw` for what `json.dumps` cannot write (`1e309`, `NaN`, duplicate keys)."""
    body = raw if raw is not None else None if data is NO_BODY else json.dumps(data, ensure_ascii=False)
    sent = (
        {"Content-Type": "application/json", **(headers or {})} if body is not None else dict(headers or {})
    )
    return request(gen.app, transport, method, url, headers=sent, body=body, project_dir=gen.root)


_RESPONSE_LOG = re.compile(r"response of (\S+) violates the spec: (\[.*\])\Z", re.DOTALL)


def logged_response_violations(
    records: Sequence[logging.LogRecord],
) -> list[tuple[str, list[dict[str, str]]]]:
    """Every "response ... violates the spec" error the runtime logged: (operation id, violations)."""
    found = []
    for record in records:
        if record.name == "chalicelib.runtime" and record.levelno >= logging.ERROR:
            matched = _RESPONSE_LOG.match(record.getMessage())
            if matched:
                found.append((matched.group(1), json.loads(matched.group(2))))
    return found
