"""Every real-world spec of the shared corpus (../shared/specs) generates an importable Chalice app whose
route table holds exactly the spec's operations.

Operations whose paths differ only in literal text inside a segment (`/files/{file_id}.json` and
`/files/{file_id}.xml`) share one Chalice route that dispatches among them, and an operation whose path has a
fragment (`/files/{file_id}#get_shared_link`: never sent, RFC 3986 §3.5) is at the route of the path without
it, so the check goes through `routes.OPERATIONS` (one row per operation, with its Chalice route) rather than
counting routes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from chalicelib.runtime.pipeline import read_and_validate
from tests.codegen.support import ROOT, chalice_app, generate, importable, load, route_table, slug

CORPUS = ROOT.parent / "shared" / "specs"
NOT_SPECS = {"README.md", "manifest.json"}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENTS_URI = "urn:openapi-chalice:components"


# raw values for every parameter of an operation at once (None: none sent), for its reader
READER_PROBES = (None, "", "1", "-2.5", "abc", "1,2", "true", "%41%2C", "x" * 300)


def _probe(op: Any, raw: str | None) -> tuple[dict[str, list[str]], dict[str, str], dict[str, str]]:
    query: dict[str, list[str]] = {}
    headers: dict[str, str] = {}
    path: dict[str, str] = {}
    if raw is not None:
        for p in op.parameters:
            if p.location == "query":
                query[p.name] = [raw, raw + "0"]
            elif p.location == "header":
                headers[p.name] = raw
            elif p.location == "path":
                path[p.name] = raw
    return query, headers, path


def _corpus_files() -> list[Any]:
    if not CORPUS.is_dir():  # a parameter that fails, never an empty (skipped) parametrization
        return [pytest.param(None, id="corpus-missing")]
    return [
        pytest.param(p, id=p.name)
        for p in sorted(CORPUS.iterdir())
        if p.is_file() and p.name not in NOT_SPECS
    ]


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def _pointer(document: Any, ref: str) -> Any:
    assert ref.startswith("#/"), f"only local path-item $refs are expected in the corpus, got {ref!r}"
    node = document
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def spec_operations(document: Any) -> Counter[tuple[str, str]]:
    """(METHOD, spec path) of every operation, counted independently of the generator."""
    found: Counter[tuple[str, str]] = Counter()
    for path, item in (document.get("paths") or {}).items():
        seen: set[str] = set()
        while isinstance(item, dict) and isinstance(item.get("$ref"), str) and item["$ref"] not in seen:
            seen.add(item["$ref"])
            item = _pointer(document, item["$ref"])
        for method in METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                found[(method.upper(), path)] += 1
    return found


def _refs(node: Any) -> list[str]:
    stack, found = [node], []
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("$ref"), str):
                found.append(current["$ref"])
            stack.extend(current.values())
        elif isinstance(current, list | tuple):
            stack.extend(current)
    return found


def test_corpus_folder_is_present() -> None:
    assert CORPUS.is_dir(), f"the shared spec corpus is missing: {CORPUS}"
    assert [p for p in CORPUS.iterdir() if p.name not in NOT_SPECS], f"no specs in {CORPUS}"


@pytest.mark.corpus
@pytest.mark.parametrize("spec", _corpus_files())
def test_corpus_spec_generates_its_routes(
    spec: Path | None, tmp_path: Path, codegen_timings: list[tuple[str, float]]
) -> None:
    assert spec is not None, f"the shared spec corpus is missing: {CORPUS}"
    top = f"corpus_{slug(spec.stem)}"
    run = generate(spec, tmp_path, f"{top}._generated", "--stub")
    codegen_timings.append((f"corpus {spec.name} ({spec.stat().st_size / 1024:.1f} KiB)", run.seconds))
    assert run.returncode == 0, run.explain()

    document = _parse(spec)
    expected = spec_operations(document)
    manifest_path = CORPUS / "manifest.json"
    manifest = (
        {e["file"]: e for e in json.loads(manifest_path.read_text(encoding="utf-8"))}
        if manifest_path.is_file()
        else {}
    )
    if spec.name in manifest:  # cross-check the independent count against the corpus' own manifest
        assert sum(expected.values()) == manifest[spec.name]["operations"]
    with importable(tmp_path, top):
        routes = load(f"{top}._generated.routes")
        rows = list(routes.OPERATIONS)

        # (a) exactly one row per operation of the spec
        listed = Counter((method, path) for method, _, _, _, path in rows)
        duplicated = sorted(key for key, n in listed.items() if n > 1)
        assert not duplicated, f"operations listed more than once: {duplicated}"
        assert set(listed) == set(expected), (
            f"missing: {sorted(set(expected) - set(listed))}\nunexpected: {sorted(set(listed) - set(expected))}"
        )
        assert len(rows) == sum(expected.values())

        app = chalice_app(routes, name=top)
        table = route_table(app, options=True)
        used = {(route, method) for method, route, _, _, _ in rows}
        # (b) every operation's Chalice route is registered
        assert used <= table, f"operations without a registered route: {sorted(used - table)}"
        # (c) every registered route serves some operation, or answers OPTIONS for a route that does (CORS)
        cors = {(route, "OPTIONS") for route in routes.CORS_PATHS}
        assert table <= used | cors, f"routes serving no operation: {sorted(table - used - cors)}"
        assert set(routes.CORS_PATHS) == {route for _, route, _, _, _ in rows}

        # operations share a Chalice route only when their paths, without a fragment, differ in literal
        # text inside a segment
        sharing: dict[tuple[str, str], list[str]] = {}
        for method, route, _, _, path in rows:
            sharing.setdefault((route, method), []).append(path)
        for (route, method), paths in sharing.items():
            shapes = {
                tuple("{}" if "{" in part else part for part in p.partition("#")[0].rstrip("/").split("/"))
                for p in paths
            }
            assert len(shapes) == 1, f"{method} {route} serves unrelated paths: {paths}"
        assert not [route for _, route, _, _, _ in rows if "#" in route], "a fragment is never requested"
        if spec.name == "box-platform.json":  # the documented case: /files/{file_id} + ...#get_shared_link
            shared = sharing[("/files/{file_id}", "GET")]
            assert "/files/{file_id}" in shared
            assert "/files/{file_id}#get_shared_link" in shared
            schema = "/metadata_templates/enterprise/securityClassification-6VMVochwUWo/schema"
            assert sorted(sharing[(schema, "PUT")]) == [schema + "#add", schema + "#update"]

        # API Gateway refuses sibling path variables with different names under one parent resource
        variables: dict[tuple[str, ...], set[str]] = {}
        for _, route, _, _, _ in rows:
            parts = route.strip("/").split("/")
            for i, part in enumerate(parts):
                if part.startswith("{"):
                    variables.setdefault(tuple(parts[:i]), set()).add(part)
        clashes = {"/" + "/".join(k): sorted(v) for k, v in variables.items() if len(v) > 1}
        assert not clashes, f"sibling path variables with different names: {clashes}"

        # every generated module imports: operations, models and every compiled validator module (which
        # proves every link between validators resolves); every schema slot holds a compiled validator
        generated = tmp_path / top / "_generated"
        modules = {p.stem for p in (generated / "operations").glob("*.py") if p.stem != "__init__"}
        assert modules == {module for _, _, module, _, _ in rows}
        load(f"{top}._generated.models")
        for path in sorted((generated / "validators").glob("*.py")):
            if path.stem != "__init__":
                assert callable(load(f"{top}._generated.validators.{path.stem}").v)
        for module in sorted(modules):
            op = load(f"{top}._generated.operations.{module}").OPERATION
            assert callable(load(f"{top}._generated.operations.{module}").call)
            slots = [p.schema for p in op.parameters]
            slots += [v for r in op.responses.values() for v in r.media.values()]
            slots += [h.schema for r in op.responses.values() for h in r.headers.values()]
            slots += [m.schema for m in op.body.media.values()] if op.body is not None else []
            assert all(v is None or callable(v) for v in slots), module
            if op.reader is not None:  # the parameter walk codegen wrote out answers as the generic one
                for raw in READER_PROBES:
                    query, headers, path = _probe(op, raw)
                    expected_args = read_and_validate(op, query, headers, path, {})
                    assert op.reader(query, headers, path) == expected_args, (module, raw)
