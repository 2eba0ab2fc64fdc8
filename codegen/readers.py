"""Per-operation parameter readers: the pipeline's generic parameter reading, specialised at build time.

For every request, `chalicelib.runtime.pipeline` reads an operation's parameters by walking its `Param`
descriptors: per parameter, which location, which style, which shape, whether a default applies, then a
second walk to validate what was read. For an operation whose parameters are all of the common kinds
below, codegen writes that walk out instead, as one straight-line function in the operation's module
(`_read_params`, passed to `Operation(reader=...)`): the same lookups, coercions, defaults, validator
calls and messages, in the same order, with every decision the descriptors encode already taken. The
pipeline calls it instead of the generic walk (`pipeline.parse_request`); answers are identical
(tests/property/test_param_readers.py compares the two on arbitrary raw input).

Written out:
- query parameters: a primitive (any style but label/matrix/deepObject), or an array in form,
  spaceDelimited or pipeDelimited style, exploded (one query key per item) or not (one value split on
  the style's delimiter); `allowEmptyValue`;
- path parameters: a primitive or an array in `simple` style (each piece percent-decoded once, after
  splitting, as the generic reader does);
- header parameters: a primitive or an array in `simple` style;
whose coercion shape is one plain type, `string`, `integer`, `number` or `boolean` (or none: text), for
the value or for an array's items. An operation with any other parameter (cookies, objects, `content`,
label/matrix/deepObject, several types, anyOf/oneOf readings, nullable) keeps the generic walk:
no reader is written, `reader` stays None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from codegen.ir import Operation, Parameter

# coercion of one raw string, by JSON type: the runtime function (chalicelib/runtime/params.py), or
# None for text (the raw string is the value)
_COERCE: dict[str, str | None] = {
    "string": None,
    "integer": "_to_integer",
    "number": "_to_number",
    "boolean": "_to_boolean",
}
_IMPORTS = {
    "_to_integer": "from chalicelib.runtime.params import to_integer as _to_integer",
    "_to_number": "from chalicelib.runtime.params import to_number as _to_number",
    "_to_boolean": "from chalicelib.runtime.params import to_boolean as _to_boolean",
    "_CoercionError": "from chalicelib.runtime.params import CoercionError as _CoercionError",
    "_header": "from chalicelib.runtime.context import header as _header",
    "_unquote": "from urllib.parse import unquote as _unquote",
    "_Violation": "from chalicelib.runtime.problem import Violation as _Violation",
    "_located": "from chalicelib.runtime.validation import located as _located",
    "Err": "from chalicelib.runtime.validation import Err",
}
# query array styles -> the delimiter of their non-exploded form (runtime/params.py `_DELIMITER`)
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


@dataclass(frozen=True)
class Reader:
    """The source of one operation's `_read_params` and the import lines it needs (sorted)."""

    imports: tuple[str, ...]
    source: str


def _scalar(shape: Mapping[str, Any]) -> str | None:
    """The one JSON type a coercion shape reads a raw string as, or None when it is not that simple."""
    if set(shape) - {"type"}:
        return None
    types = shape.get("type") or ["string"]  # no type: coerce_scalar leaves the text as it is
    if len(types) != 1 or types[0] not in _COERCE:
        return None
    return str(types[0])


def _plan(p: Parameter) -> tuple[str, str, str] | None:
    """(kind, scalar type, delimiter) of a parameter the reader writes out; None: not written out.
    Kinds: "one" (a primitive: its last occurrence), "each" (an exploded query array: one item per
    occurrence), "split" (a delimited array: its last occurrence, split on the delimiter)."""
    if p.content_type is not None or p.style in ("label", "matrix", "deepObject"):
        return None
    types = p.shape.get("type") or []
    if types == ["array"]:
        if set(p.shape) - {"type", "items"}:
            return None
        scalar = _scalar(p.shape.get("items") or {})
        if scalar is None:
            return None
        if p.location == "query" and p.style in _DELIMITERS:
            return ("each", scalar, "") if p.explode else ("split", scalar, _DELIMITERS[p.style])
        if p.location in ("path", "header") and p.style == "simple":
            return "split", scalar, ","
        return None
    scalar = _scalar(p.shape)
    if scalar is None:
        return None
    if p.location == "query" or (p.location in ("path", "header") and p.style == "simple"):
        return "one", scalar, ""
    return None


def reader(op: Operation, validators: Mapping[str, str], literal: Callable[[Any], str]) -> Reader | None:
    """`_read_params` for `op`, whose parameter validators are `validators` (kwarg -> function name);
    `literal` writes a default value as Python. None when some parameter needs the generic walk (or
    there is none to read)."""
    if not op.parameters:
        return None
    plans = [(p, plan) for p in op.parameters if (plan := _plan(p)) is not None]
    if len(plans) < len(op.parameters):
        return None
    used: set[str] = {"_Violation"}
    lines = [
        "def _read_params(",
        "    query: Mapping[str, list[str]], headers: Mapping[str, Any], path: Mapping[str, str]",
        ") -> tuple[dict[str, Any], list[_Violation]]:",
        f'    """The parameters of {op.operation_id or op.py_name}: read, coerced, defaulted and validated',
        '    (chalicelib.runtime.pipeline\'s generic walk, written out for them: codegen/readers.py)"""',
        "    args: dict[str, Any] = {}",
        "    found: list[_Violation] = []",
    ]
    if validators:
        used.add("Err")
        lines.append("    e: list[Err] = []")
    lines.append("    x: Any")
    if any(p.location == "query" for p in op.parameters):
        lines.append("    values: list[str] | None")
    if any(p.location != "query" for p in op.parameters):
        lines.append("    raw: str | None")
    for p, plan in plans:
        lines += _param(p, plan, validators.get(p.kwarg), used, literal)
    lines += [
        "    if len(found) > 1:  # several parameters failed: the contract's order",
        "        found.sort(key=_Violation.sort_key)",
        "    return args, found",
    ]
    return Reader(tuple(sorted(_IMPORTS[name] for name in used)), "\n".join(lines) + "\n")


def _param(
    p: Parameter,
    plan: tuple[str, str, str],
    validator: str | None,
    used: set[str],
    literal: Callable[[Any], str],
) -> list[str]:
    kind, scalar, sep = plan
    where = p.location
    pointer = "/" + p.name.replace("~", "~0").replace("/", "~1")
    key = repr(p.kwarg)
    out = [f"    # {p.name} ({where}{'' if kind == 'one' else ', array'}, {scalar})"]
    if where == "query":
        out.append(f"    values = query.get({p.name!r})")
        if p.allow_empty:  # `?x=`: the parameter left out (pipeline.read_params)
            out += ["    if values and not any(values):", "        values = None"]
        out.append("    if values:")
    elif where == "header":
        used.add("_header")
        out += [f"    raw = _header(headers, {p.name.lower()!r})", "    if raw is not None:"]
    else:
        out += [f"    raw = path.get({p.name!r})", "    if raw is not None:"]
    text = {"query": "values[-1]", "header": "raw", "path": "raw"}[where]
    coerce = _COERCE[scalar]
    piece = "v"
    if where == "path":  # path values arrive percent-encoded: each piece decoded once, after splitting
        used.add("_unquote")
        piece = "_unquote(v)"
        text = "_unquote(raw)" if kind == "one" else text
    if coerce is not None:
        used.add(coerce)
    item = piece if coerce is None else f"{coerce}({piece})"
    if kind == "one":
        value = text if coerce is None else f"{coerce}({text})"
    elif kind == "each":
        value = "list(values)" if coerce is None else f"[{item} for v in values]"
    else:
        pieces = f"{text}.split({sep!r})"
        items = pieces if item == "v" else f"[{item} for v in {pieces}]"
        value = f'[] if {text} == "" else {items}'
    check = _check(where, pointer, key, validator, used)
    if coerce is None:
        out += [f"        x = {value}", *["    " + line for line in check]]
    else:
        used.add("_CoercionError")
        prefix = repr(f"{where} parameter {p.name!r}: ")
        out += [
            "        try:",
            f"            x = {value}",
            "        except _CoercionError as exc:",
            f"            found.append(_Violation({where!r}, {pointer!r}, {prefix} + str(exc), 'parse'))",
            "        else:",
            *["        " + line for line in check],
        ]
    if p.has_default:
        out += ["    else:", f"        x = {literal(p.default)}", *["    " + line for line in check]]
    elif p.required:
        message = repr(f"{where} parameter {p.name!r} is required")
        out += [
            "    else:",
            f"        found.append(_Violation({where!r}, {pointer!r}, {message}, 'required'))",
        ]
    return out


def _check(where: str, pointer: str, key: str, validator: str | None, used: set[str]) -> list[str]:
    """Store the value `x` and validate it (lines at the indentation of a block's body, 4 spaces)."""
    lines = [f"    args[{key}] = x"]
    if validator is not None:
        used.add("_located")
        lines += [
            f"    if not {validator}(x, {pointer!r}, e) or e:",
            f"        _located(found, {where!r}, e)",
        ]
    return lines
