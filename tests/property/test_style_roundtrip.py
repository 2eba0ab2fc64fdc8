"""Round trip: a value serialized exactly as the OpenAPI 3.1.1 §4.8.12 style tables (RFC 6570) say, parsed by
the runtime, is the value again -- for path simple/label/matrix, query form/spaceDelimited/pipeDelimited/
deepObject and header simple, exploded or not, for primitives, arrays of primitives and flat objects.

The serializer below is written from the spec, not from the parser. Values are drawn from text full of
delimiters (`,;=.|&[]`, spaces, `%`, `+`, `/`, `?`, `#`) and non-ASCII characters, integers of any size and
booleans. Each value goes (1) straight into `pipeline.read_params` with the operation codegen built (and into the
reader codegen wrote for it, where it wrote one), and (2) through a generated app by both transports.

Where the spec's serialization is ambiguous the strategies leave those values out, each with its reason
(search for "AMBIGUOUS"); these are limits of the format, not of the implementation.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, quote

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from chalicelib.runtime.pipeline import read_params
from tests.helpers import GeneratedApp, generate_app, recording_handlers, request, typed

SCALARS = ("string", "integer", "boolean")
KINDS = ("primitive", "array", "object")

# (location, style, explode, kind, scalar type)
CASES = [
    *[
        ("path", style, explode, kind, scalar)
        for style in ("simple", "label", "matrix")
        for explode in (False, True)
        for kind in KINDS
        for scalar in SCALARS
    ],
    *[
        ("query", "form", explode, kind, scalar)
        for explode in (False, True)
        for kind in KINDS
        for scalar in SCALARS
    ],
    *[
        ("query", style, False, kind, scalar)
        for style in ("spaceDelimited", "pipeDelimited")
        for kind in ("array", "object")
        for scalar in SCALARS
    ],
    *[("query", "deepObject", True, "object", scalar) for scalar in SCALARS],
    *[
        ("header", "simple", explode, kind, scalar)
        for explode in (False, True)
        for kind in KINDS
        for scalar in SCALARS
    ],
]

Case = tuple[str, str, bool, str, str]


def op_id(case: Case) -> str:
    location, style, explode, kind, scalar = case
    return f"{location}_{style.lower()}_{'x' if explode else 'e'}_{kind}_{scalar}"


def param_name(case: Case) -> str:
    return "X-Color" if case[0] == "header" else "color"


def case_url(case: Case) -> str:
    # the templated segment is never the last one: chalice's local gateway (urllib.parse.urlparse) cuts
    # `;params` off the last path segment, which would eat matrix values
    tail = "/{color}/end" if case[0] == "path" else ""
    return f"/{op_id(case).replace('_', '/')}{tail}"


def schema_of(kind: str, scalar: str) -> dict[str, Any]:
    if kind == "primitive":
        return {"type": scalar}
    if kind == "array":
        return {"type": "array", "items": {"type": scalar}}
    return {"type": "object", "additionalProperties": {"type": scalar}}


def spec() -> str:
    paths = {}
    for case in CASES:
        location, style, explode, kind, scalar = case
        parameter = {
            "name": param_name(case),
            "in": location,
            "required": True,
            "style": style,
            "explode": explode,
            "schema": schema_of(kind, scalar),
        }
        paths[case_url(case)] = {
            "get": {
                "operationId": op_id(case),
                "tags": ["rt"],
                "parameters": [parameter],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}},
            }
        }
    return yaml.safe_dump(
        {"openapi": "3.1.0", "info": {"title": "Round trip", "version": "1"}, "paths": paths}, sort_keys=False
    )


@pytest.fixture(scope="module")
def rt_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    handlers = {"rt": recording_handlers(*(op_id(c) for c in CASES))}
    return generate_app(spec(), handlers, tmp_path_factory.mktemp("roundtrip"))


# ==== the serializer (OpenAPI 3.1.1 §4.8.12 style tables, RFC 6570 expansion) ===========================


def text_of(value: Any) -> str:
    """A primitive as RFC 6570 / OpenAPI Appendix B renders it: booleans as `true`/`false`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def pct(value: Any) -> str:
    """RFC 6570 simple string expansion: everything but the unreserved set is percent-encoded (UTF-8)."""
    return quote(text_of(value), safe="")


def serialize_path(style: str, explode: bool, name: str, value: Any) -> str:
    """The raw (percent-encoded) path segment for `value`."""
    if isinstance(value, list):
        items = [pct(v) for v in value]
        if style == "simple":
            return ",".join(items)
        if style == "label":
            return "." + ("." if explode else ",").join(items)
        if explode:  # matrix
            return "".join(f";{name}={i}" for i in items)
        return f";{name}=" + ",".join(items)
    if isinstance(value, dict):
        pairs = [(pct(k), pct(v)) for k, v in value.items()]
        if explode:
            assigned = [f"{k}={v}" for k, v in pairs]
            return {"simple": "", "label": ".", "matrix": ";"}[style] + {
                "simple": ",",
                "label": ".",
                "matrix": ";",
            }[style].join(assigned)
        flat = ",".join(x for pair in pairs for x in pair)
        return {"simple": flat, "label": "." + flat, "matrix": f";{name}={flat}"}[style]
    text = pct(value)
    if style == "simple":
        return text
    if style == "label":
        return "." + text
    return f";{name}={text}" if text else f";{name}"


def serialize_query(style: str, explode: bool, name: str, value: Any) -> str:
    """The raw query string for `value` (no leading `?`)."""
    key = pct(name)
    if isinstance(value, list):
        items = [pct(v) for v in value]
        if explode:  # form: one key per item
            return "&".join(f"{key}={i}" for i in items)
        sep = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "|"}[style]
        return f"{key}=" + sep.join(items)
    if isinstance(value, dict):
        if style == "deepObject":
            return "&".join(f"{key}[{pct(k)}]={pct(v)}" for k, v in value.items())
        if explode:  # form: each property its own key
            return "&".join(f"{pct(k)}={pct(v)}" for k, v in value.items())
        sep = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "|"}[style]
        return f"{key}=" + sep.join(x for k, v in value.items() for x in (pct(k), pct(v)))
    return f"{key}={pct(value)}"


def serialize_header(explode: bool, value: Any) -> str:
    """A `simple` header value. Header values are not URI components, so nothing is percent-encoded (and
    the runtime decodes nothing)."""
    if isinstance(value, list):
        return ",".join(text_of(v) for v in value)
    if isinstance(value, dict):
        if explode:
            return ",".join(f"{k}={text_of(v)}" for k, v in value.items())
        return ",".join(x for k, v in value.items() for x in (k, text_of(v)))
    return text_of(value)


# ==== strategies ========================================================================================

AWKWARD = [*",;=.|&[] %+/?#~-_:@!$'()*\"<>\\^`{}", "é", "ß", "☃", "😀", "中", "\u00a0", "\u0663"]
PLAIN = list("abcXYZ019")
HEADER_SAFE = [c for c in AWKWARD + PLAIN if c.isascii() and c.isprintable()]


DELIMITER = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def texts(location: str, style: str, explode: bool, kind: str, *, role: str) -> st.SearchStrategy[str]:
    """Strings that survive this serialization unambiguously; `role` is "value", "item", "key" or "prop"."""
    forbidden: set[str] = set()
    alphabet = AWKWARD + PLAIN
    if location == "header":
        # AMBIGUOUS: header values are sent without percent-encoding, so a `,` inside an item, key or
        # value (or a `=` in an exploded object) cannot be told from the delimiter; HTTP also strips
        # surrounding whitespace, and header values are ASCII
        alphabet = HEADER_SAFE
        if kind != "primitive":
            forbidden.add(",")
            if kind == "object" and explode:
                forbidden.add("=")
    if location == "path" and style == "label" and explode and kind != "primitive":
        # AMBIGUOUS: `.` is an RFC 3986 unreserved character, which RFC 6570 never percent-encodes, so
        # inside an exploded label array/object it reads as the delimiter
        forbidden.add(".")
    if (
        location == "query"
        and kind != "primitive"
        and style in DELIMITER
        and not (explode and style == "form")
    ):
        # AMBIGUOUS: API Gateway (and chalice) hand query values over already percent-decoded, so an
        # encoded delimiter inside an item cannot be told from the delimiter itself: `,` for non-exploded
        # form, ` ` for spaceDelimited, `|` for pipeDelimited
        forbidden.add(DELIMITER[style])
    chars = [c for c in alphabet if c not in forbidden]
    # object keys are never empty (HTTP stacks drop empty query names) and an empty header cannot be
    # told from none; an empty query primitive is the value "" (allowEmptyValue is false by default)
    non_empty = role == "key" or (kind == "primitive" and location == "header")
    strategy = st.text(st.sampled_from(chars), min_size=1 if non_empty else 0, max_size=6)
    if location == "header":
        strategy = strategy.filter(lambda s: s == s.strip())
    return strategy


def scalars(case: Case, role: str) -> st.SearchStrategy[Any]:
    location, style, explode, kind, scalar = case
    if scalar == "integer":
        return st.integers()
    if scalar == "boolean":
        return st.booleans()
    return texts(location, style, explode, kind, role=role)


def values(case: Case) -> st.SearchStrategy[Any]:
    location, style, explode, kind, _ = case
    if kind == "primitive":
        strategy = scalars(case, "value")
        if location == "path":
            # a path segment cannot be empty, and `.`/`..` are dot-segments that URL normalization removes
            strategy = strategy.filter(lambda v: text_of(v) not in ("", ".", ".."))
        return strategy
    if kind == "array":
        # arrays have at least one item: an empty array is not serialized at all (exploded), or is
        # indistinguishable from `[""]` (delimited)
        strategy = st.lists(scalars(case, "item"), min_size=1, max_size=4)
        if not (location == "query" and explode):
            strategy = strategy.filter(lambda v: v != [""])  # AMBIGUOUS: `color=` is both [] and [""]
        return strategy
    keys = texts(location, style, explode, kind, role="key")
    return st.dictionaries(keys, scalars(case, "prop"), min_size=1, max_size=4)


# ==== the round trip ====================================================================================

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def wire(case: Case, value: Any) -> tuple[str, dict[str, str]]:
    """The URL and headers carrying `value` for this case's operation."""
    location, style, explode, _, _ = case
    url = case_url(case)
    if location == "path":
        segment = serialize_path(style, explode, "color", value)
        assume(segment not in ("", ".", ".."))  # dot-segments are removed by URL normalization
        return url.replace("{color}", segment), {}
    if location == "query":
        return f"{url}?{serialize_query(style, explode, 'color', value)}", {}
    return url, {"X-Color": serialize_header(explode, value)}


def kwarg(case: Case) -> str:
    return "x_color" if case[0] == "header" else "color"


def has_reader(case: Case) -> bool:
    """Whether codegen writes this case's parameter reading out (codegen/readers.py): primitives and
    arrays of one scalar type, except in label and matrix style (path) and deepObject (objects)."""
    _, style, _, kind, _ = case
    return kind != "object" and style not in ("label", "matrix")


def test_readers_cover_the_cases_they_should(rt_app: GeneratedApp) -> None:
    for case in CASES:
        module = importlib.import_module(f"{rt_app.package}._generated.operations.{op_id(case)}")
        assert (module.OPERATION.reader is not None) == has_reader(case), case


@pytest.mark.parametrize("case", CASES, ids=op_id)
def test_read_params_round_trip(rt_app: GeneratedApp, case: Case) -> None:
    """The serialized value, handed to the parameter reader as API Gateway hands it over."""
    module = importlib.import_module(f"{rt_app.package}._generated.operations.{op_id(case)}")
    op = module.OPERATION
    location, style, explode, _, _ = case

    @settings(SETTINGS, max_examples=25)
    @given(values(case))
    def check(value: Any) -> None:
        path: dict[str, str] = {}
        query: dict[str, list[str]] = {}
        headers: dict[str, str] = {}
        if location == "path":
            segment = serialize_path(style, explode, "color", value)
            assume(segment not in ("", ".", ".."))
            path["color"] = segment  # still percent-encoded, as captured from the raw path
        elif location == "query":
            for k, v in parse_qsl(serialize_query(style, explode, "color", value), keep_blank_values=True):
                query.setdefault(k, []).append(v)  # decoded, as API Gateway decodes query values
        else:
            headers["X-Color"] = serialize_header(explode, value)
        args, problems = read_params(op, path, query, headers, {})
        assert problems == []
        assert typed(args) == typed({kwarg(case): value})
        if op.reader is not None:  # the walk codegen wrote out for this operation (codegen/readers.py)
            args, problems = op.reader(query, headers, path)
            assert problems == []
            assert typed(args) == typed({kwarg(case): value})

    check()


def _send_both(gen: GeneratedApp, url: str, headers: dict[str, str]) -> Callable[[str], Any]:
    def send(transport: str) -> Any:
        return request(gen.app, transport, "GET", url, headers=headers, project_dir=gen.root)

    return send


@pytest.mark.parametrize("case", CASES, ids=op_id)
def test_generated_app_round_trip(rt_app: GeneratedApp, case: Case) -> None:
    """The serialized value in a real request, through chalice's test client and a raw REST event."""
    calls = rt_app.handlers("rt").CALLS

    @settings(SETTINGS, max_examples=8)
    @given(values(case))
    def check(value: Any) -> None:
        url, headers = wire(case, value)
        send = _send_both(rt_app, url, headers)
        for transport in ("client", "rest"):
            calls.clear()
            result = send(transport)
            assert (result.status, result.content_type) == (200, "application/json"), (
                transport,
                url,
                result.body,
            )
            assert calls == [(op_id(case), {kwarg(case): value})], (transport, url)
            assert typed(calls[0][1]) == typed({kwarg(case): value}), (transport, url)

    check()
