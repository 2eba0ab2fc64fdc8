"""`codegen --mock` (issue 8): the build-time synthesizer (codegen/mock.py) on tricky schemas, and the
generated mock modules (deterministic, lint- and type-clean, the default output unchanged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from codegen.mock import COMPONENTS_URI, Synthesizer
from tests.codegen.support import BASELINE_SPEC, generate, importable, load, mypy_strict, run_tool, tree_bytes

REF = COMPONENTS_URI + "#/$defs/"

COMPONENTS: dict[str, Any] = {
    "Cat": {
        "type": "object",
        "required": ["kind", "lives"],
        "properties": {"kind": {"type": "string"}, "lives": {"type": "integer", "minimum": 1, "maximum": 9}},
        "additionalProperties": False,
    },
    "Dog": {
        "type": "object",
        "required": ["kind", "bark"],
        "properties": {"kind": {"type": "string"}, "bark": {"type": "string", "enum": ["woof", "yip"]}},
        "additionalProperties": False,
    },
    "Pet": {
        "oneOf": [{"$ref": REF + "Cat"}, {"$ref": REF + "Dog"}],
        "discriminator": {"propertyName": "kind", "mapping": {"cat": REF + "Cat", "dog": REF + "Dog"}},
    },
    "Node": {
        "type": "object",
        "required": ["name", "children"],
        "properties": {
            "name": {"type": "string", "minLength": 3},
            "children": {"type": "array", "items": {"$ref": REF + "Node"}},
            "parent": {"anyOf": [{"$ref": REF + "Node"}, {"type": "null"}]},
        },
    },
    "Base": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string", "format": "uuid"}},
    },
    "Secret": {"type": "string", "writeOnly": True},
}

SCHEMAS_2020: dict[str, Any] = {
    "discriminated oneOf": {"$ref": REF + "Pet"},
    "overlapping oneOf": {
        "oneOf": [
            {"type": "object", "properties": {"a": {"type": "integer"}}},
            {"type": "object", "properties": {"b": {"type": "string"}}, "required": ["b"]},
        ]
    },
    "anyOf of scalars": {"anyOf": [{"type": "integer", "minimum": 10}, {"type": "string"}]},
    "allOf with a $ref": {
        "allOf": [
            {"$ref": REF + "Base"},
            {
                "type": "object",
                "required": ["n"],
                "properties": {"n": {"type": "number", "exclusiveMinimum": 5}},
            },
        ]
    },
    "pattern + lengths": {"type": "string", "pattern": "^[A-Z]{2}-[0-9]{3,5}$", "minLength": 7},
    "formats": {
        "type": "object",
        "required": ["at", "day", "id", "mail", "url", "v4", "v6", "raw"],
        "properties": {
            "at": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"},
            "id": {"type": "string", "format": "uuid"},
            "mail": {"type": "string", "format": "email"},
            "url": {"type": "string", "format": "uri"},
            "v4": {"type": "string", "format": "ipv4"},
            "v6": {"type": "string", "format": "ipv6"},
            "raw": {"type": "string", "format": "byte"},
        },
    },
    "numeric bounds": {
        "type": "object",
        "required": ["i", "f", "m"],
        "properties": {
            "i": {"type": "integer", "minimum": 1000, "maximum": 1000},
            "f": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 0.001},
            "m": {"type": "integer", "multipleOf": 7, "minimum": 50},
        },
    },
    "uniqueItems": {
        "type": "array",
        "minItems": 3,
        "uniqueItems": True,
        "items": {"type": "integer", "minimum": 0, "maximum": 5},
    },
    "additionalProperties false + minProperties": {
        "type": "object",
        "properties": {"x": {"type": "boolean"}, "y": {"type": "null"}},
        "additionalProperties": False,
        "minProperties": 2,
    },
    "type array with null": {"type": ["null", "string"], "maxLength": 2},
    "const and enum": {
        "type": "object",
        "required": ["c", "e"],
        "properties": {"c": {"const": "fixed"}, "e": {"enum": [None, 3, "x"]}},
    },
    "recursive $ref": {"$ref": REF + "Node"},
    "writeOnly absent from responses": {
        "type": "object",
        "required": ["user"],
        "properties": {"user": {"type": "string"}, "password": {"$ref": REF + "Secret"}},
    },
}

#: OAS 3.0 as codegen converts it: draft 4, nullable folded into type, boolean exclusive bounds
SCHEMAS_DRAFT4: dict[str, Any] = {
    "nullable folded": {"type": ["integer", "null"], "minimum": 3, "maximum": 3},
    "boolean exclusive bounds": {"type": "number", "minimum": 1, "exclusiveMinimum": True, "maximum": 2},
    "readOnly kept in responses": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "integer", "readOnly": True}},
    },
}


def _check(dialect: str, schema: Any, value: Any) -> None:
    spec = DRAFT202012 if dialect == "2020-12" else DRAFT4
    registry: Registry[Any] = Registry().with_resource(
        COMPONENTS_URI, spec.create_resource({"$defs": COMPONENTS})
    )
    cls = jsonschema.Draft202012Validator if dialect == "2020-12" else jsonschema.Draft4Validator
    cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER).validate(value)


@pytest.mark.parametrize(
    ("dialect", "name"),
    [("2020-12", n) for n in SCHEMAS_2020] + [("draft4", n) for n in SCHEMAS_DRAFT4],
)
def test_synthesized_values_are_valid(dialect: str, name: str) -> None:
    schema = (SCHEMAS_2020 if dialect == "2020-12" else SCHEMAS_DRAFT4)[name]
    synth = Synthesizer(dialect, COMPONENTS, seed=3)
    value = synth.synthesize(schema, name)
    _check(dialect, schema, value)  # jsonschema with format checks, independently of the synthesizer
    assert synth.validator(schema)(value)  # and the runtime's compiled response check
    assert synth.synthesize(schema, name) == value  # deterministic
    if name == "writeOnly absent from responses":
        assert "password" not in value
    if name == "readOnly kept in responses":
        assert "id" in value
    if name == "discriminated oneOf":
        assert value["kind"] in ("Cat", "Dog", "cat", "dog")
        assert ("lives" in value) == (value["kind"].lower() == "cat")


def test_examples_are_used_only_when_valid() -> None:
    synth = Synthesizer("2020-12", COMPONENTS)
    schema = {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}
    assert synth.first_valid(schema, ({"n": "no"}, {"n": 2}, {"n": 3})) == {"n": 2}


def test_seed_changes_synthesized_data() -> None:
    schema = {"type": "string", "format": "uuid"}
    values = {Synthesizer("2020-12", {}, seed=seed).synthesize(schema, "k") for seed in range(5)}
    assert len(values) > 1


# -- generated modules ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mocked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mock")
    run = generate(BASELINE_SPEC, root, "mock_pkg._generated", "--mock")
    assert run.returncode == 0, run.explain()
    return root


def test_mock_output_is_deterministic(mocked: Path, tmp_path: Path) -> None:
    again = generate(BASELINE_SPEC, tmp_path, "mock_pkg._generated", "--mock")
    assert again.returncode == 0, again.explain()
    assert tree_bytes(tmp_path / "mock_pkg") == tree_bytes(mocked / "mock_pkg")
    other = generate(BASELINE_SPEC, tmp_path / "seeded", "mock_pkg._generated", "--mock", "--seed", "99")
    assert other.returncode == 0, other.explain()
    assert tree_bytes(tmp_path / "seeded" / "mock_pkg") != tree_bytes(mocked / "mock_pkg")


def test_mock_output_is_lint_and_type_clean(mocked: Path, tmp_path: Path) -> None:
    target = mocked / "mock_pkg" / "_generated"
    assert (result := run_tool("ruff", "check", "--no-cache", target)).returncode == 0, result.explain()
    assert (result := run_tool("ruff", "format", "--check", "--no-cache", target)).returncode == 0, (
        result.explain()
    )
    assert (result := mypy_strict(target, tmp_path / "mypy")).returncode == 0, result.explain()


def test_every_mocked_answer_passes_the_response_check(mocked: Path) -> None:
    """Each operation's canned answer goes through the runtime's render (status, headers, body checks)."""
    from chalicelib.runtime import ProblemError
    from chalicelib.runtime.pipeline import render

    unsatisfiable = set()
    with importable(mocked, "mock_pkg"):
        routes = load("mock_pkg._generated.routes")
        for _, _, module_name, _, _ in routes.OPERATIONS:
            module = load(f"mock_pkg._generated.operations.{module_name}")
            try:
                answer = module.call({})
            except ProblemError as exc:
                unsatisfiable.add((module_name, exc.status))
                continue
            response = render(module.OPERATION, answer)
            assert response.status_code < 500, (module_name, response.body)
    # baseline.yaml's Item is allOf [ItemInput (additionalProperties: false), {required: [id]}]: no value
    # satisfies it, so the operations answering an Item stay 501 (codegen warns about each)
    assert unsatisfiable == {("create_item", 501), ("get_item", 501), ("replace_item", 501)}


REGRESSION_SPEC = """
openapi: 3.0.3
info: {title: mock regressions, version: "1"}
paths:
  /moved:
    get:
      operationId: moved
      responses:
        "301": {description: only a redirect is declared}
  /orders:
    post:
      operationId: placeOrder
      requestBody:
        content:
          application/json: {schema: {$ref: "#/components/schemas/Order"}}
          application/xml: {schema: {$ref: "#/components/schemas/Order"}}
      responses:
        "200": {description: placed, content: {application/xml: {schema: {$ref: "#/components/schemas/Order"}}}}
  /page:
    get:
      operationId: page
      parameters:
        - {name: n, in: query, schema: {type: integer}}
      responses:
        "200": {description: a page, content: {text/html: {schema: {type: string}}}}
        default: {description: an error page, content: {text/html: {schema: {type: string}}}}
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object, required: [id], properties: {id: {type: integer}}}}
        default:
          description: the spec's own error format
          content:
            application/json:
              schema: {type: object, required: [code, message], properties: {code: {type: integer}, message: {type: string}}}
components:
  schemas:
    Order: {type: object, properties: {id: {type: integer}}}
"""


def test_mock_app_redirect_only_operations_and_declared_error_formats(tmp_path: Path) -> None:
    """Found by `make corpus`: an operation declaring only a 3xx answered 500 (its success status was 200,
    undeclared); a spec whose errors are `default: application/json {code, message}` got problem+json; an
    HTML error answer was rewritten into problem+json by the middleware for Chalice's own errors; an XML
    body was checked as a string against its object schema (always a 400), then not checked at all."""
    import json

    from werkzeug.test import Client

    from devtools.mock import build_app
    from tests.contract.wsgi import ChaliceWSGI

    spec = tmp_path / "regressions.yaml"
    spec.write_text(REGRESSION_SPEC, encoding="utf-8")
    run = generate(spec, tmp_path, "mock_reg._generated", "--mock")
    assert run.returncode == 0, run.explain()
    with importable(tmp_path, "mock_reg"):
        client = Client(ChaliceWSGI(build_app("mock_reg")))
        assert client.get("/moved").status_code == 301
        ok = client.get("/pets?limit=3")
        assert ok.status_code == 200
        assert isinstance(json.loads(ok.get_data(as_text=True)), list)
        bad = client.get("/pets?limit=abc")
        assert bad.status_code == 400
        assert bad.headers["Content-Type"] == "application/json"
        assert set(json.loads(bad.get_data(as_text=True))) == {"code", "message"}
        order = client.post("/orders", data="<order><id>1</id></order>", content_type="application/xml")
        assert order.status_code == 200, order.get_data(as_text=True)
        assert order.headers["Content-Type"] == "application/xml"
        # but XML that is not well-formed, or is not an Order once mapped, is refused (corpus §6)
        for bad in ("<order><id>1</id></order><order/>", "<order><id>one</id></order>", "<order>7</order>"):
            refused = client.post("/orders", data=bad, content_type="application/xml")
            assert refused.status_code == 400, (bad, refused.get_data(as_text=True))
        page = client.get("/page?n=abc")
        assert page.status_code == 400
        assert page.headers["Content-Type"].startswith("text/html")


SECURED_SPEC = """
openapi: 3.1.0
info: {title: secured, version: "1"}
paths:
  /users:
    get:
      security: [{bearerAuth: ["read:users"]}, {key: []}]
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
    key: {type: apiKey, in: header, name: X-Key}
"""


def test_make_mock_accepts_any_present_credential_and_an_operation_without_responses(tmp_path: Path) -> None:
    """`make mock` checks that credentials are present, not whom they name; an operation declaring no
    response (OAS 3.1 allows it) answers 200 with no content instead of a 500 (found by make corpus on
    oai-v3.1-non-oauth-scopes.yaml)."""
    import json

    from werkzeug.test import Client

    from chalicelib.runtime.security import verifiers
    from devtools.mock import any_credentials, build_app
    from tests.contract.wsgi import ChaliceWSGI

    spec = tmp_path / "secured.yaml"
    spec.write_text(SECURED_SPEC, encoding="utf-8")
    run = generate(spec, tmp_path, "mock_sec._generated", "--mock")
    assert run.returncode == 0, run.explain()
    before = (dict(verifiers.api_keys), dict(verifiers.basic), dict(verifiers.bearer))
    with importable(tmp_path, "mock_sec"):
        client = Client(ChaliceWSGI(build_app("mock_sec")))
        with any_credentials("mock_sec"):
            refused = client.get("/users")
            assert refused.status_code == 401
            # wired as app.py is: the answer names its request, in the header and the problem body
            request_id = refused.headers["X-Request-Id"]
            assert json.loads(refused.get_data(as_text=True))["request_id"] == request_id
            assert client.get("/users", headers={"Authorization": "Bearer anything"}).status_code == 200
            assert client.get("/users", headers={"X-Key": "k"}).status_code == 200
        assert client.get("/users", headers={"X-Key": "k"}).status_code == 401  # no verifier: refused
    assert (dict(verifiers.api_keys), dict(verifiers.basic), dict(verifiers.bearer)) == before


def test_make_mock_project_serves_with_any_credentials(tmp_path: Path) -> None:
    """The throwaway project of `make mock` (app.py + .chalice/config.json) imports, its app keeps
    accepting credentials after import (a context manager entered and dropped there was undone by the
    garbage collector), and it logs as its stage says (LOG_LEVEL, LOG_FORMAT): one access line per
    request, like the real app."""
    import os
    import subprocess
    import sys

    from devtools.mock import write_project
    from tests.codegen.support import ROOT

    project = write_project(ROOT / "openapi.yaml", tmp_path / "mock")
    assert (project / ".chalice" / "config.json").is_file()
    probe = (
        "import gc, app\n"
        "gc.collect()\n"
        "from chalicelib.runtime.security import verifiers\n"
        "assert set(verifiers.bearer) == {'bearerAuth', 'oauth2'}, verifiers.bearer\n"
        "assert set(verifiers.api_keys) == {'apiKey'}, verifiers.api_keys\n"
        "from chalice.test import Client\n"
        "with Client(app.app) as client:\n"
        "    assert client.http.get('/health').status_code == 200\n"
    )
    env = {**os.environ, "LOG_LEVEL": "INFO", "LOG_FORMAT": "text"}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if "operation=getHealth" in line]
    assert len(lines) == 1, done.stdout
    assert "GET /health -> 200" in lines[0]
    assert not (ROOT / "chalicelib" / "_generated" / "mockapi").exists()


FRAGMENT_SPEC = """
openapi: 3.0.3
info: {title: fragments, version: "1"}
paths:
  /schema:
    get:
      operationId: getSchema
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}, example: {op: get}}}}
  /schema#add:
    put:
      operationId: addToSchema
      requestBody:
        content: {application/json: {schema: {type: array}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}, example: {op: add}}}}
  /schema#update:
    put:
      operationId: updateSchema
      requestBody:
        content: {application/json-patch+json: {schema: {type: array}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}, example: {op: update}}}}
  /schema#peek:
    get:
      operationId: peekSchema
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}, example: {op: peek}}}}
  /files/{file_id}:
    get:
      operationId: getFile
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object}, example: {op: file}}}
  /files/{file_id}#get_shared_link:
    get:
      operationId: getSharedLink
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object}, example: {op: link}}}
  /files/{file_id}#add_shared_link:
    put:
      operationId: addSharedLink
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object}, example: {op: add_link}}}
"""


def test_paths_with_a_fragment_are_served_where_clients_send_them(tmp_path: Path) -> None:
    """RFC 3986 §3.5: a fragment is never part of the request target, so `PUT /schema#add` is the request
    `PUT /schema` (found by make corpus on box-platform: it was a 405, or routed only for `%23`). `/a#x` is
    served at `/a` when `/a` declares no operation for that method; among several, the first in document
    order serves and codegen warns, naming them; an operation declared at `/a` itself always wins."""
    import json

    from werkzeug.test import Client

    from devtools.mock import build_app
    from tests.contract.wsgi import ChaliceWSGI

    spec = tmp_path / "fragments.yaml"
    spec.write_text(FRAGMENT_SPEC, encoding="utf-8")
    run = generate(spec, tmp_path, "mock_frag._generated", "--mock")
    assert run.returncode == 0, run.explain()
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3, run.stderr
    assert any(
        "PUT /schema#update is not routed" in w and "which PUT /schema#add serves" in w for w in warnings
    )
    assert any("GET /schema#peek is not routed" in w and "which GET /schema serves" in w for w in warnings)
    assert any(
        "GET /files/{file_id}#get_shared_link is not routed" in w and "which GET /files/{file_id} serves" in w
        for w in warnings
    )
    with importable(tmp_path, "mock_frag"):
        routes = load("mock_frag._generated.routes")
        # every operation keeps its row, at the route a client reaches it on; no route holds a `#`
        assert {(m, route, path) for m, route, _, _, path in routes.OPERATIONS} == {
            ("GET", "/schema", "/schema"),
            ("PUT", "/schema", "/schema#add"),
            ("PUT", "/schema", "/schema#update"),
            ("GET", "/schema", "/schema#peek"),
            ("GET", "/files/{file_id}", "/files/{file_id}"),
            ("GET", "/files/{file_id}", "/files/{file_id}#get_shared_link"),
            ("PUT", "/files/{file_id}", "/files/{file_id}#add_shared_link"),
        }
        app = build_app("mock_frag")
        assert not [path for path in app.routes if "#" in path]
        client = Client(ChaliceWSGI(app))

        def served(method: str, url: str, **kwargs: Any) -> Any:
            answer = client.open(url, method=method, **kwargs)
            assert answer.status_code == 200, answer.get_data(as_text=True)
            return json.loads(answer.get_data(as_text=True))["op"]

        assert served("PUT", "/schema#add", json=[]) == "add"  # werkzeug drops the fragment, as clients do
        assert served("PUT", "/schema", json=[]) == "add"
        assert served("GET", "/schema#peek") == "get"
        assert served("GET", "/files/1#get_shared_link") == "file"
        assert served("PUT", "/files/1#add_shared_link") == "add_link"
        # `%23` is data, not a fragment: GET /files/{file_id} with file_id "1#get_shared_link"
        assert served("GET", "/files/1%23get_shared_link") == "file"
