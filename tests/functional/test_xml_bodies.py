"""XML request bodies (runtime/xmlbody.py): an operation declaring an XML body refuses one that is not
well-formed XML (400 problem+json), and, when the body's schema describes data, maps the document to that
data by the OpenAPI XML Object rules (`xml.name`, `xml.attribute`, `xml.wrapped`, text coerced to the
schema's type) and validates it. The handler receives the body as it was sent (bytes, or text for
text/xml). Found by `make corpus` on swagger-petstore-v3 (negative XML data was accepted unchecked).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    TRANSPORTS,
    GeneratedApp,
    HttpResult,
    assert_problem_result,
    bad_request,
    generate_app,
    problem,
    recording_handlers,
    request,
    violation,
)

SPEC = """
openapi: {version}
info: {{title: Xml, version: "1.0"}}
paths:
  /pets:
    post:
      operationId: add_pet
      tags: [xml]
      requestBody:
        required: true
        content:
          application/xml:
            schema: {{$ref: "#/components/schemas/Pet"}}
          application/json:
            schema: {{$ref: "#/components/schemas/Pet"}}
      responses:
        "200": {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
  /list:
    post:
      operationId: post_list
      tags: [xml]
      requestBody:
        content:
          application/xml:
            schema:
              type: array
              xml: {{name: numbers}}
              items: {{type: integer, xml: {{name: n}}}}
      responses:
        "200": {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
  /text:
    post:
      operationId: post_text
      tags: [xml]
      requestBody:
        content:
          text/xml:
            schema: {{type: string, maxLength: 40}}
          application/soap+xml: {{}}
      responses:
        "200": {{description: ok, content: {{application/json: {{schema: {{type: object}}}}}}}}
components:
  schemas:
    Pet:
      type: object
      xml: {{name: pet}}
      additionalProperties: false
      required: [name, photoUrls]
      properties:
        id: {{type: integer, xml: {{attribute: true}}}}
        name: {{type: string, minLength: 1}}
        alive: {{type: boolean}}
        weight: {{type: number, nullable: true}}
        category: {{$ref: "#/components/schemas/Category"}}
        photoUrls:
          type: array
          xml: {{wrapped: true}}
          items: {{type: string, xml: {{name: photoUrl}}}}
        tags:
          type: array
          items: {{$ref: "#/components/schemas/Tag"}}
        status: {{type: string, enum: [available, sold]}}
    Category:
      type: object
      xml: {{name: kind}}
      properties:
        id: {{type: integer}}
        label: {{type: string, xml: {{name: title}}}}
    Tag:
      type: object
      xml: {{name: tag}}
      properties:
        name: {{type: string}}
"""

OPS = ("add_pet", "post_list", "post_text")
XML = {"Content-Type": "application/xml"}
PET = (
    '<pet id="7"><name>Rex</name><alive>true</alive><weight>12.5</weight>'
    "<kind><id>1</id><title>Dogs</title></kind>"
    "<photoUrls><photoUrl>a.png</photoUrl><photoUrl>b.png</photoUrl></photoUrls>"
    "<tag><name>good</name></tag><tag><name>old</name></tag><status>sold</status></pet>"
)


@pytest.fixture(scope="module", params=["3.0.3", "3.1.0"])
def xml_app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GeneratedApp:
    spec = SPEC.format(version=request.param)
    if request.param == "3.1.0":
        spec = spec.replace("{type: number, nullable: true}", '{type: [number, "null"]}')
    return generate_app(spec, {"xml": recording_handlers(*OPS)}, tmp_path_factory.mktemp("xml"))


@pytest.fixture
def app(xml_app: GeneratedApp) -> GeneratedApp:
    xml_app.handlers("xml").CALLS.clear()
    return xml_app


def send(gen: GeneratedApp, transport: str, url: str, body: str | bytes, content_type: str) -> HttpResult:
    headers = {"Content-Type": content_type}
    return request(gen.app, transport, "POST", url, headers=headers, body=body, project_dir=gen.root)


def calls(gen: GeneratedApp) -> list[tuple[str, dict[str, Any]]]:
    return gen.handlers("xml").CALLS


def refused(gen: GeneratedApp, result: HttpResult, *errors: dict[str, str]) -> None:
    assert_problem_result(result, bad_request(*errors))
    assert calls(gen) == []


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_valid_xml_body_reaches_the_handler_as_sent(app: GeneratedApp, transport: str) -> None:
    result = send(app, transport, "/pets", PET, "application/xml")
    assert result.status == 200, result.body
    assert calls(app) == [("add_pet", {"body": PET.encode()})]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "document",
    [
        # namespaces and prefixes: names match on their local part; an absent optional property is fine
        '<p:pet xmlns:p="urn:pets"><p:name>Rex</p:name><p:photoUrls/></p:pet>',
        # layout around numbers and booleans; xsi:nil for a nullable property; empty wrapped array
        '<pet xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id=" 7 ">\n  <name>Rex</name>\n'
        '  <alive> false </alive>\n  <weight xsi:nil="true"/>\n  <photoUrls></photoUrls>\n</pet>',
        '<?xml version="1.0" encoding="ISO-8859-1"?><pet><name>R\xe9x</name><photoUrls/></pet>',
    ],
)
def test_valid_xml_spellings(app: GeneratedApp, transport: str, document: str) -> None:
    raw = document.encode("latin-1" if "ISO-8859-1" in document else "utf-8")
    result = send(app, transport, "/pets", raw, "application/xml")
    assert result.status == 200, result.body


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("document", "errors"),
    [
        # not well-formed: two root elements (schemathesis's negative `<user>…</user><user></user>`)
        (
            "<pet><name>a</name></pet><pet></pet>",
            [
                violation(
                    "body", "", "malformed XML: junk after document element at line 1 column 26", "parse"
                )
            ],
        ),
        (
            "<pet><name>a</pet>",
            [violation("body", "", "malformed XML: mismatched tag at line 1 column 15", "parse")],
        ),
        ("", [violation("body", "", "malformed XML: no element found at line 1 column 1", "parse")]),
        (
            "{}",
            [
                violation(
                    "body", "", "malformed XML: not well-formed (invalid token) at line 1 column 1", "parse"
                )
            ],
        ),
        # no DTD at all: no entity expansion (billion laughs), no external entity
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            "<pet><name>&lol2;</name></pet>",
            [violation("body", "", "a document type declaration (DTD) is not accepted", "parse")],
        ),
        (
            '<!DOCTYPE pet [<!ENTITY x SYSTEM "file:///etc/passwd">]><pet><name>&x;</name></pet>',
            [violation("body", "", "a document type declaration (DTD) is not accepted", "parse")],
        ),
        (
            "<a>" * 65 + "</a>" * 65,
            [violation("body", "", "elements are nested deeper than 64 levels", "parse")],
        ),
        # mapped by the XML Object, then validated
        (
            "<dog><name>a</name><photoUrls/></dog>",
            [violation("body", "", "the root element is <dog>; expected <pet>", "xml")],
        ),
        (
            '<pet id="seven"><name></name><photoUrls/><status>lost</status><colour>red</colour></pet>',
            [
                violation("body", "/id", "<id>: 'seven' is not an integer", "parse"),
            ],
        ),
        (
            "<pet><name></name><photoUrls/><status>lost</status><colour>red</colour></pet>",
            [
                violation(
                    "body", "/colour", "additional property 'colour' is not allowed", "additionalProperties"
                ),
                violation("body", "/name", "'' is shorter than 1 character", "minLength"),
                violation("body", "/status", '\'lost\' is not one of ["available", "sold"]', "enum"),
            ],
        ),
        (
            "<pet><name>a</name></pet>",
            [violation("body", "", "'photoUrls' is a required property", "required")],
        ),
        (
            "<pet><name>a</name><name>b</name><photoUrls/></pet>",
            [violation("body", "/name", "<name> appears 2 times; it holds one value", "parse")],
        ),
        (
            "<pet><name>a</name><photoUrls/><kind>3</kind><alive>yes</alive></pet>",
            [violation("body", "/alive", "<alive>: 'yes' is not a boolean (true or false)", "parse")],
        ),
        (  # text where the schema wants an object (schemathesis's negative `<user>2.3e-132</user>`)
            "<pet>2.3e-132</pet>",
            [violation("body", "", "'2.3e-132' is not of type 'object'", "type")],
        ),
    ],
)
def test_xml_bodies_that_are_refused(
    app: GeneratedApp, transport: str, document: str, errors: list[dict[str, str]]
) -> None:
    refused(app, send(app, transport, "/pets", document, "application/xml"), *errors)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_the_charset_parameter_decides_the_encoding(app: GeneratedApp, transport: str) -> None:
    document = "<pet><name>R\xe9x</name><photoUrls/></pet>".encode("utf-16")
    assert send(app, transport, "/pets", document, "application/xml; charset=utf-16").status == 200
    app.handlers("xml").CALLS.clear()
    unknown = send(app, transport, "/pets", b"<pet/>", "application/xml; charset=klingon")
    assert_problem_result(unknown, problem(415, "Unsupported Media Type", "Unknown charset 'klingon'."))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_an_xml_array_body_is_the_root_elements_children(app: GeneratedApp, transport: str) -> None:
    ok = send(app, transport, "/list", "<numbers><n>1</n><n> 2 </n></numbers>", "application/xml")
    assert ok.status == 200, ok.body
    app.handlers("xml").CALLS.clear()
    bad = send(app, transport, "/list", "<numbers><n>1</n><n>two</n></numbers>", "application/xml")
    refused(app, bad, violation("body", "/1", "<n>: 'two' is not an integer", "parse"))


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_textual_xml_schema_checks_well_formedness_and_the_text(app: GeneratedApp, transport: str) -> None:
    ok = send(app, transport, "/text", "<note>hi</note>", "text/xml")
    assert ok.status == 200, ok.body
    assert calls(app) == [("post_text", {"body": "<note>hi</note>"})]
    app.handlers("xml").CALLS.clear()
    long = "<note>" + "x" * 40 + "</note>"
    refused(
        app,
        send(app, transport, "/text", long, "text/xml"),
        violation("body", "", f"{long!r} is longer than 40 characters", "maxLength"),
    )
    refused(
        app,
        send(app, transport, "/text", "<note>", "text/xml"),
        violation("body", "", "malformed XML: no element found at line 1 column 7", "parse"),
    )
    # a `+xml` type with no schema: well-formed is all that is checked
    assert (
        send(app, transport, "/text", "<e:Envelope xmlns:e='urn:e'/>", "application/soap+xml").status == 200
    )
    app.handlers("xml").CALLS.clear()
    refused(
        app,
        send(app, transport, "/text", "<e:Envelope>", "application/soap+xml"),
        violation("body", "", "malformed XML: unbound prefix at line 1 column 1", "parse"),
    )


def test_apps_without_xml_bodies_never_load_an_xml_parser(tmp_path: Path) -> None:
    """The reference app (no XML body) serves a form and a JSON request without importing the XML reader
    or expat (botocore, which tests may load, is kept out by the in-memory stage)."""
    root = Path(__file__).resolve().parents[2]
    probe = (
        "import json, sys\n"
        "from chalicelib.runtime import pipeline\n"
        "from chalicelib._generated.operations import create_item as op\n"
        "class R:\n"
        "    raw_body = b'a=1'\n"
        "    headers = {'content-type': 'application/x-www-form-urlencoded'}\n"
        "try:\n"
        "    pipeline.read_body(R(), op.OPERATION.body, op.OPERATION)\n"
        "except Exception:\n"
        "    pass\n"
        "R.raw_body, R.headers = b'{}', {'content-type': 'application/json'}\n"
        "pipeline.read_body(R(), op.OPERATION.body, op.OPERATION)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('xml', 'pyexpat')\n"
        "                        or m == 'chalicelib.runtime.xmlbody')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []
