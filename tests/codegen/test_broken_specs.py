"""Invalid specs: exit 1, every problem located (file:line: JSON pointer: message), nothing written.

stderr is compared with `broken/<spec>.expected.txt`. After an intended change of the messages, rewrite
the snapshots with `UPDATE_SNAPSHOTS=1 python -m pytest tests/codegen/test_broken_specs.py` and review
the diff.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.codegen.support import HERE, ROOT, codegen, slug, tree_state, write

BROKEN = HERE / "broken"
SPECS = sorted(p for p in BROKEN.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
PROBLEM = re.compile(
    r"^(?P<level>error|warning): (?P<file>[^:]+):(?P<line>\d+): (?P<pointer>/\S*): (?P<message>.+)$"
)
SUMMARY = re.compile(r"^codegen: (?P<count>\d+) problem\(s\); nothing written$")

# spec -> (line, JSON pointer, substrings the message must contain): where the problem really is.
LOCATED = {
    "missing_info_version.yaml": (2, "/info", ["'version'"]),
    "bad_parameter_in.yaml": (10, "/paths/~1items/get/parameters/0", []),
    "duplicate_operation_id.yaml": (13, "/paths/~1things/get", ["getThing"]),
    "unresolved_path_parameter.yaml": (7, "/paths/~1items~1{item_id}/get", ["item_id"]),
    "dangling_ref.yaml": (
        15,
        "/paths/~1items/get/responses/200/content/application~1json/schema/$ref",
        ["#/components/schemas/Missing"],
    ),
    "invalid_yaml.yaml": (None, "/", ["invalid YAML"]),
    "invalid_json.json": (6, "/", ["invalid JSON"]),
    "swagger_2.yaml": (1, "/swagger", ["Swagger 2.0 document", "convert it to OpenAPI 3.0 or 3.1"]),
    "openapi_2_0.yaml": (1, "/openapi", ["'2.0'"]),
    "route_collision.yaml": (15, "/paths/~1items~1{b}/get", ["GET /items/{a}", "GET /items/{b}"]),
    "trace_method.yaml": (12, "/paths/~1items/trace", ["TRACE"]),
}


def _relative(spec: Path) -> str:
    return spec.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class BrokenRun:
    code: int
    stderr: str  # temp dir and repo paths normalized
    wrote: list[str]  # what appeared in the (empty) temp dir


def _run_broken(spec: Path, tmp_path: Path) -> BrokenRun:
    out = tmp_path / "out" / "broken_pkg" / "_generated"
    run = codegen(
        "--spec",
        _relative(spec),  # relative to the repo root (the cwd): messages name it the same way everywhere
        "--out",
        out,
        "--package",
        "broken_pkg._generated",
        "--handlers",
        tmp_path / "handlers",
        "--handlers-package",
        "broken_pkg.handlers",
        "--stub",
        "--no-cache",
    )
    assert run.stdout == "", run.explain()
    wrote = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    return BrokenRun(run.returncode, _normalize(run.stderr, tmp_path), wrote)


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], BrokenRun]:
    """Each broken spec is run once (in its own empty temp dir) and the result shared by the tests."""
    cache: dict[str, BrokenRun] = {}

    def get(spec: Path) -> BrokenRun:
        if spec.name not in cache:
            cache[spec.name] = _run_broken(spec, tmp_path_factory.mktemp(slug(spec.name)))
        return cache[spec.name]

    return get


def _normalize(text: str, tmp_path: Path) -> str:
    for raw, token in ((tmp_path.as_uri(), "<TMP_URI>"), (str(tmp_path), "<TMP>")):
        text = text.replace(raw, token)
    for raw, token in ((ROOT.as_uri(), "<ROOT_URI>"), (str(ROOT), "<ROOT>")):
        text = text.replace(raw, token)
    return text


def test_every_broken_spec_has_a_snapshot_and_an_expectation() -> None:
    names = {p.name for p in SPECS}
    assert len(names) >= 6
    assert names == set(LOCATED), f"keep LOCATED in step with broken/: {sorted(names ^ set(LOCATED))}"
    snapshots = {p.name.removesuffix(".expected.txt") for p in BROKEN.glob("*.expected.txt")}
    assert snapshots == names or UPDATE, (
        f"snapshots without spec or spec without snapshot: {snapshots ^ names}"
    )


@pytest.mark.parametrize("spec", SPECS, ids=[p.name for p in SPECS])
def test_broken_spec_fails_with_snapshot_stderr_and_writes_nothing(
    spec: Path, broken_run: Callable[[Path], BrokenRun]
) -> None:
    result = broken_run(spec)
    stderr = result.stderr
    assert result.code == 1, stderr
    assert result.wrote == [], "codegen wrote something although the spec is invalid"

    snapshot = spec.with_name(spec.name + ".expected.txt")
    if UPDATE:
        snapshot.write_text(stderr, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with UPDATE_SNAPSHOTS=1"
    expected = snapshot.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(expected.splitlines(True), stderr.splitlines(True), "expected", "actual")
    )
    assert stderr == expected, f"stderr differs from {snapshot.name}:\n{diff}"


@pytest.mark.parametrize("spec", SPECS, ids=[p.name for p in SPECS])
def test_broken_spec_problems_are_located(spec: Path, broken_run: Callable[[Path], BrokenRun]) -> None:
    result = broken_run(spec)
    stderr = result.stderr
    assert result.code == 1, stderr
    lines = stderr.splitlines()
    assert lines, "no message at all"
    summary = SUMMARY.match(lines[-1])
    assert summary, f"last line is not the summary: {lines[-1]!r}"
    problems = [PROBLEM.match(line) for line in lines[:-1]]
    unlocated = [line for line, m in zip(lines[:-1], problems, strict=True) if m is None]
    assert not unlocated, f"problems without a line number and JSON pointer: {unlocated}"
    found = [m for m in problems if m is not None]
    assert {m["file"] for m in found} == {_relative(spec)}
    assert int(summary["count"]) == len(found)
    assert any(m["level"] == "error" for m in found)

    line, pointer, needles = LOCATED[spec.name]
    at = [m for m in found if m["pointer"] == pointer and (line is None or int(m["line"]) == line)]
    assert at, f"expected a problem at line {line}, {pointer}; got:\n{stderr}"
    for needle in needles:
        assert any(needle in m["message"] for m in at), (
            f"{needle!r} not in the problem at {pointer}:\n{stderr}"
        )


@pytest.mark.parametrize(
    "name",
    ["invalid_yaml.yaml", "missing_info_version.yaml", "dangling_ref.yaml", "route_collision.yaml"],
    ids=["load", "validate", "resolve", "build"],
)
def test_broken_spec_leaves_an_existing_out_dir_untouched(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "broken_pkg" / "_generated"
    write(out / "__init__.py", "# a previous generation\n")
    write(out / "routes.py", "OPERATIONS = ()\n")
    write(out / "operations" / "old_op.py", "# kept\n")
    write(tmp_path / "out" / "broken_pkg" / "keep.txt", "sibling\n")
    before = tree_state(tmp_path)
    result = _run_broken(BROKEN / name, tmp_path)
    assert result.code == 1, result.stderr
    assert tree_state(tmp_path) == before, "the existing output (or its parent) changed"
