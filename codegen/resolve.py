"""Stage 2: resolve `$ref`s at build time.

Non-schema objects (parameters, request bodies, responses, headers, path items) are dereferenced while the
IR is built. Schemas keep their references, rewritten to point into ONE generated resource of components,
so the runtime needs no `$ref` resolution beyond a pointer lookup in a JSON file shipped with the code.
External files (relative `$ref`s) are loaded through `referencing`'s registry on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable

from codegen.errors import Level, SpecProblem, escape_pointer_token
from codegen.loader import Document, load_document

COMPONENTS_URI = "urn:openapi-chalice:components"

# Keywords whose value is a schema, a list of schemas or a map of schemas, per dialect.
_SCHEMA_ONE = {"not", "additionalProperties", "items"}
_SCHEMA_LIST = {"allOf", "anyOf", "oneOf"}
_SCHEMA_MAP = {"properties"}
_SCHEMA_ONE_31 = _SCHEMA_ONE | {
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "contentSchema",
}
_SCHEMA_LIST_31 = _SCHEMA_LIST | {"prefixItems"}
_SCHEMA_MAP_31 = _SCHEMA_MAP | {"patternProperties", "dependentSchemas", "$defs", "definitions"}
# Annotations with no effect on validation: dropped from the generated schemas to keep them small.
_ANNOTATIONS = {
    "title",
    "description",
    "example",
    "examples",
    "externalDocs",
    "xml",
    "deprecated",
    "$comment",
}


@dataclass
class Located:
    """A node of some document, with the URI of that document and its JSON pointer there."""

    value: Any
    uri: str
    ptr: str


@dataclass
class Resolver:
    root: Document
    problems: list[SpecProblem] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root_uri = self.root.path.as_uri()
        self.documents[self.root_uri] = self.root
        # `Registry(retrieve=...)` is referencing's documented API; mypy's attrs plugin misses the alias
        registry_factory: Any = Registry
        registry: Registry[Any] = registry_factory(retrieve=self._retrieve)
        self._registry = registry.with_resource(self.root_uri, Resource.opaque(self.root.data))

    # -- loading ---------------------------------------------------------------------------------
    def _retrieve(self, uri: str) -> Resource[Any]:
        parts = urlsplit(uri)
        if parts.scheme != "file":
            raise LookupError(f"only local files can be referenced, not {uri}")
        # a CodegenFailed here surfaces as Unretrievable from the registry: reported at the $ref
        doc = load_document(Path(unquote(parts.path)))
        self.documents[uri] = doc
        return Resource.opaque(doc.data)

    def display(self, uri: str) -> str:
        doc = self.documents.get(uri)
        return doc.display if doc is not None else uri

    def problem(self, uri: str, ptr: str, message: str, level: Level = "error") -> SpecProblem:
        doc = self.documents.get(uri)
        line = doc.line_of(ptr) if doc is not None else None
        item = SpecProblem(self.display(uri), ptr, message, level=level, line=line)
        self.problems.append(item)
        return item

    # -- lookups ---------------------------------------------------------------------------------
    def lookup(self, ref: str, base_uri: str) -> Located | None:
        """Target of `ref` relative to `base_uri`, or None (a problem is recorded by the caller)."""
        target = urljoin(base_uri, ref)
        doc_uri, fragment = urldefrag(target)
        try:
            resolved = self._registry.resolver(base_uri=base_uri).lookup(ref)
        except (Unresolvable, NoSuchResource, KeyError, IndexError, TypeError):
            return None
        ptr = unquote(fragment) if fragment.startswith("/") or fragment == "" else None
        if ptr is None:  # plain-name fragments (anchors) are not part of OpenAPI references
            return None
        return Located(resolved.contents, doc_uri or base_uri, ptr)

    def deref(self, node: Located) -> Located | None:
        """Follow Reference Objects (non-schema) until a real object; cycles and dangling refs fail."""
        seen: list[str] = []
        current = node
        while isinstance(current.value, dict) and isinstance(current.value.get("$ref"), str):
            key = f"{current.uri}#{current.ptr}"
            if key in seen:
                self.problem(node.uri, node.ptr, f"circular $ref: {' -> '.join([*seen, key])}")
                return None
            seen.append(key)
            ref = current.value["$ref"]
            target = self.lookup(ref, current.uri)
            if target is None:
                self.problem(current.uri, current.ptr + "/$ref", f"unresolvable $ref {ref!r}")
                return None
            current = target
        return current

    def child(self, node: Located, *tokens: str | int) -> Located:
        value = node.value
        ptr = node.ptr
        for token in tokens:
            value = value[token]
            ptr += "/" + escape_pointer_token(str(token))
        return Located(value, node.uri, ptr)


def _component_name(uri: str, ptr: str, root_uri: str) -> str | None:
    prefix = "/components/schemas/"
    if uri == root_uri and ptr.startswith(prefix):
        rest = ptr[len(prefix) :]
        if "/" not in rest:
            return rest.replace("~1", "/").replace("~0", "~")
    return None


@dataclass
class SchemaBundle:
    """Converts spec schemas into self-contained JSON Schema for the runtime validators.

    OAS 3.0 schemas become JSON Schema draft 4 (`nullable` folded into `type`/`enum`, siblings of `$ref`
    dropped as 3.0 says); OAS 3.1 schemas stay 2020-12. Every `$ref` points into `components`.
    """

    resolver: Resolver
    openapi_31: bool
    components: dict[str, Any] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict)
    _pending: list[tuple[str, Located]] = field(default_factory=list)

    @property
    def dialect(self) -> str:
        return "2020-12" if self.openapi_31 else "draft4"

    def ref_for(self, ref: str, base_uri: str, where: Located) -> dict[str, Any]:
        target = self.resolver.lookup(ref, base_uri)
        if target is None:
            self.resolver.problem(where.uri, where.ptr + "/$ref", f"unresolvable $ref {ref!r}")
            return {}
        canonical = f"{target.uri}#{target.ptr}"
        key = self._keys.get(canonical)
        if key is None:
            key = self._new_key(target)
            self._keys[canonical] = key
            self.components[key] = None  # placeholder: reserves the key, filled by `finish`
            self._pending.append((key, target))
        return {"$ref": f"{COMPONENTS_URI}#/$defs/{escape_pointer_token(key)}"}

    def _new_key(self, target: Located) -> str:
        name = _component_name(target.uri, target.ptr, self.resolver.root_uri)
        if name is None:
            stem = Path(urlsplit(target.uri).path).stem if target.uri != self.resolver.root_uri else ""
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{stem}{target.ptr}").strip("_") or "root"
        key, n = name, 1
        while key in self.components:
            n += 1
            key = f"{name}_{n}"
        return key

    def convert(self, node: Located) -> Any:
        """Converted copy of the schema at `node`; referenced components are queued for `finish`."""
        return self._convert(node.value, node)

    def finish(self) -> None:
        while self._pending:
            key, target = self._pending.pop()
            self.components[key] = self._convert(target.value, target)

    def _convert(self, schema: Any, where: Located) -> Any:
        if isinstance(schema, bool):
            return schema
        if not isinstance(schema, dict):
            return schema  # the spec validator already reported a schema that is not an object
        if isinstance(schema.get("$ref"), str):
            ref = self.ref_for(schema["$ref"], where.uri, where)
            if not self.openapi_31:
                # OAS 3.0 ignores siblings of $ref, but `nullable: true` beside one means what users expect
                return {"anyOf": [{"type": "null"}, ref]} if schema.get("nullable") is True else ref
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            if not rest:
                return ref
            converted = self._convert(rest, where)
            if isinstance(converted, dict):
                converted = {**ref, **converted}
            return converted
        one, many, mapping = (
            (_SCHEMA_ONE_31, _SCHEMA_LIST_31, _SCHEMA_MAP_31)
            if self.openapi_31
            else (_SCHEMA_ONE, _SCHEMA_LIST, _SCHEMA_MAP)
        )
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _ANNOTATIONS or key.startswith("x-") or (key == "nullable" and not self.openapi_31):
                continue
            sub = Located(value, where.uri, where.ptr + "/" + escape_pointer_token(key))
            if key in one and isinstance(value, (dict, bool)):
                out[key] = self._convert(value, sub)
            elif key in many and isinstance(value, list):
                out[key] = [
                    self._convert(v, Located(v, sub.uri, f"{sub.ptr}/{i}")) for i, v in enumerate(value)
                ]
            elif key in mapping and isinstance(value, dict):
                out[key] = {
                    name: self._convert(v, Located(v, sub.uri, f"{sub.ptr}/{escape_pointer_token(name)}"))
                    for name, v in value.items()
                }
            elif key == "dependencies" and isinstance(value, dict):  # draft 4: schema or list of names
                out[key] = {
                    name: v if isinstance(v, list) else self._convert(v, sub) for name, v in value.items()
                }
            else:
                out[key] = value
        if not self.openapi_31 and schema.get("nullable") is True:
            if "type" not in out and "enum" not in out:
                # nullable with allOf/oneOf/anyOf and no type: null, or whatever the rest allows
                return {"anyOf": [{"type": "null"}, out]}
            _allow_null(out)
        return out


def _allow_null(schema: dict[str, Any]) -> None:
    """OAS 3.0 `nullable: true` in draft-4 terms: null joins `type` and `enum` where they restrict it."""
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if "null" not in types:
            schema["type"] = [*types, "null"]
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]


def iter_schema_refs(schema: Any) -> Iterator[str]:
    """Every `$ref` string inside a converted schema (used by tests and the emitter)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


_EXTERNAL_REF = re.compile(r"""["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']""")


def bundle(resolver: Resolver) -> Any:
    """The root document with every reference into another file inlined, for `GET /openapi.json`.

    References inside the root document stay as they are; a file that refers back into the root gets its
    reference rewritten to a local one. A cycle that runs through other files cannot be inlined and is
    reported as an error.
    """
    root = resolver.root
    if not _EXTERNAL_REF.search(root.text):
        return root.data

    def walk(node: Any, base_uri: str, ptr: str, active: frozenset[str]) -> Any:
        if isinstance(node, list):
            return [walk(v, base_uri, f"{ptr}/{i}", active) for i, v in enumerate(node)]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        siblings = {
            k: walk(v, base_uri, f"{ptr}/{escape_pointer_token(k)}", active)
            for k, v in node.items()
            if k != "$ref"
        }
        if not isinstance(ref, str):
            return siblings
        doc_uri, fragment = urldefrag(urljoin(base_uri, ref))
        if doc_uri == resolver.root_uri:
            return {"$ref": f"#{fragment}", **siblings}
        key = f"{doc_uri}#{fragment}"
        target = resolver.lookup(ref, base_uri)
        if target is None:
            resolver.problem(base_uri, f"{ptr}/$ref", f"unresolvable $ref {ref!r}")
            return node
        if key in active:
            resolver.problem(
                base_uri, f"{ptr}/$ref", f"circular $ref through other files cannot be bundled: {ref!r}"
            )
            return node
        inlined = walk(target.value, target.uri, target.ptr, active | {key})
        return {**inlined, **siblings} if isinstance(inlined, dict) and siblings else inlined

    return walk(root.data, resolver.root_uri, "", frozenset())
