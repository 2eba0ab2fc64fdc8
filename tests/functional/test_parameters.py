"""Parameters exactly as OpenAPI 3.0/3.1 serialize them (issue 4): every `style` x `explode` of the
OpenAPI 3.1.1 §4.8.12 "Style Values" / "Style Examples" tables, for path, query, header and cookie
parameters, plus coercion by schema, defaults, empty values, content-based parameters and the 400 answer.

The tables' example values are used throughout: `color` is the string `blue`, the array
`[blue, black, brown]` or the object `{R: 100, G: 200, B: 150}` (R, G and B declared `integer`, so the
object also checks coercion). Each request goes through chalice's test client and a raw API Gateway REST
proxy event; the handler records exactly what it received, compared with exact Python types.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.helpers import (
    TRANSPORTS,
    GeneratedApp,
    HttpResult,
    assert_problem_result,
    bad_request,
    generate_app,
    recording_handlers,
    request,
    typed,
    violation,
)

BLUE = "blue"
COLORS = ["blue", "black", "brown"]
RGB = {"R": 100, "G": 200, "B": 150}

RGB_SCHEMA = {
    "type": "object",
    "properties": {"R": {"type": "integer"}, "G": {"type": "integer"}, "B": {"type": "integer"}},
}
KIND_SCHEMAS = {
    "primitive": {"type": "string"},
    "array": {"type": "array", "items": {"type": "string"}},
    "object": RGB_SCHEMA,
}
OK_RESPONSE = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}


def send(gen: GeneratedApp, transport: str, method: str, url: str, **kwargs: Any) -> HttpResult:
    return request(gen.app, transport, method, url, project_dir=gen.root, **kwargs)


def assert_received(gen: GeneratedApp, tag: str, result: HttpResult, op: str, expected: dict) -> None:
    """200 JSON answer from `op`, whose handler got exactly `expected` (values and types)."""
    assert (result.status, result.content_type) == (200, "application/json"), result.body
    assert result.json() == {"ok": op}
    calls = gen.handlers(tag).CALLS
    assert calls == [(op, expected)]
    assert typed(calls[0][1]) == typed(expected)


# ==== the style tables: one operation per (location, style, explode, kind) ===============================

# (location, style, explode, kind); the parameter is `color` (`X-Color` in headers)
STYLE_OPS = [
    *[("path", s, e, k) for s in ("simple", "label", "matrix") for e in (False, True) for k in KIND_SCHEMAS],
    *[("query", "form", e, k) for e in (False, True) for k in KIND_SCHEMAS],
    *[("query", s, False, k) for s in ("spaceDelimited", "pipeDelimited") for k in ("array", "object")],
    ("query", "deepObject", True, "object"),
    *[("header", "simple", e, k) for e in (False, True) for k in KIND_SCHEMAS],
    *[("cookie", "form", False, k) for k in KIND_SCHEMAS],
    ("cookie", "form", True, "primitive"),
]


def style_op(location: str, style: str, explode: bool, kind: str) -> str:
    return f"{location}_{style.lower()}_{kind}_{'x' if explode else 'e'}"


def style_url(location: str, style: str, explode: bool, kind: str) -> str:
    # every templated path ends in a literal segment: chalice's local gateway splits the URL with
    # `urllib.parse.urlparse`, which cuts `;params` off the *last* segment (matrix style would vanish);
    # API Gateway does not (see test_matrix_object_in_the_last_path_segment)
    tail = "/{color}/end" if location == "path" else ""
    return f"/{location}/{style.lower()}/{kind}/{'x' if explode else 'e'}{tail}"


def style_spec(version: str) -> str:
    paths: dict[str, Any] = {}
    for location, style, explode, kind in STYLE_OPS:
        name = "X-Color" if location == "header" else "color"
        param = {
            "name": name,
            "in": location,
            "required": True,
            "style": style,
            "explode": explode,
            "schema": KIND_SCHEMAS[kind],
        }
        paths[style_url(location, style, explode, kind)] = {
            "get": {
                "operationId": style_op(location, style, explode, kind),
                "tags": ["styles"],
                "parameters": [param],
                "responses": OK_RESPONSE,
            }
        }
    paths["/matrix-last/{color}"] = {
        "get": {
            "operationId": "matrix_last",
            "tags": ["styles"],
            "parameters": [
                {
                    "name": "color",
                    "in": "path",
                    "required": True,
                    "style": "matrix",
                    "explode": True,
                    "schema": RGB_SCHEMA,
                }
            ],
            "responses": OK_RESPONSE,
        }
    }
    doc = {"openapi": version, "info": {"title": "Styles", "version": "1.0"}, "paths": paths}
    return yaml.safe_dump(doc, sort_keys=False)


@pytest.fixture(scope="module", params=["3.0.3", "3.1.0"])
def styles_app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    """The same operations in an OpenAPI 3.0 and a 3.1 document: the style rules are the same."""
    names = [style_op(*op) for op in STYLE_OPS] + ["matrix_last"]
    handlers = {"styles": recording_handlers(*names)}
    return generate_app(style_spec(request.param), handlers, tmp_path_factory.mktemp("styles"))


@pytest.fixture
def styles(styles_app: GeneratedApp) -> GeneratedApp:
    styles_app.handlers("styles").CALLS.clear()
    return styles_app


def style_request(
    gen: GeneratedApp, transport: str, op: tuple[str, str, bool, str], serialized: str
) -> HttpResult:
    """Send `serialized` (the table's cell, exactly as it appears on the wire) for operation `op`."""
    location = op[0]
    url = style_url(*op)
    headers: dict[str, str] = {}
    if location == "path":
        url = url.replace("{color}", serialized)
    elif location == "query":
        url = f"{url}?{serialized}"
    elif location == "header":
        headers["X-Color"] = serialized
    else:
        headers["Cookie"] = serialized
    return send(gen, transport, "GET", url, headers=headers)


# (location, style, explode, kind), the serialization from the OpenAPI tables, the parsed value
STYLE_TABLE = [
    # path, simple
    (("path", "simple", False, "primitive"), "blue", BLUE),
    (("path", "simple", True, "primitive"), "blue", BLUE),
    (("path", "simple", False, "array"), "blue,black,brown", COLORS),
    (("path", "simple", True, "array"), "blue,black,brown", COLORS),
    (("path", "simple", False, "object"), "R,100,G,200,B,150", RGB),
    (("path", "simple", True, "object"), "R=100,G=200,B=150", RGB),
    # path, label
    (("path", "label", False, "primitive"), ".blue", BLUE),
    (("path", "label", True, "primitive"), ".blue", BLUE),
    (("path", "label", False, "array"), ".blue,black,brown", COLORS),
    (("path", "label", True, "array"), ".blue.black.brown", COLORS),
    (("path", "label", False, "object"), ".R,100,G,200,B,150", RGB),
    (("path", "label", True, "object"), ".R=100.G=200.B=150", RGB),
    (("path", "label", False, "primitive"), ".", ""),  # the table's "empty" column
    (("path", "label", True, "primitive"), ".", ""),
    # path, matrix
    (("path", "matrix", False, "primitive"), ";color=blue", BLUE),
    (("path", "matrix", True, "primitive"), ";color=blue", BLUE),
    (("path", "matrix", False, "array"), ";color=blue,black,brown", COLORS),
    (("path", "matrix", True, "array"), ";color=blue;color=black;color=brown", COLORS),
    (("path", "matrix", False, "object"), ";color=R,100,G,200,B,150", RGB),
    (("path", "matrix", True, "object"), ";R=100;G=200;B=150", RGB),
    (("path", "matrix", False, "primitive"), ";color", ""),  # the table's "empty" column
    (("path", "matrix", True, "primitive"), ";color", ""),
    # query, form
    (("query", "form", False, "primitive"), "color=blue", BLUE),
    (("query", "form", True, "primitive"), "color=blue", BLUE),
    (("query", "form", False, "array"), "color=blue,black,brown", COLORS),
    (("query", "form", True, "array"), "color=blue&color=black&color=brown", COLORS),
    (("query", "form", False, "object"), "color=R,100,G,200,B,150", RGB),
    (("query", "form", True, "object"), "R=100&G=200&B=150", RGB),  # each property its own key
    (("query", "form", True, "object"), "B=150&x=1&R=100&G=200", RGB),  # in any order, among others
    # query, spaceDelimited / pipeDelimited / deepObject
    (("query", "spaceDelimited", False, "array"), "color=blue%20black%20brown", COLORS),
    (("query", "spaceDelimited", False, "object"), "color=R%20100%20G%20200%20B%20150", RGB),
    (("query", "pipeDelimited", False, "array"), "color=blue|black|brown", COLORS),
    (("query", "pipeDelimited", False, "array"), "color=blue%7Cblack%7Cbrown", COLORS),
    (("query", "pipeDelimited", False, "object"), "color=R|100|G|200|B|150", RGB),
    (("query", "deepObject", True, "object"), "color[R]=100&color[G]=200&color[B]=150", RGB),
    (("query", "deepObject", True, "object"), "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150", RGB),
    # header, simple
    (("header", "simple", False, "primitive"), "blue", BLUE),
    (("header", "simple", True, "primitive"), "blue", BLUE),
    (("header", "simple", False, "array"), "blue,black,brown", COLORS),
    (("header", "simple", True, "array"), "blue,black,brown", COLORS),
    (("header", "simple", False, "object"), "R,100,G,200,B,150", RGB),
    (("header", "simple", True, "object"), "R=100,G=200,B=150", RGB),
    # cookie, form
    (("cookie", "form", False, "primitive"), "color=blue", BLUE),
    (("cookie", "form", True, "primitive"), "theme=dark; color=blue", BLUE),
    (("cookie", "form", False, "array"), "color=blue,black,brown", COLORS),
    (("cookie", "form", False, "object"), "color=R,100,G,200,B,150", RGB),
]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("op", "serialized", "expected"),
    STYLE_TABLE,
    ids=[f"{style_op(*op)}:{s}" for op, s, _ in STYLE_TABLE],
)
def test_style_table(
    styles: GeneratedApp, transport: str, op: tuple[str, str, bool, str], serialized: str, expected: Any
) -> None:
    result = style_request(styles, transport, op, serialized)
    kwarg = "x_color" if op[0] == "header" else "color"
    assert_received(styles, "styles", result, style_op(*op), {kwarg: expected})


@pytest.mark.parametrize(
    ("serialized", "expected"),
    [(";R=100;G=200;B=150", RGB), (";R=1", {"R": 1})],
)
def test_matrix_object_in_the_last_path_segment(
    styles: GeneratedApp, serialized: str, expected: dict
) -> None:
    # only through a REST event: chalice's local gateway parses the URL with `urlparse`, which drops
    # `;params` from the last path segment before routing (a chalice.test limitation, not API Gateway's)
    result = send(styles, "rest", "GET", f"/matrix-last/{serialized}")
    assert_received(styles, "styles", result, "matrix_last", {"color": expected})


# percent-encoded delimiters inside a value stay data; every value is decoded exactly once
ENCODED_TABLE = [
    (("path", "simple", False, "array"), "a%2Cb,c", ["a,b", "c"]),
    (("path", "simple", True, "array"), "a%2Cb,c", ["a,b", "c"]),
    (("path", "simple", False, "primitive"), "a%2Cb%252C", "a,b%2C"),
    (("path", "simple", False, "primitive"), "caf%C3%A9%20au%20lait", "café au lait"),
    (("path", "label", False, "array"), ".a%2Cb,c%2E", ["a,b", "c."]),
    (("path", "label", True, "array"), ".a%2Eb.c%2Cd", ["a.b", "c,d"]),
    (("path", "label", False, "primitive"), ".%2Eblue", ".blue"),
    (("path", "matrix", False, "array"), ";color=a%2Cb,c%3Bd", ["a,b", "c;d"]),
    (("path", "matrix", True, "array"), ";color=a%3Bcolor%3Db;color=c", ["a;color=b", "c"]),
    (("path", "matrix", False, "primitive"), ";color=a%3Db%3Bc", "a=b;c"),
    (("path", "simple", False, "array"), "a%252C,b", ["a%2C", "b"]),
    (("cookie", "form", False, "array"), "color=a%2Cb,c%3Bd", ["a,b", "c;d"]),
    (("cookie", "form", False, "primitive"), "color=a%3Db%25", "a=b%"),
]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("op", "serialized", "expected"),
    ENCODED_TABLE,
    ids=[f"{style_op(*op)}:{s}" for op, s, _ in ENCODED_TABLE],
)
def test_encoded_delimiters_are_data_and_decoded_once(
    styles: GeneratedApp, transport: str, op: tuple[str, str, bool, str], serialized: str, expected: Any
) -> None:
    result = style_request(styles, transport, op, serialized)
    assert_received(styles, "styles", result, style_op(*op), {"color": expected})


# a value that does not follow its style is a 400 naming the parameter and its location
STYLE_ERRORS = [
    (
        ("path", "label", False, "primitive"),
        "blue",
        violation(
            "path",
            "/color",
            "path parameter 'color': label style value must start with '.', got 'blue'",
            "parse",
        ),
    ),
    (
        ("path", "matrix", False, "primitive"),
        ";colour=blue",
        violation(
            "path",
            "/color",
            "path parameter 'color': matrix style value must start with ';color=', got ';colour=blue'",
            "parse",
        ),
    ),
    (
        ("path", "matrix", True, "array"),
        ";color=blue;colour=black",
        violation(
            "path",
            "/color",
            "path parameter 'color': matrix style value must be ;color=… for each item",
            "parse",
        ),
    ),
    (
        ("path", "simple", False, "object"),
        "R,100,G",
        violation("path", "/color", "path parameter 'color': expected name,value pairs", "parse"),
    ),
    (
        ("path", "simple", True, "object"),
        "R=100,G",
        violation("path", "/color", "path parameter 'color': expected name=value, got 'G'", "parse"),
    ),
    (
        ("path", "label", True, "object"),
        ".R=100.G=red",
        violation("path", "/color", "path parameter 'color': 'red' is not an integer", "parse"),
    ),
    (
        ("query", "form", False, "object"),
        "color=R,100,G,2.5",
        violation("query", "/color", "query parameter 'color': '2.5' is not an integer", "parse"),
    ),
    (
        ("query", "deepObject", True, "object"),
        "color[R]=100&color[G]=x",
        violation("query", "/color", "query parameter 'color': 'x' is not an integer", "parse"),
    ),
    (
        ("query", "pipeDelimited", False, "object"),
        "color=R|100|G",
        violation("query", "/color", "query parameter 'color': expected name,value pairs", "parse"),
    ),
    (
        ("header", "simple", True, "object"),
        "R=100,G=two",
        violation("header", "/X-Color", "header parameter 'X-Color': 'two' is not an integer", "parse"),
    ),
    (
        ("cookie", "form", False, "object"),
        "color=R,1,G",
        violation("cookie", "/color", "cookie parameter 'color': expected name,value pairs", "parse"),
    ),
    # required and absent: each property of an exploded form object is its own key, and none is here
    (
        ("query", "form", True, "object"),
        "r=100&colour=1",
        violation("query", "/color", "query parameter 'color' is required", "required"),
    ),
    (
        ("query", "deepObject", True, "object"),
        "colour[R]=1&color%5B=2",
        violation("query", "/color", "query parameter 'color' is required", "required"),
    ),
    # an exploded form object is its properties as keys: `color=R,100` is the non-exploded
    # serialization (the parameter is absent here), not {"R": 100}
    (
        ("query", "form", True, "object"),
        "color=R,100",
        violation("query", "/color", "query parameter 'color' is required", "required"),
    ),
    (
        ("header", "simple", False, "array"),
        None,
        violation("header", "/X-Color", "header parameter 'X-Color' is required", "required"),
    ),
    (
        ("cookie", "form", False, "primitive"),
        "colour=blue",
        violation("cookie", "/color", "cookie parameter 'color' is required", "required"),
    ),
]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("op", "serialized", "error"),
    STYLE_ERRORS,
    ids=[f"{style_op(*op)}:{s}" for op, s, _ in STYLE_ERRORS],
)
def test_style_violations_are_400(
    styles: GeneratedApp, transport: str, op: tuple[str, str, bool, str], serialized: str | None, error: dict
) -> None:
    if serialized is None:
        result = send(styles, transport, "GET", style_url(*op))
    else:
        result = style_request(styles, transport, op, serialized)
    assert_problem_result(result, bad_request(error))
    assert styles.handlers("styles").CALLS == []


# ==== coercion, defaults, empty values, content parameters ==============================================

COERCE_SPEC = """
openapi: 3.1.0
info: {title: Coercion, version: "1.0"}
paths:
  /search:
    get:
      operationId: search
      tags: [coerce]
      parameters:
        - {name: ids, in: query, schema: {type: array, items: {type: integer}}}
        - {name: csv, in: query, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: flags, in: query, style: pipeDelimited, schema: {type: array, items: {type: boolean}}}
        - {name: ratios, in: query, style: spaceDelimited, schema: {type: array, items: {type: number}}}
        - name: mixed
          in: query
          explode: false
          schema: {type: array, items: {oneOf: [{type: integer}, {type: string, pattern: "^[a-z]+$"}]}}
        - name: limit
          in: query
          schema:
            anyOf:
              - {type: string, enum: [all]}
              - {type: integer, minimum: 1}
        - {name: maybe, in: query, schema: {type: [integer, "null"]}}
        - {name: page, in: query, schema: {type: integer, minimum: 1, default: 1}}
        - {name: sort, in: query, schema: {type: string, enum: [asc, desc], default: asc}}
        - {name: ref, in: query, style: deepObject, explode: true, schema: {$ref: "#/components/schemas/Rgb"}}
        - name: merged
          in: query
          style: deepObject
          explode: true
          schema:
            allOf:
              - {$ref: "#/components/schemas/Rgb"}
              - {type: object, properties: {A: {type: number}, lit: {type: boolean}}}
        - {name: refcsv, in: query, explode: false, schema: {$ref: "#/components/schemas/Rgb"}}
        - name: filter
          in: query
          content:
            application/json:
              schema:
                type: object
                properties: {a: {type: integer}}
                required: [a]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /implicit:
    get:
      operationId: implicit_explode
      tags: [coerce]
      parameters:
        # no `explode`: its default is false for every style but form, and "the combination of false
        # with deepObject is undefined" (OAS 3.0.4/3.1.1, Encoding/Parameter Object) -- tools read it
        # as exploded, the only deepObject serialization the style table defines
        - {name: where, in: query, style: deepObject, schema: {$ref: "#/components/schemas/Rgb"}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /content:
    get:
      operationId: content_params
      tags: [coerce]
      parameters:
        - name: note
          in: query
          content: {text/plain: {schema: {type: string, maxLength: 20}}}
        - name: X-Filter
          in: header
          content: {application/json: {schema: {type: object, properties: {a: {type: integer}}}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /loose:
    get:
      operationId: loose
      tags: [coerce]
      parameters:
        - {name: where, in: query, style: deepObject, explode: true, schema: {$ref: "#/components/schemas/Rgb"}}
        # a free-form exploded object: every query key that no other parameter claims
        - {name: extra, in: query, schema: {type: object, additionalProperties: {type: integer}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /empty:
    get:
      operationId: empty_values
      tags: [coerce]
      parameters:
        - {name: text, in: query, allowEmptyValue: true, schema: {type: string}}
        - {name: count, in: query, allowEmptyValue: true, schema: {type: integer, default: 7}}
        - {name: strict, in: query, schema: {type: string}}
        - {name: q, in: query, required: true, allowEmptyValue: true, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /headers:
    get:
      operationId: read_headers
      tags: [coerce]
      parameters:
        - {name: X-Count, in: header, required: true, schema: {type: integer}}
        - {name: X-Flag, in: header, schema: {type: boolean}}
        - {name: X-Ids, in: header, schema: {type: array, items: {type: integer}}}
        - {name: X-Rgb, in: header, schema: {$ref: "#/components/schemas/Rgb"}}
        - {name: X-Rgbx, in: header, explode: true, schema: {$ref: "#/components/schemas/Rgb"}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /cookies:
    get:
      operationId: read_cookies
      tags: [coerce]
      parameters:
        - {name: n, in: cookie, schema: {type: integer}}
        - {name: flag, in: cookie, schema: {type: boolean}}
        - {name: ids, in: cookie, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: theme, in: cookie, schema: {type: string, default: light}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /items/{id}/{tags}:
    post:
      operationId: everything
      tags: [coerce]
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
        - {name: tags, in: path, required: true, schema: {type: array, items: {type: integer}}}
        - {name: limit, in: query, schema: {type: integer, maximum: 10}}
        - {name: filter, in: query, content: {application/json: {schema: {type: object}}}}
        - {name: X-Trace, in: header, required: true, schema: {type: boolean}}
        - {name: n, in: cookie, schema: {type: integer}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties: {name: {type: string}, qty: {type: integer}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
components:
  schemas:
    Rgb:
      type: object
      properties:
        R: {type: integer}
        G: {type: integer}
        B: {type: integer}
"""

COERCE_OPS = (
    "search",
    "loose",
    "content_params",
    "empty_values",
    "read_headers",
    "read_cookies",
    "everything",
    "implicit_explode",
)


@pytest.fixture(scope="module")
def coerce_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    return generate_app(
        COERCE_SPEC, {"coerce": recording_handlers(*COERCE_OPS)}, tmp_path_factory.mktemp("coerce")
    )


@pytest.fixture
def coerce(coerce_app: GeneratedApp) -> GeneratedApp:
    coerce_app.handlers("coerce").CALLS.clear()
    return coerce_app


SEARCH_DEFAULTS: dict[str, Any] = {
    "ids": None,
    "csv": None,
    "flags": None,
    "ratios": None,
    "mixed": None,
    "limit": None,
    "maybe": None,
    "page": 1,
    "sort": "asc",
    "ref": None,
    "merged": None,
    "refcsv": None,
    "filter": None,
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("query", "changes"),
    [
        # defaults applied when absent, unknown parameters ignored
        ("", {}),
        ("unknown=1&page2=x&ids%5B0%5D=1", {}),
        ("page=3&sort=desc", {"page": 3, "sort": "desc"}),
        # exploded arrays: repeated keys, items coerced
        ("ids=1", {"ids": [1]}),
        ("ids=3&ids=-1&ids=3", {"ids": [3, -1, 3]}),
        ("ids=9007199254740993", {"ids": [9007199254740993]}),
        ("csv=1,2,3", {"csv": [1, 2, 3]}),
        ("flags=true|false|true", {"flags": [True, False, True]}),
        ("ratios=1%200.5%20-2e3", {"ratios": [1, 0.5, -2000.0]}),
        # oneOf item types: each item takes the first reading that fits
        ("mixed=1,abc,22", {"mixed": [1, "abc", 22]}),
        # OpenAPI 3.1 type arrays with "null"
        ("maybe=4", {"maybe": 4}),
        ("maybe=null", {"maybe": None}),
        # object properties coerced by their types through $ref and allOf
        ("ref[R]=100&ref[G]=200&ref[B]=150", {"ref": RGB}),
        ("merged[R]=1&merged[A]=0.5&merged[lit]=true", {"merged": {"R": 1, "A": 0.5, "lit": True}}),
        ("refcsv=R,100,G,200,B,150", {"refcsv": RGB}),
        # content-based parameter: the value is a JSON document, decoded once
        ("filter=%7B%22a%22%3A1%7D", {"filter": {"a": 1}}),
        (
            "filter=%7B%22a%22%3A%201%2C%20%22b%22%3A%20%5B%22x%26y%22%5D%7D",
            {"filter": {"a": 1, "b": ["x&y"]}},
        ),
    ],
)
def test_query_coercion_and_defaults(
    coerce: GeneratedApp, transport: str, query: str, changes: dict[str, Any]
) -> None:
    result = send(coerce, transport, "GET", f"/search?{query}")
    assert_received(coerce, "coerce", result, "search", {**SEARCH_DEFAULTS, **changes})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("query", "expected"), [("limit=all", "all"), ("limit=5", 5), ("limit=12", 12)])
def test_any_of_string_or_integer_takes_the_reading_that_validates(
    coerce: GeneratedApp, transport: str, query: str, expected: Any
) -> None:
    # `limit: anyOf [{type: string, enum: [all]}, {type: integer, minimum: 1}]`: `5` on the wire is only
    # valid as the integer 5 (the string "5" is not in the enum), so that is the value the handler gets.
    result = send(coerce, transport, "GET", f"/search?{query}")
    assert_received(coerce, "coerce", result, "search", {**SEARCH_DEFAULTS, "limit": expected})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_deep_object_without_explicit_explode_is_read(coerce: GeneratedApp, transport: str) -> None:
    # deepObject is only defined with explode=true; a spec that omits `explode` (default false) must not
    # have its deepObject parameter silently dropped (read it as exploded, or refuse the spec in codegen)
    result = send(coerce, transport, "GET", "/implicit?where[R]=100&where[G]=200&where[B]=150")
    assert_received(coerce, "coerce", result, "implicit_explode", {"where": RGB})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("n=1&m=2", {"where": None, "extra": {"n": 1, "m": 2}}),
        ("where[R]=1", {"where": {"R": 1}, "extra": None}),
        # `where[R]` is claimed by the deepObject parameter `where`: it is not a free-form key
        ("where[R]=1&n=2", {"where": {"R": 1}, "extra": {"n": 2}}),
    ],
)
def test_free_form_exploded_object_takes_only_unclaimed_keys(
    coerce: GeneratedApp, transport: str, query: str, expected: dict
) -> None:
    result = send(coerce, transport, "GET", f"/loose?{query}")
    assert_received(coerce, "coerce", result, "loose", expected)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_every_query_violation_is_reported_in_one_answer(coerce: GeneratedApp, transport: str) -> None:
    query = (
        "ids=1&ids=x&csv=1,,3&flags=true|yes&ratios=1%20nan&mixed=1,ABC&maybe=nil&page=0"
        "&sort=up&ref[R]=1.5&merged[lit]=1&refcsv=R,1,G&filter=%7Ba%7D"
    )
    result = send(coerce, transport, "GET", f"/search?{query}")
    assert_problem_result(
        result,
        bad_request(
            violation("query", "/csv", "query parameter 'csv': '' is not an integer", "parse"),
            violation(
                "query",
                "/filter",
                "query parameter 'filter': not valid JSON (Expecting property name enclosed in double "
                "quotes: line 1 column 2 (char 1))",
                "parse",
            ),
            violation(
                "query", "/flags", "query parameter 'flags': 'yes' is not a boolean (true or false)", "parse"
            ),
            violation("query", "/ids", "query parameter 'ids': 'x' is not an integer", "parse"),
            violation("query", "/maybe", "query parameter 'maybe': 'nil' is not null or an integer", "parse"),
            violation(
                "query",
                "/merged",
                "query parameter 'merged': '1' is not a boolean (true or false)",
                "parse",
            ),
            violation(
                "query",
                "/mixed/1",
                "'ABC' is not valid under any of the given schemas (oneOf); [0] /mixed/1: 'ABC' is not of type "
                "'integer'; [1] /mixed/1: 'ABC' does not match \"^[a-z]+$\"",
                "oneOf",
            ),
            violation("query", "/page", "0 is less than the minimum of 1", "minimum"),
            violation("query", "/ratios", "query parameter 'ratios': 'nan' is not a number", "parse"),
            violation("query", "/ref", "query parameter 'ref': '1.5' is not an integer", "parse"),
            violation("query", "/refcsv", "query parameter 'refcsv': expected name,value pairs", "parse"),
            violation("query", "/sort", '\'up\' is not one of ["asc", "desc"]', "enum"),
        ),
    )
    assert coerce.handlers("coerce").CALLS == []


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("%7B%22a%22%3A1", "not valid JSON (Expecting ',' delimiter: line 1 column 7 (char 6))"),
        ("a", "not valid JSON (Expecting value: line 1 column 1 (char 0))"),
        ("%7B%22a%22%3A1%7D%7D", "not valid JSON (Extra data: line 1 column 8 (char 7))"),
    ],
)
def test_malformed_content_parameter_is_400(
    coerce: GeneratedApp, transport: str, value: str, message: str
) -> None:
    result = send(coerce, transport, "GET", f"/search?filter={value}")
    assert_problem_result(
        result, bad_request(violation("query", "/filter", f"query parameter 'filter': {message}", "parse"))
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_json_content_parameter_in_a_header(coerce: GeneratedApp, transport: str) -> None:
    result = send(coerce, transport, "GET", "/content", headers={"X-Filter": '{"a": 1, "b": "%20"}'})
    assert_received(
        coerce, "coerce", result, "content_params", {"note": None, "x_filter": {"a": 1, "b": "%20"}}
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_text_plain_content_parameter_is_the_text(coerce: GeneratedApp, transport: str) -> None:
    # `content: {text/plain: ...}`: the value is plain text, not a JSON document
    result = send(coerce, transport, "GET", "/content?note=hello%20world")
    assert_received(coerce, "coerce", result, "content_params", {"note": "hello world", "x_filter": None})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_content_parameter_is_validated_by_its_schema(coerce: GeneratedApp, transport: str) -> None:
    result = send(coerce, transport, "GET", "/search?filter=%7B%22a%22%3A%22one%22%7D")
    assert_problem_result(
        result, bad_request(violation("query", "/filter/a", "'one' is not of type 'integer'", "type"))
    )


EMPTY_DEFAULTS: dict[str, Any] = {"text": None, "count": 7, "strict": None, "q": "x"}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("query", "changes"),
    [
        ("q=x", {}),
        # allowEmptyValue: true (OAS 3.0.4/3.1.1) -- an empty value means the parameter is unused, so it is
        # absent whatever its type (its default applies)
        ("q=x&text=", {}),
        ("q=x&text&count", {}),
        ("q=x&count=", {}),
        ("q=x&count=3", {"count": 3}),
        ("q=x&text=a", {"text": "a"}),
        # allowEmptyValue: false (the default) -- an empty value is the value "", and the schema decides
        ("q=x&strict=", {"strict": ""}),
        ("q=x&strict", {"strict": ""}),
    ],
)
def test_allow_empty_value(coerce: GeneratedApp, transport: str, query: str, changes: dict[str, Any]) -> None:
    result = send(coerce, transport, "GET", f"/empty?{query}")
    assert_received(coerce, "coerce", result, "empty_values", {**EMPTY_DEFAULTS, **changes})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("query", ["q=", "q", "q=&strict="])
def test_an_empty_value_allowed_to_be_empty_leaves_a_required_parameter_missing(
    coerce: GeneratedApp, transport: str, query: str
) -> None:
    # `q` is required with allowEmptyValue: true: `?q=` is q left out, which `required` refuses
    result = send(coerce, transport, "GET", f"/empty?{query}")
    assert_problem_result(
        result, bad_request(violation("query", "/q", "query parameter 'q' is required", "required"))
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_an_empty_value_is_checked_by_the_schema(coerce: GeneratedApp, transport: str) -> None:
    # allowEmptyValue is false (the default): `""` goes through coercion and the schema like any value --
    # no integer, not in the enum, an item that is no integer; a nullable integer reads it as null
    result = send(coerce, transport, "GET", "/search?page=&sort=&ids=&maybe=")
    assert_problem_result(
        result,
        bad_request(
            violation("query", "/ids", "query parameter 'ids': '' is not an integer", "parse"),
            violation("query", "/page", "query parameter 'page': '' is not an integer", "parse"),
            violation("query", "/sort", '\'\' is not one of ["asc", "desc"]', "enum"),
        ),
    )


HEADER_DEFAULTS: dict[str, Any] = {"x_count": 1, "x_flag": None, "x_ids": None, "x_rgb": None, "x_rgbx": None}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("headers", "changes"),
    [
        ({"X-Count": "1"}, {}),
        # header names are case-insensitive
        ({"x-count": "12", "x-FLAG": "true"}, {"x_count": 12, "x_flag": True}),
        ({"X-COUNT": "-3", "X-Flag": "false"}, {"x_count": -3, "x_flag": False}),
        ({"X-Count": "1", "X-Flag": "true"}, {"x_flag": True}),
        ({"X-Count": "1", "X-Ids": "3,1,2"}, {"x_ids": [3, 1, 2]}),
        ({"X-Count": "1", "X-Rgb": "R,100,G,200,B,150"}, {"x_rgb": RGB}),
        ({"X-Count": "1", "x-rgbx": "R=100,G=200,B=150"}, {"x_rgbx": RGB}),
        ({"X-Count": "9007199254740993"}, {"x_count": 9007199254740993}),
    ],
)
def test_header_parameters(
    coerce: GeneratedApp, transport: str, headers: dict[str, str], changes: dict[str, Any]
) -> None:
    result = send(coerce, transport, "GET", "/headers", headers=headers)
    assert_received(coerce, "coerce", result, "read_headers", {**HEADER_DEFAULTS, **changes})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_header_violations(coerce: GeneratedApp, transport: str) -> None:
    result = send(
        coerce,
        transport,
        "GET",
        "/headers",
        headers={"X-Flag": "TRUE", "X-Ids": "1,two", "X-Rgb": "R=1", "X-Rgbx": "R,1"},
    )
    assert_problem_result(
        result,
        bad_request(
            violation("header", "/X-Count", "header parameter 'X-Count' is required", "required"),
            violation(
                "header",
                "/X-Flag",
                "header parameter 'X-Flag': 'TRUE' is not a boolean (true or false)",
                "parse",
            ),
            violation("header", "/X-Ids", "header parameter 'X-Ids': 'two' is not an integer", "parse"),
            violation("header", "/X-Rgb", "header parameter 'X-Rgb': expected name,value pairs", "parse"),
            violation(
                "header", "/X-Rgbx", "header parameter 'X-Rgbx': expected name=value, got 'R'", "parse"
            ),
        ),
    )


COOKIE_DEFAULTS: dict[str, Any] = {"n": None, "flag": None, "ids": None, "theme": "light"}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("cookie", "changes"),
    [
        ("", {}),
        ("n=42", {"n": 42}),
        ("n=-7; flag=true", {"n": -7, "flag": True}),
        ("flag=false;ids=3,2,1;theme=dark", {"flag": False, "ids": [3, 2, 1], "theme": "dark"}),
        ("other=x; ids=5", {"ids": [5]}),
        ("theme=dark%20blue", {"theme": "dark blue"}),
    ],
)
def test_cookie_parameters(
    coerce: GeneratedApp, transport: str, cookie: str, changes: dict[str, Any]
) -> None:
    headers = {"Cookie": cookie} if cookie else {}
    result = send(coerce, transport, "GET", "/cookies", headers=headers)
    assert_received(coerce, "coerce", result, "read_cookies", {**COOKIE_DEFAULTS, **changes})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_empty_cookie_value_is_an_empty_string(coerce: GeneratedApp, transport: str) -> None:
    # `allowEmptyValue` exists only for query parameters (OpenAPI 3.0.3/3.1.1 §Parameter Object), so a spec
    # cannot allow an empty cookie: `theme=` is the (valid) empty string for a `type: string` cookie
    result = send(coerce, transport, "GET", "/cookies", headers={"Cookie": "theme="})
    assert_received(coerce, "coerce", result, "read_cookies", {**COOKIE_DEFAULTS, "theme": ""})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_cookie_violations(coerce: GeneratedApp, transport: str) -> None:
    result = send(coerce, transport, "GET", "/cookies", headers={"Cookie": "n=4.0; flag=1; ids=1,a"})
    assert_problem_result(
        result,
        bad_request(
            violation(
                "cookie", "/flag", "cookie parameter 'flag': '1' is not a boolean (true or false)", "parse"
            ),
            violation("cookie", "/ids", "cookie parameter 'ids': 'a' is not an integer", "parse"),
            violation("cookie", "/n", "cookie parameter 'n': '4.0' is not an integer", "parse"),
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_valid_request_in_every_location(coerce: GeneratedApp, transport: str) -> None:
    result = send(
        coerce,
        transport,
        "POST",
        "/items/5/1,2?limit=3&filter=%7B%7D",
        headers={"Content-Type": "application/json", "x-trace": "true", "Cookie": "n=8"},
        body=json.dumps({"name": "lamp", "qty": 2}),
    )
    assert_received(
        coerce,
        "coerce",
        result,
        "everything",
        {
            "id": 5,
            "tags": [1, 2],
            "limit": 3,
            "filter": {},
            "x_trace": True,
            "n": 8,
            "body": {"name": "lamp", "qty": 2},
        },
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_parameter_and_body_violations_are_one_answer(coerce: GeneratedApp, transport: str) -> None:
    result = send(
        coerce,
        transport,
        "POST",
        "/items/0/1,x?limit=11&filter=nope",
        headers={"Content-Type": "application/json", "X-Trace": "yes", "Cookie": "n=eight"},
        body=json.dumps({"qty": "2"}),
    )
    assert_problem_result(
        result,
        bad_request(
            violation("path", "/id", "0 is less than the minimum of 1", "minimum"),
            violation("path", "/tags", "path parameter 'tags': 'x' is not an integer", "parse"),
            violation(
                "query",
                "/filter",
                "query parameter 'filter': not valid JSON (Expecting value: line 1 column 1 (char 0))",
                "parse",
            ),
            violation("query", "/limit", "11 is greater than the maximum of 10", "maximum"),
            violation(
                "header",
                "/X-Trace",
                "header parameter 'X-Trace': 'yes' is not a boolean (true or false)",
                "parse",
            ),
            violation("cookie", "/n", "cookie parameter 'n': 'eight' is not an integer", "parse"),
            violation("body", "", "'name' is a required property", "required"),
            violation("body", "/qty", "'2' is not of type 'integer'", "type"),
        ),
    )
    assert coerce.handlers("coerce").CALLS == []


# ==== OpenAPI 3.0 spellings: nullable, draft-4 exclusiveMinimum ==========================================

V30_SPEC = """
openapi: 3.0.3
info: {title: Thirty, version: "1.0"}
paths:
  /v30/{id}:
    get:
      operationId: v30
      tags: [v30]
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, minimum: 0, exclusiveMinimum: true}}
        - {name: maybe, in: query, schema: {type: integer, nullable: true}}
        - name: rgb
          in: query
          style: deepObject
          explode: true
          schema:
            type: object
            properties: {R: {type: integer, nullable: true}, lit: {type: boolean}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /v30-empty:
    get:
      operationId: v30_empty
      tags: [v30]
      parameters:
        - {name: n, in: query, allowEmptyValue: true, schema: {type: integer, default: 5}}
        - {name: req, in: query, required: true, allowEmptyValue: true, schema: {type: string}}
        - {name: s, in: query, schema: {type: string}}
        - {name: e, in: query, schema: {type: string, enum: [a, b]}}
        - {name: b, in: query, schema: {type: boolean}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def v30_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    return generate_app(
        V30_SPEC, {"v30": recording_handlers("v30", "v30_empty")}, tmp_path_factory.mktemp("v30")
    )


@pytest.fixture
def v30(v30_app: GeneratedApp) -> GeneratedApp:
    v30_app.handlers("v30").CALLS.clear()
    return v30_app


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/v30/1", {"id": 1, "maybe": None, "rgb": None}),
        ("/v30/1?maybe=null", {"id": 1, "maybe": None, "rgb": None}),
        ("/v30/1?maybe=-2", {"id": 1, "maybe": -2, "rgb": None}),
        ("/v30/1?rgb[R]=null&rgb[lit]=false", {"id": 1, "maybe": None, "rgb": {"R": None, "lit": False}}),
    ],
)
def test_openapi_30_nullable(v30: GeneratedApp, transport: str, url: str, expected: dict) -> None:
    result = send(v30, transport, "GET", url)
    assert_received(v30, "v30", result, "v30", expected)


V30_EMPTY: dict[str, Any] = {"n": 5, "req": "x", "s": None, "e": None, "b": None}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("query", "changes"),
    [
        # allowEmptyValue: true in a 3.0 document too (OAS 3.0.4): an empty value is the parameter unused
        ("req=x&n=", {}),
        ("req=x&n=3", {"n": 3}),
        # and the default (false): "" is a value the schema checks -- a plain string accepts it
        ("req=x&s=", {"s": ""}),
    ],
)
def test_openapi_30_allow_empty_value(v30: GeneratedApp, transport: str, query: str, changes: dict) -> None:
    result = send(v30, transport, "GET", f"/v30-empty?{query}")
    assert_received(v30, "v30", result, "v30_empty", {**V30_EMPTY, **changes})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_openapi_30_empty_values_refused_by_their_schema(v30: GeneratedApp, transport: str) -> None:
    result = send(v30, transport, "GET", "/v30-empty?req=&e=&b=")
    assert_problem_result(
        result,
        bad_request(
            violation("query", "/b", "query parameter 'b': '' is not a boolean (true or false)", "parse"),
            violation("query", "/e", '\'\' is not one of ["a", "b"]', "enum"),
            violation("query", "/req", "query parameter 'req' is required", "required"),
        ),
    )
    assert v30.handlers("v30").CALLS == []


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_openapi_30_violations(v30: GeneratedApp, transport: str) -> None:
    result = send(v30, transport, "GET", "/v30/0?maybe=none&rgb[R]=x")
    assert_problem_result(
        result,
        bad_request(
            violation("path", "/id", "0 is less than or equal to the minimum of 0", "minimum"),
            violation(
                "query", "/maybe", "query parameter 'maybe': 'none' is not null or an integer", "parse"
            ),
            violation("query", "/rgb", "query parameter 'rgb': 'x' is not null or an integer", "parse"),
        ),
    )
