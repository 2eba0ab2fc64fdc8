"""Differential test: compiled validators against jsonschema on real component schemas.

Component schemas of four specs from ../shared/specs are converted exactly as codegen converts them
(`codegen.resolve.SchemaBundle`), compiled with `codegen.compiler.Compiler`, and checked on instances from
hypothesis-jsonschema plus simple mutations of each: the verdict (valid or not) must be jsonschema's
(`Draft4Validator` / `Draft202012Validator`).

Both sides are put on the same footing first: `format` is removed from the schemas (jsonschema's format
checkers are not this API's) and so is `discriminator` (which narrows a oneOf on purpose), and jsonschema's `pattern`, `patternProperties` and `additionalProperties`
use ECMA-262 regex semantics, as the compiled validators do (jsonschema uses Python's `re`, whose `\\d`
and `$` differ, and hypothesis generates strings with Python's semantics), and jsonschema's draft 4 reads
1.0 as an integer, as this API does in both dialects (jsonschema does so from draft 6 on).

Bounded: a fixed selection of schemas, a derandomized Hypothesis run of 20 examples each.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from hypothesis_jsonschema import from_schema
from jsonschema import Draft4Validator, Draft202012Validator, ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012
from schema_support import load_module

from chalicelib.runtime.validation import Regex
from codegen.compiler import Compiler
from codegen.compiler.ecma import translate
from codegen.loader import load_document
from codegen.resolve import COMPONENTS_URI, Located, Resolver, SchemaBundle, iter_schema_refs

SPECS = Path(__file__).resolve().parents[2].parent / "shared" / "specs"
# spec file -> how many of its component schemas to check (50 in all)
SELECTION = {"discord-v10.json": 14, "box-platform.json": 12, "ory-kratos.json": 12, "apideck-crm.yml": 12}
MAX_CLOSURE = 4000  # characters of JSON: bigger schemas make hypothesis-jsonschema slow
EXAMPLES = 20
_PREFIX = COMPONENTS_URI + "#/$defs/"
_NOT_SCHEMAS = {"enum", "const", "default", "examples", "example"}


def test_the_shared_specs_are_there() -> None:
    # the corpus is a required input (CI clones ../shared beside the repo): missing, it fails, never skips
    assert all((SPECS / name).is_file() for name in SELECTION), f"missing specs under {SPECS}"


def _strip_formats(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip_formats(v) for v in node]
    if not isinstance(node, dict):
        return node
    return {
        k: (v if k in _NOT_SCHEMAS else _strip_formats(v))
        for k, v in node.items()
        if not (k == "format" and isinstance(v, str)) and not (k == "discriminator" and isinstance(v, dict))
    }


def _key_of(ref: str) -> str:
    return ref[len(_PREFIX) :].replace("~1", "/").replace("~0", "~")


class Spec:
    def __init__(self, file: str) -> None:
        resolver = Resolver(load_document(SPECS / file))
        data = resolver.root.data
        self.openapi_31 = str(data.get("openapi", "")).startswith("3.1")
        bundle = SchemaBundle(resolver, self.openapi_31)
        root = Located(data, resolver.root_uri, "")
        names = list((data.get("components") or {}).get("schemas") or {})
        converted = {n: bundle.convert(resolver.child(root, "components", "schemas", n)) for n in names}
        bundle.finish()
        components = dict(bundle.components)
        self.keys: list[str] = []
        for name, schema in converted.items():  # components nothing refers to are not in the bundle
            key = bundle._keys.get(f"{resolver.root_uri}#/components/schemas/{name}")
            if key is None:
                key = name if name not in components else f"{name}__unreferenced"
                components[key] = schema
            self.keys.append(key)
        self.defs: dict[str, Any] = {k: _strip_formats(v) for k, v in components.items()}
        spec = DRAFT202012 if self.openapi_31 else DRAFT4
        self.registry: Registry[Any] = Registry().with_resource(
            COMPONENTS_URI, spec.create_resource({"$defs": self.defs})
        )

    def closure(self, key: str) -> set[str]:
        seen: set[str] = set()
        stack = [key]
        while stack:
            for ref in iter_schema_refs(self.defs[stack.pop()]):
                target = _key_of(ref)
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen

    def selected(self, count: int) -> list[str]:
        """`count` non-recursive components, evenly spread over the spec's order, of bounded size."""
        candidates = []
        for key in self.keys:
            deps = self.closure(key)
            size = sum(len(json.dumps(self.defs[k])) for k in {key, *deps})
            if key not in deps and size <= MAX_CLOSURE:
                candidates.append(key)
        step = max(1, len(candidates) // count)
        return candidates[::step][:count]

    def local_schema(self, key: str) -> Any:
        """The component with its closure as local definitions, for hypothesis-jsonschema."""

        def localize(node: Any) -> Any:
            if isinstance(node, dict):
                return {
                    k: "#/definitions/" + _key_of(v) if k == "$ref" and isinstance(v, str) else localize(v)
                    for k, v in node.items()
                }
            if isinstance(node, list):
                return [localize(v) for v in node]
            return node

        schema = localize(self.defs[key])
        if not isinstance(schema, dict):
            return schema
        schema = {**schema, "definitions": {k: localize(self.defs[k]) for k in self.closure(key)}}
        if not self.openapi_31:
            schema["$schema"] = "http://json-schema.org/draft-04/schema#"
        return schema

    @cache  # noqa: B019 — one Spec per file, kept for the session
    def compiled(self) -> dict[str, Any]:
        compiler = Compiler("2020-12" if self.openapi_31 else "draft4", self.registry)
        for i, key in enumerate(self.keys):
            compiler.add(f"v_{i}", self.defs[key], _PREFIX + key.replace("~", "~0").replace("/", "~1"))
        module = load_module(compiler.source(), "differential")
        return {key: module[f"v_{i}"] for i, key in enumerate(self.keys)}

    @cache  # noqa: B019 — one Spec per file, kept for the session
    def reference(self, key: str) -> Any:
        cls = _ECMA_VALIDATORS[self.openapi_31]
        ref = {"$ref": _PREFIX + key.replace("~", "~0").replace("/", "~1")}
        return cls(ref, registry=self.registry)


@cache
def _spec(file: str) -> Spec:
    return Spec(file)


# -- jsonschema with ECMA-262 patterns ----------------------------------------------------------------
@cache
def _regex(pattern: str) -> Regex:
    t = translate(pattern)
    return Regex(t.re2, t.py)


def _extras(instance: dict[str, Any], schema: dict[str, Any]) -> Iterator[str]:
    props = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    for name in instance:
        if name not in props and not any(_regex(p).search(name) for p in patterns):
            yield name


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for name, value in instance.items():
            if _regex(pattern).search(name):
                yield from validator.descend(value, subschema, path=name, schema_path=pattern)


def _additional_properties(
    validator: Any, extra: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    names = list(_extras(instance, schema))
    if validator.is_type(extra, "object"):
        for name in names:
            yield from validator.descend(instance[name], extra, path=name)
    elif extra is False and names:
        yield ValidationError(f"additional properties are not allowed: {names!r}")


_OVERRIDES = {
    "pattern": _pattern,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
}
# this API reads 1.0 as an integer in both dialects (jsonschema does from draft 6 on)
_DRAFT4_TYPES = Draft4Validator.TYPE_CHECKER.redefine(
    "integer",
    lambda checker, x: Draft202012Validator.TYPE_CHECKER.is_type(x, "integer"),
)
_ECMA_VALIDATORS = {
    False: jsonschema.validators.extend(Draft4Validator, _OVERRIDES, type_checker=_DRAFT4_TYPES),
    True: jsonschema.validators.extend(Draft202012Validator, _OVERRIDES),
}


# -- instances ------------------------------------------------------------------------------------------
def mutations(x: Any) -> Iterator[Any]:
    yield from (None, 0, 1.5, "", "x", True, [], {})
    if isinstance(x, dict) and x:
        first = next(iter(x))
        for replacement in (None, [], "zz", 10**20, {"a": 1}, -1):
            yield {**x, first: replacement}
        yield {k: v for k, v in x.items() if k != first}
        yield {**x, "__unexpected__": 1}
        for key, value in list(x.items())[1:4]:
            for m in list(mutations(value))[8:11]:
                yield {**x, key: m}
    elif isinstance(x, list) and x:
        yield [*x, x[0]]
        yield [*x, None]
        yield x[:-1]
        yield [next(iter(mutations(x[0]))), *x[1:]]
    elif isinstance(x, str):
        yield x + "\n"
        yield x[:1]
        yield x * 3
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        yield -x - 1
        yield x + 0.5
        yield x * 1000


CASES = [(file, key) for file, count in SELECTION.items() for key in _spec(file).selected(count)]


def test_selection_is_the_size_asked_for() -> None:
    assert len(CASES) == sum(SELECTION.values())


@pytest.mark.parametrize(("file", "key"), CASES, ids=[f"{f}:{k}" for f, k in CASES])
def test_same_verdict_as_jsonschema(file: str, key: str) -> None:
    spec = _spec(file)
    ours = spec.compiled()[key]
    reference = spec.reference(key)

    def check(instance: Any) -> None:
        for candidate in [instance, *mutations(instance)]:
            errors: list[tuple[str, str, str]] = []
            valid = ours(copy.deepcopy(candidate), "", errors)
            assert valid == (not errors)
            expected = reference.is_valid(candidate)
            assert valid == expected, (
                f"{key}: compiled says {valid}, jsonschema says {expected} for {candidate!r}; errors: {errors}"
            )

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(spec.local_schema(key)))
    def run(instance: Any) -> None:
        check(instance)

    try:
        run()
    except Unsatisfiable:
        # hypothesis-jsonschema cannot build a valid instance (e.g. contradictory allOf): the mutations
        # of a few seeds still compare the verdicts
        for seed in ({}, [], "", 0, None):
            check(seed)
