"""chalicelib.runtime.params: raw parameter strings -> the JSON values their schemas describe.

Hypothesis is not a dev dependency, so the property checks below run over explicit, exhaustive-ish tables.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from chalicelib.runtime.operation import MISSING, Param
from chalicelib.runtime.params import (
    CoercionError,
    coerce,
    coerce_scalar,
    object_from_query,
    parse_cookies,
    read_params,
)


def param(name: str = "p", location: str = "query", **kw: Any) -> Param:
    defaults: dict[str, Any] = {
        "kwarg": name.lower().replace("-", "_"),
        "required": False,
        "schema": {},
        "style": {"query": "form", "cookie": "form"}.get(location, "simple"),
        "explode": location in ("query", "cookie"),
    }
    return Param(name=name, location=location, **{**defaults, **kw})


# ---- scalars -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0", 0),
        ("5", 5),
        ("-3", -3),
        ("+3", 3),
        ("007", 7),
        ("-0", 0),
        ("123456789012345678901234567890", 123456789012345678901234567890),
    ],
)
def test_integer(raw: str, expected: int) -> None:
    value = coerce_scalar(raw, "integer")
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    "raw", ["", "5.0", "5.5", "1e3", "abc", "0x10", "1_000", "--1", "5a", "true", "null", "٣", "১২", "５"]
)
def test_not_an_integer(raw: str) -> None:
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, "integer")
    assert str(info.value) == f"{raw!r} is not an integer"


@pytest.mark.parametrize(
    ("raw", "expected", "kind"),
    [
        ("0", 0, int),
        ("2", 2, int),
        ("-7", -7, int),
        ("1.5", 1.5, float),
        ("-0.25", -0.25, float),
        ("1e3", 1000.0, float),
        ("2.5E-3", 0.0025, float),
        ("10.0", 10.0, float),
    ],
)
def test_number(raw: str, expected: float, kind: type) -> None:
    value = coerce_scalar(raw, "number")
    assert value == expected
    assert type(value) is kind


@pytest.mark.parametrize("raw", ["", "abc", "1.2.3", "1,5", "0x1p3", "1_000", "1_0.5", "٣", "１.５"])
def test_not_a_number(raw: str) -> None:
    # only the JSON number grammar is a number (no Python-only spellings such as `1_000` or non-ASCII digits)
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, "number")
    assert str(info.value) == f"{raw!r} is not a number"


@pytest.mark.parametrize("raw", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999"])
def test_not_a_finite_number(raw: str) -> None:
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, "number")
    assert str(info.value) == f"{raw!r} is not a finite number"


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("false", False)])
def test_boolean(raw: str, expected: bool) -> None:
    assert coerce_scalar(raw, "boolean") is expected


@pytest.mark.parametrize("raw", ["", "True", "FALSE", "1", "0", "yes", "no", "on", " true"])
def test_not_a_boolean(raw: str) -> None:
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, "boolean")
    assert str(info.value) == f"{raw!r} is not a boolean (true or false)"


@pytest.mark.parametrize("raw", ["", "null"])
def test_null(raw: str) -> None:
    assert coerce_scalar(raw, "null") is None


@pytest.mark.parametrize("raw", ["None", "0", "NULL", "nil"])
def test_not_null(raw: str) -> None:
    with pytest.raises(CoercionError) as info:
        coerce_scalar(raw, "null")
    assert str(info.value) == f"{raw!r} is not null"


@pytest.mark.parametrize("kind", ["string", "any", "object", "array"])
@pytest.mark.parametrize("raw", ["", "5", "true", " spaced ", "a,b", "ünï"])
def test_other_kinds_stay_strings(kind: str, raw: str) -> None:
    assert coerce_scalar(raw, kind) == raw


# ---- properties over tables (what Hypothesis would check) -----------------------------------------------

INTEGERS = [0, 1, -1, 7, 42, -42, 10**6, -(10**12), 2**63, -(2**63) - 1, 10**30]
FLOATS = [0.5, -0.5, 1.25, 3.141592653589793, 1e-7, -2.5e10, 123456.789, 1e300, 5e-324]


@pytest.mark.parametrize("n", INTEGERS)
def test_integer_round_trips(n: int) -> None:
    assert coerce_scalar(str(n), "integer") == n
    assert coerce_scalar(json.dumps(n), "integer") == n


@pytest.mark.parametrize("n", [*INTEGERS, 2**53 + 1, -(2**53) - 1, 10**20 + 1])
def test_integer_literal_as_number_is_that_exact_int(n: int) -> None:
    # `type: number` accepts integers; JSON reads `9007199254740993` exactly, so must a parameter
    value = coerce_scalar(str(n), "number")
    assert (value, type(value)) == (n, int)


@pytest.mark.parametrize("x", FLOATS)
def test_float_round_trips(x: float) -> None:
    for text in (repr(x), json.dumps(x)):
        value = coerce_scalar(text, "number")
        assert value == x
        assert math.isfinite(value)
    with pytest.raises(CoercionError):
        coerce_scalar(repr(x), "integer")


ODD_STRINGS = [
    "",
    " ",
    "a",
    "ä",
    "1a",
    "a1",
    "--",
    "+",
    "-",
    ".",
    "e",
    "1e",
    "0x",
    "[]",
    "{}",
    '"1"',
    "١",
    "1 2",
]


@pytest.mark.parametrize("raw", ODD_STRINGS)
@pytest.mark.parametrize("kind", ["integer", "number", "boolean", "null"])
def test_coercion_either_succeeds_with_the_right_type_or_raises_coercion_error(raw: str, kind: str) -> None:
    expected = {"integer": (int,), "number": (int, float), "boolean": (bool,), "null": (type(None),)}[kind]
    error: str | None = None
    try:
        value = coerce_scalar(raw, kind)
    except CoercionError as exc:
        error = str(exc)
    if error is not None:
        assert repr(raw) in error
        return
    assert type(value) in expected
    # whatever is accepted is the JSON reading of the same text
    try:
        as_json: Any = json.loads(raw if raw else "null")
    except ValueError:
        as_json = "<not JSON>"
    assert as_json == value, f"{raw!r} was accepted as the {kind} {value!r}; JSON reads it as {as_json}"


# ---- arrays ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "values", "expected"),
    [
        # query, form, exploded: one item per occurrence
        (param(kind="array", item_kind="integer"), ["1", "2", "3"], [1, 2, 3]),
        (param(kind="array", item_kind="string"), ["a,b", "c"], ["a,b", "c"]),
        (param(kind="array", item_kind="boolean"), ["true"], [True]),
        # query, form, not exploded: comma-separated (last occurrence wins)
        (param(kind="array", item_kind="integer", explode=False), ["1,2,3"], [1, 2, 3]),
        (param(kind="array", item_kind="string", explode=False), ["x", "a,b"], ["a", "b"]),
        (param(kind="array", item_kind="string", explode=False), [""], []),
        (param(kind="array", item_kind="string", explode=False), ["a,,b"], ["a", "", "b"]),
        # other delimiters
        (param(kind="array", item_kind="number", style="spaceDelimited", explode=False), ["1 2.5"], [1, 2.5]),
        (
            param(kind="array", item_kind="string", style="pipeDelimited", explode=False),
            ["a|b,c"],
            ["a", "b,c"],
        ),
        # path and header: simple style, comma-separated whatever `explode` says
        (param(location="path", kind="array", item_kind="integer"), ["4,5"], [4, 5]),
        (param(location="path", kind="array", item_kind="string", explode=True), ["a,b"], ["a", "b"]),
        (param(location="header", kind="array", item_kind="string"), ["x,y"], ["x", "y"]),
        (param(location="header", kind="array", item_kind="any"), ["x"], ["x"]),
    ],
)
def test_arrays(p: Param, values: list[str], expected: list[Any]) -> None:
    value = coerce(p, values)
    assert value == expected
    assert [type(v) for v in value] == [type(v) for v in expected]


def test_array_item_error() -> None:
    with pytest.raises(CoercionError) as info:
        coerce(param(kind="array", item_kind="integer"), ["1", "two"])
    assert str(info.value) == "'two' is not an integer"


# ---- objects -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "raw", "expected"),
    [
        (param(kind="object", explode=False), "R,100,G,200", {"R": "100", "G": "200"}),
        (param(location="path", kind="object"), "role,admin", {"role": "admin"}),
        (param(kind="object", explode=False), "", {}),
        (param(kind="object", style="pipeDelimited", explode=False), "a|1|b|2", {"a": "1", "b": "2"}),
    ],
)
def test_object_pairs(p: Param, raw: str, expected: dict[str, str]) -> None:
    assert coerce(p, [raw]) == expected


def test_object_with_odd_number_of_parts() -> None:
    with pytest.raises(CoercionError) as info:
        coerce(param(kind="object", explode=False), ["R,100,G"])
    assert str(info.value) == "expected name,value pairs"


def test_deep_object_from_query() -> None:
    p = param("filter", kind="object", style="deepObject")
    query = {
        "filter[min]": ["1", "2"],
        "filter[max]": ["9"],
        "filter": ["x"],
        "other[min]": ["5"],
        "f[x]": ["0"],
    }
    assert object_from_query(p, query) == {"min": "2", "max": "9"}
    assert object_from_query(p, {"other": ["1"]}) is MISSING


def test_exploded_form_object_from_query() -> None:
    p = param(
        "point",
        kind="object",
        schema={"type": "object", "properties": {"x": {"type": "string"}, "y": {"type": "string"}}},
    )
    assert object_from_query(p, {"x": ["1"], "y": ["2", "3"], "z": ["4"]}) == {"x": "1", "y": "3"}
    assert object_from_query(p, {"z": ["4"]}) is MISSING


# ---- content-encoded parameters ----------------------------------------------------------------------


def test_json_content_parameter() -> None:
    p = param(kind="object", content_type="application/json")
    assert coerce(p, ['{"a": [1, 2]}']) == {"a": [1, 2]}
    assert coerce(p, ["1", '"last"']) == "last"


def test_json_content_parameter_invalid() -> None:
    with pytest.raises(CoercionError) as info:
        coerce(param(content_type="application/json"), ["{bad"])
    assert (
        str(info.value)
        == "not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    )


def test_scalar_uses_last_occurrence() -> None:
    assert coerce(param(kind="integer"), ["1", "2"]) == 2


# ---- read_params -------------------------------------------------------------------------------------


def read(params: list[Param], *, path=None, query=None, headers=None, cookies=None):  # type: ignore[no-untyped-def]
    problems: list[tuple[str, str, str]] = []
    out = read_params(
        params,
        path or {},
        query or {},
        headers or {},
        cookies or {},
        lambda p, keyword, message: problems.append((p.name, keyword, message)),
    )
    return out, problems


def test_read_params_by_location() -> None:
    params = [
        param("id", "path", kind="integer", required=True),
        param("limit", kind="integer", default=20),
        param("tags", kind="array", item_kind="string"),
        param("X-Trace", "header", kind="string"),
        param("session", "cookie", kind="string"),
    ]
    out, problems = read(
        params,
        path={"id": "7"},
        query={"tags": ["a", "b"], "ignored": ["1"]},
        headers={"X-Trace": "t"},
        cookies={"session": "s"},
    )
    assert problems == []
    assert out == {"id": 7, "limit": 20, "tags": ["a", "b"], "x_trace": "t", "session": "s"}


def test_read_params_missing_optional_is_absent_and_default_is_not_coerced() -> None:
    out, problems = read([param("q"), param("n", kind="integer", default=5), param("d", default=[1])])
    assert (out, problems) == ({"n": 5, "d": [1]}, [])


def test_read_params_reports_every_problem() -> None:
    params = [
        param("id", "path", kind="integer", required=True),
        param("q", required=True),
        param("n", kind="integer"),
        param("X-Need", "header", required=True),
        param("sid", "cookie", required=True),
        param("ok", kind="boolean"),
    ]
    out, problems = read(params, path={"id": "x"}, query={"n": ["1.5"], "ok": ["true"]})
    assert out == {"ok": True}
    assert problems == [
        ("id", "parse", "path parameter 'id': 'x' is not an integer"),
        ("q", "required", "query parameter 'q' is required"),
        ("n", "parse", "query parameter 'n': '1.5' is not an integer"),
        ("X-Need", "required", "header parameter 'X-Need' is required"),
        ("sid", "required", "cookie parameter 'sid' is required"),
    ]


def test_read_params_empty_value_is_present() -> None:
    out, problems = read(
        [param("q", required=True), param("n", kind="integer", default=3)], query={"q": [""], "n": [""]}
    )
    assert out == {"q": ""}
    assert problems == [("n", "parse", "query parameter 'n': '' is not an integer")]


def test_read_params_exploded_objects() -> None:
    deep = param("f", kind="object", style="deepObject")
    form = param("pt", kind="object", schema={"type": "object", "properties": {"x": {}, "y": {}}})
    out, problems = read([deep, form], query={"f[a]": ["1"], "x": ["2"]})
    assert (out, problems) == ({"f": {"a": "1"}, "pt": {"x": "2"}}, [])
    out, problems = read([param("f", kind="object", style="deepObject", required=True)], query={})
    assert (out, problems) == ({}, [("f", "required", "query parameter 'f' is required")])


# ---- cookies -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, {}),
        ("", {}),
        ("a=1", {"a": "1"}),
        ("a=1; b=2", {"a": "1", "b": "2"}),
        ("a=1;b=2;  c=3 ", {"a": "1", "b": "2", "c": "3"}),
        ("a=1; a=2", {"a": "1"}),  # the first (most specific) wins
        ("tok=x=y; flag; =v; e=", {"tok": "x=y", "e": ""}),
        ("s=a%3Db", {"s": "a%3Db"}),  # cookie values are not percent-decoded
    ],
)
def test_parse_cookies(header: str | None, expected: dict[str, str]) -> None:
    assert parse_cookies(header) == expected
