"""Request bodies exactly as OpenAPI 3.0/3.1 define them (issue 4): JSON and `+json` types, form-urlencoded
and multipart/form-data bodies coerced by their schema and honouring `encoding`, text and binary bodies,
media ranges, required/optional bodies, 413 / 415 and malformed bodies.

Every request goes through chalice's test client and a raw API Gateway REST proxy event (where bytes
bodies arrive base64-encoded with `isBase64Encoded: true`); the handler records exactly what it received.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import pytest

from chalicelib.runtime.bodies import MAX_BODY, UploadedFile
from tests.helpers import (
    TRANSPORTS,
    GeneratedApp,
    HttpResult,
    assert_problem_result,
    bad_request,
    generate_app,
    header,
    invoke,
    problem,
    recording_handlers,
    request,
    rest_event,
    typed,
    violation,
)

RGB = {"R": 100, "G": 200, "B": 150}
# bytes that are not UTF-8 (a PNG signature, a lone continuation byte, NUL, CR LF)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x80"

SPEC = """
openapi: 3.1.0
info: {title: Bodies, version: "1.0"}
paths:
  /json:
    post:
      operationId: post_json
      tags: [bodies]
      parameters:
        - {name: dry, in: query, schema: {type: boolean}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Line"}
          application/merge-patch+json:
            schema:
              type: object
              properties: {name: {type: [string, "null"]}, qty: {type: integer}}
              additionalProperties: false
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /form:
    post:
      operationId: post_form
      tags: [bodies]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              additionalProperties: false
              required: [name]
              properties:
                name: {type: string, minLength: 1}
                qty: {type: integer, minimum: 1}
                ratio: {type: number}
                active: {type: boolean}
                tags: {type: array, items: {type: string}}
                ids: {type: array, items: {type: integer}}
                pipes: {type: array, items: {type: integer}}
                color: {$ref: "#/components/schemas/Rgb"}
                meta:
                  type: object
                  required: [a]
                  properties: {a: {type: integer}}
            encoding:
              ids: {style: form, explode: false}
              pipes: {style: pipeDelimited}
              color: {style: deepObject, explode: true}
              meta: {contentType: application/json}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /form-loose:
    post:
      operationId: post_form_loose
      tags: [bodies]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                address:
                  # no `encoding` entry: complex types are stringified (application/json)
                  type: object
                  properties: {}
                color: {$ref: "#/components/schemas/Rgb"}
                extras: {type: object, additionalProperties: {type: integer}}
            encoding:
              color: {style: deepObject, explode: true}
              extras: {style: form, explode: true}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /form-union:
    post:
      operationId: post_form_union
      tags: [bodies]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              # a union body (ory-kratos updateRegistrationFlowBody): its fields are typed by the variants
              oneOf:
                - type: object
                  required: [method, traits]
                  properties:
                    method: {const: password}
                    traits: {type: object}
                    tries: {type: integer}
                    extra: {type: object}
                - type: object
                  required: [method]
                  properties:
                    method: {const: code}
                    tries: {type: integer}
                    extra: {type: string}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /upload:
    post:
      operationId: upload
      tags: [bodies]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [count]
              properties:
                count: {type: integer, minimum: 0}
                ratio: {type: number}
                note: {type: string}
                tags: {type: array, items: {type: string}}
                meta:
                  type: object
                  properties: {a: {type: integer}}
                file: {type: string, contentMediaType: application/octet-stream, maxLength: 8}
                photos:
                  type: array
                  items: {type: string, contentMediaType: image/png}
                avatar: {type: string, contentMediaType: image/png}
            encoding:
              avatar: {contentType: "image/png, image/jpeg"}
              meta: {contentType: application/json}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /loose-upload:
    post:
      operationId: loose_upload
      tags: [bodies]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                meta:
                  type: object
                  properties: {a: {type: integer}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /blob:
    put:
      operationId: put_blob
      tags: [bodies]
      requestBody:
        required: true
        content:
          application/octet-stream: {}
          image/png:
            schema: {type: string, contentMediaType: image/png, maxLength: 32}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /image:
    put:
      operationId: put_image
      tags: [bodies]
      requestBody:
        required: true
        content:
          image/*: {}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /note:
    post:
      operationId: post_note
      tags: [bodies]
      requestBody:
        required: true
        content:
          text/plain:
            schema: {type: string, maxLength: 10}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /optional:
    post:
      operationId: post_optional
      tags: [bodies]
      requestBody:
        content:
          application/json:
            schema: {type: object}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /optional-form:
    post:
      operationId: post_optional_form
      tags: [bodies]
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, required: [grant_type], properties: {grant_type: {type: string}}}
          multipart/form-data:
            schema: {type: object, required: [grant_type], properties: {grant_type: {type: string}}}
          text/plain:
            schema: {type: string, minLength: 1}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
components:
  schemas:
    Line:
      type: object
      additionalProperties: false
      required: [name, qty]
      properties:
        name: {type: string, minLength: 1}
        qty: {type: integer, minimum: 1}
    Rgb:
      type: object
      properties:
        R: {type: integer}
        G: {type: integer}
        B: {type: integer}
"""

OPS = (
    "post_json",
    "post_form",
    "post_form_loose",
    "post_form_union",
    "upload",
    "loose_upload",
    "put_blob",
    "put_image",
    "post_note",
    "post_optional",
    "post_optional_form",
)


@pytest.fixture(scope="module")
def bodies_app(tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    return generate_app(SPEC, {"bodies": recording_handlers(*OPS)}, tmp_path_factory.mktemp("bodies"))


@pytest.fixture
def app(bodies_app: GeneratedApp) -> GeneratedApp:
    bodies_app.handlers("bodies").CALLS.clear()
    return bodies_app


def send(gen: GeneratedApp, transport: str, method: str, url: str, **kwargs: Any) -> HttpResult:
    return request(gen.app, transport, method, url, project_dir=gen.root, **kwargs)


def calls(gen: GeneratedApp) -> list[tuple[str, dict[str, Any]]]:
    return gen.handlers("bodies").CALLS


def assert_received(gen: GeneratedApp, result: HttpResult, op: str, expected: dict[str, Any]) -> None:
    assert (result.status, result.content_type) == (200, "application/json"), result.body
    assert result.json() == {"ok": op}
    assert calls(gen) == [(op, expected)]
    assert typed(calls(gen)[0][1]) == typed(expected)


def assert_rejected(gen: GeneratedApp, result: HttpResult, expected: dict[str, Any]) -> None:
    assert_problem_result(result, expected)
    assert calls(gen) == []


# ==== JSON =============================================================================================

LINE = {"name": "lamp", "qty": 2}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("content_type", "payload"),
    [
        ("application/json", LINE),
        ("application/json; charset=utf-8", LINE),
        ("application/json;charset=UTF-8", {"name": "caf\u00e9 \u2603 \U0001f600", "qty": 1}),
        ("APPLICATION/JSON", LINE),
        ("application/merge-patch+json", {"name": None}),
        ("application/merge-patch+json; charset=utf-8", {"qty": 3}),
    ],
)
def test_json_bodies(app: GeneratedApp, transport: str, content_type: str, payload: dict) -> None:
    result = send(
        app,
        transport,
        "POST",
        "/json?dry=false",
        headers={"Content-Type": content_type},
        body=json.dumps(payload, ensure_ascii=False),
    )
    assert_received(app, result, "post_json", {"dry": False, "body": payload})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_json_body_with_big_integer_keeps_precision(app: GeneratedApp, transport: str) -> None:
    body = '{"name": "x", "qty": 9007199254740993}'
    result = send(app, transport, "POST", "/json", headers={"Content-Type": "application/json"}, body=body)
    assert_received(app, result, "post_json", {"dry": None, "body": {"name": "x", "qty": 9007199254740993}})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_merge_patch_body_is_validated_by_its_own_schema(app: GeneratedApp, transport: str) -> None:
    result = send(
        app,
        transport,
        "POST",
        "/json",
        headers={"Content-Type": "application/merge-patch+json"},
        body='{"qty": "3", "colour": 1}',
    )
    assert_rejected(
        app,
        result,
        bad_request(
            violation(
                "body", "/colour", "additional property 'colour' is not allowed", "additionalProperties"
            ),
            violation("body", "/qty", "'3' is not of type 'integer'", "type"),
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"name": "lamp",\n "qty": }', "malformed JSON at line 2 column 9: Expecting value"),
        ("[1, 2", "malformed JSON at line 1 column 6: Expecting ',' delimiter"),
        ('{"name": "a"} x', "malformed JSON at line 1 column 15: Extra data"),
        ("\ufeff{}", "malformed JSON at line 1 column 1: Unexpected UTF-8 BOM (decode using utf-8-sig)"),
    ],
)
def test_malformed_json_names_line_and_column(
    app: GeneratedApp, transport: str, body: str, message: str
) -> None:
    result = send(app, transport, "POST", "/json", headers={"Content-Type": "application/json"}, body=body)
    assert_rejected(app, result, bad_request(violation("body", "", message, "parse")))


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"name": "\xff", "qty": 1}', "the body is not valid UTF-8 (byte 10)"),
        (b'{"name": "caf\xe9", "qty": 1}', "the body is not valid UTF-8 (byte 13)"),
        (b'{"name": "\xed\xa0\x80", "qty": 1}', "the body is not valid UTF-8 (byte 10)"),  # a surrogate
    ],
)
def test_invalid_utf8_json_is_400(app: GeneratedApp, transport: str, body: bytes, message: str) -> None:
    result = send(app, transport, "POST", "/json", headers={"Content-Type": "application/json"}, body=body)
    assert_rejected(app, result, bad_request(violation("body", "", message, "parse")))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_json_in_a_declared_charset(app: GeneratedApp, transport: str) -> None:
    body = '{"name": "caf\u00e9", "qty": 1}'.encode("latin-1")
    result = send(
        app,
        transport,
        "POST",
        "/json",
        headers={"Content-Type": "application/json; charset=iso-8859-1"},
        body=body,
    )
    assert_received(app, result, "post_json", {"dry": None, "body": {"name": "caf\u00e9", "qty": 1}})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_parameter_errors_and_malformed_body_are_one_answer(app: GeneratedApp, transport: str) -> None:
    result = send(
        app, transport, "POST", "/json?dry=no", headers={"Content-Type": "application/json"}, body="{,}"
    )
    assert_rejected(
        app,
        result,
        bad_request(
            violation(
                "query", "/dry", "query parameter 'dry': 'no' is not a boolean (true or false)", "parse"
            ),
            violation(
                "body",
                "",
                "malformed JSON at line 1 column 2: Expecting property name enclosed in double quotes",
                "parse",
            ),
        ),
    )


# ==== application/x-www-form-urlencoded ================================================================

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("name=lamp", {"name": "lamp"}),
        ("name=desk+lamp%20%26+co%3D", {"name": "desk lamp & co="}),
        (
            "name=lamp&qty=2&ratio=-0.5e1&active=true",
            {"name": "lamp", "qty": 2, "ratio": -5.0, "active": True},
        ),
        # array field, default encoding (form, explode): one key per item
        ("name=x&tags=a&tags=b%2Cc&tags=a", {"name": "x", "tags": ["a", "b,c", "a"]}),
        # array field with `encoding: {style: form, explode: false}`: items coerced to integers
        ("name=x&ids=3,1,2", {"name": "x", "ids": [3, 1, 2]}),
        ("name=x&ids=3%2C1", {"name": "x", "ids": [3, 1]}),
        # array field with `encoding: {style: pipeDelimited}`
        ("name=x&pipes=4|5|6", {"name": "x", "pipes": [4, 5, 6]}),
        # object field with `encoding: {style: deepObject}`: properties coerced through the $ref
        ("name=x&color[R]=100&color%5BG%5D=200&color[B]=150", {"name": "x", "color": RGB}),
        # field with `encoding: {contentType: application/json}`
        (f"name=x&meta={quote(json.dumps({'a': 1}))}", {"name": "x", "meta": {"a": 1}}),
        (
            "active=false&meta=%7B%22a%22%3A-3%7D&name=y&qty=1",
            {"active": False, "meta": {"a": -3}, "name": "y", "qty": 1},
        ),
    ],
)
def test_form_fields_are_coerced_by_schema_and_encoding(
    app: GeneratedApp, transport: str, form: str, expected: dict
) -> None:
    result = send(app, transport, "POST", "/form", headers=FORM, body=form)
    assert_received(app, result, "post_form", {"body": expected})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_form_object_field_without_encoding_is_json(app: GeneratedApp, transport: str) -> None:
    # OpenAPI 3.0.4 §4.7.15.2.1 / 3.1.1 "Example: URL Encoded Form with JSON Values": without an `encoding`
    # entry an object property takes the Encoding Object's default contentType, application/json, so
    # this body (the spec's own example) carries the address as one JSON field. (The example's `name`
    # field is left out: on /form-loose the free-form exploded `extras` object would claim it.)
    form = (
        "address=%7B%22streetAddress%22:%22123+Example+Dr.%22,%22city%22:%22Somewhere%22,"
        "%22state%22:%22CA%22,%22zip%22:%2299999%2B1234%22%7D"
    )
    result = send(app, transport, "POST", "/form-loose", headers=FORM, body=form)
    address = {"streetAddress": "123 Example Dr.", "city": "Somewhere", "state": "CA", "zip": "99999+1234"}
    assert_received(app, result, "post_form_loose", {"body": {"address": address}})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("form", "expected"),
    [
        # every variant declaring `traits`/`tries` types it alike: JSON text for the object, an integer
        ("method=password&traits=%7B%22email%22%3A%22a%40b.c%22%7D&tries=2",
         {"method": "password", "traits": {"email": "a@b.c"}, "tries": 2}),
        # `extra` is an object in one variant and a string in the other: JSON text when it is JSON...
        ("method=password&traits=%7B%7D&extra=%7B%22k%22%3A1%7D",
         {"method": "password", "traits": {}, "extra": {"k": 1}}),
        # ...and the text as sent when it is not
        ("method=code&extra=hello", {"method": "code", "extra": "hello"}),
    ],
)  # fmt: skip
def test_union_form_fields_are_read_by_their_variants(
    app: GeneratedApp, transport: str, form: str, expected: dict[str, Any]
) -> None:
    result = send(app, transport, "POST", "/form-union", headers=FORM, body=form)
    assert_received(app, result, "post_form_union", {"body": expected})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_union_form_object_field_that_is_not_json_is_refused(app: GeneratedApp, transport: str) -> None:
    result = send(app, transport, "POST", "/form-union", headers=FORM, body="method=password&traits=abc")
    message = "field 'traits': not valid JSON (Expecting value: line 1 column 1 (char 0))"
    assert_rejected(app, result, bad_request(violation("body", "/traits", message, "parse")))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_form_free_form_exploded_object_takes_only_unclaimed_fields(
    app: GeneratedApp, transport: str
) -> None:
    # `extras` (form, explode, additionalProperties) collects the fields no other property claims;
    # `color[R]` belongs to the deepObject field `color`, so it is not one of them
    result = send(app, transport, "POST", "/form-loose", headers=FORM, body="color[R]=1&n=2&m=3")
    assert_received(app, result, "post_form_loose", {"body": {"color": {"R": 1}, "extras": {"n": 2, "m": 3}}})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_form_with_charset_parameter(app: GeneratedApp, transport: str) -> None:
    result = send(
        app,
        transport,
        "POST",
        "/form",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        body="name=caf%C3%A9&qty=3",
    )
    assert_received(app, result, "post_form", {"body": {"name": "caf\u00e9", "qty": 3}})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_form_violations_are_all_reported(app: GeneratedApp, transport: str) -> None:
    form = "qty=0&ratio=x&active=yes&ids=1,y&pipes=1|z&color[R]=red&meta=%7B&zzz=1"
    result = send(app, transport, "POST", "/form", headers=FORM, body=form)
    assert_rejected(
        app,
        result,
        bad_request(
            violation("body", "/active", "field 'active': 'yes' is not a boolean (true or false)", "parse"),
            violation("body", "/color", "field 'color': 'red' is not an integer", "parse"),
            violation("body", "/ids", "field 'ids': 'y' is not an integer", "parse"),
            violation(
                "body",
                "/meta",
                "field 'meta': not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
                "parse",
            ),
            violation("body", "/pipes", "field 'pipes': 'z' is not an integer", "parse"),
            violation("body", "/ratio", "field 'ratio': 'x' is not a number", "parse"),
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_form_schema_violations(app: GeneratedApp, transport: str) -> None:
    form = "qty=0&meta=%7B%7D&zzz=1"
    result = send(app, transport, "POST", "/form", headers=FORM, body=form)
    assert_rejected(
        app,
        result,
        bad_request(
            violation("body", "/zzz", "additional property 'zzz' is not allowed", "additionalProperties"),
            violation("body", "", "'name' is a required property", "required"),
            violation("body", "/meta", "'a' is a required property", "required"),
            violation("body", "/qty", "0 is less than the minimum of 1", "minimum"),
        ),
    )


# ==== multipart/form-data ==============================================================================

BOUNDARY = "----pytest-boundary-7MA4YWxkTrZu0gW"


def multipart(*parts: tuple[str, str | bytes, str | None, str | None]) -> tuple[dict[str, str], bytes]:
    """Headers and body of a multipart/form-data request; parts are (name, data, filename, content type)."""
    out = b""
    for name, data, filename, content_type in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type:
            out += f"Content-Type: {content_type}\r\n".encode()
        out += b"\r\n" + (data.encode("utf-8") if isinstance(data, str) else data) + b"\r\n"
    out += f"--{BOUNDARY}--\r\n".encode()
    return {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}, out


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_fields_json_part_and_files(app: GeneratedApp, transport: str) -> None:
    headers, body = multipart(
        ("count", "3", None, None),
        ("ratio", "2.5", None, "text/plain; charset=utf-8"),
        ("note", "h\u00e9llo, world", None, None),
        ("tags", "a", None, None),
        ("tags", "b", None, None),
        ("meta", '{"a": 7}', None, "application/json"),
        ("file", b"\x00\xff\xfe", "raw.bin", "application/octet-stream"),
        ("photos", PNG, "one.png", "image/png"),
        ("photos", PNG[::-1], "two.png", "image/png"),
        ("avatar", b"\xff\xd8\xff", "me.jpg", "image/jpeg"),
    )
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_received(
        app,
        result,
        "upload",
        {
            "body": {
                "count": 3,
                "ratio": 2.5,
                "note": "h\u00e9llo, world",
                "tags": ["a", "b"],
                "meta": {"a": 7},
                "file": UploadedFile("raw.bin", "application/octet-stream", b"\x00\xff\xfe"),
                "photos": [
                    UploadedFile("one.png", "image/png", PNG),
                    UploadedFile("two.png", "image/png", PNG[::-1]),
                ],
                "avatar": UploadedFile("me.jpg", "image/jpeg", b"\xff\xd8\xff"),
            }
        },
    )
    received = calls(app)[0][1]["body"]
    assert received["file"].data == b"\x00\xff\xfe"
    assert len(received["photos"][0]) == len(PNG)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_file_without_content_type_is_octet_stream(app: GeneratedApp, transport: str) -> None:
    headers, body = multipart(("count", "0", None, None), ("file", b"abc", "a.txt", None))
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_received(
        app,
        result,
        "upload",
        {"body": {"count": 0, "file": UploadedFile("a.txt", "application/octet-stream", b"abc")}},
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_single_file_in_array_field_is_a_list(app: GeneratedApp, transport: str) -> None:
    headers, body = multipart(("count", "1", None, None), ("photos", PNG, "p.png", "image/png"))
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_received(
        app, result, "upload", {"body": {"count": 1, "photos": [UploadedFile("p.png", "image/png", PNG)]}}
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_violations(app: GeneratedApp, transport: str) -> None:
    headers, body = multipart(
        ("count", "many", None, None),
        ("ratio", "1e", None, None),
        ("meta", '{"a": 1}', None, "text/plain"),  # encoding says application/json
        ("avatar", b"GIF89a", "me.gif", "image/gif"),  # encoding says image/png or image/jpeg
        ("file", b"123456789", "nine.bin", "application/octet-stream"),  # maxLength 8 (bytes)
    )
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_rejected(
        app,
        result,
        bad_request(
            violation(
                "body",
                "/avatar",
                "part 'avatar' has type image/gif; expected image/png, image/jpeg",
                "contentType",
            ),
            violation("body", "/count", "field 'count': 'many' is not an integer", "parse"),
            violation(
                "body", "/meta", "part 'meta' has type text/plain; expected application/json", "contentType"
            ),
            violation("body", "/ratio", "field 'ratio': '1e' is not a number", "parse"),
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_schema_violations_and_max_length_counts_bytes(app: GeneratedApp, transport: str) -> None:
    # 9 bytes, but only 5 characters if they were read as UTF-8: maxLength of a binary property counts bytes
    nine = "\u00e9\u00e9\u00e9\u00e9x".encode()
    headers, body = multipart(
        ("count", "-1", None, None),
        ("file", nine, "nine.bin", "application/octet-stream"),
        ("meta", '{"a": "x"}', None, "application/json"),
    )
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_rejected(
        app,
        result,
        bad_request(
            violation("body", "/count", "-1 is less than the minimum of 0", "minimum"),
            violation(
                "body", "/file", f"{nine.decode('latin-1')!r} is longer than 8 characters", "maxLength"
            ),
            violation("body", "/meta/a", "'x' is not of type 'integer'", "type"),
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_eight_byte_file_is_within_max_length(app: GeneratedApp, transport: str) -> None:
    eight = "\u00e9\u00e9\u00e9\u00e9".encode()
    headers, body = multipart(
        ("count", "1", None, None), ("file", eight, "e.bin", "application/octet-stream")
    )
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_received(
        app,
        result,
        "upload",
        {"body": {"count": 1, "file": UploadedFile("e.bin", "application/octet-stream", eight)}},
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_missing_required_field(app: GeneratedApp, transport: str) -> None:
    headers, body = multipart(("note", "n", None, None))
    result = send(app, transport, "POST", "/upload", headers=headers, body=body)
    assert_rejected(
        app, result, bad_request(violation("body", "", "'count' is a required property", "required"))
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        (
            "multipart/form-data",
            b"--x\r\n\r\n--x--\r\n",
            "multipart body without a boundary parameter in Content-Type",
        ),
        (
            f"multipart/form-data; boundary={BOUNDARY}",
            f"--{BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--{BOUNDARY}--\r\n".encode(),
            "a multipart part lacks Content-Disposition: form-data with a name",
        ),
    ],
)
def test_malformed_multipart_is_400(
    app: GeneratedApp, transport: str, content_type: str, body: bytes, message: str
) -> None:
    result = send(app, transport, "POST", "/upload", headers={"Content-Type": content_type}, body=body)
    assert_rejected(app, result, bad_request(violation("body", "", message, "parse")))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_multipart_object_part_without_content_type_is_json(app: GeneratedApp, transport: str) -> None:
    # OpenAPI 3.1.1 §4.8.15 (Encoding Object): the default contentType of an object property is
    # application/json. A browser or `curl -F 'meta={"a":1}'` sends such a part without a Content-Type
    # header; its value must not vanish.
    headers, body = multipart(("meta", '{"a": 1}', None, None))
    result = send(app, transport, "POST", "/loose-upload", headers=headers, body=body)
    assert_received(app, result, "loose_upload", {"body": {"meta": {"a": 1}}})


# ==== binary, media ranges and text ====================================================================


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("application/octet-stream", bytes(range(256))),
        ("image/png", PNG),
        ("application/octet-stream", b"\xff"),
    ],
)
def test_binary_bodies_arrive_as_bytes(
    app: GeneratedApp, transport: str, content_type: str, data: bytes
) -> None:
    result = send(app, transport, "PUT", "/blob", headers={"content-type": content_type}, body=data)
    assert_received(app, result, "put_blob", {"body": data})


@pytest.mark.parametrize("content_type", ["application/octet-stream", "image/png"])
def test_base64_encoded_rest_event_body_is_decoded_to_the_exact_bytes(
    app: GeneratedApp, content_type: str
) -> None:
    event = rest_event(
        "PUT", "/blob", resource="/blob", headers={"Content-Type": content_type}, body=PNG, base64_body=True
    )
    assert event["isBase64Encoded"] is True
    result = invoke(app.app, event)
    assert result["statusCode"] == 200, result["body"]
    assert header(result, "Content-Type") == "application/json"
    assert json.loads(result["body"]) == {"ok": "put_blob"}
    assert calls(app) == [("put_blob", {"body": PNG})]
    assert type(calls(app)[0][1]["body"]) is bytes


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_binary_body_is_validated_in_bytes(app: GeneratedApp, transport: str) -> None:
    data = b"\xff" * 33  # maxLength 32
    result = send(app, transport, "PUT", "/blob", headers={"content-type": "image/png"}, body=data)
    assert_rejected(
        app,
        result,
        bad_request(
            violation("body", "", f"{data.decode('latin-1')!r} is longer than 32 characters", "maxLength")
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("content_type", ["image/jpeg", "image/png", "image/svg+xml", "IMAGE/WebP"])
def test_media_range_accepts_matching_types(app: GeneratedApp, transport: str, content_type: str) -> None:
    data = b"\xff\xd8\xff\xe0\x00\x10JFIF"
    result = send(app, transport, "PUT", "/image", headers={"content-type": content_type}, body=data)
    assert_received(app, result, "put_image", {"body": data})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "method", "content_type", "accepted"),
    [
        ("/image", "PUT", "application/pdf", "image/*"),
        ("/image", "PUT", "imagery/png", "image/*"),
        ("/blob", "PUT", "image/jpeg", "application/octet-stream, image/png"),
        ("/json", "POST", "text/json", "application/json, application/merge-patch+json"),
        (
            "/json",
            "POST",
            "application/x-www-form-urlencoded",
            "application/json, application/merge-patch+json",
        ),
        ("/form", "POST", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"),
        ("/upload", "POST", "application/json", "multipart/form-data"),
        ("/note", "POST", "text/html", "text/plain"),
    ],
)
def test_unsupported_content_type_is_415_listing_accepted_types(
    app: GeneratedApp, transport: str, url: str, method: str, content_type: str, accepted: str
) -> None:
    result = send(app, transport, method, url, headers={"Content-Type": content_type}, body=b"x")
    assert_rejected(
        app,
        result,
        problem(
            415,
            "Unsupported Media Type",
            f"Content-Type {content_type!r} is not accepted here; send one of: {accepted}.",
        ),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("text/plain", "h\u00e9llo\r\n", "h\u00e9llo\r\n"),
        ("text/plain; charset=utf-8", "\u2603", "\u2603"),
        ("text/plain; charset=iso-8859-1", b"caf\xe9", "caf\u00e9"),
        ("Text/Plain", "{}", "{}"),
    ],
)
def test_text_body_is_a_str(
    app: GeneratedApp, transport: str, content_type: str, body: str | bytes, expected: str
) -> None:
    result = send(app, transport, "POST", "/note", headers={"Content-Type": content_type}, body=body)
    assert_received(app, result, "post_note", {"body": expected})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_text_body_violations(app: GeneratedApp, transport: str) -> None:
    result = send(app, transport, "POST", "/note", headers={"Content-Type": "text/plain"}, body="x" * 11)
    assert_rejected(
        app,
        result,
        bad_request(violation("body", "", "'xxxxxxxxxxx' is longer than 10 characters", "maxLength")),
    )
    result = send(app, transport, "POST", "/note", headers={"Content-Type": "text/plain"}, body=b"\xff")
    assert_rejected(
        app, result, bad_request(violation("body", "", "the body is not valid UTF-8 (byte 0)", "parse"))
    )
    result = send(
        app, transport, "POST", "/note", headers={"Content-Type": "text/plain; charset=klingon"}, body="x"
    )
    assert_rejected(app, result, problem(415, "Unsupported Media Type", "Unknown charset 'klingon'."))


# ==== required / optional / size ========================================================================


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(("method", "url"), [("POST", "/json"), ("POST", "/form"), ("POST", "/upload"),
                                             ("PUT", "/blob"), ("POST", "/note")])  # fmt: skip
def test_required_body_missing(app: GeneratedApp, transport: str, method: str, url: str) -> None:
    # no Content-Type and no content: no body
    result = send(app, transport, method, url)
    assert_rejected(app, result, bad_request(violation("body", "", "a request body is required", "required")))


EMPTY_JSON = "the body is empty, which is not JSON (send no Content-Type for no body)"


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "content_type", "error"),
    [
        ("/json", "application/json", violation("body", "", EMPTY_JSON, "parse")),
        ("/json", "application/merge-patch+json; charset=utf-8", violation("body", "", EMPTY_JSON, "parse")),
        # an empty form is the empty object: its required properties are missing
        ("/form", FORM["Content-Type"], violation("body", "", "'name' is a required property", "required")),
        (
            "/upload",
            f"multipart/form-data; boundary={BOUNDARY}",
            violation("body", "", "'count' is a required property", "required"),
        ),
    ],
)
def test_a_content_type_with_no_content_is_an_empty_body(
    app: GeneratedApp, transport: str, url: str, content_type: str, error: dict[str, str]
) -> None:
    """A Content-Type says a body is there (API Gateway passes `body: null` for zero bytes too, so the
    header is what tells an empty body from none): zero bytes are a body of that type."""
    result = send(app, transport, "POST", url, headers={"Content-Type": content_type})
    assert_rejected(app, result, bad_request(error))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_empty_text_and_binary_bodies_are_values(app: GeneratedApp, transport: str) -> None:
    result = send(app, transport, "POST", "/note", headers={"Content-Type": "text/plain"})
    assert_received(app, result, "post_note", {"body": ""})
    app.handlers("bodies").CALLS.clear()
    result = send(app, transport, "PUT", "/blob", headers={"Content-Type": "application/octet-stream"})
    assert_received(app, result, "put_blob", {"body": b""})


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_optional_body_absent_is_none(app: GeneratedApp, transport: str) -> None:
    result = send(app, transport, "POST", "/optional")
    assert_received(app, result, "post_optional", {"body": None})
    app.handlers("bodies").CALLS.clear()
    result = send(app, transport, "POST", "/optional-form")
    assert_received(app, result, "post_optional_form", {"body": None})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("url", "content_type", "error"),
    [
        ("/optional", "application/json", violation("body", "", EMPTY_JSON, "parse")),
        # box-platform POST /oauth2/revoke, found by make corpus: an empty optional form is still a form
        (
            "/optional-form",
            "application/x-www-form-urlencoded",
            violation("body", "", "'grant_type' is a required property", "required"),
        ),
        (
            "/optional-form",
            f"multipart/form-data; boundary={BOUNDARY}",
            violation("body", "", "'grant_type' is a required property", "required"),
        ),
        (
            "/optional-form",
            "text/plain",
            violation("body", "", "'' is shorter than 1 character", "minLength"),
        ),
        (
            "/optional-form",
            "application/json",
            problem(
                415,
                "Unsupported Media Type",
                "Content-Type 'application/json' is not accepted here; send one of: "
                "application/x-www-form-urlencoded, multipart/form-data, text/plain.",
            ),
        ),
    ],
)
def test_an_optional_body_with_a_content_type_and_no_content_is_checked(
    app: GeneratedApp, transport: str, url: str, content_type: str, error: dict[str, Any]
) -> None:
    result = send(app, transport, "POST", url, headers={"Content-Type": content_type})
    expected = error if "status" in error else bad_request(error)
    assert_rejected(app, result, expected)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_optional_body_present(app: GeneratedApp, transport: str) -> None:
    result = send(
        app, transport, "POST", "/optional", headers={"Content-Type": "application/json"}, body="{}"
    )
    assert_received(app, result, "post_optional", {"body": {}})


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("method", "url", "content_type"),
    [("PUT", "/blob", "application/octet-stream"), ("POST", "/json", "application/json")],
)
def test_body_over_6_mb_is_413(
    app: GeneratedApp, transport: str, method: str, url: str, content_type: str
) -> None:
    size = 6 * 1024 * 1024 + 1
    assert size == MAX_BODY + 1
    result = send(app, transport, method, url, headers={"Content-Type": content_type}, body=b"0" * size)
    assert_rejected(
        app,
        result,
        problem(413, HTTPStatus(413).phrase, f"The body is {size} bytes; the limit is {MAX_BODY}."),
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_body_of_exactly_6_mb_is_accepted(app: GeneratedApp, transport: str) -> None:
    data = b"\xff" * MAX_BODY
    result = send(
        app, transport, "PUT", "/blob", headers={"Content-Type": "application/octet-stream"}, body=data
    )
    assert (result.status, result.content_type) == (200, "application/json"), result.body[:300]
    assert calls(app) == [("put_blob", {"body": data})]
