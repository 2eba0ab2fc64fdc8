"""Unit tests of the schema compiler: OpenAPI extensions (readOnly/writeOnly per direction, discriminator,
defaults), error pointers and order, ECMA-262 patterns and their safety, format checkers, linking, and the
generated source itself (deterministic, ruff- and mypy-clean, cheap to import)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012
from schema_support import ROOT, compile_validator, load_module

from chalicelib.runtime import validation as rt
from codegen.compiler import CompileError, Compiler

C = "urn:openapi-chalice:components"
KEYWORD, MESSAGE = 1, 2  # an error's (pointer, keyword, message): runtime/validation.py `Err`


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"{C}#/$defs/{name}"}


def components(defs: dict[str, Any], dialect: str = "2020-12") -> Registry[Any]:
    spec = DRAFT202012 if dialect == "2020-12" else DRAFT4
    registry: Registry[Any] = Registry().with_resource(C, spec.create_resource({"$defs": defs}))
    return registry


def errors_of(
    schema: Any, instance: Any, dialect: str = "2020-12", **kwargs: Any
) -> list[tuple[str, str, str]]:
    validate, _ = compile_validator(schema, dialect, **kwargs)
    valid, errors = validate(instance)
    assert valid == (not errors)
    return errors


# -- readOnly / writeOnly ---------------------------------------------------------------------------------
ACCOUNT = {
    "type": "object",
    "required": ["id", "name", "password"],
    "properties": {
        "id": {"type": "string", "readOnly": True},
        "name": {"type": "string"},
        "password": {"type": "string", "writeOnly": True},
    },
}


def test_read_only_in_requests() -> None:
    validate, _ = compile_validator(ACCOUNT, direction="request")
    assert validate({"name": "a", "password": "p"}) == (True, [])  # id is not required in a request
    assert validate({"id": "1", "name": "a", "password": "p"}) == (
        False,
        [("/id", "readOnly", "'id' is read-only and must not be sent")],
    )


def test_write_only_in_responses() -> None:
    validate, _ = compile_validator(ACCOUNT, direction="response")
    assert validate({"id": "1", "name": "a"}) == (True, [])  # password is not required in a response
    assert validate({"id": "1", "name": "a", "password": "p"}) == (
        False,
        [("/password", "writeOnly", "'password' is write-only and must not be returned")],
    )


def test_no_direction_checks_both_as_plain_properties() -> None:
    validate, _ = compile_validator(ACCOUNT)
    assert validate({"id": "1", "name": "a", "password": "p"}) == (True, [])
    assert validate({"name": "a"})[1] == [
        ("", "required", "'id' is a required property"),
        ("", "required", "'password' is a required property"),
    ]


def test_read_only_through_refs_and_all_of_in_openapi_30() -> None:
    # OAS 3.0: the flag sits on the referenced component; `required` in a sibling allOf branch
    defs = {
        "Id": {"type": "string", "readOnly": True},
        "Base": {"type": "object", "properties": {"id": ref("Id"), "name": {"type": "string"}}},
        "Item": {"allOf": [ref("Base"), {"required": ["id", "name"]}]},
    }
    registry = components(defs, "draft4")
    validate, _ = compile_validator(ref("Item"), "draft4", registry, direction="request")
    assert validate({"name": "n"}) == (True, [])
    assert validate({"id": "x", "name": "n"})[1] == [
        ("/id", "readOnly", "'id' is read-only and must not be sent")
    ]
    validate, _ = compile_validator(ref("Item"), "draft4", registry, direction="response")
    assert validate({"name": "n"})[1] == [("", "required", "'id' is a required property")]


def test_read_only_under_unevaluated_properties_is_reported_once() -> None:
    # a readOnly property of an allOf base is still evaluated by that base's `properties`: the request
    # validator names it once (readOnly), not a second time as an unevaluated property
    defs = {
        "Base": {
            "type": "object",
            "properties": {"id": {"type": "string", "readOnly": True}, "kind": {"type": "string"}},
        },
        "Text": {
            "allOf": [ref("Base"), {"properties": {"text": {"type": "string"}}}],
            "unevaluatedProperties": False,
        },
    }
    validate, _ = compile_validator(ref("Text"), "2020-12", components(defs), direction="request")
    assert validate({"kind": "t", "text": "x"}) == (True, [])
    assert validate({"id": "1", "kind": "t", "text": "x", "extra": 1})[1] == [
        ("/id", "readOnly", "'id' is read-only and must not be sent"),
        ("/extra", "unevaluatedProperties", "unevaluated property 'extra' is not allowed"),
    ]


def test_directions_get_distinct_helper_names() -> None:
    registry = components({"Account": ACCOUNT})
    names = []
    for direction in ("request", "response", None):
        compiler = Compiler("2020-12", registry, direction=direction)
        compiler.add(f"v_body_{direction}", {"type": "array", "items": ref("Account")})
        source = compiler.source()
        names.append({line.split("(")[0][4:] for line in source.splitlines() if line.startswith("def _")})
    assert all(names)
    assert not (names[0] & names[1])
    assert not (names[0] & names[2])
    assert not (names[1] & names[2])
    # the modules of both directions can live in one namespace
    merged = {}
    for direction in ("request", "response"):
        compiler = Compiler("2020-12", registry, direction=direction)
        compiler.add(f"v_{direction}", ref("Account"))
        merged.update(load_module(compiler.source()))
    assert merged["v_request"]({"name": "a", "password": "p"}, "", []) is True
    assert merged["v_response"]({"id": "1", "name": "a"}, "", []) is True


# -- discriminator ------------------------------------------------------------------------------------------
PETS = {
    "Cat": {
        "type": "object",
        "required": ["kind", "meow"],
        "properties": {"kind": {"type": "string"}, "meow": {"type": "integer"}},
    },
    "Dog": {
        "type": "object",
        "required": ["kind", "bark"],
        "properties": {"kind": {"type": "string"}, "bark": {"type": "boolean"}},
    },
    # both variants accept anything with a "kind": without the discriminator, oneOf would fail on 2 matches
    "Any": {"type": "object", "required": ["kind"]},
    "Pet": {"oneOf": [ref("Cat"), ref("Dog"), ref("Any")], "discriminator": {"propertyName": "kind"}},
    "MappedPet": {
        "anyOf": [ref("Cat"), ref("Dog")],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"cat": "#/components/schemas/Cat", "dog": "Dog"},
        },
    },
}


@pytest.mark.parametrize("dialect", ["draft4", "2020-12"])
def test_discriminator_without_mapping_picks_the_variant_by_name(dialect: str) -> None:
    validate, _ = compile_validator(ref("Pet"), dialect, components(PETS, dialect))
    assert validate({"kind": "Cat", "meow": 1}) == (True, [])
    assert validate({"kind": "Dog", "bark": "loud"}) == (
        False,
        [("/bark", "type", "Dog: 'loud' is not of type 'boolean'")],
    )
    assert validate({"kind": "Any"}) == (True, [])


def test_discriminator_with_mapping() -> None:
    validate, _ = compile_validator(ref("MappedPet"), registry=components(PETS))
    assert validate({"kind": "cat", "meow": 1}) == (True, [])
    assert validate({"kind": "dog"}) == (False, [("", "required", "Dog: 'bark' is a required property")])
    # a mapped variant is no longer chosen by its schema name
    assert validate({"kind": "Cat", "meow": 1})[1] == [
        (
            "/kind",
            "discriminator",
            "unknown discriminator value 'Cat' for 'kind'; expected one of 'cat', 'dog'",
        )
    ]


def test_discriminator_mapping_to_a_component_that_is_no_branch() -> None:
    # inline branches: the mapping's names resolve to the converted components
    defs = {
        **PETS,
        "Inline": {
            "oneOf": [{"type": "object", "required": ["meow"]}, {"type": "object", "required": ["bark"]}],
            "discriminator": {
                "propertyName": "kind",
                "mapping": {"c": "#/components/schemas/Cat", "d": "Dog"},
            },
        },
    }
    validate, _ = compile_validator(ref("Inline"), registry=components(defs))
    assert validate({"kind": "c", "meow": 1}) == (True, [])
    assert validate({"kind": "d", "meow": 1}) == (
        False,
        [("", "required", "Dog: 'bark' is a required property")],
    )


def test_discriminator_unknown_value_and_missing_property() -> None:
    validate, _ = compile_validator(ref("Pet"), registry=components(PETS))
    assert validate({"kind": "bird"}) == (
        False,
        [
            (
                "/kind",
                "discriminator",
                "unknown discriminator value 'bird' for 'kind'; expected one of 'Cat', 'Dog', 'Any'",
            )
        ],
    )
    assert validate({"meow": 1}) == (
        False,
        [("", "required", "'kind' is a required property (it selects the oneOf variant)")],
    )
    # not an object: plain oneOf, one error naming each branch's first problem
    valid, errors = validate([])
    assert not valid
    assert len(errors) == 1
    assert errors[0][0] == ""
    assert errors[0][KEYWORD] == "oneOf"
    assert "[0] [] is not of type 'object'" in errors[0][MESSAGE]


# -- defaults ----------------------------------------------------------------------------------------------
def test_defaults_are_applied_to_request_bodies() -> None:
    defs = {"Page": {"type": "integer", "default": 1}}
    schema = {
        "type": "object",
        "properties": {
            "page": ref("Page"),
            "tags": {"type": "array", "default": []},
            "filter": {
                "type": "object",
                "properties": {"mode": {"type": "string", "default": "all"}},
            },
            "id": {"type": "string", "readOnly": True, "default": "never"},
        },
    }
    validate, _ = compile_validator(
        schema, registry=components(defs), direction="request", apply_defaults=True
    )
    body: dict[str, Any] = {"filter": {}}
    assert validate(body) == (True, [])
    assert body == {"filter": {"mode": "all"}, "page": 1, "tags": []}
    other: dict[str, Any] = {"page": 3}
    validate(other)
    assert other == {"page": 3, "tags": []}
    assert other["tags"] is not body["tags"]  # a fresh copy every time
    assert validate(["not", "an", "object"])[0] is False  # no crash on non-objects


def test_defaults_only_where_the_outcome_is_certain() -> None:
    schema = {
        "allOf": [{"properties": {"a": {"default": 1}}}],
        "anyOf": [{"properties": {"b": {"default": 2}}}, {"type": "object"}],
    }
    validate, _ = compile_validator(schema, apply_defaults=True)
    body: dict[str, Any] = {}
    assert validate(body) == (True, [])
    assert body == {"a": 1}  # not inside anyOf branches, which may fail


def test_no_defaults_unless_asked() -> None:
    validate, _ = compile_validator({"properties": {"a": {"default": 1}}})
    body: dict[str, Any] = {}
    validate(body)
    assert body == {}


# -- errors: pointers, all of them, in order ------------------------------------------------------------------
ORDER = {
    "type": "object",
    "required": ["items", "total"],
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 2},
                    "qty": {"type": "integer", "minimum": 1},
                },
                "additionalProperties": False,
            },
        },
        "total": {"type": "number"},
        "a/b~c": {"type": "string"},
    },
}


def test_error_pointers_and_every_error_in_order() -> None:
    instance = {
        "items": [{"name": 5}, {"name": "x", "qty": 0, "extra": True}, {}],
        "a/b~c": 1,
    }
    # properties in their declared order; a missing required one is reported where it is declared
    expected = [
        ("/items/0/name", "type", "5 is not of type 'string'"),
        ("/items/1/name", "minLength", "'x' is shorter than 2 characters"),
        ("/items/1/qty", "minimum", "0 is less than the minimum of 1"),
        ("/items/1/extra", "additionalProperties", "additional property 'extra' is not allowed"),
        ("/items/2", "required", "'name' is a required property"),
        ("", "required", "'total' is a required property"),
        ("/a~1b~0c", "type", "1 is not of type 'string'"),
    ]
    for _ in range(2):  # and the same again from a fresh compilation
        assert errors_of(ORDER, instance) == expected


def test_a_required_property_is_looked_up_once() -> None:
    """`required` names that `properties` checks are reported by the `else` of that check: a valid
    instance pays one `in` per property, and a missing one is still reported, also under `not`."""
    schema = {
        "type": "object",
        "required": ["a", "b", "c", "d", "z"],
        "properties": {"a": {"type": "string"}, "b": {}, "c": {"type": "integer"}, "d": {"const": 1}},
    }
    validate, source = compile_validator(schema)
    assert '"a" not in x' not in source
    assert '"c" not in x' not in source
    assert '"b" not in x' in source  # no check of its own to hang the `else` on
    assert '"z" not in x' in source  # required, not a property
    assert validate({"a": "x", "b": None, "c": 1, "d": 1, "z": 0}) == (True, [])
    assert validate({"c": "1"}) == (
        False,
        [
            ("", "required", "'z' is a required property"),
            ("", "required", "'a' is a required property"),
            ("", "required", "'b' is a required property"),
            ("/c", "type", "'1' is not of type 'integer'"),
            ("", "required", "'d' is a required property"),
        ],
    )
    negated, _ = compile_validator({"not": schema})
    assert negated({"a": "x", "b": 0, "c": 1, "d": 1}) == (True, [])
    assert negated({"a": "x", "b": 0, "c": 1, "d": 1, "z": 0})[0] is False


@pytest.mark.parametrize(
    ("schema", "guard", "short", "long"),
    [
        ({"type": "string", "minLength": 2, "maxLength": 3}, "not 2 <= len(x) <= 3", "a", "abcd"),
        ({"type": "array", "minItems": 2, "maxItems": 3}, "not 2 <= len(x) <= 3", [1], [1, 2, 3, 4]),
        (
            {"type": "object", "minProperties": 2, "maxProperties": 3},
            "not 2 <= len(x) <= 3",
            {"a": 1},
            dict.fromkeys("abcd", 1),
        ),
    ],
)
def test_both_length_bounds_cost_one_len_for_a_value_within_them(
    schema: dict[str, Any], guard: str, short: Any, long: Any
) -> None:
    """With both bounds, one range test guards the two exact checks: a value within them pays one `len`;
    one outside still gets the keyword and message of the bound it breaks, under `not` too."""
    validate, source = compile_validator(schema)
    assert guard in source
    assert validate(long[:3] if not isinstance(long, dict) else dict(list(long.items())[:3])) == (True, [])
    assert [keyword for _, keyword, _ in validate(short)[1]] == [schema_keyword(schema, "min")]
    assert [keyword for _, keyword, _ in validate(long)[1]] == [schema_keyword(schema, "max")]
    negated, _ = compile_validator({"not": schema})
    assert negated(short) == (True, [])
    assert negated(long) == (True, [])


def schema_keyword(schema: dict[str, Any], side: str) -> str:
    return next(k for k in schema if k.startswith(side))


def test_pointer_of_a_nested_call_site() -> None:
    compiler = Compiler("2020-12", Registry())
    compiler.add("v", ORDER)
    check = load_module(compiler.source())["v"]
    errors: list[tuple[str, str, str]] = []
    assert check({"items": [{"name": 1}], "total": 1}, "/body", errors) is False
    assert errors == [("/body/items/0/name", "type", "1 is not of type 'string'")]


def test_any_of_reports_one_error_with_the_branches_first_errors() -> None:
    schema = {"anyOf": [{"type": "string"}, {"type": "object", "required": ["id"]}]}
    assert errors_of(schema, {}) == [
        (
            "",
            "anyOf",
            "{} is not valid under any of the given schemas (anyOf); [0] {} is not of type 'string'; "
            "[1] 'id' is a required property",
        )
    ]
    assert errors_of(schema, "ok") == []


def test_nullable_ref_reports_the_referenced_schemas_own_errors() -> None:
    # OpenAPI 3.1 nullable: oneOf [null, $ref]; a non-null value is checked against the $ref alone
    schema = {"oneOf": [{"type": "null"}, ref("Cat")]}
    validate, _ = compile_validator(schema, registry=components(PETS))
    assert validate(None) == (True, [])
    assert validate({"kind": "c", "meow": 1}) == (True, [])
    assert validate({"kind": "c"}) == (False, [("", "required", "'meow' is a required property")])
    # a branch that may accept null keeps plain oneOf semantics (null would match twice)
    valid, errors = compile_validator({"oneOf": [{"type": "null"}, {"minimum": 1}]})[0](None)
    assert not valid
    assert errors[0][KEYWORD] == "oneOf"


def test_one_of_more_than_one_match() -> None:
    schema = {"oneOf": [{"type": "integer"}, {"minimum": 0}]}
    assert errors_of(schema, 3) == [
        ("", "oneOf", "3 is valid under more than one of the given schemas (oneOf): 0, 1")
    ]


# `not`, `if` and `contains` discard the errors of their subschema: those checks only set a flag
QUIET = {
    "not": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1e-130},
    "if": {"type": "string", "minLength": 3},
    "then": {"pattern": "^a"},
    "contains": {"type": "integer", "minimum": 10},
}


def test_discarded_subschema_errors_are_never_built() -> None:
    validate, source = compile_validator({"type": ["number", "string", "array"], **QUIET})
    # one message per keyword the instance can fail (type, not, then's pattern, contains), none for
    # the subschemas whose outcome is all that counts (their minimum/minLength/type messages)
    assert source.count("e.append(") == 4
    assert "del e[" not in source  # nothing inside can append, so nothing is cut back
    assert "enumerate(" not in source  # contains needs no item index when it reports no item
    assert validate(5) == (True, [])
    assert validate(1e-140) == (
        False,
        [
            (
                "",
                "not",
                '1e-140 should not be valid under {"type": "number", "exclusiveMinimum": 0, "exclusiveMaxim...',
            )
        ],
    )
    assert validate("xyz") == (False, [("", "pattern", "'xyz' does not match \"^a\"")])
    assert validate("abc") == (True, [])
    assert validate("xy") == (True, [])  # `if` fails: `then` does not apply
    assert validate([1, 2]) == (False, [("", "contains", "no item matches 'contains'")])
    assert validate([1, 12]) == (True, [])


def test_discarded_subschema_errors_with_a_helper_call_inside_are_cut_back() -> None:
    # a $ref inside `not` calls a function that appends: its errors are cut back to where they started
    schema = {
        "$defs": {"named": {"type": "object", "required": ["name"], "properties": {"name": {}}}},
        "not": {"$ref": "#/$defs/named"},
    }
    validate, source = compile_validator(schema)
    assert "del e[" in source
    assert validate({}) == (True, [])
    assert validate({"name": 1}) == (
        False,
        [("", "not", '{\'name\': 1} should not be valid under {"$ref": "#/$defs/named"}')],
    )


def test_recursive_schemas_become_recursive_functions() -> None:
    tree = {
        "$id": "urn:test:tree",
        "type": "object",
        "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#"}}},
    }
    deep: dict[str, Any] = {"value": 1, "children": []}
    node = deep
    for _ in range(50):
        child: dict[str, Any] = {"value": 1, "children": []}
        node["children"].append(child)
        node = child
    node["value"] = "bad"
    validate, _ = compile_validator(tree)
    valid, errors = validate(deep)
    assert not valid
    assert errors == [("/children/0" * 50 + "/value", "type", "'bad' is not of type 'integer'")]


def test_unevaluated_properties_see_through_refs_and_all_of() -> None:
    defs = {"Named": {"properties": {"name": {"type": "string"}}}}
    schema = {"allOf": [ref("Named")], "properties": {"id": {}}, "unevaluatedProperties": False}
    validate, _ = compile_validator(schema, registry=components(defs))
    assert validate({"id": 1, "name": "n"}) == (True, [])
    assert validate({"id": 1, "nick": "n"}) == (
        False,
        [("/nick", "unevaluatedProperties", "unevaluated property 'nick' is not allowed")],
    )


def test_unresolvable_ref_is_a_compile_error() -> None:
    with pytest.raises(CompileError, match="unresolvable"):
        compile_validator(ref("Missing"), registry=components({}))


# -- linking and roots at known locations ---------------------------------------------------------------
def test_link_calls_a_function_of_another_module() -> None:
    registry = components({"Item": {"type": "object", "required": ["id"]}})
    shared = Compiler("2020-12", registry)
    shared.add("v_Item", ref("Item")["$ref"] and {"type": "object", "required": ["id"]}, f"{C}#/$defs/Item")
    shared_module = load_module(shared.source(), "shared_validators")

    linked = Compiler(
        "2020-12", registry, link=lambda uri: "_c.v_Item" if uri == f"{C}#/$defs/Item" else None
    )
    linked.add("v_body", {"type": "array", "items": ref("Item")})
    source = linked.source(extra_imports=["from shared_validators import validators as _c"])
    assert "_c.v_Item(" in source
    assert "def _v_Item" not in source
    assert "from shared_validators import validators as _c" in source
    namespace: dict[str, Any] = {"_c": type("M", (), {"v_Item": staticmethod(shared_module["v_Item"])})}
    exec(
        compile(source.replace("from shared_validators import validators as _c\n", ""), "<linked>", "exec"),
        namespace,
    )
    errors: list[tuple[str, str, str]] = []
    assert namespace["v_body"]([{"id": 1}, {}], "", errors) is False
    assert errors == [("/1", "required", "'id' is a required property")]


def test_a_root_that_only_references_another_modules_function_is_that_function() -> None:
    registry = components({"Item": {"type": "object", "required": ["id"]}})
    shared = load_module(_item_source(registry), "shared_validators_alias")

    def link(uri: str) -> str | None:
        return "_c.v_Item" if uri == f"{C}#/$defs/Item" else None

    plain = Compiler("2020-12", registry, link=link)  # a module others may import: functions only
    plain.add("v_body", ref("Item"))
    assert "def v_body" in plain.source()
    linked = Compiler("2020-12", registry, link=link, alias_links=True)
    linked.add("v_body", ref("Item"))  # nothing but the reference: no frame of its own
    linked.add("v_list", {"type": "array", "items": ref("Item")})
    source = linked.source()
    assert "v_body = _c.v_Item" in source
    assert "def v_body" not in source
    assert "def v_list" in source
    namespace: dict[str, Any] = {"_c": type("M", (), {"v_Item": staticmethod(shared["v_Item"])})}
    exec(compile(source, "<aliased>", "exec"), namespace)
    assert namespace["v_body"] is shared["v_Item"]
    errors: list[tuple[str, str, str]] = []
    assert namespace["v_body"]({}, "/x", errors) is False
    assert errors == [("/x", "required", "'id' is a required property")]


def _item_source(registry: Registry[Any]) -> str:
    shared = Compiler("2020-12", registry)
    shared.add("v_Item", {"type": "object", "required": ["id"]}, f"{C}#/$defs/Item")
    return shared.source()


def test_a_root_added_at_its_location_serves_references_to_it() -> None:
    defs = {"Node": {"type": "object", "properties": {"next": ref("Node")}}}
    compiler = Compiler("2020-12", components(defs))
    compiler.add("v_Node", defs["Node"], f"{C}#/$defs/Node")
    source = compiler.source()
    assert source.count("\ndef ") == 1
    assert "v_Node(x1, " in source


# -- patterns ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"^\d+$", "123", True),
        (r"^\d+$", "١٢٣", False),  # \d is ASCII-only in ECMA-262
        (r"^\w+$", "héllo", False),  # so is \w
        (r"^\w+$", "hello_1", True),
        (r"^abc$", "abc\n", False),  # $ does not match before a final newline
        (r"^\s$", "\u00a0", True),  # \s is Unicode whitespace
        (r"^\s$", "\ufeff", True),
        (r"^.$", "\u2028", False),  # . excludes every ECMA line terminator
        (r"^\p{Letter}+$", "héllo", True),
        (r"^\p{Lu}", "Éa", True),
        (r"^a{2}$", "aa", True),
        (r"^a{$", "a{", True),  # a brace that starts no quantifier is a literal
        (r"^[^\d\s]+$", "abc", True),
        (r"^[^\d\s]+$", "a c", False),
        (r"^\u{1F600}$", "😀", True),
        (r"^\ud83d\ude00$", "😀", True),  # a surrogate pair of escapes is one character
        (r"^(?=.*[A-Z])(?=.*\d).{8,}$", "Passw0rdX", True),  # lookahead: the backtracking engine
        (r"^(?=.*[A-Z])(?=.*\d).{8,}$", "password", False),
        (r"^(a)\1$", "aa", True),  # backreference
        (r"^(a)\1$", "ab", False),
        (r"^\cJ$", "\n", True),
        (r"a", "\ud800a", True),  # a lone surrogate in the input
    ],
)
def test_ecma_patterns(pattern: str, text: str, matches: bool) -> None:
    assert (errors_of({"pattern": pattern}, text) == []) is matches


def test_invalid_pattern_is_a_compile_error() -> None:
    with pytest.raises(CompileError):
        compile_validator({"pattern": "(unclosed"})


@pytest.mark.parametrize(
    "pattern",
    [
        r"^(a+)+$",  # RE2: linear
        r"^(a|aa)+$",
        r"^(?=(a|aa)+$)",  # lookahead: the backtracking engine, stopped by its time limit
        r"^(a|aa)+\1$",  # backreference: likewise
    ],
)
def test_hostile_input_returns(pattern: str) -> None:
    validate, _ = compile_validator({"pattern": pattern, "type": "string"})
    hostile = "a" * 50 + "!"
    started = time.perf_counter()
    valid, errors = validate(hostile)
    elapsed = time.perf_counter() - started
    print(f"\n{pattern!r} on 'a'*50+'!': {elapsed * 1000:.1f} ms, valid={valid}")  # no timing assert
    assert not valid
    assert errors[0][KEYWORD] == "pattern"


def test_pattern_properties_use_ecma_semantics() -> None:
    schema = {"patternProperties": {r"^\d+$": {"type": "integer"}}, "additionalProperties": False}
    assert errors_of(schema, {"12": 1}) == []
    assert errors_of(schema, {"١": 1})[0][KEYWORD] == "additionalProperties"


# -- formats ---------------------------------------------------------------------------------------------------
FORMATS: dict[str, tuple[list[Any], list[Any]]] = {
    "date": (
        ["2024-02-29", "1999-12-31"],
        ["2023-02-29", "2024-13-01", "2024-1-01", "2024-01-01T00:00:00Z", "２０２４-01-01"],
    ),
    "date-time": (
        ["2024-01-01T10:20:30Z", "2024-01-01t10:20:30.123+05:30", "1998-12-31T23:59:60Z"],
        ["2024-01-01 10:20:30Z", "2024-01-01T10:20:30", "2024-01-01T24:00:00Z", "1998-12-31T22:59:60Z"],
    ),
    "time": (["10:20:30Z", "23:59:60Z", "10:20:30.5-02:00"], ["10:20:30", "25:00:00Z", "10:20Z"]),
    "uuid": (
        ["2eb8aa08-aa98-11ea-b4aa-73b441d16380"],
        ["2eb8aa08aa9811eab4aa73b441d16380", "2eb8aa08-aa98-11ea-b4aa-73b441d1638g"],
    ),
    "email": (
        ["joe.bloggs@example.com", '"joe bloggs"@example.com', "a@[127.0.0.1]"],
        ["joe", ".a@example.com", "a..b@example.com", "a@b=c.com"],
    ),
    "uri": (
        ["https://example.com/a?b=c#d", "urn:isbn:0451450523", "http://[::1]:80/"],
        ["//example.com", "http://exa mple.com", "a,b:c", "http://[:::1]/"],
    ),
    "ipv4": (["192.168.0.1", "0.0.0.0"], ["256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.৪"]),
    "ipv6": (
        ["::1", "2001:db8::8a2e:370:7334", "::ffff:192.168.0.1"],
        ["12345::", "fe80::1%eth0", ":::", "1:2:3:4:5:6:7:8:9"],
    ),
    "byte": (["", "aGk=", "aGVsbG8="], ["aGk", "a===", "a@bc"]),
    "int32": ([0, -(2**31), 2**31 - 1, 5.0], [2**31, -(2**31) - 1, 1.5]),
    "int64": ([2**63 - 1, -(2**63)], [2**63, 0.5]),
    "float": ([1.5, 3.4e38, 10], [3.5e38, float("inf")]),
    "double": ([1e308, 10**300], [float("inf"), float("nan"), 10**400]),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_checkers(fmt: str) -> None:
    good, bad = FORMATS[fmt]
    validate, _ = compile_validator({"format": fmt})
    for value in good:
        assert validate(value) == (True, []), value
    for value in bad:
        valid, errors = validate(value)
        assert not valid, value
        assert errors[0][KEYWORD] == "format", value


@pytest.mark.parametrize(
    ("fmt", "seen", "good", "bad"),
    [
        ("uuid", rt.UUIDS_OK, "0b7e9f0e-5c1a-4d2b-9e3f-1a2b3c4d5e6f", "0b7e9f0e-5c1a-4d2b-9e3f-1a2b3c4d5e6g"),
        ("date-time", rt.DATE_TIMES_OK, "2031-02-28T23:59:59.5Z", "2031-02-29T00:00:00Z"),
        ("date", rt.DATES_OK, "2032-02-29", "2031-02-29"),
        ("time", rt.TIMES_OK, "23:59:60Z", "23:59:60+01:00"),
    ],
)
def test_formats_remember_the_values_that_passed_only(fmt: str, seen: set[str], good: str, bad: str) -> None:
    validate, _ = compile_validator({"format": fmt})
    seen.discard(good)
    for _ in range(2):  # the second check answers from the set, and the same
        assert validate(good) == (True, [])
        assert good in seen
        valid, errors = validate(bad)
        assert not valid
        assert errors[0][KEYWORD] == "format"
        assert bad not in seen


def test_remembered_formats_are_bounded() -> None:
    validate, _ = compile_validator({"format": "date-time"})
    values = [f"2030-01-01T00:00:00.{n:06d}Z" for n in range(rt.SEEN_MAX + 10)]
    for value in values:
        assert validate(value) == (True, [])
        assert len(rt.DATE_TIMES_OK) <= rt.SEEN_MAX
    assert values[-1] in rt.DATE_TIMES_OK  # emptied when full, then filled again
    long = "2030-01-01T00:00:00." + "1" * rt.SEEN_LEN + "Z"  # valid, but too long to keep
    assert validate(long) == (True, [])
    assert long not in rt.DATE_TIMES_OK


def test_formats_apply_to_their_types_only_and_unknown_formats_are_ignored() -> None:
    assert errors_of({"format": "date"}, 12) == []
    assert errors_of({"format": "int32"}, "12") == []
    assert errors_of({"format": "int32"}, True) == []
    assert errors_of({"format": "no-such-format"}, "x") == []


# -- the generated source ---------------------------------------------------------------------------------------
RICH = {
    "type": "object",
    "required": ["kind", "id"],
    "properties": {
        "id": {"type": "string", "format": "uuid", "readOnly": True},
        "kind": {"enum": ["a", "b", None, 1, [1]]},
        "tags": {"type": "array", "items": {"type": "string", "pattern": r"^\w+$"}, "uniqueItems": True},
        "when": {"type": ["string", "null"], "format": "date-time"},
        "n": {"type": "number", "multipleOf": 0.5, "exclusiveMaximum": 10},
        "pet": ref("Pet"),
        "named": {"allOf": [ref("Cat")], "unevaluatedProperties": False},
        "list": {
            "prefixItems": [{"const": 1}],
            "items": False,
            "contains": {"type": "integer"},
            "maxContains": 2,
        },
        "cond": {
            "if": {"required": ["x"]},
            "then": {"required": ["y"]},
            "else": {"not": {"required": ["z"]}},
        },
    },
    "patternProperties": {"^x-": {"type": "string"}},
    "additionalProperties": {"type": "boolean", "default": False},
    "propertyNames": {"maxLength": 20},
    "dependentRequired": {"a": ["b"]},
    "dependentSchemas": {"c": {"required": ["d"]}},
}


def _rich_source() -> str:
    compiler = Compiler("2020-12", components(PETS), direction="request", apply_defaults=True)
    compiler.add("v_rich", RICH)
    compiler.add("v_pet", ref("Pet"))
    return compiler.source()


def test_source_is_deterministic() -> None:
    assert _rich_source() == _rich_source()


def test_source_is_ruff_and_mypy_clean(tmp_path: Path) -> None:
    module = tmp_path / "generated_validators.py"
    module.write_text(_rich_source(), encoding="utf-8")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", str(module)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    # and with the repository's own rule set (the generated tree is linted with it)
    ruff = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--config",
            str(ROOT / "pyproject.toml"),
            str(module),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    (tmp_path / "mypy.ini").write_text(
        "[mypy]\nstrict = True\nwarn_unreachable = True\n[mypy-chalice,chalice.*]\nimplicit_reexport = True\n",
        encoding="utf-8",
    )
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            str(module),
            str(ROOT / "chalicelib" / "runtime" / "validation.py"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"MYPYPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_generated_module_imports_cheaply(tmp_path: Path) -> None:
    """Importing a generated module (and the runtime helpers) compiles no pattern and loads no validation
    library; the first check that needs a pattern proven safe for stdlib `re` (`^\\w+$`) loads neither RE2
    nor `regex` (tests/schema/test_safe_re.py covers the patterns that do need RE2)."""
    (tmp_path / "generated_validators.py").write_text(_rich_source(), encoding="utf-8")
    probe = (
        "import json, sys; import generated_validators as g; "
        "heavy = {'jsonschema', 'referencing', 'regex', 're2', '_re2', 'codegen'}; "
        "before = sorted(m for m in sys.modules if m.split('.')[0] in heavy); "
        "compiled = [k for k, v in vars(g).items() if type(v).__name__ == 'Regex' and v.search != v._first]; "
        "g.v_rich({'tags': ['a']}, '', []); "
        "after = sorted(m for m in sys.modules if m.split('.')[0] in heavy); "
        "print(json.dumps([before, compiled, after]))"
    )
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    before, compiled, after = json.loads(out.stdout)
    assert before == []
    assert compiled == []
    assert after == []


def test_runtime_helpers() -> None:
    assert rt.json_eq({"a": [1, 2.0]}, {"a": [1.0, 2]})
    assert not rt.json_eq(True, 1)
    assert not rt.json_eq([True], [1])
    assert not rt.json_eq("1", 1)
    assert rt.unique([1, "1", True])
    assert not rt.unique([{"a": 1}, {"a": 1.0}])
    assert not rt.unique([[1], [1.0]])
    assert rt.unique([0, False])
    assert not rt.unique(["a", "a"])
    assert rt.esc("a/b~c") == "a~1b~0c"
    assert rt.multiple_of(1e308, 0.5)
    assert not rt.multiple_of(0.3, 0.2)
    assert len(rt.r("x" * 500)) < 80
