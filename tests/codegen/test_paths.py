"""Spec paths -> Chalice routes, through the public CLI on small inline specs: parameters inside a segment,
names that are not identifiers, sibling variables (API Gateway wants one name per position), collisions,
and names that must not clash with what the generated routes module itself uses."""

from __future__ import annotations

import contextlib
import json
import keyword
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from chalice.test import Client

from tests.codegen.support import (
    PYPROJECT,
    Run,
    chalice_app,
    generate,
    importable,
    load,
    route_table,
    run_tool,
    write,
)

VARIABLE = re.compile(r"\{([^{}]+)\}")

ECHO = """
from __future__ import annotations

from typing import Any

from chalicelib.runtime import HandlerResult


def _echo(op: str, **kwargs: Any) -> HandlerResult:
    return {"op": op, **kwargs}
"""


def echo_handlers(*names: str) -> str:
    """A handler module whose functions answer {"op": name, **kwargs}."""
    return ECHO + "".join(
        f"\n\ndef {name}(**kwargs: Any) -> HandlerResult:\n    return _echo({name!r}, **kwargs)\n"
        for name in names
    )


def spec_with(paths: str) -> str:
    return 'openapi: 3.1.0\ninfo: {title: paths, version: "1"}\npaths:\n' + paths


def get(op_id: str, *params: str, method: str = "get") -> str:
    """An operation with required string path parameters and a JSON response."""
    lines = [f"    {method}:", f"      operationId: {op_id}"]
    if params:
        lines.append("      parameters:")
        lines += [
            f"        - {{name: {p!r}, in: path, required: true, schema: {{type: string}}}}" for p in params
        ]
    lines += [
        "      responses:",
        '        "200": {description: OK, content: {application/json: {schema: {}}}}',
    ]
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def generated(
    tmp_path: Path, top: str, spec: str, handlers: dict[str, str] | None = None
) -> Iterator[tuple[Run, ModuleType]]:
    write(tmp_path / "openapi.yaml", spec)
    write(tmp_path / top / "__init__.py", "")
    for tag, text in (handlers or {}).items():
        write(tmp_path / top / "handlers" / "__init__.py", "")
        write(tmp_path / top / "handlers" / f"{tag}.py", text)
    run = generate(tmp_path / "openapi.yaml", tmp_path, f"{top}._generated", "--stub")
    assert run.returncode == 0, run.explain()
    with importable(tmp_path, top):
        yield run, load(f"{top}._generated.routes")


def rows_by_path(routes: ModuleType) -> dict[tuple[str, str], str]:
    """(METHOD, spec path) -> Chalice route."""
    return {(method, path): route for method, route, _, _, path in routes.OPERATIONS}


def test_parameters_inside_one_segment_make_one_chalice_route(tmp_path: Path) -> None:
    spec = spec_with(
        "  /files/{name}.{ext}:\n"
        + get("getFile", "name", "ext")
        + "  /files/{name}:\n"
        + get("getFileBare", "name")
    )
    handlers = {"default": echo_handlers("get_file", "get_file_bare")}
    with generated(tmp_path, "paths_segment", spec, handlers) as (_, routes):
        rows = rows_by_path(routes)
        route = rows[("GET", "/files/{name}.{ext}")]
        match = re.fullmatch(r"/files/\{(\w+)\}", route)
        assert match, f"{route!r} is not one whole-segment variable"
        assert match[1].isidentifier()
        assert rows[("GET", "/files/{name}")] == route, "both templates share the one Chalice route"
        app = chalice_app(routes)
        assert route_table(app) == {(route, "GET")}
        with Client(app) as client:
            dotted = client.http.get("/files/report.pdf")
            assert dotted.status_code == 200, dotted.body
            assert json.loads(dotted.body) == {"op": "get_file", "name": "report", "ext": "pdf"}
            bare = client.http.get("/files/report")
            assert bare.status_code == 200, bare.body
            assert json.loads(bare.body) == {"op": "get_file_bare", "name": "report"}


def test_a_name_that_is_not_an_identifier_becomes_a_valid_variable(tmp_path: Path) -> None:
    spec = spec_with(
        "  /users/{user-id}:\n"
        + get("getUser", "user-id")
        + "  /classes/{class}:\n"
        + get("getClass", "class")
    )
    handlers = {"default": echo_handlers("get_user", "get_class")}
    with generated(tmp_path, "paths_names", spec, handlers) as (_, routes):
        rows = rows_by_path(routes)
        for path in ("/users/{user-id}", "/classes/{class}"):
            (variable,) = VARIABLE.findall(rows[("GET", path)])
            assert variable.isidentifier(), variable
            assert not keyword.iskeyword(variable), variable
        assert rows[("GET", "/users/{user-id}")] == "/users/{user_id}"
        app = chalice_app(routes)
        with Client(app) as client:
            user = client.http.get("/users/u-1")
            assert user.status_code == 200, user.body
            assert json.loads(user.body) == {"op": "get_user", "user_id": "u-1"}
            klass = client.http.get("/classes/c1")
            assert klass.status_code == 200, klass.body
            assert json.loads(klass.body)["op"] == "get_class"
            assert "c1" in json.loads(klass.body).values()


def test_sibling_routes_use_the_same_variable_name_at_the_same_position(tmp_path: Path) -> None:
    spec = spec_with(
        "  /a/{x}:\n"
        + get("ax", "x")
        + get("putAx", "x", method="put")
        + "  /a/{y}/b:\n"
        + get("ayb", "y")
        + "  /a/{z}/c/{w}:\n"
        + get("azcw", "z", "w")
    )
    handlers = {"default": echo_handlers("ax", "put_ax", "ayb", "azcw")}
    with generated(tmp_path, "paths_siblings", spec, handlers) as (_, routes):
        rows = rows_by_path(routes)
        first = {VARIABLE.findall(route)[0] for route in rows.values()}
        assert len(first) == 1, f"sibling variables under /a differ: {sorted(rows.values())}"
        (name,) = first
        assert rows[("GET", "/a/{y}/b")] == f"/a/{{{name}}}/b"
        assert rows[("GET", "/a/{x}")] == rows[("PUT", "/a/{x}")] == f"/a/{{{name}}}"
        app = chalice_app(routes)
        assert len(route_table(app)) == 4
        with Client(app) as client:
            response = client.http.get("/a/1/b")
            assert json.loads(response.body) == {"op": "ayb", "y": "1"}
            response = client.http.get("/a/1/c/2")
            assert json.loads(response.body) == {"op": "azcw", "z": "1", "w": "2"}


def test_a_trailing_slash_maps_to_the_route_without_it(tmp_path: Path) -> None:
    spec = spec_with("  /things/:\n" + get("listThings"))
    with generated(tmp_path, "paths_slash", spec) as (_, routes):
        assert rows_by_path(routes) == {("GET", "/things/"): "/things"}
        assert route_table(chalice_app(routes)) == {("/things", "GET")}


def test_a_trailing_slash_duplicate_is_a_collision_naming_both_paths(tmp_path: Path) -> None:
    write(tmp_path / "openapi.yaml", spec_with("  /items:\n" + get("listA") + "  /items/:\n" + get("listB")))
    run = generate(tmp_path / "openapi.yaml", tmp_path, "paths_dup._generated", "--stub")
    assert run.returncode == 1, run.explain()
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr
    assert re.search(r"GET /items/(?![\w/])", errors[0]), errors[0]
    assert re.search(r"GET /items(?![\w/])", errors[0]), errors[0]
    assert "collides" in errors[0]
    assert not (tmp_path / "paths_dup").exists()


def test_path_variables_do_not_shadow_names_the_generated_view_uses(tmp_path: Path) -> None:
    """A path parameter called `blueprint` or `dispatch` must not break its route."""
    spec = spec_with(
        "  /things/{blueprint}:\n"
        + get("getThing", "blueprint")
        + "  /runs/{dispatch}:\n"
        + get("getRun", "dispatch")
    )
    with generated(tmp_path, "paths_shadow_vars", spec) as (_, routes), Client(chalice_app(routes)) as client:
        for url in ("/things/t1", "/runs/r1"):
            response = client.http.get(url)
            assert response.status_code == 501, f"GET {url}: {response.status_code} {response.body!r}"
            assert response.headers["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("op_id", ["dispatch", "blueprint", "docs"])
def test_operation_ids_do_not_shadow_names_of_the_routes_module(op_id: str, tmp_path: Path) -> None:
    """View functions are named after operations: an operationId `dispatch`, `blueprint` or `docs` must not
    rebind the routes module's own names (the pipeline entry point, the blueprint, the docs view)."""
    spec = spec_with("  /run:\n" + get(op_id, method="post") + "  /health:\n" + get("getHealth"))
    top = f"paths_shadow_{op_id}"
    with generated(tmp_path, top, spec) as (_, routes):
        with Client(chalice_app(routes)) as client:
            for method, url in (("post", "/run"), ("get", "/health")):
                response = getattr(client.http, method)(url)
                assert response.status_code == 501, (
                    f"{method.upper()} {url}: {response.status_code} {response.body!r}"
                )
        lint = run_tool(
            "ruff",
            "check",
            "--no-cache",
            "--config",
            PYPROJECT,
            "--output-format",
            "concise",
            routes.__file__,
        )
        assert lint.returncode == 0, lint.stdout
