"""Parameters exactly as OpenAPI 3.0/3.1 serialize them: every `style` x `explode` for primitive, array
and object values, `content`-based parameters, and coercion from strings to the schema's types.

Coercion follows a *shape* computed at build time from the parameter's schema (refs, allOf, oneOf
already resolved): `{"type": [...], "items": shape, "properties": {...}, "additional": shape,
"anyOf": [shape...]}`. Coercion never validates; the schema validators run afterwards on the result.
Path values arrive still percent-encoded and are split on their delimiters *before* each piece is
decoded, so an encoded delimiter (`%2C`) stays data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import unquote

from chalicelib.runtime.media import loads
from chalicelib.runtime.operation import MISSING, Param

Shape = Mapping[str, Any]

# JSON's number grammar; a str, compiled (and cached by `re`) on first use: compiling it at import would
# add ~0.1 ms to every cold start
_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"
_DELIMITER = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
# when a value could be several JSON types, the most specific reading wins
_PREFERENCE = ("null", "boolean", "integer", "number", "array", "object", "string")
_NAMES = {
    "null": "null",
    "boolean": "a boolean (true or false)",
    "integer": "an integer",
    "number": "a number",
    "array": "an array",
    "object": "an object",
}


class CoercionError(ValueError):
    pass


def _is_integer(raw: str) -> bool:
    """JSON's integer grammar `-?(0|[1-9][0-9]*)`: ASCII digits, no leading zero, no `+`, no spaces."""
    digits = raw[1:] if raw[:1] == "-" else raw
    return digits.isascii() and digits.isdigit() and (len(digits) == 1 or digits[0] != "0")


_KNOWN = frozenset(_PREFERENCE)


def _types(shape: Shape) -> list[str]:
    declared = shape.get("type") or []
    if len(declared) == 1 and declared[0] in _KNOWN:  # the usual one type: already in order
        return list(declared)
    return [t for t in _PREFERENCE if t in declared]


def kind_of(shape: Shape) -> str:
    """How the raw parameter is laid out: "array", "object" or "primitive"."""
    types = [t for t in _types(shape) if t != "null"]
    if types == ["array"]:
        return "array"
    if types == ["object"]:
        return "object"
    return "primitive"


def coerce_scalar(raw: str, shape: Shape) -> Any:
    """One string as the JSON value `shape` describes; strings are left alone when nothing else fits."""
    options = shape.get("anyOf")
    if options:
        for option in options:
            try:
                return coerce_scalar(raw, option)
            except CoercionError:
                continue
        return raw
    types = _types(shape)
    if not types or ("string" in types and len(types) == 1):
        return raw
    for kind in types:
        if kind == "null" and raw in ("", "null"):
            return None
        if kind == "boolean" and raw in ("true", "false"):
            return raw == "true"
        if kind == "integer" and _is_integer(raw):
            return int(raw)
        if kind == "number" and re.fullmatch(_NUMBER, raw):
            return int(raw) if _is_integer(raw) else float(raw)
        if kind == "string":
            return raw
    expected = " or ".join(_NAMES[t] for t in types if t != "string")
    raise CoercionError(f"{raw!r} is not {expected}")


# One plain type, as `coerce_scalar` reads it for a shape of that type alone: what the parameter readers
# codegen writes per operation call (codegen/readers.py), without the shape lookups.
def to_integer(raw: str) -> int:
    if _is_integer(raw):
        return int(raw)
    raise CoercionError(f"{raw!r} is not an integer")


def to_number(raw: str) -> int | float:
    if re.fullmatch(_NUMBER, raw):
        return int(raw) if _is_integer(raw) else float(raw)
    raise CoercionError(f"{raw!r} is not a number")


def to_boolean(raw: str) -> bool:
    if raw in ("true", "false"):
        return raw == "true"
    raise CoercionError(f"{raw!r} is not a boolean (true or false)")


def _pairs(parts: Sequence[str], properties: Shape) -> dict[str, Any]:
    if len(parts) % 2:
        raise CoercionError("expected name,value pairs")
    return _object(dict(zip(parts[::2], parts[1::2], strict=True)), properties)


def _object(raw: Mapping[str, str], shape: Shape) -> dict[str, Any]:
    props: Mapping[str, Shape] = shape.get("properties") or {}
    extra: Shape = shape.get("additional") or {}
    return {k: coerce_scalar(v, props.get(k) or extra) for k, v in raw.items()}


def _assignments(parts: Sequence[str], shape: Shape, decode: bool) -> dict[str, Any]:
    raw = {}
    for part in parts:
        name, sep, value = part.partition("=")
        if not sep:
            raise CoercionError(f"expected name=value, got {_dec(part, decode)!r}")
        raw[_dec(name, decode)] = _dec(value, decode)
    return _object(raw, shape)


def _dec(text: str, decode: bool) -> str:
    return unquote(text) if decode else text


def _items(parts: Sequence[str], shape: Shape, decode: bool) -> list[Any]:
    item = shape.get("items") or {}
    return [coerce_scalar(_dec(p, decode), item) for p in parts]


def parse_delimited(raw: str, param: Param, decode: bool) -> Any:
    """A `simple`/`label`/`matrix` value (path, header) or a non-exploded form-family value."""
    shape = param.shape
    kind = param.kind
    style, explode, name = param.style, param.explode, param.name
    if style == "label":
        if not raw.startswith("."):
            raise CoercionError(f"label style value must start with '.', got {_dec(raw, decode)!r}")
        raw = raw[1:]
        sep = "." if explode else ","
    elif style == "matrix":
        prefix = f";{name}="
        if kind == "object" and explode:
            if not raw.startswith(";"):
                raise CoercionError(f"matrix style value must start with ';', got {_dec(raw, decode)!r}")
            return _assignments(raw[1:].split(";"), shape, decode)
        if kind == "array" and explode:
            parts = raw.split(";")[1:] if raw.startswith(";") else None
            if parts is None or any(not p.startswith(f"{name}=") for p in parts):
                raise CoercionError(f"matrix style value must be ;{name}=… for each item")
            return _items([p[len(name) + 1 :] for p in parts], shape, decode)
        if raw == f";{name}" and kind == "primitive":
            raw = ""
        elif not raw.startswith(prefix):
            raise CoercionError(f"matrix style value must start with {prefix!r}, got {_dec(raw, decode)!r}")
        else:
            raw = raw[len(prefix) :]
        sep = ","
    else:
        sep = _DELIMITER.get(style, ",")
    if kind == "array":
        return [] if raw == "" else _items(raw.split(sep), shape, decode)
    if kind == "object":
        parts = [] if raw == "" else raw.split(sep)
        if explode and style in ("simple", "label"):
            return _assignments(parts, shape, decode)
        return _pairs([_dec(p, decode) for p in parts], shape)
    return coerce_scalar(_dec(raw, decode), shape)


def _claimed_by(key: str, names: set[str]) -> bool:
    """Whether a query/form key belongs to one of `names` (`name` itself or deepObject `name[...]`)."""
    return key in names or key.partition("[")[0] in names


def exploded_query_object(param: Param, query: Mapping[str, Sequence[str]], others: set[str]) -> Any:
    """`deepObject` (`name[key]=v`) or exploded form objects (each property its own query key).
    `others` are the names of the other parameters (or fields), whose keys are never taken."""
    shape = param.shape
    if param.style == "deepObject":
        prefix = param.name + "["
        raw = {
            k[len(prefix) : -1]: v[-1] for k, v in query.items() if k.startswith(prefix) and k.endswith("]")
        }
    else:
        props = shape.get("properties") or {}
        # a free-form object takes every key no other parameter claims; otherwise only its own
        raw = {k: v[-1] for k, v in query.items() if k in props or (not props and not _claimed_by(k, others))}
    return _object(raw, shape) if raw else MISSING


def exploded_object(param: Param) -> bool:
    """Object parameters spread over several query keys: deepObject (always) or exploded form."""
    if param.content_type is not None or param.kind != "object":
        return False
    return param.style == "deepObject" or (param.explode and param.style == "form")


def read_param(param: Param, values: Sequence[str], decode: bool) -> Any:
    """The value of one present parameter from its raw occurrence(s) (repeated query keys, cookies)."""
    if param.content_type is not None:
        text = _dec(values[-1], decode)
        if not (param.content_type.split(";")[0].strip().lower().endswith(("/json", "+json"))):
            return text  # e.g. text/plain: the value as it is
        try:
            return loads(text)
        except ValueError as exc:
            raise CoercionError(f"not valid JSON ({exc})") from None
    if param.kind == "primitive" and param.style not in ("label", "matrix"):  # one value, no delimiters
        return coerce_scalar(_dec(values[-1], decode), param.shape)
    exploded_list = param.explode and param.style in ("form", "spaceDelimited", "pipeDelimited")
    if exploded_list and param.kind == "array" and param.location in ("query", "cookie"):
        return _items(values, param.shape, decode)
    return parse_delimited(values[-1], param, decode)


def alternatives(raw: str, shape: Shape) -> list[Any]:
    """Every reading of `raw` under an anyOf/oneOf shape, in order (the pipeline keeps the first that
    validates, so `5` for `anyOf: [{enum: [all]}, {type: integer}]` is the integer 5)."""
    out: list[Any] = []
    for option in shape.get("anyOf") or []:
        try:
            value = coerce_scalar(raw, option)
        except CoercionError:
            continue
        if not any(type(value) is type(v) and value == v for v in out):
            out.append(value)
    return out


def parse_cookies(header: str | None) -> dict[str, list[str]]:
    cookies: dict[str, list[str]] = {}
    for part in (header or "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name:
            cookies.setdefault(name, []).append(value)
    return cookies
