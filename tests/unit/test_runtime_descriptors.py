"""The runtime's plain descriptor classes behave like the dataclasses they replaced, and what they
precompute matches what the pipeline used to work out per request."""

from __future__ import annotations

from http import HTTPStatus

from chalicelib.runtime.bodies import UploadedFile
from chalicelib.runtime.operation import Body, Media, Operation, Param, ResponseSpec
from chalicelib.runtime.params import kind_of
from chalicelib.runtime.problem import _PHRASES, ProblemError, Violation
from chalicelib.runtime.responses import ApiResponse


def test_status_phrases_are_the_stdlib_ones() -> None:
    for status, phrase in _PHRASES.items():
        assert HTTPStatus(status).phrase == phrase
    assert ProblemError(418).title == HTTPStatus(418).phrase
    assert ProblemError(599).title == "Error"
    assert ProblemError(404, title="Gone away").title == "Gone away"


def test_problem_json() -> None:
    exc = ProblemError.bad_request(
        "bad",
        [Violation("body", "/b", "m2", "type"), Violation("query", "/a", "m1", "required")],
    )
    assert [v.location for v in exc.errors] == ["query", "body"]
    assert exc.to_json() == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": "bad",
        "errors": [
            {"location": "query", "pointer": "/a", "message": "m1", "keyword": "required"},
            {"location": "body", "pointer": "/b", "message": "m2", "keyword": "type"},
        ],
    }
    response = ProblemError(412, "stale", headers={"ETag": '"1"'}).to_response()
    assert response.headers == {"ETag": '"1"', "Content-Type": "application/problem+json"}
    assert str(ProblemError(409, "taken")) == "taken"


def test_value_semantics() -> None:
    assert Violation("body", "", "m", "k") == Violation("body", "", "m", "k")
    assert Violation("body", "", "m", "k") != Violation("body", "", "m", "x")
    assert len({Violation("body", "", "m", "k"), Violation("body", "", "m", "k")}) == 1
    assert "pointer=''" in repr(Violation("body", "", "m", "k"))
    assert ApiResponse(201, {"a": 1}) == ApiResponse(201, {"a": 1}, headers={})
    assert ApiResponse(201) != ApiResponse(200)
    assert UploadedFile("a", "b", b"c") == UploadedFile("a", "b", b"c")
    assert len(UploadedFile("a", "b", b"abc")) == 3
    assert "secret" not in repr(UploadedFile("a", "b", b"secret"))


def test_precomputed_fields() -> None:
    for shape in (
        {"type": ["array"]},
        {"type": ["object", "null"]},
        {"type": ["string"]},
        {},
        {"type": ["integer", "string"]},
    ):
        assert Param("x", "query", "x", False, None, shape=shape).kind == kind_of(shape)
    assert Param("a/b~", "query", "a", False, None).pointer == "/a~1b~0"
    body = Body(
        True,
        "body",
        {"application/json": Media(None), "text/plain": Media(None), "application/*": Media(None)},
    )
    assert body.json_media == frozenset({"application/json"})
    assert ResponseSpec({"application/json": None}).only_json == "application/json"
    assert ResponseSpec({"application/problem+json": None}).only_json == "application/problem+json"
    assert ResponseSpec({"application/json": None, "text/csv": None}).only_json is None
    assert ResponseSpec({"*/*": None}).only_json is None
    op = Operation(
        "x",
        "GET",
        "/x",
        (),
        (Param("c", "cookie", "c", False, None),),
        None,
        {
            "200": ResponseSpec({"application/json": None}),
            "default": ResponseSpec({"application/problem+json": None}),
        },
        200,
    )
    assert op.uses_cookies
    assert op.success_media == ("application/json",)
    assert op.response_for(200) is op.responses["200"]
    assert op.response_for(404) is op.responses["default"]
