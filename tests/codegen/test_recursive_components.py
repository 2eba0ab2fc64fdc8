"""Component validator modules import each other for recursive schemas: every module must import first,
whatever the order, and an operation module may alias a linked function (it is never imported back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.codegen.support import generate, importable, load, purge_modules, write

# A is nothing but a reference to B, and B refers back to A: a cycle of imports between a__s and b__s
SPEC = """\
openapi: 3.1.0
info: {title: cycle, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/A"}
components:
  schemas:
    A:
      $ref: "#/components/schemas/B"
    B:
      type: object
      properties:
        a: {$ref: "#/components/schemas/A"}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cycle")
    spec = write(root / "cycle.yaml", SPEC)
    write(root / "cycpkg" / "__init__.py", "")
    run = generate(spec, root, "cycpkg._generated", "--stub")
    assert run.returncode == 0, run.explain()
    return root


@pytest.mark.parametrize("first", ["a__s", "b__s"])
def test_each_module_of_a_cycle_imports_first_and_validates(generated: Path, first: str) -> None:
    with importable(generated, "cycpkg"):
        module = load(f"cycpkg._generated.validators.{first}")
        errors: list[tuple[str, str, str]] = []
        assert module.v({"a": {"a": 1}}, "", errors) is False
        assert errors == [("/a/a", "type", "1 is not of type 'object'")]
        purge_modules("cycpkg")


def test_the_operation_module_names_the_linked_function(generated: Path) -> None:
    source = (generated / "cycpkg" / "_generated" / "operations" / "get_a.py").read_text(encoding="utf-8")
    assert "_r_200_0 = _c_a__s.v" in source
    with importable(generated, "cycpkg"):
        operation = load("cycpkg._generated.operations.get_a")
        validators = load("cycpkg._generated.validators.a__s")
        assert operation._r_200_0 is validators.v
