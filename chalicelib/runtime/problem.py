"""The one error contract: RFC 9457 `application/problem+json` with every violation and its location."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from json.encoder import encode_basestring_ascii as _q  # what json.dumps quotes a str with (C)
from typing import Any, overload

from chalice import Response

from chalicelib.runtime import context

PROBLEM_JSON = "application/problem+json"
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3, "body": 4, "response": 5}
# http.HTTPStatus phrases of the statuses this API answers with (importing `http` costs a cold start
# ~0.5 ms); any other status looks its phrase up there
_PHRASES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    410: "Gone",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    428: "Precondition Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def _phrase(status: int) -> str:
    phrase = _PHRASES.get(status)
    if phrase is not None:
        return phrase
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _request_id() -> str | None:
    state = context.current()
    return state.request_id if state is not None else None


class Violation:
    """One thing wrong with a request (or a response): where, and why."""

    __slots__ = ("keyword", "location", "message", "pointer")

    def __init__(self, location: str, pointer: str, message: str, keyword: str) -> None:
        self.location = location  # path | query | header | cookie | body | response
        self.pointer = pointer  # JSON pointer: "/limit" for a parameter, "/items/0/name" inside a body
        self.message = message
        self.keyword = keyword  # the JSON Schema keyword or pipeline check that failed ("type", "parse"…)

    def _fields(self) -> tuple[str, str, str, str]:
        return (self.location, self.pointer, self.message, self.keyword)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Violation) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Violation(location={!r}, pointer={!r}, message={!r}, keyword={!r})".format(*self._fields())

    def sort_key(self) -> tuple[int, str, str, str]:
        return (_LOCATION_ORDER.get(self.location, 9), self.pointer, self.keyword, self.message)

    def to_json(self) -> dict[str, str]:
        return {
            "location": self.location,
            "pointer": self.pointer,
            "message": self.message,
            "keyword": self.keyword,
        }


class Violations(Sequence[Violation]):
    """The violations of one location as a compiled validator reports them, already in the contract's
    order: `(pointer, keyword, message)` tuples (runtime/validation.py `Err`). A `Violation` is made when
    one is read; problem+json is rendered from the tuples (`ProblemError._text`), so a 400 listing a
    body's violations makes no `Violation` at all."""

    __slots__ = ("found", "location")

    def __init__(self, location: str, found: Sequence[tuple[str, str, str]]) -> None:
        self.location = location
        self.found = found

    def __len__(self) -> int:
        return len(self.found)

    @overload
    def __getitem__(self, index: int) -> Violation: ...
    @overload
    def __getitem__(self, index: slice) -> list[Violation]: ...
    def __getitem__(self, index: int | slice) -> Violation | list[Violation]:
        if isinstance(index, slice):
            return list(self)[index]
        pointer, keyword, message = self.found[index]
        return Violation(self.location, pointer, message, keyword)

    def __iter__(self) -> Iterator[Violation]:
        location = self.location
        for pointer, keyword, message in self.found:
            yield Violation(location, pointer, message, keyword)

    def __eq__(self, other: object) -> bool:  # as the list of its Violations compares (and, like a
        # list, unhashable: a class that defines __eq__ alone gets __hash__ = None)
        return isinstance(other, Sequence) and not isinstance(other, str) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))


class ProblemError(Exception):
    """Raise from a handler (or the pipeline) to answer with problem+json."""

    # slots, not the instance dict an exception otherwise gets: made in 0.42 µs against 0.69 (timeit)
    __slots__ = ("detail", "errors", "headers", "status", "title", "type")

    def __init__(
        self,
        status: int,
        detail: str = "",
        title: str = "",
        errors: Sequence[Violation] = (),
        type: str = "about:blank",  # RFC 9457's member name, kept as the keyword
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.detail = detail
        self.title = title or _PHRASES.get(status) or _phrase(status)
        self.errors = errors
        self.type = type
        self.headers: Mapping[str, str] = headers if headers is not None else {}

    def __repr__(self) -> str:
        return (
            f"ProblemError(status={self.status!r}, detail={self.detail!r}, title={self.title!r}, "
            f"errors={self.errors!r}, type={self.type!r}, headers={self.headers!r})"
        )

    @classmethod
    def bad_request(
        cls, detail: str, errors: Sequence[Violation] = (), ordered: bool = False
    ) -> ProblemError:
        """A 400 listing `errors` in the contract's order (`Violation.sort_key`); `ordered`: they already
        are (the pipeline's, which `validation.violations` sorts as it makes them), so not sorted again."""
        return cls(400, detail, errors=errors if ordered else sorted(errors, key=Violation.sort_key))

    @classmethod
    def not_found(cls, detail: str = "The resource does not exist.") -> ProblemError:
        return cls(404, detail)

    @classmethod
    def conflict(cls, detail: str) -> ProblemError:
        return cls(409, detail)

    @classmethod
    def not_implemented(cls, operation_id: str) -> ProblemError:
        return cls(501, f"Operation {operation_id!r} has no handler yet.")

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type, "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        request_id = _request_id()
        if request_id is not None:  # the answer names its request (runtime/observability.py)
            body["instance"] = f"urn:request:{request_id}"
            body["request_id"] = request_id
        body["errors"] = [
            {"location": v.location, "pointer": v.pointer, "message": v.message, "keyword": v.keyword}
            for v in self.errors
        ]
        return body

    def to_text(self) -> str:
        """`json.dumps(self.to_json())`, character for character, written directly (no dicts built)."""
        return self._text(_request_id())

    def _text(self, request_id: str | None) -> str:
        if type(self.status) is not int:
            return json.dumps(self.to_json())
        try:
            found = self.errors
            if type(found) is Violations:  # one location: quoted once, the tuples read as they are
                location = _q(found.location)
                errors = ", ".join(
                    [
                        f'{{"location": {location}, "pointer": {_q(pointer)}, '
                        f'"message": {_q(message)}, "keyword": {_q(keyword)}}}'
                        for pointer, keyword, message in found.found
                    ]
                )
            else:
                errors = ", ".join(
                    [  # one f-string per violation: a third cheaper than concatenating its nine parts
                        f'{{"location": {_q(v.location)}, "pointer": {_q(v.pointer)}, '
                        f'"message": {_q(v.message)}, "keyword": {_q(v.keyword)}}}'
                        for v in found
                    ]
                )
            detail = f', "detail": {_q(self.detail)}' if self.detail else ""
            named = (
                ""
                if request_id is None
                else f', "instance": {_q("urn:request:" + request_id)}, "request_id": {_q(request_id)}'
            )
            return (
                f'{{"type": {_q(self.type)}, "title": {_q(self.title)}, "status": {self.status}'
                f'{detail}{named}, "errors": [{errors}]}}'
            )
        except TypeError:  # a field that is not a str: json.dumps says how it is written (or refuses)
            return json.dumps(self.to_json())

    def to_response(self) -> Response:
        state = context.current()
        request_id = None
        if state is not None:
            request_id = state.request_id
            if self.status == 400:
                state.violations = len(self.errors)  # for the request's access line
        headers: dict[str, str | list[str]] = (
            {**self.headers, "Content-Type": PROBLEM_JSON} if self.headers else {"Content-Type": PROBLEM_JSON}
        )
        return Response(body=self._text(request_id), status_code=self.status, headers=headers)
