"""openapi.yaml as a document for people: every operation is named, tagged, summarised and shown by
example, and every example is valid for its schema (in the direction it travels: readOnly properties are
absent from request examples). The version the service reports is the document's."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import pytest
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from chalicelib import __version__
from tests.helpers import REPO_ROOT

SPEC_URI = "urn:test:openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return loaded


def _target(ref: str) -> Any:
    node: Any = spec()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _deref(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = _target(node["$ref"])
    return node


def _read_only(schema: Any) -> bool:
    schema = _deref(schema)
    if not isinstance(schema, dict):
        return False
    return schema.get("readOnly") is True or any(_read_only(s) for s in schema.get("allOf", []))


def _for_requests(node: Any) -> Any:
    """A copy in which readOnly properties are never required (what a request may leave out)."""
    if isinstance(node, list):
        return [_for_requests(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _for_requests(v) for k, v in node.items()}
    props = node.get("properties")
    if isinstance(props, dict) and isinstance(node.get("required"), list):
        out["required"] = [r for r in node["required"] if not _read_only(props.get(r, {}))]
    return out


def _validator(schema: dict[str, Any], request: bool) -> jsonschema.Draft202012Validator:
    document = _for_requests(spec()) if request else spec()
    uri = SPEC_URI + (":request" if request else ":response")
    registry: Registry = Registry().with_resource(uri, DRAFT202012.create_resource(document))

    def absolute(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (uri + v if k == "$ref" else absolute(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [absolute(v) for v in node]
        return node

    body = _for_requests(schema) if request else schema
    return jsonschema.Draft202012Validator(
        absolute(copy.deepcopy(body)),
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec()["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def examples(media: dict[str, Any]) -> list[tuple[str, Any]]:
    found = []
    if "example" in media:
        found.append(("example", media["example"]))
    for name, example in (media.get("examples") or {}).items():
        found.append((f"examples/{name}", _deref(example)["value"]))
    return found


def media_examples() -> Iterator[tuple[str, dict[str, Any], Any, bool]]:
    """(where, schema, example, is_request) for every example of a JSON media type."""
    for path, method, op in operations():
        body = _deref(op.get("requestBody", {}))
        for media_type, media in body.get("content", {}).items():
            for name, value in examples(media):
                yield f"{method.upper()} {path} request {media_type} {name}", media["schema"], value, True
        for status, response in op.get("responses", {}).items():
            for media_type, media in _deref(response).get("content", {}).items():
                for name, value in examples(media):
                    where = f"{method.upper()} {path} {status} {media_type} {name}"
                    yield where, media["schema"], value, False


def test_version_is_the_documents() -> None:
    assert __version__ == spec()["info"]["version"]


@pytest.mark.parametrize(
    ("path", "method", "op"), list(operations()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_operation_is_named_tagged_summarised_and_exemplified(
    path: str, method: str, op: dict[str, Any]
) -> None:
    declared_tags = {t["name"] for t in spec()["tags"]}
    assert op.get("operationId"), f"{method} {path}: no operationId"
    assert op.get("summary"), f"{method} {path}: no summary"
    assert op.get("tags"), f"{method} {path}: no tags"
    assert set(op["tags"]) <= declared_tags, f"{method} {path}: undeclared tags {op['tags']}"
    body = _deref(op.get("requestBody", {}))
    for media_type, media in body.get("content", {}).items():
        if "json" in media_type:
            assert examples(media), f"{method} {path}: request {media_type} has no example"
    shown = [
        value
        for media in [*body.get("content", {}).values()]
        + [m for r in op.get("responses", {}).values() for m in _deref(r).get("content", {}).values()]
        for value in examples(media)
    ]
    json_media = any(
        "json" in t for r in op.get("responses", {}).values() for t in _deref(r).get("content", {})
    )
    assert shown or not json_media, f"{method} {path}: no example of a request or response"
    params = [_deref(p) for p in op.get("parameters", [])] + [
        _deref(p) for p in spec()["paths"][path].get("parameters", [])
    ]
    for param in params:
        assert param.get("description"), f"{method} {path}: parameter {param['name']} has no description"


def test_every_example_is_valid_for_its_schema() -> None:
    checked = 0
    problems = []
    for where, schema, value, is_request in media_examples():
        errors = sorted(_validator(schema, is_request).iter_errors(value), key=lambda e: list(e.path))
        problems += [f"{where}: /{'/'.join(map(str, e.path))}: {e.message}" for e in errors]
        checked += 1
    assert not problems, "\n".join(problems)
    assert checked >= 10  # the document shows its operations by example


def test_the_request_view_drops_read_only_requirements() -> None:
    """The helper above must not hide real problems: a request example missing a writable required
    property still fails, one missing only readOnly ones passes."""
    item = {"$ref": "#/components/schemas/Item"}
    assert not list(_validator(item, request=True).iter_errors({"name": "Lamp", "price": 1}))
    assert list(_validator(item, request=True).iter_errors({"price": 1}))
    assert list(_validator(item, request=False).iter_errors({"name": "Lamp", "price": 1}))
