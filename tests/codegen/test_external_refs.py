"""Relative-file `$ref`s are resolved at build time: the generated validators enforce the referenced
schemas, the served spec is one self-contained document, and a broken reference is a located error."""

from __future__ import annotations

import json
from pathlib import Path

from chalice.test import Client

from tests.codegen.support import chalice_app, generate, importable, load, write

API = """\
openapi: 3.0.3
info: {title: Ext, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: "./params.yaml#/Limit"
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "schemas/pet.yaml"}
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "schemas/pet.yaml"}
      responses:
        "201": {description: created}
components:
  schemas:
    Owner:
      type: object
      required: [name]
      properties: {name: {type: string, minLength: 1}}
"""
PARAMS = """\
Limit:
  name: limit
  in: query
  schema: {type: integer, maximum: 10}
"""
PET = """\
type: object
required: [name]
properties:
  name: {type: string}
  tag: {$ref: "#/definitions/Tag"}
  owner: {$ref: "../api.yaml#/components/schemas/Owner"}
definitions:
  Tag: {type: string, nullable: true, maxLength: 5}
"""


def _project(tmp_path: Path) -> Path:
    spec = write(tmp_path / "spec" / "api.yaml", API)
    write(tmp_path / "spec" / "params.yaml", PARAMS)
    write(tmp_path / "spec" / "schemas" / "pet.yaml", PET)
    return spec


def test_external_schemas_are_compiled_into_the_validators(tmp_path: Path) -> None:
    spec = _project(tmp_path)
    run = generate(spec, tmp_path / "out", "extpkg._generated", "--stub")
    assert run.returncode == 0, run.explain()
    with (
        importable(tmp_path / "out", "extpkg"),
        Client(chalice_app(load("extpkg._generated.routes"))) as client,
    ):
        # the parameter from params.yaml: maximum 10
        bad = client.http.get("/pets?limit=11")
        assert bad.status_code == 400
        assert json.loads(bad.body)["errors"] == [
            {
                "location": "query",
                "pointer": "/limit",
                "message": "11 is greater than the maximum of 10",
                "keyword": "maximum",
            }
        ]
        # the body schema from schemas/pet.yaml, its local #/definitions and its ref back into api.yaml
        body = {"name": "Rex", "tag": "toolong", "owner": {"name": ""}}
        response = client.http.post(
            "/pets", headers={"content-type": "application/json"}, body=json.dumps(body)
        )
        assert response.status_code == 400
        errors = {(e["pointer"], e["keyword"]) for e in json.loads(response.body)["errors"]}
        assert errors == {("/tag", "maxLength"), ("/owner/name", "minLength")}
        # valid against all three files (and nullable from 3.0): past validation, into the 501 stub
        ok = {"name": "Rex", "tag": None, "owner": {"name": "Ann"}}
        assert (
            client.http.post(
                "/pets", headers={"content-type": "application/json"}, body=json.dumps(ok)
            ).status_code
            == 501
        )


def test_served_spec_is_bundled_into_one_document(tmp_path: Path) -> None:
    spec = _project(tmp_path)
    run = generate(spec, tmp_path / "out", "extpkg2._generated", "--stub")
    assert run.returncode == 0, run.explain()
    served = json.loads(
        (tmp_path / "out" / "extpkg2" / "_generated" / "openapi.json").read_text(encoding="utf-8")
    )
    text = json.dumps(served)
    refs = [part.split('"')[0] for part in text.split('"$ref": "')[1:]]
    assert refs == ["#/components/schemas/Owner", "#/components/schemas/Owner"], "only local refs remain"
    assert served["paths"]["/pets"]["get"]["parameters"][0]["name"] == "limit"
    pet = served["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert pet["properties"]["tag"] == {"type": "string", "nullable": True, "maxLength": 5}


def test_dangling_external_ref_is_a_located_error(tmp_path: Path) -> None:
    spec = _project(tmp_path)
    write(tmp_path / "spec" / "params.yaml", "Other: {}\n")
    out = tmp_path / "out"
    run = generate(spec, out, "extpkg3._generated", "--stub")
    assert run.returncode == 1
    assert "/paths/~1pets/get/parameters/0/$ref: unresolvable $ref './params.yaml#/Limit'" in run.stderr
    assert ":8: " in run.stderr, "the line of the $ref in api.yaml"
    assert not (out / "extpkg3").exists(), "nothing written"
