"""Binding operations to hand-written handlers: missing ones are errors naming the exact signature to write,
`--stub` answers 501, `--scaffold` only ever adds code, stray functions are warned about, and the generated
call passes typed keyword arguments that mypy checks against the handler's annotations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from chalice.test import Client

from tests.codegen.support import (
    PYPROJECT,
    ROOT,
    Run,
    chalice_app,
    generate,
    importable,
    is_subsequence,
    load,
    mypy_strict,
    run_tool,
    tree_bytes,
    write,
)

SPEC = """
openapi: 3.1.0
info: {title: Binding, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      tags: [items]
      parameters:
        - {name: limit, in: query, schema: {type: integer, default: 20}}
        - {name: tag, in: query, schema: {$ref: "#/components/schemas/Tag"}}
      responses:
        "200": {description: OK, content: {application/json: {schema: {type: object}}}}
    post:
      operationId: createItem
      tags: [items]
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/ItemInput"}}}
      responses:
        "201": {description: Created, content: {application/json: {schema: {type: object}}}}
  /items/{item_id}:
    put:
      operationId: replaceItem
      tags: [items]
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
        - {name: dry-run, in: query, required: true, schema: {type: boolean}}
      requestBody:
        content: {application/json: {schema: {$ref: "#/components/schemas/ItemInput"}}}
      responses:
        "200": {description: OK, content: {application/json: {schema: {type: object}}}}
components:
  schemas:
    Tag: {type: string, enum: [red, blue]}
    ItemInput:
      type: object
      required: [name]
      properties: {name: {type: string}}
"""

SIGNATURES = {
    "list_items": "def list_items(*, limit: int, tag: models.Tag | None = None) -> HandlerResult:",
    "create_item": "def create_item(*, body: models.ItemInput) -> HandlerResult:",
    "replace_item": (
        "def replace_item(*, item_id: str, dry_run: bool, body: models.ItemInput | None = None) -> HandlerResult:"
    ),
}

CORRECT_HANDLERS = '''
"""Hand-written handlers for the binding tests."""

from __future__ import annotations

from chalicelib.runtime import ApiResponse, HandlerResult, ProblemError

from {top}._generated import models


def list_items(*, limit: int, tag: models.Tag | None = None) -> HandlerResult:
    return {"limit": limit, "limit_type": type(limit).__name__, "tag": tag}


def create_item(*, body: models.ItemInput) -> HandlerResult:
    return ApiResponse(201, {"name": body["name"]})


def replace_item(*, item_id: str, dry_run: bool, body: models.ItemInput | None = None) -> HandlerResult:
    raise ProblemError.not_found(item_id)
'''


@dataclass
class Project:
    root: Path  # on sys.path
    top: str

    @property
    def spec(self) -> Path:
        return self.root / "openapi.yaml"

    @property
    def handlers(self) -> Path:
        return self.root / self.top / "handlers"

    @property
    def out(self) -> Path:
        return self.root / self.top / "_generated"

    def codegen(self, *flags: str) -> Run:
        return generate(self.spec, self.root, f"{self.top}._generated", *flags, handlers=self.handlers)

    def handler_module(self, tag: str, text: str) -> Path:
        init = self.handlers / "__init__.py"
        if not init.exists():
            write(init, "")
        return write(self.handlers / f"{tag}.py", text.replace("{top}", self.top))


def make_project(tmp_path: Path, top: str, spec: str = SPEC) -> Project:
    project = Project(tmp_path / "proj", top)
    write(project.spec, spec)
    write(project.root / top / "__init__.py", "")
    return project


def import_in_subprocess(project: Project, module: str) -> subprocess.CompletedProcess[str]:
    """Import `module` in a fresh interpreter (the project and the repo on sys.path)."""
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(project.root), str(ROOT)])},
    )


# -- missing handlers ----------------------------------------------------------------------------------


def test_missing_handlers_fail_with_the_exact_signatures(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_missing")
    run = project.codegen()
    assert run.returncode == 1, run.explain()
    for signature in SIGNATURES.values():
        assert signature in run.stderr, f"{signature!r} not in:\n{run.stderr}"
    assert f"write in {project.handlers / 'items.py'}" in run.stderr
    assert "nothing written" in run.stderr
    assert not project.out.exists()


def test_only_the_missing_handler_is_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_partial")
    project.handler_module(
        "items",
        CORRECT_HANDLERS.split("\n\n\ndef create_item")[0]
        + "\n\n\ndef replace_item(*, item_id: str, dry_run: bool, body: object = None) -> HandlerResult:\n"
        "    return None\n",
    )
    run = project.codegen()
    assert run.returncode == 1, run.explain()
    assert SIGNATURES["create_item"] in run.stderr
    assert "items.list_items" not in run.stderr
    assert "items.replace_item" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr


# -- --stub --------------------------------------------------------------------------------------------


def test_stub_answers_501_problem_json_for_missing_handlers(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_stub")
    project.handler_module("items", CORRECT_HANDLERS.split("\n\n\ndef create_item")[0] + "\n")
    run = project.codegen("--stub")
    assert run.returncode == 0, run.explain()
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert any("create_item" in w and "501" in w for w in warnings), run.stderr
    assert not any("list_items" in w for w in warnings), run.stderr

    with importable(project.root, project.top):
        app = chalice_app(load(f"{project.top}._generated.routes"))
        with Client(app) as client:
            missing = client.http.post(
                "/items", headers={"Content-Type": "application/json"}, body=json.dumps({"name": "lamp"})
            )
            assert missing.status_code == 501
            assert missing.headers["Content-Type"] == "application/problem+json"
            problem = json.loads(missing.body)
            assert problem["status"] == 501
            assert "createItem" in problem["detail"]

            missing_too = client.http.put("/items/abc?dry-run=true")
            assert missing_too.status_code == 501
            assert missing_too.headers["Content-Type"] == "application/problem+json"

            # the handler that exists is called, with typed keyword arguments
            present = client.http.get("/items?limit=5&tag=red")
            assert present.status_code == 200, present.body
            assert json.loads(present.body) == {"limit": 5, "limit_type": "int", "tag": "red"}
            defaulted = client.http.get("/items")
            assert json.loads(defaulted.body) == {"limit": 20, "limit_type": "int", "tag": None}


# -- --scaffold ----------------------------------------------------------------------------------------


def test_scaffold_creates_the_missing_module(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_scaffold_new")
    run = project.codegen("--scaffold")
    assert run.returncode == 0, run.explain()
    module = project.handlers / "items.py"
    assert (project.handlers / "__init__.py").is_file()
    text = module.read_text(encoding="utf-8")
    lines = text.splitlines()
    for name, signature in SIGNATURES.items():
        assert lines.count(signature) == 1, f"{name}: {signature!r} not in the scaffolded module:\n{text}"
    assert import_in_subprocess(project, f"{project.top}.handlers.items").returncode == 0

    # a new module is ours to format: it passes the project's lint and format checks
    lint = run_tool(
        "ruff", "check", "--no-cache", "--config", PYPROJECT, "--output-format", "concise", module
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run_tool("ruff", "format", "--check", "--no-cache", "--config", PYPROJECT, module)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr

    # the generated operations now call the skeletons, which answer 501 until written
    with importable(project.root, project.top):
        app = chalice_app(load(f"{project.top}._generated.routes"))
        with Client(app) as client:
            response = client.http.get("/items")
            assert response.status_code == 501
            assert response.headers["Content-Type"] == "application/problem+json"
            assert "listItems" in json.loads(response.body)["detail"]


EXISTING = '''"""My handlers: hand-written, hand-formatted."""
from __future__ import annotations
import json  # used below
from chalicelib.runtime import HandlerResult

SETTING   =  {"odd": "formatting"}   # must survive byte for byte


def list_items(*, limit: int, tag: object = None) -> HandlerResult:
    # a comment inside
    return json.loads(json.dumps({"limit": limit}))

def helper_for_items(x):  # helper: not an operation
    return x
# trailing comment without a final newline'''


def test_scaffold_appends_only_missing_functions_and_never_changes_a_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_scaffold_existing")
    module = project.handler_module("items", "")
    module.write_text(EXISTING, encoding="utf-8")  # exactly, no dedent, no final newline
    run = project.codegen("--scaffold")
    assert run.returncode == 0, run.explain()

    new_text = module.read_text(encoding="utf-8")
    old, new = EXISTING.splitlines(), new_text.splitlines()
    ok, problem = is_subsequence(old, new)
    assert ok, f"{problem}\n--- scaffolded module:\n{new_text}"
    added = list(new)
    for line in old:  # remove the original lines (in order): what is left was added
        added.remove(line)
    added_code = [line for line in added if line.strip()]
    inserted_imports = [line for line in added_code if line.startswith(("import ", "from "))]
    assert all(line.startswith("from ") for line in inserted_imports)
    body = [line for line in added_code if line not in inserted_imports]
    assert body[0] == SIGNATURES["create_item"]
    assert SIGNATURES["replace_item"] in body
    assert SIGNATURES["list_items"] not in new, "an existing handler was scaffolded again"
    assert new_text.count("def list_items(") == 1
    # the appended code comes after every original line
    last_original = max(i for i, line in enumerate(new) if line == old[-1])
    assert new.index(SIGNATURES["create_item"]) > last_original
    assert import_in_subprocess(project, f"{project.top}.handlers.items").returncode == 0

    # scaffolding again is a no-op
    again = project.codegen("--scaffold")
    assert again.returncode == 0, again.explain()
    assert module.read_text(encoding="utf-8") == new_text


def test_scaffold_into_a_module_without_future_annotations_stays_importable(tmp_path: Path) -> None:
    """A handler module the user wrote without `from __future__ import annotations` gets skeletons whose
    annotations use models (`models.Tag | None`): the module must still import."""
    project = make_project(tmp_path, "bind_scaffold_nofuture")
    project.handler_module(
        "items",
        """
        import json


        def create_item(*, body):
            return json.dumps(body)
        """,
    )
    run = project.codegen("--scaffold")
    assert run.returncode == 0, run.explain()
    text = (project.handlers / "items.py").read_text(encoding="utf-8")
    assert SIGNATURES["list_items"] in text
    imported = import_in_subprocess(project, f"{project.top}.handlers.items")
    assert imported.returncode == 0, f"the scaffolded module does not import:\n{imported.stderr}\n{text}"


# -- unmatched handler functions -------------------------------------------------------------------------


def test_handler_function_matching_no_operation_is_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_unmatched")
    project.handler_module(
        "items",
        CORRECT_HANDLERS
        + "\n\ndef legacy_export() -> None:\n    pass\n\n\ndef _private_helper() -> None:\n    pass\n",
    )
    project.handler_module("orphans", "def lonely() -> None:\n    pass\n")
    run = project.codegen()
    assert run.returncode == 0, run.explain()
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    legacy = [w for w in warnings if "'legacy_export'" in w]
    assert len(legacy) == 1, run.stderr
    assert str(project.handlers / "items.py") in legacy[0]
    assert "matches no operation" in legacy[0]
    assert any("'lonely'" in w and str(project.handlers / "orphans.py") in w for w in warnings), run.stderr
    assert "_private_helper" not in run.stderr
    assert not any(name in run.stderr for name in ("'list_items'", "'create_item'", "'replace_item'"))
    assert (project.out / "routes.py").is_file()


# -- typed keyword arguments ---------------------------------------------------------------------------


def _typed_project(tmp_path: Path, top: str, handlers: str) -> Project:
    project = make_project(tmp_path / top, top)
    project.handler_module("items", handlers)
    run = project.codegen()
    assert run.returncode == 0, run.explain()
    return project


# One project per scenario: mypy's cache trusts (size, mtime in whole seconds), so editing a file in place
# within a second could leave a stale verdict.
def test_generated_calls_type_check_with_the_right_annotations(tmp_path: Path, mypy_cache: Path) -> None:
    project = _typed_project(tmp_path, "bind_typed_ok", CORRECT_HANDLERS)
    result = mypy_strict(project.root / project.top, mypy_cache)
    assert result.returncode == 0, f"correct handlers should type-check:\n{result.stdout}{result.stderr}"


def test_a_wrong_handler_annotation_fails_mypy(tmp_path: Path, mypy_cache: Path) -> None:
    wrong = CORRECT_HANDLERS.replace("def list_items(*, limit: int,", "def list_items(*, limit: str,")
    assert wrong != CORRECT_HANDLERS
    project = _typed_project(tmp_path, "bind_typed_wrong", wrong)
    result = mypy_strict(project.root / project.top, mypy_cache)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "_generated/operations/list_items.py" in result.stdout
    assert 'Argument "limit" to "list_items" has incompatible type "int"; expected "str"' in result.stdout


def test_a_spec_change_under_an_unchanged_handler_fails_mypy(tmp_path: Path, mypy_cache: Path) -> None:
    """`limit` becomes a string in the spec; the handler still says int: `make check` (mypy) catches it."""
    project = _typed_project(tmp_path, "bind_typed_drift", CORRECT_HANDLERS)
    spec = project.spec.read_text(encoding="utf-8")
    changed = spec.replace(
        "{name: limit, in: query, schema: {type: integer, default: 20}}",
        '{name: limit, in: query, schema: {type: string, default: "20"}}',
    )
    assert changed != spec
    project.spec.write_text(changed, encoding="utf-8")
    before = tree_bytes(project.out)
    run = project.codegen()
    assert run.returncode == 0, run.explain()
    assert tree_bytes(project.out) != before
    result = mypy_strict(project.root / project.top, mypy_cache)
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Argument "limit" to "list_items" has incompatible type "str"; expected "int"' in result.stdout


@pytest.mark.parametrize("flag", ["--stub", "--scaffold"])
def test_stub_and_scaffold_are_exclusive(flag: str, tmp_path: Path) -> None:
    project = make_project(tmp_path, "bind_exclusive")
    other = "--scaffold" if flag == "--stub" else "--stub"
    run = project.codegen(flag, other)
    assert run.returncode == 2, run.explain()
    assert "not allowed with" in run.stderr
    assert not project.out.exists()
    assert not project.handlers.exists()
