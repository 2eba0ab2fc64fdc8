"""`chalicelib.runtime.media`: media type parts, range matching, Accept parsing and negotiation order."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chalicelib.runtime import media as M
from chalicelib.runtime.media import acceptable, base, is_json, matches, param, parse_accept, quality


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("application/json", "application/json"),
        ("Application/JSON; charset=utf-8", "application/json"),
        ("  text/plain ;format=flowed", "text/plain"),
        ("multipart/form-data; boundary=x;y", "multipart/form-data"),
        ("", ""),
    ],
)
def test_base(media: str, expected: str) -> None:
    assert base(media) == expected


@pytest.mark.parametrize(
    ("media", "name", "expected"),
    [
        ("text/plain; charset=UTF-8", "charset", "UTF-8"),
        ("text/plain;Charset=latin-1", "charset", "latin-1"),
        ('multipart/form-data; boundary="a=b"', "boundary", "a=b"),
        ('multipart/form-data; boundary="----abc"', "boundary", "----abc"),
        ("text/plain; format=flowed; charset = utf-8 ", "charset", "utf-8"),
        ("text/plain", "charset", None),
        ("text/plain; charset", "charset", None),
        ("text/plain; q=0.5", "charset", None),
    ],
)
def test_param(media: str, name: str, expected: str | None) -> None:
    assert param(media, name) == expected


@pytest.mark.parametrize(
    ("pattern", "actual", "expected"),
    [
        ("application/json", "application/json", True),
        ("application/json", "APPLICATION/JSON; charset=utf-8", True),
        ("application/json; charset=utf-8", "application/json", True),
        ("image/*", "image/png", True),
        ("image/*", "Image/JPEG", True),
        ("*/*", "application/octet-stream", True),
        ("*/*", "x/y", True),
        ("image/*", "imagery/png", False),
        ("image/*", "application/png", False),
        ("image/png", "image/*", False),  # a concrete pattern never matches a range
        ("application/json", "application/problem+json", False),
        ("application/json", "application/jsonp", False),
        ("text/plain", "text/html", False),
    ],
)
def test_matches(pattern: str, actual: str, expected: bool) -> None:
    assert matches(pattern, actual) is expected


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("Application/Problem+JSON", True),
        ("application/merge-patch+json", True),
        ("application/vnd.api+json; ext=x", True),
        ("application/jsonp", False),
        ("application/json-seq", False),
        ("text/json", False),
        ("application/x-www-form-urlencoded", False),
    ],
)
def test_is_json(media: str, expected: bool) -> None:
    assert is_json(media) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, [("*/*", 1.0)]),
        ("", [("*/*", 1.0)]),
        ("   ", [("*/*", 1.0)]),
        ("application/json", [("application/json", 1.0)]),
        ("Text/HTML, application/json;q=0.5", [("text/html", 1.0), ("application/json", 0.5)]),
        ("text/plain; q=0.2; level=1", [("text/plain", 0.2)]),
        ("text/plain;level=1;Q=0.3", [("text/plain", 0.3)]),
        ("text/plain; q=0", [("text/plain", 0.0)]),
        ("text/plain; q=1.000", [("text/plain", 1.0)]),
        (",,image/png ,, ", [("image/png", 1.0)]),
        ('text/plain; q="0.4"', [("text/plain", 0.4)]),
        # a malformed weight counts as "not acceptable"
        ("text/plain; q=abc, text/html", [("text/plain", 0.0), ("text/html", 1.0)]),
        ("text/plain; q=", [("text/plain", 0.0)]),
    ],
)
def test_parse_accept(header: str | None, expected: list[tuple[str, float]]) -> None:
    assert list(parse_accept(header)) == expected  # a tuple: cached per header value, so immutable


@pytest.mark.parametrize("weight", ["nan", "inf", "2", "1.5", "-1"])
def test_parse_accept_weight_outside_the_rfc_grammar_is_malformed(weight: str) -> None:
    # RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). Python's float()
    # accepts far more; a weight outside the grammar is malformed, and malformed weights count as 0
    # (see `q=abc` above) -- otherwise `q=inf` or `q=2` outranks every q=1 and `q=nan` is unordered.
    assert list(parse_accept(f"text/csv; q={weight}")) == [("text/csv", 0.0)]


@pytest.mark.parametrize(
    ("accept", "media", "expected"),
    [
        ([("*/*", 1.0)], "application/json", 1.0),
        ([("text/*", 0.5), ("text/plain", 0.1)], "text/plain", 0.1),  # the most specific range decides
        ([("text/plain", 0.1), ("text/*", 0.5)], "text/plain", 0.1),  # whatever the order
        ([("text/*", 0.5), ("text/plain", 0.1)], "text/html", 0.5),
        ([("*/*", 0.2), ("image/*", 0.8)], "image/png", 0.8),
        ([("image/*", 0.8), ("*/*", 0.2)], "application/pdf", 0.2),
        ([("image/png", 0.7)], "image/*", 0.7),  # a declared range meets a concrete accepted type
        ([("image/png", 0.7), ("image/*", 0.3)], "image/*", 0.7),
        ([("text/html", 1.0)], "application/json", 0.0),
        ([("application/json", 0.0), ("*/*", 1.0)], "application/json", 0.0),
        ([], "application/json", 0.0),
    ],
)
def test_quality(accept: list[tuple[str, float]], media: str, expected: float) -> None:
    assert quality(accept, media) == expected


@pytest.mark.parametrize(
    ("header", "declared", "expected"),
    [
        (None, ["application/json", "text/plain"], ["application/json", "text/plain"]),
        ("*/*", ["text/plain", "application/json"], ["text/plain", "application/json"]),
        (
            "text/plain;q=0.5, application/json",
            ["text/plain", "application/json"],
            ["application/json", "text/plain"],
        ),
        ("application/json;q=0", ["application/json", "text/plain"], []),
        ("application/json;q=0, */*", ["application/json", "text/plain"], ["text/plain"]),
        (
            "text/*;q=0.5, */*;q=0.1",
            ["application/json", "text/csv", "text/plain"],
            ["text/csv", "text/plain", "application/json"],
        ),
        ("image/webp", ["image/*", "application/json"], ["image/*"]),
        ("text/csv", ["application/json"], []),
        ("application/json", [], []),
        (
            "application/json",
            ["application/json", "application/json"],
            ["application/json", "application/json"],
        ),
    ],
)
def test_acceptable_orders_best_first_ties_in_spec_order(
    header: str | None, declared: list[str], expected: list[str]
) -> None:
    assert acceptable(parse_accept(header), declared) == expected


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1.5}',
        "[1e400]",
        '{"a": NaN}',
        "\ufeff{}",
        '{"a": "NaN", "b": -Infinity}',
        "",
        '{"a":',
        "-1e400",
        "[1, 2.0]",
    ],
)
def test_loads_fast_path_answers_like_the_explained_parse(text: str) -> None:
    """`loads` parses with one shared decoder and redoes the parse only to place a refused token: the
    value or the error (type and message) is the same as the slow, explaining parse's."""

    def outcome(parse: Any) -> tuple[str, object]:
        try:
            return "ok", parse(text)
        except json.JSONDecodeError as exc:
            return type(exc).__name__, str(exc)

    assert outcome(M.loads) == outcome(M._loads_explained)
