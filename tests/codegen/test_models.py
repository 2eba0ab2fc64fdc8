"""TypedDict models serve both directions: readOnly properties are absent from requests and writeOnly
ones from responses, so the model never requires them (the connexion "readOnly + required" bug)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.codegen.support import generate

SPEC = """\
openapi: 3.1.0
info: {title: models, version: "1"}
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Thing"}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Stamp:
      type: string
      format: date-time
      readOnly: true
    Thing:
      type: object
      required: [id, name, secret, created_at, kind]
      properties:
        id: {type: string, readOnly: true}
        name: {type: string}
        secret: {type: string, writeOnly: true}
        created_at: {$ref: "#/components/schemas/Stamp"}
        kind:
          allOf: [{$ref: "#/components/schemas/Stamp"}]
"""


def _fields(models: Path, name: str) -> dict[str, str]:
    tree = ast.parse(models.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return {
                stmt.target.id: ast.unparse(stmt.annotation)
                for stmt in node.body
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
            }
    raise AssertionError(f"no model {name} in {models}")


def test_read_only_and_write_only_properties_are_not_required(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    run = generate(spec, tmp_path / "out", "pkg._generated", "--stub")
    assert run.returncode == 0, run.explain()
    fields = _fields(tmp_path / "out" / "pkg" / "_generated" / "models.py", "Thing")
    assert fields == {
        "id": "NotRequired[str]",  # readOnly, inline
        "name": "str",  # required, both directions
        "secret": "NotRequired[str]",  # writeOnly
        "created_at": "NotRequired[Stamp]",  # readOnly through $ref
        "kind": "NotRequired[Stamp]",  # readOnly through allOf
    }
