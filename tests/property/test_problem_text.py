"""`ProblemError.to_text` writes the problem+json body directly: it must be `json.dumps(to_json())`,
character for character, whatever the strings hold (quotes, backslashes, control characters, non-ASCII,
lone surrogates), with or without detail and errors."""

from __future__ import annotations

import json
from enum import IntEnum

from hypothesis import given
from hypothesis import strategies as st

from chalicelib.runtime.problem import ProblemError, Violation

text = st.text(alphabet=st.characters(), max_size=30)
violation = st.builds(Violation, text, text, text, text)


@given(
    status=st.integers(min_value=100, max_value=599),
    detail=text,
    title=text,
    type_=text,
    errors=st.lists(violation, max_size=6),
)
def test_text_is_json_dumps_of_to_json(
    status: int, detail: str, title: str, type_: str, errors: list[Violation]
) -> None:
    problem = ProblemError(status, detail, title=title, errors=errors, type=type_)
    assert problem.to_text() == json.dumps(problem.to_json())
    assert problem.to_response().body == json.dumps(problem.to_json())


def test_unusual_fields_fall_back_to_json_dumps() -> None:
    class Status(IntEnum):
        TEAPOT = 418

    problem = ProblemError(Status.TEAPOT, "x", errors=[Violation("body", "/a", "m", "k")])
    assert problem.to_text() == json.dumps(problem.to_json())
    odd = ProblemError(400, "x", errors=[Violation("body", "/a", 42, "k")])  # type: ignore[arg-type]  # a non-str on purpose: the fallback
    assert odd.to_text() == json.dumps(odd.to_json())


def test_the_benchmarks_invalid_body_answer() -> None:
    problem = ProblemError.bad_request(
        "The request is not valid for this operation.",
        [
            Violation("body", "/name", "'' is shorter than 1 character", "minLength"),
            Violation("body", "/tags/2", "'Not A Tag' does not match \"^[a-z0-9-]+$\"", "pattern"),
            Violation(
                "body", "/colour", "additional property 'colour' is not allowed", "additionalProperties"
            ),
        ],
    )
    assert json.loads(problem.to_text()) == problem.to_json()
    assert problem.to_text() == json.dumps(problem.to_json())
