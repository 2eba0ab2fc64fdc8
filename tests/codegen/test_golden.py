"""Golden records: the baseline spec's generated tree is committed under tests/codegen/golden/baseline.

A fresh generation must match it byte for byte (`make regen` rewrites it after an intended change), must
be lint-clean and formatted under the project's ruff configuration (it lands in chalicelib/_generated,
which `make lint` checks), must pass `mypy --strict`, and must not depend on where or when it is made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chalice.test import Client

from chalicelib.runtime.operation import MISSING
from tests.codegen import golden
from tests.codegen.support import PYPROJECT, chalice_app, importable, load, mypy_strict, run_tool, tree_bytes


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The baseline generated once for this module, into a temp dir."""
    built, _ = golden.generate_baseline(tmp_path_factory.mktemp("golden-fresh"), env={"PYTHONHASHSEED": "1"})
    return built


def test_golden_records_exist() -> None:
    files = tree_bytes(golden.GOLDEN)
    assert "routes.py" in files, "no golden records: run `make regen` (python -m tests.codegen.golden regen)"
    assert "models.py" in files
    assert any(rel.startswith("operations/") for rel in files)


def test_generation_matches_golden_records(fresh: Path) -> None:
    diff = golden.diff_trees(golden.GOLDEN, fresh)
    assert not diff, (
        "the generator's output for tests/codegen/specs/baseline.yaml changed; if intended, run `make regen` "
        "and commit the new records.\n" + diff
    )


def test_generated_tree_passes_ruff_check(fresh: Path) -> None:
    result = run_tool(
        "ruff", "check", "--no-cache", "--config", PYPROJECT, "--output-format", "concise", fresh
    )
    assert result.returncode == 0, f"generated code is not lint-clean:\n{result.stdout}{result.stderr}"


def test_generated_tree_is_ruff_formatted(fresh: Path) -> None:
    result = run_tool("ruff", "format", "--check", "--no-cache", "--config", PYPROJECT, fresh)
    assert result.returncode == 0, f"generated code is not formatted:\n{result.stdout}{result.stderr}"


def test_generated_tree_type_checks_strict(fresh: Path, mypy_cache: Path) -> None:
    result = mypy_strict(fresh, mypy_cache)
    print(f"mypy --strict on the generated baseline: {result.seconds:.2f}s")
    assert result.returncode == 0, f"mypy --strict fails on generated code:\n{result.stdout}{result.stderr}"


def test_generation_is_deterministic(fresh: Path, tmp_path: Path) -> None:
    """Another generation, in a differently named and nested directory with a fixed hash seed, is
    byte-identical to the module's one: no set ordering, no path, no timestamp leaks into the output."""
    other, _ = golden.generate_baseline(tmp_path / "somewhere" / "else", env={"PYTHONHASHSEED": "12345"})
    assert tree_bytes(fresh), "nothing generated"
    diff = golden.diff_trees(fresh, other)
    assert not diff, f"two generations of the same spec differ:\n{diff}"
    for rel, content in tree_bytes(other).items():
        assert str(tmp_path).encode() not in content, f"{rel} contains the output directory path"


def test_baseline_features_reach_the_generated_code(fresh: Path) -> None:
    """The baseline spec exists to exercise these mappings; check them on the generated package itself."""
    with importable(fresh.parent.parent, "golden_pkg"):
        routes = load("golden_pkg._generated.routes")
        rows = {(m, path): (route, module, op_id) for m, route, module, op_id, path in routes.OPERATIONS}
        assert len(rows) == len(routes.OPERATIONS) == 10
        # a parameter inside a segment: the whole segment is one Chalice variable
        route, module, op_id = rows[("GET", "/posts/{post_id}.json")]
        assert re.fullmatch(r"/posts/\{[A-Za-z_]\w*\}", route), route
        assert op_id is None  # no operationId: the module is named after method + path
        assert module.isidentifier()
        # a name that is not an identifier becomes one
        assert (
            rows[("GET", "/users/{user-id}")][0]
            == rows[("PATCH", "/users/{user-id}")][0]
            == "/users/{user_id}"
        )
        # an operation without tags still gets a module and a route
        assert rows[("GET", "/tree/{node_id}")][0] == "/tree/{node_id}"

        # only the stable descriptor fields (name, location, schema, default); behaviour is checked below
        get_item = load("golden_pkg._generated.operations.get_item").OPERATION
        put_item = load("golden_pkg._generated.operations.replace_item").OPERATION
        by_name = {p.name: p for p in get_item.parameters}
        assert set(by_name) == {"item_id", "verbose"}, "path-level and op-level parameters are merged"
        assert by_name["verbose"].default is False, "the op-level parameter overrides the path-level one"
        assert {p.name for p in put_item.parameters} == {"item_id", "verbose"}
        assert next(p for p in put_item.parameters if p.name == "verbose").default is MISSING

        list_items = load("golden_pkg._generated.operations.list_items").OPERATION
        params = {p.name: p for p in list_items.parameters}
        # types reach both the coercion shape and the compiled validator
        assert (params["limit"].shape["type"], params["limit"].default) == (["integer"], 20)
        assert (params["active"].shape["type"], params["active"].default) == (["boolean"], True)
        assert (params["tag"].shape["type"], params["tag"].default) == (["array"], [])
        errors: list[tuple[str, str, str]] = []
        assert params["limit"].schema(20, "/limit", errors)
        assert errors == []
        assert not params["limit"].schema("20", "/limit", errors)
        assert errors == [("/limit", "type", "'20' is not of type 'integer'")]
        assert params["X-Request-Id"].location == "header"

        models = (fresh / "models.py").read_text(encoding="utf-8")
        assert '"content-type": "NotRequired[str]"' in models  # not an identifier: functional TypedDict
        assert "children: NotRequired[list[Node]]" in models  # recursive schema
        assert "UpdateUserBody" in models  # inline object body

        app = chalice_app(routes)
        assert {path for path in app.routes} == {route for route, _, _ in rows.values()}
        with Client(app) as client:  # --stub: requests are still parsed and validated, then answer 501
            for url in (
                "/items?limit=5&active=false&tag=a&tag=b",
                "/posts/42.json",
                "/users/u-1",
                "/tree/n1",
            ):
                response = client.http.get(url)
                assert response.status_code == 501, f"GET {url}: {response.status_code} {response.body!r}"
                assert response.headers["Content-Type"] == "application/problem+json"
            for url in ("/items?limit=0", "/items?active=maybe", "/posts/abc.json", "/items/UPPER"):
                response = client.http.get(url)
                assert response.status_code == 400, f"GET {url}: {response.status_code} {response.body!r}"
                assert response.headers["Content-Type"] == "application/problem+json"


def test_golden_cli_diff_reports_up_to_date() -> None:
    result = run_tool("tests.codegen.golden", "diff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


def test_golden_cli_rejects_unknown_command() -> None:
    """The Makefile calls `python -m tests.codegen.golden regen`; anything unknown is a usage error (regen
    itself is not run here: it would rewrite the committed records)."""
    result = run_tool("tests.codegen.golden", "bogus")
    assert result.returncode == 2
    assert "regen" in result.stderr
