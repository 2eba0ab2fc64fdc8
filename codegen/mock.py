"""`--mock`: a canned answer for every operation without a handler, chosen at build time.

For the operation's success response (its `success_status`, matched as the runtime matches it: exact,
then `2XX`, then `default`) and its first media type, the answer is the first of the spec's examples that
the response validator accepts, else a value synthesized from the response schema. Whatever is chosen is
checked with the same compiled validator the generated response check runs (direction `response`:
writeOnly properties absent, discriminators honoured, formats and ECMA patterns as at run time) and with
`jsonschema`; a candidate that fails is adjusted (more properties, fewer, another branch) and, as a last
resort, drawn by hypothesis-jsonschema (derandomized). Required response headers are synthesized too.

Deterministic: choices come from `random.Random` seeded by `--seed` and the operation's name, so the same
spec and seed give byte-for-byte the same modules. The chosen values are emitted as literals: the mock
app does no spec work at run time.
"""

from __future__ import annotations

import base64
import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from codegen.compiler import CompileError, Compiler
from codegen.ir import Api, Header, MediaType, Operation, Response

COMPONENTS_URI = "urn:openapi-chalice:components"
DEFAULT_SEED = 1
_MAX_DEPTH = 6
_EPOCH_WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


@dataclass(frozen=True)
class MockAnswer:
    """What a mocked operation answers: status, body (JSON-like, str or bytes; None: no content)."""

    status: int
    body: Any
    content_type: str | None
    headers: tuple[tuple[str, str], ...]
    source: str  # "example" | "synthesized" | "empty" | "unsatisfiable"


class Unsatisfiable(Exception):
    """No value valid against the schema could be found."""


def _base(media: str) -> str:
    return media.split(";", 1)[0].strip().lower()


def is_json_media(media: str) -> bool:
    base = _base(media)
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def success_response(op: Operation) -> Response | None:
    """The response the runtime picks for `op.success_status` (exact code, then `2XX`, then default)."""
    by_status = {r.status: r for r in op.responses}
    status = str(op.success_status)
    return by_status.get(status) or by_status.get(status[0] + "XX") or by_status.get("default")


def _concrete(media: str) -> str:
    """A media type to send for a declared one that may be a range."""
    base = _base(media)
    if "*" not in base:
        return media
    major = base.split("/", 1)[0]
    return {
        "image": "image/png",
        "audio": "audio/mpeg",
        "video": "video/mp4",
        "text": "text/plain",
        "font": "font/woff2",
    }.get(major, "application/octet-stream")


class Synthesizer:
    """Values valid against converted schemas (codegen.resolve.SchemaBundle output) of one API."""

    def __init__(self, dialect: str, components: dict[str, Any], seed: int = DEFAULT_SEED) -> None:
        self.draft4 = dialect != "2020-12"
        self.components = components
        self.seed = seed
        spec = DRAFT4 if self.draft4 else DRAFT202012
        registry: Registry[Any] = Registry().with_resource(
            COMPONENTS_URI, spec.create_resource({"$defs": components})
        )
        self.registry = registry.crawl()
        self._jsonschema = jsonschema.Draft4Validator if self.draft4 else jsonschema.Draft202012Validator
        self.rng = random.Random(seed)  # noqa: S311 - mock data, not secrets
        self._full = True
        self.direction: Literal["request", "response"] = "response"

    # -- checking -----------------------------------------------------------------------------------
    def validator(
        self, schema: Any, direction: Literal["request", "response"] = "response"
    ) -> Callable[[Any], bool]:
        """The runtime's compiled check of `schema` (and jsonschema's), as one predicate."""
        compiler = Compiler("draft4" if self.draft4 else "2020-12", self.registry, direction=direction)
        compiler.add("v_root", schema)
        namespace: dict[str, Any] = {"__name__": "codegen_mock_check"}
        exec(compile(compiler.source(), "<mock-check>", "exec"), namespace)  # noqa: S102 - our own compiled code
        compiled = namespace["v_root"]
        reference = self._jsonschema(schema, registry=self.registry)

        def valid(value: Any) -> bool:
            errors: list[Any] = []
            if not compiled(value, "", errors):
                return False
            try:
                return bool(reference.is_valid(value))
            except Exception:  # noqa: BLE001 - a schema jsonschema cannot evaluate: the runtime's check decides
                return True

        return valid

    def _quick(self, schema: Any, value: Any) -> bool:
        """jsonschema only (subschemas while building; the final answer takes `validator`)."""
        try:
            return bool(self._jsonschema(schema, registry=self.registry).is_valid(value))
        except Exception:  # noqa: BLE001 - a subschema jsonschema cannot evaluate: the final check decides
            return True

    # -- public -------------------------------------------------------------------------------------
    def synthesize(
        self, schema: Any, key: str = "", direction: Literal["request", "response"] = "response"
    ) -> Any:
        """A value valid against `schema` (deterministic for `key` and the seed); Unsatisfiable if none."""
        self.direction = direction
        try:
            valid = self.validator(schema, direction)
        except CompileError as exc:
            raise Unsatisfiable(str(exc)) from exc
        tries = []
        for variant in range(4):
            self.rng = random.Random(f"{self.seed}:{key}:{variant}")  # noqa: S311 - mock data, not secrets
            self._full = variant % 2 == 0  # optional properties: all of them, then only the required ones
            try:
                candidate = self.value(schema, 0)
            except (Unsatisfiable, RecursionError, ValueError, TypeError):
                continue
            tries.append(candidate)
            if valid(candidate):
                return candidate
        drawn = self._hypothesis(schema, valid)
        if drawn is not _NOTHING:
            return drawn
        raise Unsatisfiable(f"no valid value found (tried {len(tries)} candidates)")

    def first_valid(self, schema: Any, examples: tuple[Any, ...]) -> Any:
        if not examples:
            return _NOTHING
        valid = self.validator(schema) if schema is not None else (lambda _v: True)
        for example in examples:
            if valid(example):
                return example
        return _NOTHING

    # -- generation ---------------------------------------------------------------------------------
    def _deref(self, schema: Any) -> Any:
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 32:
            ref = schema["$ref"]
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            prefix = COMPONENTS_URI + "#/$defs/"
            if not ref.startswith(prefix):
                raise Unsatisfiable(f"unsupported $ref {ref}")
            key = ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
            target = self.components.get(key)
            if rest and isinstance(target, dict):
                schema = {"allOf": [target, rest]} if not self.draft4 else target
            else:
                schema = target
            seen += 1
        return schema

    def _forbidden(self, schema: Any) -> bool:
        """A property schema the current direction forbids (writeOnly in responses, readOnly in requests)."""
        flag = "writeOnly" if self.direction == "response" else "readOnly"
        for _ in range(8):
            if not isinstance(schema, dict):
                return False
            if schema.get(flag) is True:
                return True
            if isinstance(schema.get("$ref"), str):
                schema = self._deref({"$ref": schema["$ref"]})
                continue
            parts = schema.get("allOf")
            if isinstance(parts, list) and parts:
                return any(self._forbidden(p) for p in parts)
            return False
        return False

    def value(self, schema: Any, depth: int) -> Any:
        if depth > _MAX_DEPTH * 3:
            raise Unsatisfiable("too deep")
        if schema is True or schema == {}:
            return "mock"
        if schema is False:
            raise Unsatisfiable("false schema")
        schema = self._deref(schema)
        if not isinstance(schema, dict):
            return "mock"
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            options = [e for e in schema["enum"] if e is not None] or schema["enum"]
            for option in options:
                if self._quick(schema, option):
                    return option
            return options[0]
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            return self.value(self._merge_all(schema), depth + 1)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self._alternatives(schema, key, depth)
        kind = self._type(schema)
        if kind == "null":
            return None
        if kind == "boolean":
            return True
        if kind in ("integer", "number"):
            return self._number(schema, kind)
        if kind == "string":
            return self._string(schema)
        if kind == "array":
            return self._array(schema, depth)
        return self._object(schema, depth)

    def _type(self, schema: dict[str, Any]) -> str:
        declared = schema.get("type")
        types = declared if isinstance(declared, list) else [declared] if declared else []
        non_null = [t for t in types if t != "null"]
        if non_null:
            return str(non_null[0])
        if types:
            return "null"
        if any(k in schema for k in ("properties", "required", "additionalProperties", "minProperties")):
            return "object"
        if any(k in schema for k in ("items", "prefixItems", "minItems", "uniqueItems")):
            return "array"
        if any(k in schema for k in ("pattern", "minLength", "maxLength", "format")):
            return "string"
        if any(k in schema for k in ("minimum", "maximum", "multipleOf")):
            return "number"
        return "object"

    def _merge_all(self, schema: dict[str, Any]) -> dict[str, Any]:
        """allOf folded into one schema: properties and required united, other keywords the later wins
        (numeric bounds the tighter); the alternatives of the parts kept as an allOf of anyOf/oneOf."""
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        parts = [self._deref(p) for p in schema["allOf"]]
        for part in parts:
            if not isinstance(part, dict):
                continue
            if isinstance(part.get("allOf"), list):
                part = self._merge_all(part)
            for key, value in part.items():
                if key == "properties" and isinstance(value, dict):
                    props = dict(merged.get("properties") or {})
                    for name, sub in value.items():
                        props[name] = {"allOf": [props[name], sub]} if name in props else sub
                    merged["properties"] = props
                elif key == "required" and isinstance(value, list):
                    merged["required"] = list(dict.fromkeys([*(merged.get("required") or []), *value]))
                elif key in ("minimum", "minLength", "minItems", "minProperties") and key in merged:
                    merged[key] = max(merged[key], value)
                elif key in ("maximum", "maxLength", "maxItems", "maxProperties") and key in merged:
                    merged[key] = min(merged[key], value)
                elif key == "type" and "type" in merged:
                    a = merged["type"] if isinstance(merged["type"], list) else [merged["type"]]
                    b = value if isinstance(value, list) else [value]
                    both = [t for t in a if t in b] or (["integer"] if "integer" in a + b else b)
                    merged["type"] = both if len(both) > 1 else both[0]
                elif key in ("oneOf", "anyOf") and key in merged:
                    merged.setdefault("allOf", [])
                    merged["allOf"] = [*merged["allOf"], {key: value}]
                elif key == "additionalProperties" and value is False:
                    merged[key] = False
                elif key not in merged or key not in ("additionalProperties",):
                    merged[key] = value
        if isinstance(merged.get("allOf"), list):
            nested = merged.pop("allOf")
            return {"allOf": [merged, *nested]} if nested else merged
        return merged

    def _alternatives(self, schema: dict[str, Any], key: str, depth: int) -> Any:
        rest = {k: v for k, v in schema.items() if k not in (key, "discriminator")}
        branches = list(enumerate(schema[key]))
        discriminator = schema.get("discriminator")
        prop = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        mapping = (discriminator.get("mapping") or {}) if isinstance(discriminator, dict) else {}
        errors = []
        for index, branch in branches:
            part = {"allOf": [rest, branch]} if rest else branch
            for attempt in range(3):
                try:
                    candidate = self.value(self._merge_all(part) if rest else part, depth + 1)
                except Unsatisfiable as exc:
                    errors.append(str(exc))
                    break
                if prop and isinstance(candidate, dict):
                    name = _discriminator_value(branch, mapping)
                    if name is not None:
                        candidate[prop] = name
                if self._quick(schema, candidate):
                    return candidate
                self._full = not self._full if attempt == 0 else self._full
            del index
        raise Unsatisfiable(f"no {key} branch fits: {errors[:2]}")

    def _number(self, schema: dict[str, Any], kind: str) -> Any:
        low = schema.get("minimum")
        high = schema.get("maximum")
        ex_low = schema.get("exclusiveMinimum")
        ex_high = schema.get("exclusiveMaximum")
        step = schema.get("multipleOf")
        strict_low = strict_high = False
        if isinstance(ex_low, bool):
            strict_low = ex_low
        elif isinstance(ex_low, int | float):
            low, strict_low = (ex_low, True) if low is None or ex_low >= low else (low, False)
        if isinstance(ex_high, bool):
            strict_high = ex_high
        elif isinstance(ex_high, int | float):
            high, strict_high = (ex_high, True) if high is None or ex_high <= high else (high, False)
        preferred = self.rng.randint(1, 100)
        if low is not None:
            preferred = max(preferred, math.ceil(low)) if kind == "integer" else max(preferred, low)
        if high is not None:
            preferred = min(preferred, math.floor(high)) if kind == "integer" else min(preferred, high)
        candidates: list[Any] = [preferred]
        if low is not None:
            candidates += [
                math.floor(low) + 1,
                low,
                low + 1,
                (low + high) / 2 if high is not None else low + 0.5,
            ]
        if high is not None:
            candidates += [math.ceil(high) - 1, high, high - 1]
        if step:
            base = low if low is not None else 0
            first = math.ceil(base / step) * step
            candidates = [first, first + step, *candidates]
        for candidate in candidates:
            if kind == "integer" or (isinstance(candidate, float) and candidate.is_integer()):
                candidate = int(candidate) if math.isfinite(candidate) else candidate
            if low is not None and (candidate < low or (strict_low and candidate == low)):
                continue
            if high is not None and (candidate > high or (strict_high and candidate == high)):
                continue
            if step and not _multiple(candidate, step):
                continue
            if kind == "integer" and not float(candidate).is_integer():
                continue
            return candidate
        raise Unsatisfiable("no number in range")

    def _string(self, schema: dict[str, Any]) -> str:
        fmt = schema.get("format")
        low = int(schema.get("minLength") or 0)
        high = schema.get("maxLength")
        if isinstance(schema.get("pattern"), str):
            return self._pattern(schema)
        maker = _FORMATS.get(str(fmt)) if fmt else None
        text = maker(self.rng) if maker is not None else ""
        if not text and fmt not in _FORMATS:
            text = _EPOCH_WORDS[self.rng.randrange(len(_EPOCH_WORDS))]
        if fmt not in _FORMATS or fmt in ("binary", "password"):
            while len(text) < low:
                text += _EPOCH_WORDS[self.rng.randrange(len(_EPOCH_WORDS))]
            if high is not None:
                text = text[: int(high)]
        return text

    def _pattern(self, schema: dict[str, Any]) -> str:
        from hypothesis import HealthCheck, Phase, find, settings
        from hypothesis import strategies as st

        pattern = str(schema["pattern"])
        check = {k: v for k, v in schema.items() if k in ("pattern", "minLength", "maxLength", "format")}
        check["type"] = "string"
        try:
            return str(
                find(
                    st.from_regex(pattern, fullmatch=False),
                    lambda s: self._quick(check, s),
                    settings=settings(
                        derandomize=True,
                        database=None,
                        max_examples=500,
                        phases=[Phase.generate, Phase.shrink],
                        suppress_health_check=list(HealthCheck),
                    ),
                )
            )
        except Exception as exc:  # noqa: BLE001 - hypothesis found nothing or cannot read the pattern
            raise Unsatisfiable(f"pattern {pattern!r}: {exc}") from None

    def _array(self, schema: dict[str, Any], depth: int) -> list[Any]:
        low = int(schema.get("minItems") or 0)
        high = schema.get("maxItems")
        declared = schema.get("prefixItems")
        prefix: list[Any] = declared if isinstance(declared, list) else []
        items = schema.get("items", True)
        if self.draft4 and isinstance(items, list):
            prefix, items = items, schema.get("additionalItems", True)
        count = max(low, 0 if depth >= _MAX_DEPTH else 1)
        if high is not None:
            count = min(count, int(high))
        out: list[Any] = []
        for i in range(count):
            sub = prefix[i] if i < len(prefix) else items
            if sub is False:
                break
            value = self.value(sub, depth + 1)
            if schema.get("uniqueItems"):
                for _ in range(12):
                    if all(_json_key(value) != _json_key(v) for v in out):
                        break
                    value = self.value(sub, depth + 1)
                else:
                    if i >= low:
                        break
            out.append(value)
        return out

    def _object(self, schema: dict[str, Any], depth: int) -> dict[str, Any]:
        declared = schema.get("properties")
        props: dict[str, Any] = declared if isinstance(declared, dict) else {}
        required = [r for r in schema.get("required") or [] if isinstance(r, str)]
        out: dict[str, Any] = {}
        full = self._full and depth < _MAX_DEPTH
        for name in list(props) + [r for r in required if r not in props]:
            sub = props.get(name)
            if name not in required and (not full or self._forbidden(sub)):
                continue
            if name not in required and self._forbidden(sub):
                continue
            if sub is None:
                extra = schema.get("additionalProperties", True)
                sub = extra if isinstance(extra, dict) else True
            try:
                out[name] = self.value(sub, depth + 1)
            except Unsatisfiable:
                if name in required:
                    raise
        low = int(schema.get("minProperties") or 0)
        extra = schema.get("additionalProperties", True)
        n = 0
        while len(out) < low and extra is not False:
            n += 1
            out[f"extra{n}"] = self.value(extra if isinstance(extra, dict) else "mock", depth + 1)
        high = schema.get("maxProperties")
        if high is not None and len(out) > int(high):
            keep = [k for k in out if k in required][: int(high)]
            keep += [k for k in out if k not in keep][: int(high) - len(keep)]
            out = {k: out[k] for k in keep}
        return out

    def _hypothesis(self, schema: Any, valid: Callable[[Any], bool]) -> Any:
        """Last resort: hypothesis-jsonschema, derandomized (components inlined under `$defs`)."""
        try:
            from hypothesis import HealthCheck, Phase, find, settings
            from hypothesis_jsonschema import from_schema
        except ImportError:  # pragma: no cover - a dev dependency
            return _NOTHING
        prefix = COMPONENTS_URI + "#/$defs/"
        local = "#/definitions/"

        def rewrite(node: Any) -> Any:
            if isinstance(node, dict):
                return {
                    k: (
                        local + v[len(prefix) :]
                        if k == "$ref" and isinstance(v, str) and v.startswith(prefix)
                        else rewrite(v)
                    )
                    for k, v in node.items()
                }
            if isinstance(node, list):
                return [rewrite(v) for v in node]
            return node

        if not isinstance(schema, dict):
            return _NOTHING
        whole = {**rewrite(schema), "definitions": rewrite(self.components)}
        try:
            return find(
                from_schema(whole),
                valid,
                settings=settings(
                    derandomize=True,
                    database=None,
                    max_examples=300,
                    phases=[Phase.generate, Phase.shrink],
                    suppress_health_check=list(HealthCheck),
                ),
            )
        except Exception:  # noqa: BLE001 - unsupported schema, recursion, nothing found
            return _NOTHING


_NOTHING: Any = object()


def _discriminator_value(branch: Any, mapping: dict[str, Any]) -> str | None:
    ref = branch.get("$ref") if isinstance(branch, dict) else None
    if not isinstance(ref, str):
        return None
    name = ref.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    for key, target in mapping.items():
        if isinstance(target, str) and (target == name or target.rsplit("/", 1)[-1] == name):
            return str(key)
    return name


def _multiple(value: Any, step: Any) -> bool:
    quotient = value / step
    return bool(abs(quotient - round(quotient)) < 1e-9)


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _uuid(rng: random.Random) -> str:
    raw = f"{rng.getrandbits(128):032x}"
    return f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-8{raw[17:20]}-{raw[20:32]}"


_FORMATS: dict[str, Callable[[random.Random], str]] = {
    "date-time": lambda r: f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)}T12:00:00Z",
    "date": lambda r: f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)}",
    "time": lambda r: f"12:{r.randint(10, 59)}:00Z",
    "duration": lambda r: "P1D",
    "uuid": _uuid,
    "email": lambda r: f"user{r.randint(1, 99)}@example.com",
    "idn-email": lambda r: f"user{r.randint(1, 99)}@example.com",
    "uri": lambda r: f"https://example.com/{_EPOCH_WORDS[r.randrange(8)]}",
    "url": lambda r: f"https://example.com/{_EPOCH_WORDS[r.randrange(8)]}",
    "iri": lambda r: f"https://example.com/{_EPOCH_WORDS[r.randrange(8)]}",
    "uri-reference": lambda r: f"/{_EPOCH_WORDS[r.randrange(8)]}",
    "iri-reference": lambda r: f"/{_EPOCH_WORDS[r.randrange(8)]}",
    "uri-template": lambda r: "https://example.com/{id}",
    "hostname": lambda r: "example.com",
    "idn-hostname": lambda r: "example.com",
    "ipv4": lambda r: f"192.0.2.{r.randint(1, 254)}",
    "ipv6": lambda r: f"2001:db8::{r.randint(1, 9999)}",
    "byte": lambda r: base64.b64encode(_EPOCH_WORDS[r.randrange(8)].encode()).decode(),
    "binary": lambda r: "",
    "password": lambda r: "",
    "json-pointer": lambda r: "/a",
    "relative-json-pointer": lambda r: "0",
    "regex": lambda r: "^a$",
    "int32": lambda r: str(r.randint(1, 100)),
    "int64": lambda r: str(r.randint(1, 100)),
}

# 1x1 transparent PNG: a real image for image/* answers
_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def _header_text(value: Any) -> str:
    """A header value in the default (simple, not exploded) style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_header_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_header_text(v)}" for k, v in value.items())
    if value is None:
        return ""
    return str(value)


def _headers(
    synth: Synthesizer, op: Operation, headers: tuple[Header, ...], where: str = "success"
) -> tuple[tuple[str, str], ...]:
    out = []
    for header in headers:
        if not header.required or header.name.lower() == "content-type":
            continue
        value: Any = "mock"
        if header.schema is not None:
            value = synth.synthesize(header.schema, f"{op.py_name}:{where}:header:{header.name}")
        out.append((header.name, _header_text(value)))
    return tuple(out)


def _body(synth: Synthesizer, op: Operation, media: MediaType, where: str = "success") -> tuple[Any, str]:
    base = _base(media.name)
    if is_json_media(media.name):
        if media.schema is None:
            chosen = synth.first_valid(None, media.examples)
            return (
                {} if chosen is _NOTHING else chosen
            ), "example" if chosen is not _NOTHING else "synthesized"
        chosen = synth.first_valid(media.schema, media.examples)
        if chosen is not _NOTHING:
            return chosen, "example"
        return synth.synthesize(media.schema, f"{op.py_name}:{where}:body"), "synthesized"
    textual = (
        base.startswith("text/")
        or base
        in (
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/javascript",
            "application/yaml",
            "application/x-yaml",
        )
        or base.endswith("+xml")
    )
    strings = [e for e in media.examples if isinstance(e, str)]
    if textual:
        if strings:
            return strings[0], "example"
        if base == "text/html":
            return "<!doctype html><title>mock</title>", "synthesized"
        if base.endswith("xml"):
            return "<mock/>", "synthesized"
        if base == "text/csv":
            return "id,name\n1,mock\n", "synthesized"
        return "mock", "synthesized"
    if base.startswith("image/"):
        return _PNG, "synthesized"
    if strings:
        return strings[0].encode("utf-8"), "example"
    return b"mock", "synthesized"


def mock_answer(synth: Synthesizer, op: Operation) -> MockAnswer:
    response = success_response(op)
    status = op.success_status
    if response is None:
        return MockAnswer(status, None, None, (), "empty")
    try:
        headers = _headers(synth, op, response.headers)
    except Unsatisfiable:
        return MockAnswer(status, None, None, (), "unsatisfiable")
    if not response.media or status in (204, 304):
        return MockAnswer(status, None, None, headers, "empty")
    media = response.media[0]
    try:
        body, source = _body(synth, op, media)
    except Unsatisfiable:
        return MockAnswer(status, None, None, headers, "unsatisfiable")
    return MockAnswer(status, body, _concrete(media.name), headers, source)


def _problem_ok(media: str) -> bool:
    base = _base(media)
    return base in ("application/problem+json", "*/*", "application/*")


def error_answers(synth: Synthesizer, op: Operation) -> tuple[tuple[str, MockAnswer | None], ...]:
    """For each declared error response (4xx, 5xx, their ranges, `default`): None when problem+json
    fits it (the runtime's own error answer), else a canned answer in the format it declares (the
    runtime sends it, with the actual status, instead of problem+json)."""
    out: list[tuple[str, MockAnswer | None]] = []
    for response in op.responses:
        key = response.status
        if not (key == "default" or key[0] in "45"):
            continue
        if response.media and any(_problem_ok(m.name) for m in response.media):
            out.append((key, None))
            continue
        try:
            headers = _headers(synth, op, response.headers, f"error:{key}")
            if not response.media:
                out.append((key, MockAnswer(0, None, None, headers, "empty")))
                continue
            media = response.media[0]
            body, source = _body(synth, op, media, f"error:{key}")
        except Unsatisfiable:
            out.append((key, None))
            continue
        out.append((key, MockAnswer(0, body, _concrete(media.name), headers, source)))
    return tuple(out)


@dataclass(frozen=True)
class MockOperation:
    success: MockAnswer
    errors: tuple[tuple[str, MockAnswer | None], ...]


def mock_answers(api: Api, seed: int = DEFAULT_SEED) -> dict[str, MockOperation]:
    """py_name -> answers, for every operation without a handler."""
    synth = Synthesizer(api.dialect, api.components, seed)
    return {
        op.py_name: MockOperation(mock_answer(synth, op), error_answers(synth, op))
        for op in api.operations
        if not op.has_handler
    }


__all__ = [
    "DEFAULT_SEED",
    "MockAnswer",
    "MockOperation",
    "Synthesizer",
    "Unsatisfiable",
    "mock_answers",
    "success_response",
]
