"""`--check`: exit 0 on an up-to-date tree, exit 1 naming every stale file otherwise, and never write."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.codegen.support import BASELINE_SPEC, Run, generate, tree_state

PACKAGE = "check_pkg._generated"
NEW_OPERATION = """
  /ping:
    get:
      operationId: ping
      tags: [items]
      responses:
        "204":
          description: Pong.
"""


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("check-generated")
    shutil.copy(BASELINE_SPEC, root / "baseline.yaml")
    run = generate(root / "baseline.yaml", root, PACKAGE, "--stub")
    assert run.returncode == 0, run.explain()
    return root


@pytest.fixture
def project(generated_once: Path, tmp_path: Path) -> Path:
    """A copy of the baseline spec and of its freshly generated tree under tmp_path (generated only once
    per module: every generated path is relative to the package, so a copy is as good as a generation)."""
    shutil.copytree(generated_once, tmp_path, dirs_exist_ok=True)
    return tmp_path


def out_of(project: Path) -> Path:
    return project / "check_pkg" / "_generated"


def check(project: Path) -> Run:
    return generate(project / "baseline.yaml", project, PACKAGE, "--stub", "--check")


def stale_named(run: Run, project: Path) -> set[str]:
    """The files `--check` lists as stale, relative to the output directory."""
    out = str(out_of(project))
    names = set()
    for line in run.stderr.splitlines():
        match = re.fullmatch(r"\s+(\S+)", line)
        if match and match[1].startswith(out + "/"):
            names.add(match[1][len(out) + 1 :])
    return names


def test_check_passes_on_a_fresh_tree_and_writes_nothing(project: Path) -> None:
    before = tree_state(project)
    run = check(project)
    assert run.returncode == 0, run.explain()
    assert "up to date" in run.stderr
    assert stale_named(run, project) == set()
    assert tree_state(project) == before


def test_check_names_the_files_a_spec_change_makes_stale(project: Path) -> None:
    spec = project / "baseline.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("\npaths:\n", "\npaths:" + NEW_OPERATION, 1), encoding="utf-8")
    before = tree_state(project)
    run = check(project)
    assert run.returncode == 1, run.explain()
    assert "stale" in run.stderr
    # a new operation module, the route table and the served spec; models and schemas are unaffected
    assert stale_named(run, project) == {"operations/ping.py", "routes.py", "openapi.json"}, run.stderr
    assert tree_state(project) == before, "--check wrote something"
    assert not (out_of(project) / "operations" / "ping.py").exists()


def test_check_names_a_hand_edited_file(project: Path) -> None:
    models = out_of(project) / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + "# hand edit\n", encoding="utf-8")
    before = tree_state(project)
    run = check(project)
    assert run.returncode == 1, run.explain()
    assert stale_named(run, project) == {"models.py"}, run.stderr
    assert tree_state(project) == before
    assert models.read_text(encoding="utf-8").endswith("# hand edit\n")


def test_check_names_deleted_and_extra_files(project: Path) -> None:
    out = out_of(project)
    (out / "operations" / "get_tree.py").unlink()
    (out / "operations" / "leftover.py").write_text("# from an operation that no longer exists\n")
    (out / "operations" / "__pycache__").mkdir()
    (out / "operations" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"ignored")
    run = check(project)
    assert run.returncode == 1, run.explain()
    assert stale_named(run, project) == {"operations/get_tree.py", "operations/leftover.py"}, run.stderr


def test_check_on_a_missing_tree_fails_and_creates_nothing(tmp_path: Path) -> None:
    shutil.copy(BASELINE_SPEC, tmp_path / "baseline.yaml")
    run = check(tmp_path)
    assert run.returncode == 1, run.explain()
    assert "routes.py" in stale_named(run, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.yaml"]


def test_a_build_that_fails_to_format_leaves_nothing_behind(tmp_path: Path) -> None:
    """A failure while formatting (a codegen bug: emitted code ruff cannot parse) removes the half-built
    tree: left next to chalicelib/_generated it would be packaged and byte-compiled with the app."""
    from codegen.output import materialize

    with pytest.raises(subprocess.CalledProcessError):
        materialize({"ok.py": "x = 1\n", "broken.py": "from x import\n"}, near=tmp_path)
    assert list(tmp_path.iterdir()) == []
    built = materialize({"ok.py": "x = 1\n"}, near=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [built.name]
