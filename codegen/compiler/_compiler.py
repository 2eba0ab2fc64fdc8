"""JSON Schema (draft 4 / 2020-12, as `codegen.resolve.SchemaBundle` converts OpenAPI schemas) -> plain
Python validator functions, at build time.

Every `$ref` is resolved here, through a `referencing` registry; the generated module holds only
straight-line checks (`type(x) is dict`, `"name" in x`, `len(x) < 3`) and calls into
`chalicelib.runtime.validation` for what is not one line (formats, JSON equality, patterns), so a cold
start builds nothing and imports no validation library.

The contract of a generated function: `def name(x: Any, p: str, e: list[Err]) -> bool`. `p` is the JSON
pointer of `x` ("" at the root); every violation is appended to `e` as (pointer, keyword, message): the
error contract's sort order, so the runtime sorts them as plain tuples. They are appended in a
deterministic order (schema keyword order, a missing required property where `properties` declares it,
then instance order); the result tells whether `x` is valid, and is False exactly when something was
appended.

Shape of the generated code:
- a function per added root, per `$ref` target (deduplicated by absolute URI and mode, so recursive
  schemas become recursive functions) and per subschema nested too deep to inline;
- subschemas of properties/items are inlined up to `_MAX_INLINE` levels;
- speculative checks (`anyOf`, `oneOf`, `not`, `if`, `contains`) write into the same error list and cut
  it back (`del e[n:]`): nothing is allocated unless something fails; a failed `anyOf`/`oneOf` leaves one
  error naming each branch's first error;
- `unevaluatedProperties`/`unevaluatedItems` make the schema (and only it) track evaluated keys/indices
  in local sets; in-place subschemas it reaches are compiled as "annotating" variants `(x, p, e, ak, ai)`;
- with `apply_defaults`, defaults are written only where the outcome is certain (not inside `anyOf`,
  `oneOf` without a discriminator, `not`, `if`, `contains`), so schemas with defaults may get a second,
  "speculative" variant (suffix `__s`);
- module-level names the compiler makes (helpers, constants) start with `_<tag>_`, the tag telling the
  direction (`v` none, `q` request, `s` response, plus `d` with defaults), so the modules of two
  compilers of different directions can be merged without clashes.

OpenAPI on top of JSON Schema: `readOnly` properties are forbidden (and not required) in requests,
`writeOnly` ones in responses; `discriminator` narrows a `oneOf`/`anyOf` to the variant it names (mapping
values may be references or schema names; without a mapping, the last token of a branch's `$ref`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import unquote, urldefrag, urljoin

from referencing import Registry, Resource
from referencing.exceptions import (
    CannotDetermineSpecification,
    NoSuchAnchor,
    NoSuchResource,
    Unresolvable,
    Unretrievable,
)
from referencing.jsonschema import DRAFT4, DRAFT202012, DynamicAnchor

from codegen.compiler._block import Block
from codegen.compiler.ecma import PatternError, Translated, translate
from codegen.compiler.safe_re import char_run, stdlib_method

RUNTIME = "chalicelib.runtime.validation"
COMPONENTS_URI = "urn:openapi-chalice:components"  # where codegen.resolve.SchemaBundle puts components
_MAX_INLINE = 5  # instance nesting levels inlined into one function before a helper function is made
_MAX_REF_HOPS = 16

_DRAFT4_KEYWORDS = frozenset(
    [
        "$ref",
        "type",
        "enum",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "items",
        "additionalItems",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxProperties",
        "minProperties",
        "required",
        "properties",
        "patternProperties",
        "additionalProperties",
        "dependencies",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "format",
    ]
)
_2020_KEYWORDS = frozenset(
    [
        "$ref",
        "$dynamicRef",
        "type",
        "enum",
        "const",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "prefixItems",
        "items",
        "contains",
        "minContains",
        "maxContains",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxProperties",
        "minProperties",
        "required",
        "dependentRequired",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "dependentSchemas",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "unevaluatedItems",
        "unevaluatedProperties",
        "format",
    ]
)
_VALIDATION_VOCABULARY = frozenset(
    [
        "type",
        "enum",
        "const",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxContains",
        "minContains",
        "maxProperties",
        "minProperties",
        "required",
        "dependentRequired",
    ]
)
_VOCAB_VALIDATION = "https://json-schema.org/draft/2020-12/vocab/validation"

_STRING_FORMATS = {
    "date": "is_date",
    "date-time": "is_date_time",
    "time": "is_time",
    "uuid": "is_uuid",
    "email": "is_email",
    "uri": "is_uri",
    "ipv4": "is_ipv4",
    "ipv6": "is_ipv6",
    "byte": "is_byte",
}
# formats whose values recur (ids, timestamps): chalicelib/runtime/validation.py remembers the values that
# passed, so the generated check looks in that set first and calls the checker (which remembers) only
# for a value it has not seen
_SEEN_FORMATS: dict[str, tuple[str, str]] = {
    "uuid": ("UUIDS_OK", "uuid_ok"),
    "date-time": ("DATE_TIMES_OK", "date_time_ok"),
    "date": ("DATES_OK", "date_ok"),
    "time": ("TIMES_OK", "time_ok"),
}
_NUMBER_FORMATS = {"int32": "is_int32", "int64": "is_int64", "float": "is_float", "double": "is_double"}

_GROUP_TEST = {
    "object": "type({x}) is dict",
    "array": "type({x}) is list",
    "string": "type({x}) is str",
    "number": "type({x}) is int or type({x}) is float",
}
_TYPE_TEST = {
    **_GROUP_TEST,
    "integer": "type({x}) is int or (type({x}) is float and {x}.is_integer())",
    "boolean": "type({x}) is bool",
    "null": "{x} is None",
}
_TYPE_NOT = {
    "object": "type({x}) is not dict",
    "array": "type({x}) is not list",
    "string": "type({x}) is not str",
    "boolean": "type({x}) is not bool",
    "null": "{x} is not None",
}
_GROUPS = ("object", "array", "string", "number")
_SKIP_TOKENS = frozenset(
    [
        "$defs",
        "definitions",
        "properties",
        "items",
        "prefixItems",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "additionalProperties",
        "patternProperties",
        "dependentSchemas",
        "contains",
        "propertyNames",
        "unevaluatedProperties",
        "unevaluatedItems",
        "additionalItems",
        "dependencies",
    ]
)


class CompileError(ValueError):
    """The schema cannot be compiled (unresolvable `$ref`, invalid pattern, malformed keyword)."""


# -- small source helpers ------------------------------------------------------------------------------
def lit(s: str) -> str:
    """A double-quoted Python string literal."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0xA0 or not ch.isprintable() or 0xD800 <= o <= 0xDFFF:
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def pylit(value: Any) -> str:
    """A Python expression that builds a fresh copy of a JSON value."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CompileError(f"non-finite number {value!r} in a schema")
        return repr(value)
    if isinstance(value, str):
        return lit(value)
    if isinstance(value, list):
        return "[" + ", ".join(pylit(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{lit(str(k))}: {pylit(v)}" for k, v in value.items()) + "}"
    raise CompileError(f"not a JSON value: {value!r}")


def _num(value: Any, keyword: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CompileError(f"{keyword} must be a number, not {value!r}")
    return pylit(value)


def _int(value: Any, keyword: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CompileError(f"{keyword} must be a non-negative integer, not {value!r}")
    return value


_DYNAMIC_ANCHORS: dict[int, tuple[Any, bool]] = {}


def _mentions_dynamic_anchor(contents: Any) -> bool:
    """Whether a resource uses `$dynamicAnchor` anywhere. Shared by every Compiler of a run: an API's
    components are one resource that hundreds of compilers ask about (the entry keeps `contents`
    alive, so its id cannot be reused while cached)."""
    cached = _DYNAMIC_ANCHORS.get(id(contents))
    if cached is not None and cached[0] is contents:
        return cached[1]
    found = "$dynamicAnchor" in json.dumps(contents)
    _DYNAMIC_ANCHORS[id(contents)] = (contents, found)
    return found


def _short_json(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _esc_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class _Ptr:
    """The JSON pointer of the value being checked, as parts of a Python expression built on error."""

    base: str
    parts: tuple[tuple[str, str], ...] = ()

    def lit(self, token: str) -> _Ptr:
        return _Ptr(self.base, (*self.parts, ("lit", "/" + _esc_token(token))))

    def idx(self, var: str) -> _Ptr:
        return _Ptr(self.base, (*self.parts, ("lit", "/"), ("idx", var)))

    def key(self, var: str) -> _Ptr:
        return _Ptr(self.base, (*self.parts, ("lit", "/"), ("key", var)))

    def expr(self) -> str:
        pieces = [self.base]
        buffer = ""
        for kind, text in self.parts:
            if kind == "lit":
                buffer += text
                continue
            if buffer:
                pieces.append(lit(buffer))
                buffer = ""
            pieces.append(f"str({text})" if kind == "idx" else f"esc({text})")
        if buffer:
            pieces.append(lit(buffer))
        return " + ".join(pieces)

    def uses_esc(self) -> bool:
        return any(kind == "key" for kind, _ in self.parts)


@dataclass(frozen=True)
class _V:
    """Where the generated code stands: the value variable, its pointer, the ok flag, annotation sets."""

    x: str
    p: _Ptr
    ok: str
    ann: tuple[str, str] | None = None


@dataclass(frozen=True)
class _Ctx:
    """Where the compiler stands in the schemas."""

    base: str  # base URI for `$ref`
    loc: str  # canonical location "uri#/pointer" of the schema being compiled
    scope: tuple[str, ...]  # dynamic scope: resources entered, outermost first, each once
    defaults: bool  # a definite (not speculative) context: defaults may be applied
    depth: int  # inlined instance nesting in the current function
    hidden: frozenset[str] = frozenset()  # read/write-only names inherited for `required`


@dataclass
class _Fn:
    name: str
    counter: int = 0

    def var(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


_Key = tuple[str, bool, bool, tuple[str, ...], frozenset[str]]


class Compiler:
    """Compiles JSON Schemas into one Python module of validator functions (see the module docstring)."""

    def __init__(
        self,
        dialect: Literal["draft4", "2020-12"],
        registry: Registry[Any],
        link: Callable[[str], str | None] = lambda uri: None,
        direction: Literal["request", "response"] | None = None,
        apply_defaults: bool = False,
        alias_links: bool = False,
    ) -> None:
        """`alias_links`: a root that is only a linked function (`$ref` to another module's) becomes a
        name for it (`_r_200_0 = _c_item__s.v`), one frame less per call. Only for a module that no
        validator module imports (an operation's): the alias reads the other module's attribute at
        import, which fails inside an import cycle (component modules import each other for recursive
        schemas), where a function reads it at call time."""
        if dialect not in ("draft4", "2020-12"):
            raise ValueError(f"unknown dialect {dialect!r}")
        self.dialect = dialect
        self.draft4 = dialect == "draft4"
        self._spec = DRAFT4 if self.draft4 else DRAFT202012
        self._registry: Registry[Any] = registry.crawl()
        self._link = link
        self.direction = direction
        self.apply_defaults = apply_defaults
        self.alias_links = alias_links
        self._keywords = _DRAFT4_KEYWORDS if self.draft4 else _2020_KEYWORDS
        self._disabled: frozenset[str] = frozenset()
        self._tag = {None: "v", "request": "q", "response": "s"}[direction] + ("d" if apply_defaults else "")
        self._functions: list[tuple[str, str]] = []  # (name, source), in creation order
        self._names: dict[_Key, str] = {}
        self._taken: set[str] = set()
        self._roots: set[str] = set()
        self._consts: dict[tuple[str, str], str] = {}
        self._const_lines: list[tuple[str, str]] = []
        self._pending: list[tuple[str, Any, _Ctx, bool]] = []
        self._dyn_cache: dict[str, bool] = {}
        self._defaults_cache: dict[str, bool] = {}
        self._anon = 0
        self._fn = _Fn("")
        self._quiet = 0  # > 0 inside checks whose errors are discarded (`_quietly`)

    # -- public API ----------------------------------------------------------------------------------
    def add(self, name: str, schema: Any, base_uri: str = "") -> str:
        """Compile `schema` as a top-level function named `name` in the module being built; returns `name`.

        `base_uri` resolves the schema's relative references; when it carries a fragment
        (`urn:…#/$defs/Item`), the schema is known to live there, and references to that location from
        other schemas of this module call `name` instead of compiling a copy.
        """
        if not name.isidentifier() or name in self._taken:
            raise ValueError(f"{name!r} is not a fresh identifier")
        doc, fragment = urldefrag(base_uri)
        fragment = unquote(fragment)
        if not doc:
            self._anon += 1
            doc = f"urn:openapi-chalice:schema:{self._anon}"
        known = True
        try:
            self._registry.get_or_retrieve(doc)
        except (NoSuchResource, Unretrievable, CannotDetermineSpecification):
            known = False
        base = doc
        if not fragment and not known:
            resource = Resource.from_contents(schema, default_specification=self._spec)
            self._registry = self._registry.with_resource(doc, resource).crawl()
            sid = self._id_of(schema)
            if sid is not None:
                base = self._join(doc, sid)
        self._disabled = self._vocabulary(schema)
        loc = f"{base}#{fragment}"
        ctx = _Ctx(base=base, loc=loc, scope=(base,), defaults=True, depth=0)
        self._taken.add(name)
        self._roots.add(name)
        key = self._key(loc, False, ctx, schema)
        self._names.setdefault(key, name)
        self._emit_function(name, schema, ctx, annotate=False)
        self._drain()
        return name

    def source(self, extra_imports: Iterable[str] = ()) -> str:
        """Python source of the module: imports, constants, then every function in creation order.

        Only what the added roots reach is written (checks the compiler dropped, such as keywords for a
        type the schema excludes, may have asked for helpers). `extra_imports` are whole import lines
        that `link` expressions need (`from x import y as _c`); they are sorted in with the module's own.
        """
        bodies = dict(self._functions)
        used: set[str] = set()
        reachable: list[str] = []
        stack = [name for name, _ in self._functions if name in self._roots][::-1]
        while stack:
            name = stack.pop()
            if name in reachable:
                continue
            reachable.append(name)
            names = _names(bodies[name])
            used |= names
            stack.extend(sorted((n for n in names if n in bodies and n not in reachable), reverse=True))
        consts = [line for name, line in self._const_lines if name in used]
        for line in consts:
            used |= _names(line)
        runtime = sorted(
            used & _RUNTIME_NAMES, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
        )
        line = f"from {RUNTIME} import {', '.join(runtime)}"
        if len(line) > 88:  # isort's wrapping; the magic trailing comma keeps it stable at any line length
            line = f"from {RUNTIME} import (\n" + "".join(f"    {n},\n" for n in runtime) + ")"
        first_party = [line, *extra_imports] if runtime else list(extra_imports)
        # a module of aliases only (`_r_200_0 = _c_item__s.v`) annotates nothing
        typing = ["from typing import Any", ""] if "Any" in used else []
        out = [*typing, *sorted(set(first_party), key=_import_key)]
        if consts:
            out.extend(["", *consts])
        for name, text in self._functions:
            if name in reachable:
                out.extend(["", "", text])
        return "\n".join(out) + "\n"

    # -- registry ------------------------------------------------------------------------------------
    def _id_of(self, schema: Any) -> str | None:
        if not isinstance(schema, dict) or not isinstance(schema.get("id" if self.draft4 else "$id"), str):
            return None
        sid = self._spec.id_of(schema)
        return sid if isinstance(sid, str) and sid and not sid.startswith("#") else None

    @staticmethod
    def _join(base: str, ref: str) -> str:
        if ref.startswith("#"):
            return urldefrag(base)[0] + ref
        return urljoin(base, ref)

    def _vocabulary(self, schema: Any) -> frozenset[str]:
        """Keywords turned off by the root's meta-schema `$vocabulary` (2020-12 only)."""
        if self.draft4 or not isinstance(schema, dict) or not isinstance(schema.get("$schema"), str):
            return frozenset()
        try:
            meta = self._registry.resolver().lookup(schema["$schema"]).contents
        except Unresolvable:
            return frozenset()
        vocab = meta.get("$vocabulary") if isinstance(meta, dict) else None
        if not isinstance(vocab, dict) or _VOCAB_VALIDATION in vocab:
            return frozenset()
        return _VALIDATION_VOCABULARY

    def _resolve(self, ref: str, ctx: _Ctx) -> tuple[str, Any, str]:
        """(absolute URI, target schema, the target's base URI) of a `$ref` seen at `ctx`."""
        try:
            resolved = self._registry.resolver(base_uri=ctx.base).lookup(ref)
        except Unresolvable as exc:
            raise CompileError(f"unresolvable $ref {ref!r} (base {ctx.base!r}, at {ctx.loc})") from exc
        doc, fragment = urldefrag(self._join(ctx.base, ref))
        return f"{doc}#{unquote(fragment)}", resolved.contents, resolved.resolver._base_uri

    def _dynamic_target(self, ref: str, ctx: _Ctx) -> tuple[str, Any, str]:
        uri, target, base = self._resolve(ref, ctx)
        doc, fragment = urldefrag(uri)
        if not fragment or fragment.startswith("/"):
            return uri, target, base
        try:
            anchor = self._registry.anchor(doc, fragment).value
        except (NoSuchAnchor, NoSuchResource):
            return uri, target, base
        if not isinstance(anchor, DynamicAnchor):  # no bookend: a plain $ref
            return uri, target, base
        for outer in ctx.scope:  # the outermost resource with that dynamic anchor wins
            try:
                found = self._registry.anchor(outer, fragment).value
            except (NoSuchAnchor, NoSuchResource):
                continue
            if isinstance(found, DynamicAnchor):
                return f"{outer}#{fragment}", found.resource.contents, outer
        return uri, target, base

    def _has_dynamic_anchor(self, uri: str) -> bool:
        found = self._dyn_cache.get(uri)
        if found is None:
            try:
                contents = self._registry.contents(uri)
            except (NoSuchResource, KeyError):
                contents = None
            found = _mentions_dynamic_anchor(contents) if contents is not None else False
            self._dyn_cache[uri] = found
        return found

    def _key(self, loc: str, annotate: bool, ctx: _Ctx, schema: Any) -> _Key:
        scope = () if self.draft4 else tuple(u for u in ctx.scope if self._has_dynamic_anchor(u))
        defaults = self.apply_defaults and ctx.defaults and self._has_defaults(schema, ctx.base, set())
        return (loc, annotate, defaults, scope, self._disabled)

    def _has_defaults(self, schema: Any, base: str, seen: set[str]) -> bool:
        """Whether checking `schema` may apply a default (any `default` in it or what it references):
        when not, one function serves definite and speculative contexts alike."""
        stack = [(schema, base)]
        while stack:
            node, node_base = stack.pop()
            if isinstance(node, list):
                stack.extend((item, node_base) for item in node)
                continue
            if not isinstance(node, dict):
                continue
            if "default" in node:
                return True
            sid = self._id_of(node)
            if sid is not None:
                node_base = self._join(node_base, sid)
            for key, value in node.items():
                if key in ("$ref", "$dynamicRef") and isinstance(value, str):
                    target = self._join(node_base, value)
                    if target in seen:
                        continue
                    seen.add(target)
                    cached = self._defaults_cache.get(target)
                    if cached is None:
                        try:
                            resolved = self._registry.resolver(base_uri=node_base).lookup(value)
                        except Unresolvable:
                            continue
                        if self._has_defaults(resolved.contents, resolved.resolver._base_uri, seen):
                            self._defaults_cache[target] = True
                            return True
                    elif cached:
                        return True
                elif key not in ("enum", "const", "examples"):
                    stack.append((value, node_base))
        return False

    # -- functions -----------------------------------------------------------------------------------
    def _helper_name(self, loc: str, annotate: bool, speculative: bool) -> str:
        doc, fragment = urldefrag(loc)
        tokens = [unquote(t).replace("~1", "/").replace("~0", "~") for t in fragment.split("/") if t]
        meaningful = [t for t in tokens if t not in _SKIP_TOKENS]
        if not meaningful:
            meaningful = [doc.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "root"]
        stem = re.sub(r"[^0-9A-Za-z_]+", "_", "_".join(meaningful[-2:])).strip("_") or "s"
        stem = f"_{self._tag}_{stem}" + ("__a" if annotate else "") + ("__s" if speculative else "")
        name, n = stem, 1
        while name in self._taken:
            n += 1
            name = f"{stem}_{n}"
        self._taken.add(name)
        return name

    def _callee(self, loc: str, schema: Any, ctx: _Ctx, annotate: bool, linkable: bool) -> str:
        """The name of the function checking `schema` at `loc` (compiled later if new)."""
        key = self._key(loc, annotate, ctx, schema)
        found = self._names.get(key)
        if found is not None:
            return found
        # a distinct "speculative" variant exists only for schemas that may apply defaults
        speculative = self.apply_defaults and not ctx.defaults and self._has_defaults(schema, ctx.base, set())
        if linkable and not annotate and key[3] == () and not speculative:
            linked = self._link(loc[:-1] if loc.endswith("#") else loc)
            if linked:
                self._names[key] = linked
                return linked
        name = self._helper_name(loc, annotate, speculative)
        self._names[key] = name
        self._pending.append((name, schema, replace(ctx, depth=0, hidden=frozenset()), annotate))
        return name

    def _drain(self) -> None:
        while self._pending:
            name, schema, ctx, annotate = self._pending.pop(0)
            self._emit_function(name, schema, ctx, annotate)

    def _emit_function(self, name: str, schema: Any, ctx: _Ctx, annotate: bool) -> None:
        self._fn = _Fn(name)
        body = Block()
        v = _V("x", _Ptr("p"), "ok", ("ak", "ai") if annotate else None)
        self._node(schema, ctx, v, body)
        params = "x: Any, p: str, e: list[Err]" + (", ak: set[str], ai: set[int]" if annotate else "")
        lines = [f"def {name}({params}) -> bool:"]
        forwarded = _forwarded(body) if self.alias_links and not annotate else None
        if forwarded is not None:  # only `$ref` to another module's function: that function, not a frame more
            self._functions.append((name, f"{name} = {forwarded}"))
            return
        if body.empty():
            lines.append("    return True")
        else:
            lines.append("    ok = True")
            body.render(1, lines)
            lines.append("    return ok")
        self._functions.append((name, "\n".join(lines)))

    # -- constants -----------------------------------------------------------------------------------
    def _const(self, kind: str, expr: str, annotation: str = "") -> str:
        key = (kind, expr)
        name = self._consts.get(key)
        if name is None:
            name = f"_{self._tag}_{kind}{len(self._consts) + 1}"
            self._taken.add(name)
            self._consts[key] = name
            typed = f"{name}: {annotation}" if annotation else name
            self._const_lines.append((name, f"{typed} = {expr}"))
        return name

    def _translate(self, pattern: Any) -> Translated:
        if not isinstance(pattern, str):
            raise CompileError(f"pattern must be a string, not {pattern!r}")
        try:
            translated = translate(pattern)
        except PatternError as exc:
            raise CompileError(str(exc)) from exc
        _check_py(translated.py, pattern)
        return translated

    def _regex(self, pattern: Any) -> str:
        translated = self._translate(pattern)
        method = stdlib_method(translated.py)
        if method is not None:  # proven linear on stdlib `re` (codegen/compiler/safe_re.py): 5x cheaper
            return self._const("P", f"Regex(None, {lit(translated.py)}, {lit(method)})")
        re2 = translated.re2 if translated.re2 is not None and _re2_accepts(translated.re2) else None
        args = f"{lit(re2) if re2 is not None else 'None'}, {lit(translated.py)}"
        return self._const("P", f"Regex({args})")

    # -- errors --------------------------------------------------------------------------------------
    def _fail(self, w: Block, v: _V, ptr: _Ptr, message: str, keyword: str) -> None:
        if self._quiet:  # only the verdict counts here (see `_quietly`): no message is built
            w.line(f"{v.ok} = False")
            return
        w.line(f"e.append(({ptr.expr()}, {lit(keyword)}, {message}))")
        w.line(f"{v.ok} = False")

    def _quietly(self, emit: Callable[[Block], None], w: Block, n: str) -> None:
        """Emit, into `w`, checks whose errors are always discarded (`not`, `if`, `contains`): they set
        their ok flag and append nothing, so a valid instance builds no message only to throw it away.
        The list is cut back to `n` only when a helper call inside may still append."""
        body = Block()
        self._quiet += 1
        try:
            emit(body)
        finally:
            self._quiet -= 1
        if _uses("e", body):
            w.line(f"{n} = len(e)")
            w.extend(body)
            w.line(f"del e[{n}:]")
        else:
            w.extend(body)

    def _kw(self, schema: dict[str, Any], name: str) -> Any:
        if name not in self._keywords or name in self._disabled:
            return None
        return schema.get(name)

    # -- schema nodes --------------------------------------------------------------------------------
    def _sub_ctx(self, ctx: _Ctx, schema: Any, *tokens: str | int, speculative: bool = False) -> _Ctx:
        loc = ctx.loc + "".join("/" + _esc_token(str(t)) for t in tokens)
        base, scope = ctx.base, ctx.scope
        sid = self._id_of(schema)
        if sid is not None:
            base = self._join(base, sid)
            loc = base + "#"
            if base not in scope:
                scope = (*scope, base)
        return _Ctx(base, loc, scope, ctx.defaults and not speculative, ctx.depth, ctx.hidden)

    def _child(self, schema: Any, ctx: _Ctx, v: _V, w: Block) -> None:
        """Check an instance child (property value, item…): inline, or a helper call when nested deep."""
        if _trivial(schema):
            return
        if ctx.depth >= _MAX_INLINE and isinstance(schema, dict):
            self._call(self._callee(ctx.loc, schema, ctx, False, False), v, w)
            return
        self._node(schema, replace(ctx, depth=ctx.depth + 1, hidden=frozenset()), v, w)

    def _call(self, name: str, v: _V, w: Block) -> None:
        args = f"{v.x}, {v.p.expr()}, e" + (f", {v.ann[0]}, {v.ann[1]}" if v.ann else "")
        w.if_(f"not {name}({args})").line(f"{v.ok} = False")

    def _node(self, schema: Any, ctx: _Ctx, v: _V, w: Block) -> None:
        """Emit the checks of `schema` on `v.x` into `w`."""
        if schema is True:
            return
        if schema is False:
            self._fail(w, v, v.p, f'r({v.x}) + " is not allowed here"', "false")
            return
        if not isinstance(schema, dict):
            raise CompileError(f"a schema must be an object or a boolean, not {schema!r} (at {ctx.loc})")
        if self.draft4 and isinstance(schema.get("$ref"), str):
            self._ref(schema["$ref"], ctx, v, w, dynamic=False)  # draft 4: siblings of $ref are ignored
            return
        outer = v.ann
        local = not self.draft4 and (
            self._kw(schema, "unevaluatedProperties") is not None
            or self._kw(schema, "unevaluatedItems") is not None
        )
        declared = w
        w = Block()
        if local:
            ak, ai = self._fn.var("ak"), self._fn.var("ai")
            v = replace(v, ann=(ak, ai))
        hidden = self._hidden_names(schema, ctx)
        groups = {g: Block() for g in _GROUPS}
        # a sibling `required` may name read/write-only properties that allOf branches declare
        self._object(schema, ctx, v, groups["object"], hidden, self._hidden_deep(schema, ctx))
        self._array(schema, ctx, v, groups["array"])
        self._string(schema, v, groups["string"])
        self._number(schema, v, groups["number"])
        self._typed(schema, v, w, groups)
        self._enum_const(schema, v, w)
        inplace = replace(ctx, hidden=ctx.hidden | frozenset(hidden) | self._hidden_deep(schema, ctx))
        self._applicators(schema, inplace, v, w)
        if local:
            self._unevaluated(schema, ctx, v, w, outer)
            assert v.ann is not None
            for var, kind in zip(v.ann, ("str", "int"), strict=True):
                if _uses(var, w):
                    declared.line(f"{var}: set[{kind}] = set()")
        declared.extend(w)
        self._defaults(schema, ctx, v, declared, hidden)

    # -- type and the per-type groups ----------------------------------------------------------------
    def _typed(self, schema: dict[str, Any], v: _V, w: Block, groups: dict[str, Block]) -> None:
        declared = self._kw(schema, "type")
        allowed: list[str] | None = None
        if declared is not None:
            allowed = [declared] if isinstance(declared, str) else list(declared)
            unknown = [t for t in allowed if t not in _TYPE_TEST]
            if unknown:
                raise CompileError(f"unknown type(s) {unknown}")
        x = v.x
        chain: list[tuple[str, Block]] = []
        covered: set[str] = set()
        for g in _GROUPS:
            block = groups[g]
            if block.empty():
                continue
            if allowed is not None:
                if g == "number" and "number" not in allowed:
                    if "integer" not in allowed:
                        continue
                    check = Block()
                    self._fail(
                        check.if_(f"type({x}) is float and not {x}.is_integer()"),
                        v,
                        v.p,
                        self._type_msg(x, allowed),
                        "type",
                    )
                    check.extend(block)
                    block = check
                    covered.add("integer")
                elif g != "number" and g not in allowed:
                    continue
                covered.add(g)
                if g == "number":
                    covered.add("integer")
            chain.append((_GROUP_TEST[g].format(x=x), block))
        orelse: Block | None = None
        if allowed is not None:
            residual = [t for t in dict.fromkeys(allowed) if t not in covered]
            if "number" in residual and "integer" in residual:
                residual.remove("integer")
            fail = Block()
            self._fail(fail, v, v.p, self._type_msg(x, allowed), "type")
            if residual:
                if len(residual) == 1 and residual[0] in _TYPE_NOT:
                    negated = _TYPE_NOT[residual[0]].format(x=x)
                else:
                    negated = "not (" + " or ".join(_TYPE_TEST[t].format(x=x) for t in residual) + ")"
                wrapper = Block()
                wrapper.add_if(negated, fail)
                orelse = wrapper
            else:
                orelse = fail
        if not chain:
            if orelse is not None:
                w.extend(orelse)
            return
        stmt = w.add_if(chain[0][0], chain[0][1])
        stmt.branches.extend(chain[1:])
        if orelse is not None:
            stmt.orelse = orelse

    @staticmethod
    def _type_msg(x: str, allowed: list[str]) -> str:
        names = ", ".join(f"'{t}'" for t in allowed)
        return f"r({x}) + {lit(' is not of type ' + names)}"

    def _enum_const(self, schema: dict[str, Any], v: _V, w: Block) -> None:
        enum = self._kw(schema, "enum")
        if isinstance(enum, list):
            message = f"r({v.x}) + {lit(' is not one of ' + _short_json(enum))}"
            self._fail(w.if_(self._not_member(v.x, enum)), v, v.p, message, "enum")
        if "const" in self._keywords and "const" not in self._disabled and "const" in schema:
            const = schema["const"]
            message = f"r({v.x}) + {lit(' should be ' + _short_json(const))}"
            self._fail(w.if_(self._not_member(v.x, [const])), v, v.p, message, "const")

    def _not_member(self, x: str, values: list[Any]) -> str:
        """A condition true when `x` equals (as JSON) none of `values`."""
        strings = list(dict.fromkeys(s for s in values if isinstance(s, str)))
        numbers = [n for n in values if isinstance(n, (int, float)) and not isinstance(n, bool)]
        numeric = f"(type({x}) is int or type({x}) is float)"
        tests: list[tuple[str, str]] = []  # (test, its negation)
        if len(strings) == 1:
            tests.append((f"{x} == {lit(strings[0])}", f"{x} != {lit(strings[0])}"))
        elif strings:
            const = self._const("E", "frozenset({" + ", ".join(lit(s) for s in strings) + "})")
            tests.append(
                (f"(type({x}) is str and {x} in {const})", f"not (type({x}) is str and {x} in {const})")
            )
        if len(numbers) == 1:
            test = f"({numeric} and {x} == {pylit(numbers[0])})"
            tests.append((test, f"not {test}"))
        elif numbers:
            const = self._const("N", "frozenset({" + ", ".join(pylit(n) for n in numbers) + "})")
            test = f"({numeric} and {x} in {const})"
            tests.append((test, f"not {test}"))
        if any(s is None for s in values):
            tests.append((f"{x} is None", f"{x} is not None"))
        for b in (True, False):
            if any(s is b for s in values):
                tests.append((f"{x} is {b}", f"{x} is not {b}"))
        others = [s for s in values if isinstance(s, (list, dict))]
        if others:
            const = self._const(
                "J", "(" + "".join(pylit(o) + ", " for o in others).rstrip() + ")", "tuple[Any, ...]"
            )
            tests.append((f"enum_in({x}, {const})", f"not enum_in({x}, {const})"))
        if not tests:
            return "True"
        if len(tests) == 1:
            return tests[0][1]
        return " and ".join(neg for _, neg in tests)

    def _string(self, schema: dict[str, Any], v: _V, w: Block) -> None:
        x = v.x
        lo, hi = self._kw(schema, "minLength"), self._kw(schema, "maxLength")
        bounds = _within(w, x, lo, hi, "minLength", "maxLength")
        if lo is not None and _int(lo, "minLength") > 0:
            self._fail(
                bounds.if_(f"len({x}) < {_int(lo, 'minLength')}"),
                v,
                v.p,
                f"r({x}) + {lit(f' is shorter than {lo} character' + ('' if lo == 1 else 's'))}",
                "minLength",
            )
        if hi is not None:
            self._fail(
                bounds.if_(f"len({x}) > {_int(hi, 'maxLength')}"),
                v,
                v.p,
                f"r({x}) + {lit(f' is longer than {hi} character' + ('' if hi == 1 else 's'))}",
                "maxLength",
            )
        pattern = self._kw(schema, "pattern")
        if pattern is not None:
            run = char_run(self._translate(pattern).py)
            if run is None:
                mismatch = f"not {self._regex(pattern)}.search({x})"
            else:  # one character class over the whole string: its length, then `strip` (no regex)
                chars, run_lo, run_hi = run
                checks = [f"not {x}" if run_lo == 1 else f"len({x}) < {run_lo}"] if run_lo else []
                checks += [f"len({x}) > {run_hi}"] if run_hi is not None else []
                mismatch = " or ".join([*checks, f"{x}.strip({lit(chars)})"])
            self._fail(
                w.if_(mismatch),
                v,
                v.p,
                f"r({x}) + {lit(' does not match ' + _short_json(pattern, 80))}",
                "pattern",
            )
        fmt = self._kw(schema, "format")
        if isinstance(fmt, str) and fmt in _STRING_FORMATS:
            seen = _SEEN_FORMATS.get(fmt)
            if seen is None:
                cond = f"not {_STRING_FORMATS[fmt]}({x})"
            else:
                cond = f"{x} not in {seen[0]} and not {seen[1]}({x})"
            self._fail(w.if_(cond), v, v.p, f"r({x}) + {lit(f' is not a valid {fmt!r}')}", "format")

    def _number(self, schema: dict[str, Any], v: _V, w: Block) -> None:
        x = v.x
        checks: list[tuple[str, str, str]] = []  # (failing condition, message tail, keyword)
        minimum, maximum = self._kw(schema, "minimum"), self._kw(schema, "maximum")
        emin, emax = self._kw(schema, "exclusiveMinimum"), self._kw(schema, "exclusiveMaximum")
        if self.draft4:
            if minimum is not None:
                op, text = ("<=", "less than or equal to") if emin is True else ("<", "less than")
                m = _num(minimum, "minimum")
                checks.append((f"{x} {op} {m}", f" is {text} the minimum of {m}", "minimum"))
            if maximum is not None:
                op, text = (">=", "greater than or equal to") if emax is True else (">", "greater than")
                m = _num(maximum, "maximum")
                checks.append((f"{x} {op} {m}", f" is {text} the maximum of {m}", "maximum"))
        else:
            if minimum is not None:
                m = _num(minimum, "minimum")
                checks.append((f"{x} < {m}", f" is less than the minimum of {m}", "minimum"))
            if emin is not None:
                m = _num(emin, "exclusiveMinimum")
                checks.append(
                    (f"{x} <= {m}", f" is less than or equal to the minimum of {m}", "exclusiveMinimum")
                )
            if maximum is not None:
                m = _num(maximum, "maximum")
                checks.append((f"{x} > {m}", f" is greater than the maximum of {m}", "maximum"))
            if emax is not None:
                m = _num(emax, "exclusiveMaximum")
                checks.append(
                    (f"{x} >= {m}", f" is greater than or equal to the maximum of {m}", "exclusiveMaximum")
                )
        mult = self._kw(schema, "multipleOf")
        if mult is not None:
            d = _num(mult, "multipleOf")
            cond = f"not multiple_of({x}, {d})" if isinstance(mult, float) else f"{x} % {d}"
            checks.append((cond, f" is not a multiple of {d}", "multipleOf"))
        fmt = self._kw(schema, "format")
        if isinstance(fmt, str) and fmt in _NUMBER_FORMATS:
            fn = _NUMBER_FORMATS[fmt]
            checks.append((f"not {fn}({x})", f" is not a valid {fmt!r}", "format"))
        for cond, tail, keyword in checks:
            self._fail(w.if_(cond), v, v.p, f"r({x}) + {lit(tail)}", keyword)

    def _count_bounds(
        self, schema: dict[str, Any], v: _V, w: Block, lo_kw: str, hi_kw: str, noun: str
    ) -> None:
        """minItems/maxItems or minProperties/maxProperties: bounds on `len(x)`."""
        x = v.x
        lo, hi = self._kw(schema, lo_kw), self._kw(schema, hi_kw)
        bounds = _within(w, x, lo, hi, lo_kw, hi_kw)
        if lo is not None and _int(lo, lo_kw) > 0:
            message = lit(f"expected at least {lo} {noun}") + f" + {lit(', got ')} + str(len({x}))"
            self._fail(bounds.if_(f"len({x}) < {_int(lo, lo_kw)}"), v, v.p, message, lo_kw)
        if hi is not None:
            message = lit(f"expected at most {hi} {noun}") + f" + {lit(', got ')} + str(len({x}))"
            self._fail(bounds.if_(f"len({x}) > {_int(hi, hi_kw)}"), v, v.p, message, hi_kw)

    # -- arrays --------------------------------------------------------------------------------------
    def _array(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block) -> None:
        x = v.x
        self._count_bounds(schema, v, w, "minItems", "maxItems", "items")
        if self._kw(schema, "uniqueItems") is True:
            # an array of 0 or 1 items is unique without a call
            cond = f"len({x}) > 1 and not unique({x})"
            self._fail(w.if_(cond), v, v.p, lit("items are not unique"), "uniqueItems")
        items = self._kw(schema, "items")
        if self.draft4:
            prefix, rest, rest_kw = [], items, "items"
            if isinstance(items, list):
                prefix, rest, rest_kw = items, self._kw(schema, "additionalItems"), "additionalItems"
        else:
            prefix_items = self._kw(schema, "prefixItems")
            prefix = prefix_items if isinstance(prefix_items, list) else []
            rest = items
            rest_kw = "items"
        prefix_kw = "items" if self.draft4 else "prefixItems"
        for j, sub in enumerate(prefix):
            body = Block()
            xi = self._fn.var("x")
            self._child(
                sub,
                self._sub_ctx(ctx, sub, prefix_kw, j),
                replace(v, x=xi, p=v.p.lit(str(j)), ann=None),
                body,
            )
            if not body.empty():
                block = w.if_(f"len({x}) > {j}")
                block.line(f"{xi} = {x}[{j}]")
                block.extend(body)
        if prefix and v.ann is not None:
            w.line(f"{v.ann[1]}.update(range(min(len({x}), {len(prefix)})))")
        n = len(prefix)
        if rest is False:
            self._fail(
                w.if_(f"len({x}) > {n}"),
                v,
                v.p,
                lit(f"expected at most {n} items (no additional items are allowed)")
                + f" + {lit(', got ')} + str(len({x}))",
                rest_kw,
            )
        elif rest is not None:
            body = Block()
            i, xi = self._fn.var("i"), self._fn.var("x")
            self._child(
                rest, self._sub_ctx(ctx, rest, rest_kw), replace(v, x=xi, p=v.p.idx(i), ann=None), body
            )
            if not body.empty():
                if n:
                    loop = w.loop(f"for {i} in range({n}, len({x})):")
                    loop.line(f"{xi} = {x}[{i}]")
                else:
                    loop = w.loop(f"for {i}, {xi} in enumerate({x}):")
                loop.extend(body)
            if v.ann is not None:
                w.line(f"{v.ann[1]}.update(range(len({x})))")
        if not self.draft4:
            self._contains(schema, ctx, v, w)

    def _contains(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block) -> None:
        contains = self._kw(schema, "contains")
        if contains is None:
            return
        x = v.x
        lo, hi = self._kw(schema, "minContains"), self._kw(schema, "maxContains")
        least = 1 if lo is None else _int(lo, "minContains")
        most = None if hi is None else _int(hi, "maxContains")
        keyword = "contains" if lo is None else "minContains"
        few = "no item matches 'contains'" if least == 1 else f"fewer than {least} items match 'contains'"
        if least == 0 and most is None and v.ann is None:
            return
        c, i, xi, n, o = (self._fn.var(p) for p in ("c", "i", "x", "n", "o"))
        check = Block()
        if contains is not False:
            self._quiet += 1  # which items match is all that counts: no message is built for the others
            try:
                self._child(
                    contains,
                    self._sub_ctx(ctx, contains, "contains", speculative=True),
                    _V(xi, v.p.idx(i), o),
                    check,
                )
            finally:
                self._quiet -= 1
        if contains is False:  # no item matches
            if least > 0:
                self._fail(w, v, v.p, lit(few), keyword)
            return
        if check.empty():  # every item matches
            if v.ann is not None:
                w.line(f"{v.ann[1]}.update(range(len({x})))")
            if least > 0:
                self._fail(w.if_(f"len({x}) < {least}"), v, v.p, lit(few), keyword)
            if most is not None:
                self._fail(
                    w.if_(f"len({x}) > {most}"),
                    v,
                    v.p,
                    lit(f"more than {most} items match 'contains'"),
                    "maxContains",
                )
            return
        w.line(f"{c} = 0")
        loop = Block()
        appends = _uses("e", check)  # only a helper call inside may still append
        if appends:
            loop.line(f"{n} = len(e)")
        loop.line(f"{o} = True")
        loop.extend(check)
        matched = Block()
        matched.line(f"{c} += 1")
        if v.ann is not None:
            matched.line(f"{v.ann[1]}.add({i})")
        elif most is None:
            matched.if_(f"{c} >= {least}").line("break")
        missed = Block()
        if appends:
            missed.line(f"del e[{n}:]")
        if missed.empty():
            loop.if_(o).extend(matched)
        else:
            loop.add_if(o, matched, missed)
        header = f"for {i}, {xi} in enumerate({x}):" if _uses(i, loop) else f"for {xi} in {x}:"
        w.loop(header).extend(loop)
        if least > 0:
            self._fail(w.if_(f"{c} < {least}"), v, v.p, lit(few), keyword)
        if most is not None:
            self._fail(
                w.if_(f"{c} > {most}"), v, v.p, lit(f"more than {most} items match 'contains'"), "maxContains"
            )

    # -- objects -------------------------------------------------------------------------------------
    def _flag(self, schema: Any, ctx: _Ctx, flag: str, hops: int = 0) -> tuple[bool, Any]:
        """(found, value) of annotation `flag` (readOnly, writeOnly, default) on a property schema,
        following `$ref`s and single-branch `allOf` wrappers."""
        if not isinstance(schema, dict) or hops > _MAX_REF_HOPS:
            return False, None
        if self.draft4 and isinstance(schema.get("$ref"), str):
            siblings: dict[str, Any] = {}
        else:
            siblings = schema
        if flag in siblings:
            return True, siblings[flag]
        ref = schema.get("$ref")
        if isinstance(ref, str):
            try:
                _, target, base = self._resolve(ref, ctx)
            except CompileError:
                return False, None
            found = self._flag(target, replace(ctx, base=base), flag, hops + 1)
            if found[0]:
                return found
        all_of = siblings.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return self._flag(all_of[0], self._sub_ctx(ctx, all_of[0], "allOf", 0), flag, hops + 1)
        return False, None

    def _hidden_flag(self) -> str | None:
        return {"request": "readOnly", "response": "writeOnly"}.get(self.direction or "")

    def _hidden_names(self, schema: dict[str, Any], ctx: _Ctx) -> dict[str, str]:
        """Properties that must be absent in this direction (readOnly in requests, writeOnly in responses)."""
        flag = self._hidden_flag()
        props = self._kw(schema, "properties")
        if flag is None or not isinstance(props, dict):
            return {}
        return {
            name: flag
            for name, sub in props.items()
            if self._flag(sub, self._sub_ctx(ctx, sub, "properties", name), flag) == (True, True)
        }

    def _hidden_deep(self, schema: dict[str, Any], ctx: _Ctx, hops: int = 0) -> frozenset[str]:
        """Hidden property names declared by `allOf` branches (through `$ref`s), for sibling `required`s."""
        if self._hidden_flag() is None or hops > _MAX_REF_HOPS:
            return frozenset()
        found: set[str] = set()
        for i, sub in enumerate(schema.get("allOf") or []):
            sub_ctx = self._sub_ctx(ctx, sub, "allOf", i)
            while isinstance(sub, dict) and isinstance(sub.get("$ref"), str) and hops <= _MAX_REF_HOPS:
                try:
                    _, target, base = self._resolve(sub["$ref"], sub_ctx)
                except CompileError:
                    break
                found |= set(self._hidden_names(sub, sub_ctx)) if not self.draft4 else set()
                sub, sub_ctx, hops = target, replace(sub_ctx, base=base), hops + 1
            if isinstance(sub, dict):
                found |= set(self._hidden_names(sub, sub_ctx))
                found |= self._hidden_deep(sub, sub_ctx, hops + 1)
        return frozenset(found)

    def _object(
        self,
        schema: dict[str, Any],
        ctx: _Ctx,
        v: _V,
        w: Block,
        hidden: dict[str, str],
        hidden_in_branches: frozenset[str] = frozenset(),
    ) -> None:
        x = v.x
        for name, flag in hidden.items():
            verb = (
                "is read-only and must not be sent"
                if flag == "readOnly"
                else "is write-only and must not be returned"
            )
            present = w.if_(f"{lit(name)} in {x}")
            self._fail(present, v, v.p.lit(name), lit(f"{name!r} {verb}"), flag)
            if v.ann is not None:
                # `properties` still evaluates it: unevaluatedProperties must not report it a second time
                present.line(f"{v.ann[0]}.add({lit(name)})")
        props = self._kw(schema, "properties")
        props = props if isinstance(props, dict) else {}
        required = self._kw(schema, "required")
        names: list[str] = []
        if isinstance(required, list):
            names = [
                n
                for n in dict.fromkeys(required)
                if isinstance(n, str)
                and n not in hidden
                and n not in ctx.hidden
                and n not in hidden_in_branches
            ]
        # a required name that `properties` checks is reported by the `else` of that check's `if name in
        # x` (no second lookup for a valid instance); the others are checked here
        alone = [n for n in names if n not in props]
        target = w
        if len(alone) > 3:
            target = w.if_(f"not {self._const('K', _frozenset(alone))} <= {x}.keys()")
        for name in alone:
            self._fail(
                target.if_(f"{lit(name)} not in {x}"), v, v.p, self._required_message(name), "required"
            )
        self._count_bounds(schema, v, w, "minProperties", "maxProperties", "properties")
        for name, sub in props.items():
            if name in hidden:
                continue
            body = Block()
            xi = self._fn.var("x")
            self._child(
                sub,
                self._sub_ctx(ctx, sub, "properties", name),
                replace(v, x=xi, p=v.p.lit(name), ann=None),
                body,
            )
            missing = Block()
            if name in names:
                self._fail(missing, v, v.p, self._required_message(name), "required")
            if body.empty() and v.ann is None:
                if not missing.empty():
                    w.add_if(f"{lit(name)} not in {x}", missing)
                continue
            block = Block()
            w.add_if(f"{lit(name)} in {x}", block, missing)
            if not body.empty():
                block.line(f"{xi} = {x}[{lit(name)}]")
                block.extend(body)
            if v.ann is not None:
                block.line(f"{v.ann[0]}.add({lit(name)})")
        self._additional(schema, ctx, v, w, props)
        names_schema = self._kw(schema, "propertyNames")
        if names_schema is not None and not _trivial(names_schema):
            k = self._fn.var("k")
            body = Block()
            self._child(
                names_schema,
                self._sub_ctx(ctx, names_schema, "propertyNames"),
                replace(v, x=k, p=v.p.key(k), ann=None),
                body,
            )
            if not body.empty():
                w.loop(f"for {k} in {x}:").extend(body)
        self._dependencies(schema, ctx, v, w)

    @staticmethod
    def _required_message(name: str) -> str:
        return lit(f"{name!r} is a required property")

    def _additional(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block, props: dict[str, Any]) -> None:
        x = v.x
        patterns = self._kw(schema, "patternProperties")
        patterns = patterns if isinstance(patterns, dict) else {}
        extra = self._kw(schema, "additionalProperties")
        known = self._const("K", _frozenset(list(props))) if props else None
        if extra is False and not patterns and v.ann is None:
            k = self._fn.var("k")
            block = w.if_(f"not {known}.issuperset({x})") if known else w.if_(x)
            loop = block.loop(f"for {k} in {x}:")
            target = loop.if_(f"{k} not in {known}") if known else loop
            self._fail(
                target,
                v,
                v.p.key(k),
                f'"additional property " + r({k}) + " is not allowed"',
                "additionalProperties",
            )
            return
        checks = []
        k, xi = self._fn.var("k"), self._fn.var("x")
        for pattern, sub in patterns.items():
            body = Block()
            self._child(
                sub, self._sub_ctx(ctx, sub, "patternProperties", pattern), _V(xi, v.p.key(k), v.ok), body
            )
            checks.append((self._regex(pattern), body))
        extra_body = Block()
        if extra is False:
            self._fail(
                extra_body,
                v,
                v.p.key(k),
                f'"additional property " + r({k}) + " is not allowed"',
                "additionalProperties",
            )
        elif extra is not None:
            self._child(
                extra, self._sub_ctx(ctx, extra, "additionalProperties"), _V(xi, v.p.key(k), v.ok), extra_body
            )
        if (
            all(b.empty() for _, b in checks)
            and extra_body.empty()
            and (v.ann is None or (not patterns and extra is None))
        ):
            return
        loop = Block()
        matched = self._fn.var("m") if patterns and (extra is not None) else None
        if matched:
            loop.line(f"{matched} = False")
        for rx, body in checks:
            if body.empty() and not matched and v.ann is None:
                continue
            block = loop.if_(f"{rx}.search({k})")
            block.extend(body)
            if matched:
                block.line(f"{matched} = True")
            if v.ann is not None:
                block.line(f"{v.ann[0]}.add({k})")
        if extra is not None:
            conds = [
                c for c in (f"{k} not in {known}" if known else "", f"not {matched}" if matched else "") if c
            ]
            block = loop.if_(" and ".join(conds)) if conds else loop
            block.extend(extra_body)
            if v.ann is not None:
                block.line(f"{v.ann[0]}.add({k})")
        uses_value = _uses(xi, loop)
        header = f"for {k}, {xi} in {x}.items():" if uses_value else f"for {k} in {x}:"
        w.loop(header).extend(loop)

    def _dependencies(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block) -> None:
        x = v.x
        required: dict[str, list[str]] = {}
        schemas: list[tuple[str, Any, str]] = []
        if self.draft4:
            deps = self._kw(schema, "dependencies")
            for name, dep in (deps or {}).items() if isinstance(deps, dict) else ():
                if isinstance(dep, list):
                    required[name] = dep
                else:
                    schemas.append((name, dep, "dependencies"))
        else:
            dreq = self._kw(schema, "dependentRequired")
            if isinstance(dreq, dict):
                required = {k: list(val) for k, val in dreq.items()}
            dsch = self._kw(schema, "dependentSchemas")
            if isinstance(dsch, dict):
                schemas = [(k, val, "dependentSchemas") for k, val in dsch.items()]
        keyword = "dependencies" if self.draft4 else "dependentRequired"
        for name, needs in required.items():
            for need in needs:
                self._fail(
                    w.if_(f"{lit(name)} in {x} and {lit(need)} not in {x}"),
                    v,
                    v.p,
                    lit(f"{need!r} is required when {name!r} is present"),
                    keyword,
                )
        for name, sub, kw in schemas:
            if _trivial(sub):
                continue
            sub_ctx = self._sub_ctx(ctx, sub, kw, name)
            body = Block()
            # a call, never inline: x is narrowed to a dict here (mypy would call nested type checks unreachable)
            self._call(self._callee(sub_ctx.loc, sub, sub_ctx, v.ann is not None, False), v, body)
            w.if_(f"{lit(name)} in {x}").extend(body)

    def _defaults(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block, hidden: dict[str, str]) -> None:
        if not (self.apply_defaults and ctx.defaults):
            return
        props = self._kw(schema, "properties")
        if not isinstance(props, dict):
            return
        body = Block()
        for name, sub in props.items():
            if name in hidden:
                continue
            sub_ctx = self._sub_ctx(ctx, sub, "properties", name)
            found, value = self._flag(sub, sub_ctx, "default")
            if not found:
                continue
            value = self._completed(sub, sub_ctx, value)
            body.if_(f"{lit(name)} not in {v.x}").line(f"{v.x}[{lit(name)}] = {pylit(value)}")
        if not body.empty():
            w.if_(f"type({v.x}) is dict").extend(body)

    def _completed(self, schema: Any, ctx: _Ctx, value: Any, hops: int = 0) -> Any:
        """A default object with the defaults of its own properties filled in, as if it had been sent
        (so `{}` and an absent `options: {default: {}}` reach the handler the same)."""
        if not isinstance(value, dict) or not isinstance(schema, dict) or hops > _MAX_REF_HOPS:
            return value
        while isinstance(schema.get("$ref"), str):
            try:
                _, target, base = self._resolve(schema["$ref"], ctx)
            except CompileError:
                return value
            if not isinstance(target, dict) or hops > _MAX_REF_HOPS:
                return value
            schema, ctx, hops = target, replace(ctx, base=base), hops + 1
        props = self._kw(schema, "properties")
        if not isinstance(props, dict):
            return value
        hidden = self._hidden_names(schema, ctx)
        out = dict(value)
        for name, sub in props.items():
            sub_ctx = self._sub_ctx(ctx, sub, "properties", name)
            if name in out:
                out[name] = self._completed(sub, sub_ctx, out[name], hops + 1)
            elif name not in hidden:
                found, default = self._flag(sub, sub_ctx, "default")
                if found:
                    out[name] = self._completed(sub, sub_ctx, default, hops + 1)
        return out

    # -- in-place applicators --------------------------------------------------------------------------
    def _ref(self, ref: str, ctx: _Ctx, v: _V, w: Block, dynamic: bool) -> None:
        uri, target, base = self._dynamic_target(ref, ctx) if dynamic else self._resolve(ref, ctx)
        if _trivial(target) and v.ann is None:
            return
        if target is False:
            self._node(False, ctx, v, w)
            return
        scope = ctx.scope if base in ctx.scope else (*ctx.scope, base)
        target_ctx = _Ctx(base, uri, scope, ctx.defaults, 0)
        if v.ann is None and _leaf(target):
            # a small scalar schema (a `Tag`: string, length, pattern) is checked in place: no call, and
            # the pointer of an array item is only built if it fails. The same checks, errors and order.
            self._node(target, target_ctx, v, w)
            return
        self._call(self._callee(uri, target, target_ctx, v.ann is not None, True), v, w)

    def _applicators(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block) -> None:
        ref = self._kw(schema, "$ref")
        if isinstance(ref, str):
            self._ref(ref, ctx, v, w, dynamic=False)
        dref = self._kw(schema, "$dynamicRef")
        if isinstance(dref, str):
            self._ref(dref, ctx, v, w, dynamic=True)
        all_of = self._kw(schema, "allOf")
        if isinstance(all_of, list):
            for i, sub in enumerate(all_of):
                self._inplace(sub, self._sub_ctx(ctx, sub, "allOf", i), v, w)
        for kw in ("anyOf", "oneOf"):
            branches = self._kw(schema, kw)
            if not isinstance(branches, list):
                continue
            disc = schema.get("discriminator")
            if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
                self._discriminated(kw, branches, disc, ctx, v, w)
            elif self._nullable(kw, branches, ctx, v, w):
                pass
            elif kw == "anyOf":
                self._any_of(branches, ctx, v, w)
            else:
                self._one_of(branches, ctx, v, w)
        negated = self._kw(schema, "not")
        if negated is not None:
            n, o = self._fn.var("n"), self._fn.var("o")
            w.line(f"{o} = True")
            not_ctx = self._sub_ctx(ctx, negated, "not", speculative=True)
            self._quietly(lambda body: self._inplace(negated, not_ctx, _V(v.x, v.p, o), body), w, n)
            self._fail(
                w.if_(o),
                v,
                v.p,
                f"r({v.x}) + {lit(' should not be valid under ' + _short_json(negated))}",
                "not",
            )
        if not self.draft4 and "if" in schema and "if" not in self._disabled:
            self._if_then_else(schema, ctx, v, w)

    def _nullable(self, kw: str, branches: list[Any], ctx: _Ctx, v: _V, w: Block) -> bool:
        """`oneOf`/`anyOf` of `{"type": "null"}` and branches that reject null (OpenAPI 3.1's nullable
        `$ref`): null is valid, anything else is checked against the other branches only — against the
        single one directly, reporting its own errors. Emits and returns True when the shape fits."""
        nulls = [i for i, b in enumerate(branches) if b == {"type": "null"} or b == {"type": ["null"]}]
        if v.ann is not None or len(nulls) != 1 or len(branches) < 2:
            return False
        others = [(i, b) for i, b in enumerate(branches) if i != nulls[0]]
        if any(self._accepts_null(b, self._sub_ctx(ctx, b, kw, i)) for i, b in others):
            return False
        body = Block()
        if len(others) == 1:
            i, branch = others[0]
            self._inplace(branch, self._sub_ctx(ctx, branch, kw, i), v, body)
        elif kw == "anyOf":
            self._any_of([b for _, b in others], ctx, v, body)
        else:
            self._one_of([b for _, b in others], ctx, v, body)
        if not body.empty():
            w.if_(f"{v.x} is not None").extend(body)
        return True

    def _accepts_null(self, schema: Any, ctx: _Ctx, hops: int = 0) -> bool:
        """False when `schema` surely rejects null (by `type`, `enum`, `const`, `allOf` or a `$ref`)."""
        if not isinstance(schema, dict):
            return schema is not False
        if hops > _MAX_REF_HOPS:
            return True
        ref = schema.get("$ref")
        if isinstance(ref, str):
            try:
                _, target, base = self._resolve(ref, ctx)
            except CompileError:
                return True
            if not self._accepts_null(target, replace(ctx, base=base), hops + 1):
                return False
            if self.draft4:
                return True
        declared = self._kw(schema, "type")
        if isinstance(declared, str) and declared != "null":
            return False
        if isinstance(declared, list) and "null" not in declared:
            return False
        enum = self._kw(schema, "enum")
        if isinstance(enum, list) and None not in enum:
            return False
        if "const" in schema and self._kw(schema, "const") is not None:
            return False
        all_of = self._kw(schema, "allOf")
        if isinstance(all_of, list):
            return all(
                self._accepts_null(b, self._sub_ctx(ctx, b, "allOf", i), hops + 1)
                for i, b in enumerate(all_of)
            )
        return True

    def _inplace(self, schema: Any, ctx: _Ctx, v: _V, w: Block) -> None:
        """An in-place subschema (same instance): inline at shallow depth, else a helper call."""
        if _trivial(schema) and v.ann is None:
            return
        if ctx.depth >= _MAX_INLINE + 3 and isinstance(schema, dict):
            self._call(self._callee(ctx.loc, schema, ctx, v.ann is not None, False), v, w)
            return
        self._node(schema, replace(ctx, depth=ctx.depth + 1), v, w)

    def _branch(self, schema: Any, ctx: _Ctx, v: _V, ok: str, ann: tuple[str, str] | None, w: Block) -> None:
        w.line(f"{ok} = True")
        if ann is not None:
            w.line(f"{ann[0]}: set[str] = set()")
            w.line(f"{ann[1]}: set[int] = set()")
        self._inplace(schema, ctx, _V(v.x, v.p, ok, ann), w)

    def _any_of(self, branches: list[Any], ctx: _Ctx, v: _V, w: Block) -> None:
        n = self._fn.var("n")
        w.line(f"{n} = len(e)")
        starts: list[str] = []
        if v.ann is None:
            o = self._fn.var("o")
            target = w
            for i, sub in enumerate(branches):
                sub_ctx = self._sub_ctx(ctx, sub, "anyOf", i, speculative=True)
                if i:
                    target = w.if_(f"not {o}")
                    start = self._fn.var("n")
                    target.line(f"{start} = len(e)")
                else:
                    start = n
                starts.append(start)
                self._branch(sub, sub_ctx, v, o, None, target)
            matched = o
        else:
            matched = self._fn.var("m")
            w.line(f"{matched} = False")
            for i, sub in enumerate(branches):
                sub_ctx = self._sub_ctx(ctx, sub, "anyOf", i, speculative=True)
                start, o = self._fn.var("n"), self._fn.var("o")
                ann = (self._fn.var("ak"), self._fn.var("ai"))
                w.line(f"{start} = len(e)")
                starts.append(start)
                self._branch(sub, sub_ctx, v, o, ann, w)
                merge = w.if_(o)
                merge.line(f"{matched} = True")
                merge.line(f"{v.ann[0]} |= {ann[0]}")
                merge.line(f"{v.ann[1]} |= {ann[1]}")
        ok_block = Block()
        ok_block.line(f"del e[{n}:]")
        failed = Block()
        t = self._fn.var("t")
        head = f"r({v.x}) + " + lit(" is not valid under any of the given schemas (anyOf)")
        failed.line(f"{t} = summary({head}, e, {_tuple(starts)})")
        failed.line(f"del e[{n}:]")
        self._fail(failed, v, v.p, t, "anyOf")
        w.add_if(matched, ok_block, failed)

    def _one_of(self, branches: list[Any], ctx: _Ctx, v: _V, w: Block) -> None:
        n, c = self._fn.var("n"), self._fn.var("c")
        w.line(f"{n} = len(e)")
        w.line(f"{c} = 0")
        starts, oks, anns = [], [], []
        for i, sub in enumerate(branches):
            sub_ctx = self._sub_ctx(ctx, sub, "oneOf", i, speculative=True)
            start, o = self._fn.var("n"), self._fn.var("o")
            ann = (self._fn.var("ak"), self._fn.var("ai")) if v.ann is not None else None
            w.line(f"{start} = len(e)")
            self._branch(sub, sub_ctx, v, o, ann, w)
            w.if_(o).line(f"{c} += 1")
            starts.append(start)
            oks.append(o)
            anns.append(ann)
        ok_block = Block()
        ok_block.line(f"del e[{n}:]")
        if v.ann is not None:
            for o, ann in zip(oks, anns, strict=True):
                assert ann is not None
                merge = ok_block.if_(o)
                merge.line(f"{v.ann[0]} |= {ann[0]}")
                merge.line(f"{v.ann[1]} |= {ann[1]}")
        failed = Block()
        t = self._fn.var("t")
        none = f"summary(r({v.x}) + {lit(' is not valid under any of the given schemas (oneOf)')}, e, {_tuple(starts)})"
        many = f"r({v.x}) + {lit(' is valid under more than one of the given schemas (oneOf): ')} + which({', '.join(oks)})"
        failed.line(f"{t} = {none} if {c} == 0 else {many}")
        failed.line(f"del e[{n}:]")
        self._fail(failed, v, v.p, t, "oneOf")
        w.add_if(f"{c} == 1", ok_block, failed)

    def _discriminated(
        self, kw: str, branches: list[Any], disc: dict[str, Any], ctx: _Ctx, v: _V, w: Block
    ) -> None:
        """OpenAPI `discriminator`: the property picks the one variant to check; its errors are reported."""
        prop = disc["propertyName"]
        variants: dict[str, tuple[str, Any, _Ctx]] = {}  # value -> (label, schema, ctx)

        def ref_name(ref: str) -> str:
            fragment = urldefrag(ref)[1] if "#" in ref else ref
            token = unquote(fragment.rstrip("/").rsplit("/", 1)[-1])
            return token.replace("~1", "/").replace("~0", "~")

        by_name: dict[str, int] = {}
        for i, sub in enumerate(branches):
            if isinstance(sub, dict) and isinstance(sub.get("$ref"), str):
                by_name.setdefault(ref_name(sub["$ref"]), i)
        mapping = disc.get("mapping")
        for value, target in (mapping or {}).items() if isinstance(mapping, dict) else ():
            if not isinstance(target, str):
                continue
            name = ref_name(target) if ("/" in target or "#" in target) else target
            if name in by_name:
                i = by_name[name]
                variants[value] = (name, branches[i], self._sub_ctx(ctx, branches[i], kw, i))
            else:
                uri = self._mapping_target(target, name, ctx)
                variants[value] = (name, {"$ref": uri}, ctx)
        mapped = {label for label, _, _ in variants.values()}
        for name, i in by_name.items():  # implicit names, for the variants the mapping does not name
            if name not in mapped:
                variants.setdefault(name, (name, branches[i], self._sub_ctx(ctx, branches[i], kw, i)))
        if not variants:
            raise CompileError(
                f"discriminator {prop!r} at {ctx.loc}: no variant is a $ref and there is no mapping"
            )
        x = v.x
        d = self._fn.var("d")
        on_dict = Block()
        missing = Block()
        self._fail(
            missing, v, v.p, lit(f"{prop!r} is a required property (it selects the {kw} variant)"), "required"
        )
        present = Block()
        present.line(f"{d} = {x}[{lit(prop)}]")
        chain: list[tuple[str, Block]] = []
        for value, (label, sub, sub_ctx) in variants.items():
            body = Block()
            n = self._fn.var("n")
            body.line(f"{n} = len(e)")
            if isinstance(sub, dict) and set(sub) == {"$ref"} and isinstance(sub["$ref"], str):
                callee = self._ref_callee(sub["$ref"], sub_ctx, v.ann is not None)
            else:
                callee = self._callee(sub_ctx.loc, sub, sub_ctx, v.ann is not None, False)
            args = f"{x}, {v.p.expr()}, e" + (f", {v.ann[0]}, {v.ann[1]}" if v.ann else "")
            failed = body.if_(f"not {callee}({args})")
            failed.line(f"prefix(e, {n}, {lit(label + ': ')})")
            failed.line(f"{v.ok} = False")
            chain.append((f"{d} == {lit(value)}", body))
        unknown = Block()
        expected = ", ".join(repr(val) for val in variants)
        self._fail(
            unknown,
            v,
            v.p.lit(prop),
            f"{lit('unknown discriminator value ')} + r({d}) + {lit(f' for {prop!r}; expected one of {expected}')}",
            "discriminator",
        )
        stmt = present.add_if(chain[0][0], chain[0][1], unknown)
        stmt.branches.extend(chain[1:])
        on_dict.add_if(f"{lit(prop)} in {x}", present, missing)
        fallback = Block()
        if kw == "anyOf":
            self._any_of(branches, ctx, v, fallback)
        else:
            self._one_of(branches, ctx, v, fallback)
        w.add_if(f"type({x}) is dict", on_dict, fallback)

    def _mapping_target(self, target: str, name: str, ctx: _Ctx) -> str:
        """The URI of a discriminator mapping value that names no branch: the reference as written, else
        the component of that name in the converted components resource."""
        candidates = [target] if ("/" in target or "#" in target) else []
        candidates.append(f"{COMPONENTS_URI}#/$defs/{_esc_token(name)}")
        for candidate in candidates:
            try:
                return self._resolve(candidate, ctx)[0]
            except CompileError:
                continue
        raise CompileError(f"discriminator mapping value {target!r} at {ctx.loc} resolves to no schema")

    def _ref_callee(self, ref: str, ctx: _Ctx, annotate: bool) -> str:
        uri, target, base = self._resolve(ref, ctx)
        scope = ctx.scope if base in ctx.scope else (*ctx.scope, base)
        return self._callee(uri, target, _Ctx(base, uri, scope, ctx.defaults, 0), annotate, True)

    def _if_then_else(self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block) -> None:
        cond = schema["if"]
        then, other = schema.get("then"), schema.get("else")
        n, o = self._fn.var("n"), self._fn.var("o")
        ann = (self._fn.var("ak"), self._fn.var("ai")) if v.ann is not None else None
        then_block, else_block = Block(), Block()
        if ann is not None and v.ann is not None:
            then_block.line(f"{v.ann[0]} |= {ann[0]}")
            then_block.line(f"{v.ann[1]} |= {ann[1]}")
        if then is not None:
            self._inplace(then, self._sub_ctx(ctx, then, "then"), v, then_block)
        if other is not None:
            self._inplace(other, self._sub_ctx(ctx, other, "else"), v, else_block)
        if then_block.empty() and else_block.empty():
            return
        if_ctx = self._sub_ctx(ctx, cond, "if", speculative=True)
        self._quietly(lambda body: self._branch(cond, if_ctx, v, o, ann, body), w, n)
        if then_block.empty():
            w.if_(f"not {o}").extend(else_block)
        else:
            w.add_if(o, then_block, else_block)

    def _unevaluated(
        self, schema: dict[str, Any], ctx: _Ctx, v: _V, w: Block, outer: tuple[str, str] | None
    ) -> None:
        assert v.ann is not None
        ak, ai = v.ann
        x = v.x
        props = self._kw(schema, "unevaluatedProperties")
        if props is not None:
            body = Block()
            k = self._fn.var("k")
            xi = self._fn.var("x")
            loop_body = Block()
            if props is False:
                self._fail(
                    loop_body,
                    v,
                    v.p.key(k),
                    f'"unevaluated property " + r({k}) + " is not allowed"',
                    "unevaluatedProperties",
                )
            else:
                self._child(
                    props,
                    self._sub_ctx(ctx, props, "unevaluatedProperties"),
                    _V(xi, v.p.key(k), v.ok),
                    loop_body,
                )
            if not loop_body.empty():
                uses_value = _uses(xi, loop_body)
                loop = body.loop(f"for {k}, {xi} in {x}.items():" if uses_value else f"for {k} in {x}:")
                loop.if_(f"{k} not in {ak}").extend(loop_body)
            if outer is not None:
                body.line(f"{outer[0]}.update({x})")
            if not body.empty():
                w.if_(f"type({x}) is dict").extend(body)
        items = self._kw(schema, "unevaluatedItems")
        if items is not None:
            body = Block()
            i, xi = self._fn.var("i"), self._fn.var("x")
            loop_body = Block()
            if items is False:
                self._fail(
                    loop_body, v, v.p.idx(i), lit("unevaluated item is not allowed"), "unevaluatedItems"
                )
            else:
                self._child(
                    items, self._sub_ctx(ctx, items, "unevaluatedItems"), _V(xi, v.p.idx(i), v.ok), loop_body
                )
            if not loop_body.empty():
                header = (
                    f"for {i}, {xi} in enumerate({x}):"
                    if _uses(xi, loop_body)
                    else f"for {i} in range(len({x})):"
                )
                loop = body.loop(header)
                loop.if_(f"{i} not in {ai}").extend(loop_body)
            if outer is not None:
                body.line(f"{outer[1]}.update(range(len({x})))")
            if not body.empty():
                w.if_(f"type({x}) is list").extend(body)
        if outer is not None:
            w.line(f"{outer[0]} |= {ak}")
            w.line(f"{outer[1]} |= {ai}")


# Keywords of a scalar schema that `_ref` may inline: checks of one value with no subschema, no
# reference and no default. (readOnly/writeOnly on the target are read by the parent object through the
# `$ref`, by `_flag`, never by the target's own checks, so inlining does not change them.)
_LEAF_KEYWORDS = frozenset(
    [
        "readOnly",
        "writeOnly",
        "type",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "title",
        "description",
        "example",
        "examples",
        "deprecated",
        "$comment",
    ]
)
_LEAF_SIZE = 400  # characters of JSON: a leaf larger than this (a long enum) stays a function


def _leaf(schema: Any) -> bool:
    """Whether a `$ref` target is a small scalar check, cheaper inlined than called."""
    if not isinstance(schema, dict) or not schema or not schema.keys() <= _LEAF_KEYWORDS:
        return False
    types = schema.get("type")
    if isinstance(types, str):
        types = [types]
    if not isinstance(types, list) or not types or {"object", "array"} & set(types):
        return False
    try:
        return len(json.dumps(schema)) <= _LEAF_SIZE
    except (TypeError, ValueError):
        return False


def _trivial(schema: Any) -> bool:
    return schema is True or (isinstance(schema, dict) and not schema)


def _within(w: Block, x: str, lo: Any, hi: Any, lo_kw: str, hi_kw: str) -> Block:
    """Where the two bound checks on `len(x)` go: with both bounds, inside one range test, so that a value
    within them costs one `len` call and one chained comparison instead of two of each."""
    if lo is None or hi is None or _int(lo, lo_kw) <= 0:
        return w
    return w.if_(f"not {_int(lo, lo_kw)} <= len({x}) <= {_int(hi, hi_kw)}")


def _tuple(names: list[str]) -> str:
    return f"({names[0]},)" if len(names) == 1 else "(" + ", ".join(names) + ")"


_FORWARD = re.compile(r"if not ([A-Za-z_]\w*\.[A-Za-z_]\w*)\(x, p, e\):\n    ok = False")


def _forwarded(body: Block) -> str | None:
    """The other module's function a body only calls (`if not _c_item__s.v(x, p, e): ok = False`), if so:
    a `link` expression, always dotted. A function of this module is never aliased: it may be defined
    further down."""
    out: list[str] = []
    body.render(0, out)
    found = _FORWARD.fullmatch("\n".join(out))
    return found.group(1) if found else None


def _frozenset(names: list[str]) -> str:
    return "frozenset({" + ", ".join(lit(n) for n in dict.fromkeys(names)) + "})"


def _uses(var: str, block: Block) -> bool:
    out: list[str] = []
    block.render(0, out)
    return re.search(rf"\b{var}\b", "\n".join(out)) is not None


_RUNTIME_NAMES = frozenset(
    {"Err", "Regex", "enum_in", "esc", "multiple_of", "prefix", "r", "summary", "unique", "which"}
    | set(_STRING_FORMATS.values())
    | {name for pair in _SEEN_FORMATS.values() for name in pair}
    | set(_NUMBER_FORMATS.values())
)


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _names(source: str) -> set[str]:
    """Identifiers used in generated code (whose only string literals are `lit`'s double-quoted ones)."""
    return set(_NAME.findall(_STRING.sub('""', source)))


def _import_key(line: str) -> str:
    return line.split()[1]


def _check_py(py: str, pattern: str) -> None:
    import regex

    try:
        regex.compile(py, regex.ASCII | regex.V0)
    except regex.error as exc:
        raise CompileError(f"invalid pattern {pattern!r}: {exc}") from exc


def _re2_accepts(source: str) -> bool:
    import _re2  # type: ignore[import-not-found]  # google-re2's C extension ships no type information

    options = _re2.RE2.Options()
    options.log_errors = False
    options.never_capture = True
    return bool(_re2.RE2(source.encode(), options).ok())
