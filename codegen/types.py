"""Python type annotations for spec schemas, and TypedDict models for component schemas and bodies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from codegen.ir import Model, ModelField
from codegen.naming import UniqueNames, pascal
from codegen.resolve import Located, Resolver

ANY = "Any"
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
_MAX_DEPTH = 12


def union(types: Iterable[str]) -> str:
    seen: list[str] = []
    for t in types:
        for part in _split_union(t):
            if part not in seen:
                seen.append(part)
    if not seen or ANY in seen:
        return ANY
    if "None" in seen:  # keep `None` last: `str | None`
        seen = [t for t in seen if t != "None"] + ["None"]
    return " | ".join(seen)


def _split_union(t: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(t):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(t[start:i].strip())
            start = i + 1
    parts.append(t[start:].strip())
    return parts


def _literal(values: list[Any]) -> str | None:
    items = []
    for v in values:
        if v is None:
            items.append("None")
        elif isinstance(v, (bool, int, str)) and not isinstance(v, float):
            items.append(repr(v))
        else:
            return None
    literals = [i for i in items if i != "None"]
    text = f"Literal[{', '.join(literals)}]" if literals else "None"
    return union([text, "None"]) if "None" in items and literals else text


@dataclass
class TypeMapper:
    resolver: Resolver
    openapi_31: bool
    prefix: str = ""  # "models." when annotating outside the models module
    model_names: dict[str, str] = field(default_factory=dict)  # canonical ref -> model name

    def annotation(self, node: Located, depth: int = 0) -> str:
        schema = node.value
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return ANY
        if isinstance(schema.get("$ref"), str):
            target = self.resolver.lookup(schema["$ref"], node.uri)
            if target is None:
                return ANY
            name = self.model_names.get(f"{target.uri}#{target.ptr}")
            base = f"{self.prefix}{name}" if name else self.annotation(target, depth + 1)
            if self.openapi_31 and ("type" in schema or "oneOf" in schema or "anyOf" in schema):
                rest = self.annotation(
                    Located({k: v for k, v in schema.items() if k != "$ref"}, node.uri, node.ptr), depth + 1
                )
                if rest == "None" or rest.endswith("| None"):
                    return union([base, "None"])
            return base
        nullable = not self.openapi_31 and schema.get("nullable") is True
        result = self._bare(node, depth)
        return union([result, "None"]) if nullable else result

    def _bare(self, node: Located, depth: int) -> str:
        schema = node.value
        if "const" in schema:
            return _literal([schema["const"]]) or ANY
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            lit = _literal(schema["enum"])
            if lit is not None:
                return lit
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return union(
                    self.annotation(self.resolver.child(node, key, i), depth + 1)
                    for i in range(len(schema[key]))
                )
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            parts = [
                self.annotation(self.resolver.child(node, "allOf", i), depth + 1)
                for i in range(len(schema["allOf"]))
            ]
            if len(parts) == 1:
                return parts[0]
            return "dict[str, Any]" if self._object_like(node, depth) else ANY
        declared = schema.get("type")
        types = declared if isinstance(declared, list) else [declared] if isinstance(declared, str) else []
        if not types:
            if "properties" in schema or "additionalProperties" in schema:
                types = ["object"]
            elif "items" in schema:
                types = ["array"]
            else:
                return ANY
        return union(self._for_type(t, node, depth) for t in types)

    def _for_type(self, kind: str, node: Located, depth: int) -> str:
        schema = node.value
        if kind in _PRIMITIVES:
            return _PRIMITIVES[kind]
        if kind == "array":
            items = schema.get("items")
            if isinstance(items, dict) and "prefixItems" not in schema:
                return f"list[{self.annotation(self.resolver.child(node, 'items'), depth + 1)}]"
            return "list[Any]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and not schema.get("properties"):
                return f"dict[str, {self.annotation(self.resolver.child(node, 'additionalProperties'), depth + 1)}]"
            return "dict[str, Any]"
        return ANY

    def _object_like(self, node: Located, depth: int = 0) -> bool:
        schema = node.value
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return False
        if isinstance(schema.get("$ref"), str):
            target = self.resolver.lookup(schema["$ref"], node.uri)
            return target is not None and self._object_like(target, depth + 1)
        declared = schema.get("type")
        if declared == "object" or "properties" in schema:
            return True
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            return all(
                self._object_like(self.resolver.child(node, "allOf", i), depth + 1)
                for i in range(len(schema["allOf"]))
            )
        return False

    def _one_way(self, node: Located, depth: int = 0) -> bool:
        """Whether the property schema (through $ref / allOf) is readOnly or writeOnly."""
        schema = node.value
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return False
        if schema.get("readOnly") is True or schema.get("writeOnly") is True:
            return True
        if isinstance(schema.get("$ref"), str):
            target = self.resolver.lookup(schema["$ref"], node.uri)
            if target is not None and self._one_way(target, depth + 1):
                return True
        return any(
            self._one_way(self.resolver.child(node, "allOf", i), depth + 1)
            for i in range(len(schema.get("allOf") or []) if isinstance(schema.get("allOf"), list) else 0)
        )

    # -- models ----------------------------------------------------------------------------------
    def fields(self, node: Located, depth: int = 0) -> tuple[dict[str, str], set[str], bool]:
        """Flattened properties (allOf merged, refs followed): types, required names, open-ness."""
        schema = node.value
        props: dict[str, str] = {}
        required: set[str] = set()
        is_open = True
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return props, required, is_open
        if isinstance(schema.get("$ref"), str):
            target = self.resolver.lookup(schema["$ref"], node.uri)
            return self.fields(target, depth + 1) if target is not None else (props, required, is_open)
        for i, _ in enumerate(schema.get("allOf") or []):
            sub_props, sub_required, sub_open = self.fields(self.resolver.child(node, "allOf", i), depth + 1)
            for name, t in sub_props.items():
                props[name] = t if props.get(name, t) == t else ANY
            required |= sub_required
            is_open = is_open and sub_open
        properties = schema.get("properties")
        one_way: set[str] = set()
        if isinstance(properties, dict):
            for name in properties:
                child = self.resolver.child(node, "properties", name)
                t = self.annotation(child, depth + 1)
                props[name] = t if props.get(name, t) == t else ANY
                if self._one_way(child, depth + 1):
                    one_way.add(name)
        if isinstance(schema.get("required"), list):
            required |= {r for r in schema["required"] if isinstance(r, str)}
        # One model serves requests and responses: a readOnly property is absent from requests and a
        # writeOnly one from responses, so neither can be required by the TypedDict.
        required -= one_way
        if schema.get("additionalProperties") is False:
            is_open = False
        return props, required & set(props), is_open


def build_models(
    mapper: TypeMapper, components: list[Located], bodies: list[tuple[str, Located]]
) -> tuple[list[Model], dict[str, str]]:
    """Models for component schemas (by name) and inline object bodies; returns (models, body types)."""
    names = UniqueNames({"Any", "Literal", "TypedDict", "NotRequired", "TypeAlias"})
    for comp in components:
        canonical = f"{comp.uri}#{comp.ptr}"
        mapper.model_names[canonical] = names.claim(
            pascal(comp.ptr.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"))
        )
    models: list[Model] = []
    for comp in components:
        name = mapper.model_names[f"{comp.uri}#{comp.ptr}"]
        models.append(_model(mapper, name, comp, f"#{comp.ptr}"))
    body_types: dict[str, str] = {}
    for wanted, node in bodies:
        if isinstance(node.value, dict) and "$ref" not in node.value and mapper._object_like(node):
            name = names.claim(wanted)
            models.append(_model(mapper, name, node, f"#{node.ptr}"))
            body_types[f"{node.uri}#{node.ptr}"] = name
    return models, body_types


def _model(mapper: TypeMapper, name: str, node: Located, source: str) -> Model:
    if mapper._object_like(node):
        props, required, is_open = mapper.fields(node)
        fields = tuple(ModelField(prop, t, prop in required) for prop, t in props.items())
        return Model(name=name, source=source, fields=fields, alias=None, open=is_open)
    return Model(name=name, source=source, fields=None, alias=mapper.annotation(node), open=True)
