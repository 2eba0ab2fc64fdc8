"""Stage 4a: compile every schema of the API into plain Python validators (codegen/compiler).

Each operation module gets its own validators (parameters, request bodies, responses, response headers)
and links to one module per component schema and variant under `_generated/validators/`, imported only
when an operation that needs it is first called. Variants: `q` request (readOnly refused), `qd` request
with defaults applied (bodies), `s` response (writeOnly refused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from codegen.compiler import Compiler
from codegen.ir import Api, Operation
from codegen.naming import UniqueNames, snake
from codegen.resolve import COMPONENTS_URI

Variant = Literal["q", "qd", "s"]
_VARIANTS: dict[Variant, tuple[Literal["request", "response"], bool]] = {
    "q": ("request", False),
    "qd": ("request", True),
    "s": ("response", False),
}
_COMPONENT = re.compile(re.escape(COMPONENTS_URI) + r"#/\$defs/([^/]+)$")


@dataclass
class OpValidators:
    """Validator function names of one operation, by slot, and the source that defines them."""

    imports: str = ""
    body: str = ""
    params: dict[str, str] = field(default_factory=dict)  # kwarg -> function
    media: dict[str, str] = field(default_factory=dict)  # request media type -> function
    responses: dict[tuple[str, str], str] = field(default_factory=dict)  # (status, media) -> function
    headers: dict[tuple[str, str], str] = field(default_factory=dict)  # (status, header) -> function


@dataclass
class Compiled:
    operations: dict[str, OpValidators]
    modules: dict[str, str]  # file name under validators/ -> source


def _split(source: str) -> tuple[str, str]:
    """(import statements, everything else) of a module written by `Compiler.source`: its imports come
    first, parenthesized ones included, then constants and functions."""
    lines = source.splitlines(keepends=True)
    end, open_paren = 0, False
    for i, line in enumerate(lines):
        if open_paren:
            open_paren = not line.startswith(")")
        elif line.startswith(("from ", "import ")):
            open_paren = line.rstrip().endswith("(")
        elif line.strip():
            break
        else:
            continue
        end = i + 1
    return "".join(lines[:end]), "".join(lines[end:])


class _Linker:
    """Names the component modules a compiler links to, and queues the ones not compiled yet."""

    def __init__(self, components: dict[str, Any]) -> None:
        self.components = components
        slugs = UniqueNames({"__init__"})
        self.slugs = {key: slugs.claim(snake(key)) for key in components}
        self.queue: list[tuple[str, Variant]] = []
        self.seen: set[tuple[str, Variant]] = set()

    def module(self, key: str, variant: Variant) -> str:
        return f"{self.slugs[key]}__{variant}"

    def linker(self, variant: Variant, package: str, own: str | None, imports: set[str]) -> Any:
        def link(uri: str) -> str | None:
            found = _COMPONENT.match(uri)
            if found is None:
                return None
            key = found.group(1).replace("~1", "/").replace("~0", "~")
            if key not in self.components or key == own:
                return None
            name = self.module(key, variant)
            imports.add(f"from {package} import {name} as _c_{name}")
            if (key, variant) not in self.seen:
                self.seen.add((key, variant))
                self.queue.append((key, variant))
            return f"_c_{name}.v"

        return link


def compile_api(api: Api) -> Compiled:
    spec = DRAFT202012 if api.dialect == "2020-12" else DRAFT4
    dialect: Literal["draft4", "2020-12"] = "2020-12" if api.dialect == "2020-12" else "draft4"
    registry: Registry[Any] = Registry().with_resource(
        COMPONENTS_URI, spec.create_resource({"$defs": api.components})
    )
    registry = registry.crawl()  # once: every Compiler starts from this crawled registry
    linker = _Linker(api.components)
    operations = {op.py_name: _operation(op, dialect, registry, linker) for op in api.operations}
    modules: dict[str, str] = {}
    while linker.queue:
        key, variant = linker.queue.pop(0)
        direction, defaults = _VARIANTS[variant]
        imports: set[str] = set()
        compiler = Compiler(
            dialect,
            registry,
            linker.linker(variant, ".", key, imports),
            direction=direction,
            apply_defaults=defaults,
        )
        compiler.add("v", api.components[key], base_uri=f"{COMPONENTS_URI}#/$defs/{_token(key)}")
        modules[f"{linker.module(key, variant)}.py"] = compiler.source(sorted(imports))
    return Compiled(operations, modules)


def _token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _operation(
    op: Operation, dialect: Literal["draft4", "2020-12"], registry: Registry[Any], linker: _Linker
) -> OpValidators:
    out = OpValidators()
    imports: set[str] = set()
    names = UniqueNames()
    compilers: dict[Variant, Compiler] = {}

    def compiler(variant: Variant) -> Compiler:
        if variant not in compilers:
            direction, defaults = _VARIANTS[variant]
            compilers[variant] = Compiler(
                dialect,
                registry,
                linker.linker(variant, "..validators", None, imports),
                direction=direction,
                apply_defaults=defaults,
                alias_links=True,  # an operation's module is imported by the pipeline only
            )
        return compilers[variant]

    for p in op.parameters:
        if p.schema is not None:
            out.params[p.kwarg] = compiler("q").add(names.claim(f"_p_{p.kwarg}"), p.schema)
    for i, m in enumerate(op.body.media if op.body else ()):
        if m.schema is not None:
            out.media[m.name] = compiler("qd").add(names.claim(f"_b{i}"), m.schema)
    for r in op.responses:
        status = r.status.lower()
        for i, m in enumerate(r.media):
            if m.schema is not None:
                out.responses[(r.status, m.name)] = compiler("s").add(
                    names.claim(f"_r_{status}_{i}"), m.schema
                )
        for i, h in enumerate(r.headers):
            if h.schema is not None:
                out.headers[(r.status, h.name)] = compiler("s").add(names.claim(f"_h_{status}_{i}"), h.schema)
    heads, bodies = [], []
    for variant in sorted(compilers):
        head, body = _split(compilers[variant].source(sorted(imports)))
        heads.append(head)
        bodies.append(body.strip("\n"))
    out.imports = "".join(heads)
    out.body = "\n\n\n".join(b for b in bodies if b)
    return out
