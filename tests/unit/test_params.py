"""`chalicelib.runtime.params`: coercion by shape (JSON number grammar, ASCII digits, exact big integers),
every style x explode of `parse_delimited`, `read_param`, exploded query objects, cookies."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.runtime.operation import MISSING, Param
from chalicelib.runtime.params import (
    CoercionError,
    coerce_scalar,
    exploded_query_object,
    kind_of,
    parse_cookies,
    parse_delimited,
    read_param,
)
from tests.helpers import typed

INT = {"type": ["integer"]}
NUM = {"type": ["number"]}
BOOL = {"type": ["boolean"]}
STR = {"type": ["string"]}
RGB = {"type": ["object"], "properties": {"R": INT, "G": INT, "B": INT}}
COLORS = ["blue", "black", "brown"]


def param(
    shape: dict[str, Any],
    style: str,
    explode: bool,
    location: str = "path",
    name: str = "color",
    content_type: str | None = None,
) -> Param:
    return Param(
        name,
        location,
        name,
        True,
        None,
        shape=shape,
        style=style,
        explode=explode,
        content_type=content_type,
    )


# ==== coerce_scalar =====================================================================================


@pytest.mark.parametrize(
    ("raw", "shape", "expected"),
    [
        ("0", INT, 0),
        ("-0", INT, 0),
        ("42", INT, 42),
        ("-17", INT, -17),
        ("9007199254740993", INT, 9007199254740993),  # 2**53 + 1: no float round trip
        ("-9007199254740993", NUM, -9007199254740993),
        ("1" + "0" * 40, INT, 10**40),
        ("0.5", NUM, 0.5),
        ("-2e3", NUM, -2000.0),
        ("1E+2", NUM, 100.0),
        ("1.25e-2", NUM, 0.0125),
        ("3", NUM, 3),  # a number without fraction or exponent stays an int
        ("true", BOOL, True),
        ("false", BOOL, False),
        ("null", {"type": ["null"]}, None),
        ("", {"type": ["null"]}, None),
        ("anything at all", STR, "anything at all"),
        ("", STR, ""),
        ("5", {}, "5"),  # no type: left alone
        # several types: the most specific reading wins
        ("5", {"type": ["string", "integer"]}, 5),
        ("5.5", {"type": ["string", "integer"]}, "5.5"),
        ("true", {"type": ["string", "boolean"]}, True),
        ("null", {"type": ["integer", "null"]}, None),
        ("7", {"type": ["integer", "null"]}, 7),
        ("7", {"type": ["number", "integer"]}, 7),
        ("x", {"type": ["number", "string"]}, "x"),
        # alternatives (oneOf/anyOf): the first that coerces
        ("1", {"anyOf": [INT, BOOL]}, 1),
        ("true", {"anyOf": [INT, BOOL]}, True),
        ("x", {"anyOf": [INT, BOOL]}, "x"),  # none fits: the string, for the validator to judge
        ("2.5", {"anyOf": [INT, {"anyOf": [BOOL, NUM]}]}, 2.5),
    ],
)
def test_coerce_scalar(raw: str, shape: dict[str, Any], expected: Any) -> None:
    assert typed(coerce_scalar(raw, shape)) == typed(expected)


@pytest.mark.parametrize(
    ("raw", "shape", "message"),
    [
        # only ASCII digits: `int()` would accept these Unicode digits
        ("\u0663", INT, "'\u0663' is not an integer"),
        ("\uff15", INT, "'\uff15' is not an integer"),
        ("\u0663", NUM, "'\u0663' is not a number"),
        ("1\uff10", NUM, "'1\uff10' is not a number"),
        # the JSON number grammar, not Python's
        ("1_000", INT, "'1_000' is not an integer"),
        ("1_000", NUM, "'1_000' is not a number"),
        ("nan", NUM, "'nan' is not a number"),
        ("NaN", NUM, "'NaN' is not a number"),
        ("inf", NUM, "'inf' is not a number"),
        ("-Infinity", NUM, "'-Infinity' is not a number"),
        ("+1", INT, "'+1' is not an integer"),
        ("+1", NUM, "'+1' is not a number"),
        ("01", INT, "'01' is not an integer"),
        ("01", NUM, "'01' is not a number"),
        ("-01.5", NUM, "'-01.5' is not a number"),
        (".5", NUM, "'.5' is not a number"),
        ("5.", NUM, "'5.' is not a number"),
        ("1e", NUM, "'1e' is not a number"),
        ("0x10", INT, "'0x10' is not an integer"),
        (" 1", INT, "' 1' is not an integer"),
        ("1 ", INT, "'1 ' is not an integer"),
        ("1\n", INT, "'1\\n' is not an integer"),
        ("", INT, "'' is not an integer"),
        ("5.5", INT, "'5.5' is not an integer"),
        ("1e3", INT, "'1e3' is not an integer"),
        ("-", INT, "'-' is not an integer"),
        ("--1", INT, "'--1' is not an integer"),
        ("00", INT, "'00' is not an integer"),
        ("-01", INT, "'-01' is not an integer"),
        ("\u00b2", INT, "'\u00b2' is not an integer"),  # str.isdigit() says yes: superscript two
        ("-\u0663", INT, "'-\u0663' is not an integer"),
        # booleans are the JSON literals
        ("True", BOOL, "'True' is not a boolean (true or false)"),
        ("1", BOOL, "'1' is not a boolean (true or false)"),
        ("yes", BOOL, "'yes' is not a boolean (true or false)"),
        ("", BOOL, "'' is not a boolean (true or false)"),
        ("None", {"type": ["null"]}, "'None' is not null"),
        ("x", {"type": ["integer", "null"]}, "'x' is not null or an integer"),
        ("x", {"type": ["boolean", "number"]}, "'x' is not a boolean (true or false) or a number"),
    ],
)
def test_coerce_scalar_rejects(raw: str, shape: dict[str, Any], message: str) -> None:
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, shape)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("shape", "kind"),
    [
        ({"type": ["array"]}, "array"),
        ({"type": ["array", "null"]}, "array"),
        ({"type": ["object"]}, "object"),
        ({"type": ["null", "object"]}, "object"),
        ({"type": ["array", "object"]}, "primitive"),
        ({"type": ["string"]}, "primitive"),
        ({}, "primitive"),
        ({"anyOf": [{"type": ["array"]}]}, "primitive"),
    ],
)
def test_kind_of(shape: dict[str, Any], kind: str) -> None:
    assert kind_of(shape) == kind


# ==== parse_delimited: the OpenAPI 3.1.1 style table ====================================================

ARR = {"type": ["array"], "items": STR}


@pytest.mark.parametrize(
    ("style", "explode", "shape", "raw", "expected"),
    [
        ("simple", False, STR, "blue", "blue"),
        ("simple", True, STR, "blue", "blue"),
        ("simple", False, ARR, "blue,black,brown", COLORS),
        ("simple", True, ARR, "blue,black,brown", COLORS),
        ("simple", False, RGB, "R,100,G,200,B,150", {"R": 100, "G": 200, "B": 150}),
        ("simple", True, RGB, "R=100,G=200,B=150", {"R": 100, "G": 200, "B": 150}),
        ("label", False, STR, ".blue", "blue"),
        ("label", True, STR, ".blue", "blue"),
        ("label", False, STR, ".", ""),
        ("label", False, ARR, ".blue,black,brown", COLORS),
        ("label", True, ARR, ".blue.black.brown", COLORS),
        ("label", False, RGB, ".R,100,G,200,B,150", {"R": 100, "G": 200, "B": 150}),
        ("label", True, RGB, ".R=100.G=200.B=150", {"R": 100, "G": 200, "B": 150}),
        ("matrix", False, STR, ";color=blue", "blue"),
        ("matrix", True, STR, ";color=blue", "blue"),
        ("matrix", False, STR, ";color", ""),
        ("matrix", True, STR, ";color", ""),
        ("matrix", False, ARR, ";color=blue,black,brown", COLORS),
        ("matrix", True, ARR, ";color=blue;color=black;color=brown", COLORS),
        ("matrix", False, RGB, ";color=R,100,G,200,B,150", {"R": 100, "G": 200, "B": 150}),
        ("matrix", True, RGB, ";R=100;G=200;B=150", {"R": 100, "G": 200, "B": 150}),
        ("form", False, STR, "blue", "blue"),
        ("form", False, ARR, "blue,black,brown", COLORS),
        ("form", False, RGB, "R,100,G,200,B,150", {"R": 100, "G": 200, "B": 150}),
        ("spaceDelimited", False, ARR, "blue black brown", COLORS),
        ("spaceDelimited", False, RGB, "R 100 G 200 B 150", {"R": 100, "G": 200, "B": 150}),
        ("pipeDelimited", False, ARR, "blue|black|brown", COLORS),
        ("pipeDelimited", False, RGB, "R|100|G|200|B|150", {"R": 100, "G": 200, "B": 150}),
        # empty arrays and objects
        ("simple", False, ARR, "", []),
        ("label", True, ARR, ".", []),
        ("simple", True, RGB, "", {}),
        # items and properties coerced by their shapes; unknown properties by `additional`
        (
            "simple",
            False,
            {"type": ["array"], "items": INT},
            "3,-1,9007199254740993",
            [3, -1, 9007199254740993],
        ),
        ("simple", True, {"type": ["object"], "additional": BOOL}, "a=true,b=false", {"a": True, "b": False}),
        ("simple", False, {"type": ["object"], "properties": {"n": INT}}, "n,1,m,2", {"n": 1, "m": "2"}),
    ],
)
def test_parse_delimited_table(
    style: str, explode: bool, shape: dict[str, Any], raw: str, expected: Any
) -> None:
    assert typed(parse_delimited(raw, param(shape, style, explode), decode=True)) == typed(expected)
    assert typed(parse_delimited(raw, param(shape, style, explode), decode=False)) == typed(expected)


@pytest.mark.parametrize(
    ("style", "explode", "shape", "raw", "decoded", "not_decoded"),
    [
        # split on the raw delimiters first, then decode each piece exactly once
        ("simple", False, ARR, "a%2Cb,c", ["a,b", "c"], ["a%2Cb", "c"]),
        ("simple", False, STR, "a%252C", "a%2C", "a%252C"),
        ("label", True, ARR, ".a%2Eb.c", ["a.b", "c"], ["a%2Eb", "c"]),
        ("matrix", True, ARR, ";color=a%3Bb;color=c", ["a;b", "c"], ["a%3Bb", "c"]),
        ("simple", True, {"type": ["object"]}, "a%3Db=c%2Cd", {"a=b": "c,d"}, {"a%3Db": "c%2Cd"}),
        ("simple", False, {"type": ["object"]}, "k%2C,v%2C", {"k,": "v,"}, {"k%2C": "v%2C"}),
        ("simple", False, STR, "caf%C3%A9", "caf\u00e9", "caf%C3%A9"),
    ],
)
def test_parse_delimited_decodes_after_splitting(
    style: str, explode: bool, shape: dict[str, Any], raw: str, decoded: Any, not_decoded: Any
) -> None:
    assert parse_delimited(raw, param(shape, style, explode), decode=True) == decoded
    assert parse_delimited(raw, param(shape, style, explode), decode=False) == not_decoded


@pytest.mark.parametrize(
    ("style", "explode", "shape", "raw", "message"),
    [
        ("label", False, STR, "blue", "label style value must start with '.', got 'blue'"),
        ("label", False, STR, "%2Eblue", "label style value must start with '.', got '.blue'"),
        (
            "matrix",
            False,
            STR,
            "color=blue",
            "matrix style value must start with ';color=', got 'color=blue'",
        ),
        ("matrix", False, ARR, ";colors=a", "matrix style value must start with ';color=', got ';colors=a'"),
        ("matrix", True, ARR, ";color=a;colour=b", "matrix style value must be ;color=… for each item"),
        ("matrix", True, ARR, "color=a", "matrix style value must be ;color=… for each item"),
        ("matrix", True, RGB, "R=1", "matrix style value must start with ';', got 'R=1'"),
        ("simple", False, RGB, "R,1,G", "expected name,value pairs"),
        ("simple", True, RGB, "R=1,G", "expected name=value, got 'G'"),
        ("label", True, RGB, ".R=1.G%3D2", "expected name=value, got 'G=2'"),
        ("simple", False, {"type": ["array"], "items": INT}, "1,,2", "'' is not an integer"),
        ("simple", True, RGB, "R=1,G=x", "'x' is not an integer"),
    ],
)
def test_parse_delimited_rejects(
    style: str, explode: bool, shape: dict[str, Any], raw: str, message: str
) -> None:
    with pytest.raises(CoercionError) as info:
        parse_delimited(raw, param(shape, style, explode), decode=True)
    assert str(info.value) == message


# ==== read_param =======================================================================================


@pytest.mark.parametrize(
    ("p", "values", "decode", "expected"),
    [
        # exploded query/cookie arrays: one item per occurrence, commas are data
        (param(ARR, "form", True, "query"), ["a,b", "c"], False, ["a,b", "c"]),
        (param({"type": ["array"], "items": INT}, "form", True, "query"), ["1", "2"], False, [1, 2]),
        (param(ARR, "spaceDelimited", True, "query"), ["a b", "c"], False, ["a b", "c"]),
        (param(ARR, "pipeDelimited", True, "query"), ["a|b"], False, ["a|b"]),
        (param(ARR, "form", True, "cookie"), ["a%2C", "b"], True, ["a,", "b"]),
        # non-exploded: the last occurrence, split on the style's delimiter
        (param(ARR, "form", False, "query"), ["x", "a,b"], False, ["a", "b"]),
        (param(INT, "form", True, "query"), ["1", "2"], False, 2),
        (param(ARR, "simple", False, "header"), ["a,b"], False, ["a", "b"]),
        (param(ARR, "simple", True, "header"), ["a,b"], False, ["a", "b"]),
        # content-based parameters: one JSON document, decoded once where the location is encoded
        (param({}, "form", True, "query", content_type="application/json"), ['{"a":[1]}'], False, {"a": [1]}),
        (param({}, "simple", False, "path", content_type="application/json"), ["%5B1%2C2%5D"], True, [1, 2]),
        (param({}, "form", True, "query", content_type="application/json"), ["1", '"x"'], False, "x"),
    ],
)
def test_read_param(p: Param, values: list[str], decode: bool, expected: Any) -> None:
    assert typed(read_param(p, values, decode)) == typed(expected)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{", "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
        ("", "not valid JSON (Expecting value: line 1 column 1 (char 0))"),
        ("[1,]", "not valid JSON (Expecting value: line 1 column 4 (char 3))"),
    ],
)
def test_read_param_content_rejects_malformed_json(raw: str, message: str) -> None:
    with pytest.raises(CoercionError) as info:
        read_param(param({}, "form", True, "query", content_type="application/json"), [raw], False)
    assert str(info.value) == message


def test_read_param_content_text_plain_is_the_text() -> None:
    # `content: {text/plain: ...}` describes the value as plain text, not as a JSON document
    p = param({}, "form", True, "query", content_type="text/plain")
    assert read_param(p, ["hello world"], False) == "hello world"


# ==== exploded_query_object ============================================================================


@pytest.mark.parametrize(
    ("p", "query", "others", "expected"),
    [
        (
            param(RGB, "deepObject", True, "query"),
            {"color[R]": ["1"], "color[G]": ["2"], "x": ["3"]},
            set(),
            {"R": 1, "G": 2},
        ),
        (param(RGB, "deepObject", True, "query"), {"color[R]": ["1", "5"]}, set(), {"R": 5}),
        (param(RGB, "deepObject", True, "query"), {"colour[R]": ["1"], "color": ["R,1"]}, set(), MISSING),
        (
            param(RGB, "form", True, "query"),
            {"R": ["100"], "B": ["150"], "x": ["1"]},
            set(),
            {"R": 100, "B": 150},
        ),
        (param(RGB, "form", True, "query"), {"x": ["1"]}, set(), MISSING),
        # free-form: every key no other parameter claims
        (
            param({"type": ["object"], "additional": INT}, "form", True, "query"),
            {"a": ["1"], "limit": ["2"], "b": ["3"]},
            {"limit"},
            {"a": 1, "b": 3},
        ),
        (
            param({"type": ["object"], "additional": INT}, "form", True, "query"),
            {"limit": ["2"]},
            {"limit"},
            MISSING,
        ),
    ],
)
def test_exploded_query_object(
    p: Param, query: dict[str, list[str]], others: set[str], expected: Any
) -> None:
    result = exploded_query_object(p, query, others)
    if expected is MISSING:
        assert result is MISSING
    else:
        assert typed(result) == typed(expected)


def test_exploded_query_object_rejects_uncoercible_properties() -> None:
    with pytest.raises(CoercionError) as info:
        exploded_query_object(param(RGB, "deepObject", True, "query"), {"color[G]": ["green"]}, set())
    assert str(info.value) == "'green' is not an integer"


# ==== parse_cookies ====================================================================================


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, {}),
        ("", {}),
        ("a=1", {"a": ["1"]}),
        ("a=1; b=2;a=3", {"a": ["1", "3"], "b": ["2"]}),
        ("  token=x=y==  ;  empty=", {"token": ["x=y=="], "empty": [""]}),
        ("flag; =nameless; c=%20", {"c": ["%20"]}),  # values stay encoded: decoding is read_param's job
    ],
)
def test_parse_cookies(header: str | None, expected: dict[str, list[str]]) -> None:
    assert parse_cookies(header) == expected
