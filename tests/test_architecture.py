"""The Lambda payload boundary and the import rules of ARCHITECTURE.md, checked on the real tree."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = [ROOT / "app.py", *sorted((ROOT / "chalicelib").rglob("*.py"))]
BUILD_ONLY = {
    "codegen",
    "tests",
    "bench",
    "devtools",
    "moto",
    "yaml",
    "jinja2",
    "openapi_spec_validator",
    "pytest",
    "mypy",
    "ruff",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_shipped_code_imports_nothing_build_only() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if n.split(".")[0] in BUILD_ONLY)
        for path in SHIPPED
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_handwritten_code_never_imports_generated_routes() -> None:
    # generated code calls hand-written code, never the reverse (models are types, allowed)
    handwritten = [p for p in SHIPPED if "_generated" not in p.parts and p.name != "app.py"]
    offenders = {
        str(p.relative_to(ROOT)): sorted(
            n for n in _imports(p) if n.startswith("chalicelib._generated") and n != "chalicelib._generated"
        )
        for p in handwritten
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_runtime_requirements_are_runtime_only() -> None:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    packages = {
        line.split("==")[0].strip().lower() for line in lines if line.strip() and not line.startswith("#")
    }
    assert packages.isdisjoint(
        {"chalice", "openapi-spec-validator", "pyyaml", "jinja2", "pytest", "ruff", "mypy"}
    )


def test_cold_import_builds_nothing_it_can_avoid() -> None:
    """Importing the app (a Lambda cold start) loads no YAML parser, no validator and no operation module."""
    probe = (
        "import json, sys; import app; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'yaml', 'jsonschema', 'referencing', 'codegen', 'jinja2', 'openapi_spec_validator', 're2', 'regex'} "
        "or m.startswith('chalicelib._generated.operations.') or m == 'chalicelib._generated.models')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_cold_import_compiles_no_regular_expression() -> None:
    """Importing the app compiles no `re` pattern (each costs ~0.1 ms of a cold start): the runtime's own
    patterns are compiled when first used, the schemas' when first matched (runtime/validation.py)."""
    probe = (
        "import json, re, chalice.app; before = set(re._cache); import app; "
        "print(json.dumps(sorted(str(key[1]) for key in set(re._cache) - before)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


_GC_PROBE = """
import gc, json, sys
{setup}
collections = []
def running(module=None):  # app.py's body has started (compiling it, without a .pyc, comes before)
    module = sys.modules.get("app")
    return module is not None and hasattr(module, "_collecting")
gc.callbacks.append(lambda phase, info: collections.append(info["generation"]) if phase == "start" and running() else None)
import app
print(json.dumps({{"collections": collections, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                  "young": gc.get_count()[0]}}))
"""


def _gc_probe(setup: str = "") -> dict[str, object]:
    code = _GC_PROBE.format(setup=setup)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def test_cold_import_collects_no_garbage_and_freezes_what_it_loaded() -> None:
    """A cold start runs no garbage collection while app.py loads (each one walked every object chalice,
    botocore and our modules had made so far), then freezes what it loaded and collects again. Counted
    from app.py's first statement: compiling app.py itself (no .pyc yet, as in a fresh clone or a zip of
    sources) comes before anything in it can run."""
    found = _gc_probe()
    assert found["collections"] == []
    assert found["enabled"] is True
    assert isinstance(found["frozen"], int)
    assert found["frozen"] > 10_000  # the loaded modules' objects
    assert found["young"] == 0  # nothing left for the first request's collection to walk


def test_cold_import_leaves_a_disabled_collector_disabled() -> None:
    """A host that runs without the collector (gc.disable() before importing the app) keeps it off."""
    found = _gc_probe("gc.disable()")
    assert found["enabled"] is False


def test_every_generated_file_is_headed() -> None:
    generated = ROOT / "chalicelib" / "_generated"
    files = [p for p in generated.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            assert text.startswith("# generated from openapi.yaml — do not edit\n"), path
        else:
            assert json.loads(text)["x-generated"] == "generated from openapi.yaml — do not edit", path
