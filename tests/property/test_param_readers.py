"""The parameter readers codegen writes per operation (codegen/readers.py) answer exactly what the pipeline's
generic walk answers (`pipeline.read_and_validate`): the same arguments and the same violations, in the same
order, for any raw input -- valid, malformed, missing, repeated, percent-encoded or empty.

Operations: every operation of the reference app that got a reader, and a spec written for this test with
every kind of parameter a reader covers (query primitives and exploded / delimited arrays of each scalar
type, path and header primitives and arrays, defaults, required, allowEmptyValue, constraints that fail),
next to kinds it must leave to the generic walk.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib._generated import operations as reference_operations
from chalicelib.runtime.operation import Operation
from chalicelib.runtime.params import coerce_scalar, to_boolean, to_integer, to_number
from chalicelib.runtime.pipeline import read_and_validate
from tests.helpers import GeneratedApp, generate_app, recording_handlers

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# raw text as API Gateway hands it over: numbers in every JSON and non-JSON spelling, booleans, empty
# and blank values, delimiters of every style, percent-escapes (valid, invalid, of a delimiter), long text
TRICKY = [
    "",
    " ",
    "0",
    "-0",
    "01",
    "1",
    "-1",
    "+1",
    "1.0",
    "1.5",
    "-2.5e3",
    "1e400",
    ".5",
    "5.",
    "99999999999999999999999",
    "NaN",
    "Infinity",
    "true",
    "false",
    "True",
    "null",
    "abc",
    "home",
    "a,b",
    "a,,b",
    ",",
    "a b",
    "a|b",
    "1,2,3",
    "1 2",
    "1|2",
    "%2C",
    "%41",
    "%zz",
    "%",
    "%E2%82%AC",
    "x" * 120,
    "ü",
    "𝄞",
    "a/b",
    "~",
    "=",
]
raw_text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12))

SCALARS = {
    "s": {"type": "string", "minLength": 2, "maxLength": 8},
    "i": {"type": "integer", "minimum": 0, "maximum": 100},
    "n": {"type": "number", "exclusiveMinimum": -1.5, "multipleOf": 0.5},
    "b": {"type": "boolean"},
    "e": {"type": "string", "enum": ["red", "green"]},
}


def _query_params() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key, schema in SCALARS.items():
        out.append({"name": f"q{key}", "in": "query", "schema": schema})
        out.append(
            {"name": f"a{key}", "in": "query", "schema": {"type": "array", "items": schema, "maxItems": 3}}
        )
        out.append(
            {"name": f"c{key}", "in": "query", "explode": False, "schema": {"type": "array", "items": schema}}
        )
    out += [
        {
            "name": "sp",
            "in": "query",
            "style": "spaceDelimited",
            "explode": False,
            "schema": {"type": "array", "items": {"type": "integer"}},
        },
        {
            "name": "pi",
            "in": "query",
            "style": "pipeDelimited",
            "explode": False,
            "schema": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        },
        {
            "name": "spx",
            "in": "query",
            "style": "spaceDelimited",
            "schema": {"type": "array", "items": {"type": "number"}},
        },
        {"name": "req", "in": "query", "required": True, "schema": {"type": "integer"}},
        {"name": "def", "in": "query", "schema": {"type": "integer", "default": 7, "maximum": 9}},
        {
            "name": "defa",
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string"}, "default": ["a"]},
        },
        {
            "name": "empty",
            "in": "query",
            "allowEmptyValue": True,
            "schema": {"type": "string", "default": "d"},
        },
        {
            "name": "emptyi",
            "in": "query",
            "allowEmptyValue": True,
            "required": True,
            "schema": {"type": "integer"},
        },
        {"name": "untyped", "in": "query", "schema": {"minLength": 1}},
        {"name": "a/b~c", "in": "query", "schema": {"type": "string", "pattern": "^[a-z]+$"}},
    ]
    return out


def _header_and_path_params() -> list[dict[str, Any]]:
    return [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},
        {
            "name": "tags",
            "in": "path",
            "required": True,
            "schema": {"type": "array", "items": {"type": "string", "maxLength": 3}},
        },
        {"name": "X-Count", "in": "header", "schema": {"type": "integer", "default": 1}},
        {"name": "X-Flag", "in": "header", "required": True, "schema": {"type": "boolean"}},
        {"name": "X-List", "in": "header", "schema": {"type": "array", "items": {"type": "number"}}},
        {"name": "X-Text", "in": "header", "schema": {"type": "string", "format": "uuid"}},
    ]


# operations the reader must leave to the generic walk: (operationId, the parameter that needs it)
GENERIC = {
    "cookie": {"name": "sid", "in": "cookie", "schema": {"type": "string"}},
    "object": {
        "name": "filter",
        "in": "query",
        "schema": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
    "nullable": {"name": "n", "in": "query", "schema": {"type": ["integer", "null"]}},
    "union": {"name": "u", "in": "query", "schema": {"anyOf": [{"type": "integer"}, {"enum": ["all"]}]}},
    "content": {"name": "j", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}},
    "label": {"name": "l", "in": "path", "required": True, "style": "label", "schema": {"type": "string"}},
}


def _spec() -> str:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}
    paths: dict[str, Any] = {
        "/query": {
            "get": {"operationId": "query", "tags": ["r"], "parameters": _query_params(), "responses": ok}
        },
        "/hp/{id}/{tags}": {
            "get": {
                "operationId": "headerPath",
                "tags": ["r"],
                "parameters": _header_and_path_params(),
                "responses": ok,
            }
        },
    }
    for name, param in GENERIC.items():
        url = "/generic/{l}" if param["in"] == "path" else f"/generic/{name}"
        paths[url] = {"get": {"operationId": name, "tags": ["r"], "parameters": [param], "responses": ok}}
    return yaml.safe_dump(
        {"openapi": "3.1.0", "info": {"title": "Readers", "version": "1"}, "paths": paths}, sort_keys=False
    )


@pytest.fixture(scope="module")
def readers_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    handlers = {"r": recording_handlers("query", "header_path", *GENERIC)}
    return generate_app(_spec(), handlers, tmp_path_factory.mktemp("readers"))


def _operation(gen: GeneratedApp, name: str) -> Operation:
    module = importlib.import_module(f"{gen.package}._generated.operations.{name}")
    op: Operation = module.OPERATION
    return op


def _reference() -> list[Operation]:
    modules: list[ModuleType] = [
        importlib.import_module(f"{reference_operations.__name__}.{m.name}")
        for m in pkgutil.iter_modules(reference_operations.__path__)
    ]
    return [m.OPERATION for m in modules if m.OPERATION.reader is not None]


@st.composite
def raw_request(
    draw: st.DrawFn, op: Operation
) -> tuple[dict[str, list[str]], dict[str, str], dict[str, str]]:
    """Query (name -> values), headers and captured path values for `op`: each of its parameters present
    or not, once or several times, plus a key no parameter declares."""
    query: dict[str, list[str]] = {}
    headers: dict[str, str] = {}
    path: dict[str, str] = {}
    for p in op.parameters:
        if not draw(st.booleans()):
            continue
        if p.location == "query":
            query[p.name] = draw(st.lists(raw_text, min_size=1, max_size=3))
        elif p.location == "header":
            headers[draw(st.sampled_from([p.name, p.name.lower(), p.name.upper()]))] = draw(raw_text)
        elif p.location == "path":
            path[p.name] = draw(raw_text)
    if draw(st.booleans()):
        query["undeclared"] = [draw(raw_text)]
    return query, headers, path


def _same(op: Operation, query: dict[str, list[str]], headers: dict[str, str], path: dict[str, str]) -> None:
    assert op.reader is not None
    expected_args, expected_found = read_and_validate(op, query, headers, path, {})
    args, found = op.reader(query, headers, path)
    assert found == expected_found
    assert args == expected_args
    # the same values of the same types (True == 1 == 1.0 for ==)
    assert {k: repr(v) for k, v in args.items()} == {k: repr(v) for k, v in expected_args.items()}


@pytest.mark.parametrize("name", ["query", "header_path"])
def test_reader_answers_as_the_generic_walk(readers_app: GeneratedApp, name: str) -> None:
    op = _operation(readers_app, name)

    @SETTINGS
    @given(st.data())
    def check(data: st.DataObject) -> None:
        _same(op, *data.draw(raw_request(op)))

    check()


@pytest.mark.parametrize("op", _reference(), ids=lambda op: op.operation_id)
def test_reference_readers_answer_as_the_generic_walk(op: Operation) -> None:
    @settings(SETTINGS, max_examples=60)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        _same(op, *data.draw(raw_request(op)))

    check()


def test_every_reference_operation_with_parameters_has_a_reader() -> None:
    """The reference spec uses only kinds a reader covers, so none of its operations takes the generic walk."""
    operations = [
        importlib.import_module(f"{reference_operations.__name__}.{m.name}").OPERATION
        for m in pkgutil.iter_modules(reference_operations.__path__)
    ]
    with_params = {op.operation_id for op in operations if op.parameters}
    assert with_params  # the reference spec has parameters (list, search, paths with ids...)
    assert {op.operation_id for op in _reference()} == with_params


def test_kinds_the_reader_does_not_cover_keep_the_generic_walk(readers_app: GeneratedApp) -> None:
    assert _operation(readers_app, "query").reader is not None
    assert _operation(readers_app, "header_path").reader is not None
    for name in GENERIC:
        assert _operation(readers_app, name).reader is None, name


def test_a_failing_request_reports_every_parameter_in_order(readers_app: GeneratedApp) -> None:
    """One concrete request through the reader: a parse failure, a missing required value and schema
    violations of several parameters, in the contract's order (location, then pointer)."""
    op = _operation(readers_app, "header_path")
    assert op.reader is not None
    args, found = op.reader({}, {"x-count": "two", "X-List": "1,x"}, {"id": "0", "tags": "abcd,ok"})
    assert [(v.location, v.pointer, v.keyword) for v in found] == [
        ("path", "/id", "minimum"),
        ("path", "/tags/0", "maxLength"),
        ("header", "/X-Count", "parse"),
        ("header", "/X-Flag", "required"),
        ("header", "/X-List", "parse"),
    ]
    assert found[2].message == "header parameter 'X-Count': 'two' is not an integer"
    assert args == {"id": 0, "tags": ["abcd", "ok"]}


@given(raw_text)
@settings(max_examples=300, derandomize=True)
def test_scalar_coercions_match_coerce_scalar(raw: str) -> None:
    for kind, fn in (("integer", to_integer), ("number", to_number), ("boolean", to_boolean)):
        try:
            expected: Any = ("ok", coerce_scalar(raw, {"type": [kind]}))
        except ValueError as exc:
            expected = ("error", str(exc))
        try:
            got: Any = ("ok", fn(raw))
        except ValueError as exc:
            got = ("error", str(exc))
        assert got == expected
        assert repr(got) == repr(expected)
