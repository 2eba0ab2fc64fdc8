"""`ProblemError.to_text` writes the problem+json body directly: it must be `json.dumps(to_json())`,
character for character, whatever the strings hold (quotes, backslashes, control characters, non-ASCII,
lone surrogates), with or without detail and errors, whether the errors are `Violation`s or the
`Violations` of one location a validator reported (rendered from its tuples)."""

from __future__ import annotations

import json
from enum import IntEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.runtime.problem import ProblemError, Violation, Violations

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


@given(
    location=text,
    found=st.lists(st.tuples(text, text, text), max_size=6),
    detail=text,
    request_id=st.none() | text,
)
def test_violations_of_one_location_render_as_their_violations(
    location: str, found: list[tuple[str, str, str]], detail: str, request_id: str | None
) -> None:
    lazy = Violations(location, found)
    made = [Violation(location, pointer, message, keyword) for pointer, keyword, message in found]
    assert list(lazy) == made
    assert len(lazy) == len(made)
    assert lazy == made
    assert [lazy[i] for i in range(len(made))] == made
    assert lazy[1:] == made[1:]
    assert repr(lazy) == repr(made)
    with pytest.raises(TypeError):
        hash(lazy)  # unhashable, like the list it stands for
    assert ProblemError(400, detail, errors=lazy)._text(request_id) == (
        ProblemError(400, detail, errors=made)._text(request_id)
    )


def test_unusual_fields_fall_back_to_json_dumps() -> None:
    class Status(IntEnum):
        TEAPOT = 418

    problem = ProblemError(Status.TEAPOT, "x", errors=[Violation("body", "/a", "m", "k")])
    assert problem.to_text() == json.dumps(problem.to_json())
    odd = ProblemError(400, "x", errors=[Violation("body", "/a", 42, "k")])  # type: ignore[arg-type]  # a non-str on purpose: the fallback
    assert odd.to_text() == json.dumps(odd.to_json())
    odd_lazy = ProblemError(400, "x", errors=Violations("body", [("/a", "k", 42)]))  # type: ignore[list-item]  # a non-str message on purpose: the fallback
    assert odd_lazy.to_text() == json.dumps(odd_lazy.to_json()) == odd.to_text()


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
