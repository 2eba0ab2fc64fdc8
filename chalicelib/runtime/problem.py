"""The one error contract: RFC 9457 `application/problem+json` with every violation and its location."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from chalice import Response

PROBLEM_JSON = "application/problem+json"
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3, "body": 4, "response": 5}


@dataclass(frozen=True)
class Violation:
    """One thing wrong with a request (or a response): where, and why."""

    location: str  # path | query | header | cookie | body | response
    pointer: str  # JSON pointer: "/limit" for a parameter, "/items/0/name" inside a body
    message: str
    keyword: str  # the JSON Schema keyword or pipeline check that failed ("type", "required", "parse"…)

    def sort_key(self) -> tuple[int, str, str, str]:
        return (_LOCATION_ORDER.get(self.location, 9), self.pointer, self.keyword, self.message)

    def to_json(self) -> dict[str, str]:
        return {
            "location": self.location,
            "pointer": self.pointer,
            "message": self.message,
            "keyword": self.keyword,
        }


@dataclass
class ProblemError(Exception):
    """Raise from a handler (or the pipeline) to answer with problem+json."""

    status: int
    detail: str = ""
    title: str = ""
    errors: Sequence[Violation] = ()
    type: str = "about:blank"
    headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.detail or self.title)
        if not self.title:
            try:
                self.title = HTTPStatus(self.status).phrase
            except ValueError:
                self.title = "Error"

    @classmethod
    def bad_request(cls, detail: str, errors: Sequence[Violation] = ()) -> ProblemError:
        return cls(400, detail, errors=sorted(errors, key=Violation.sort_key))

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
        body["errors"] = [v.to_json() for v in self.errors]
        return body

    def to_response(self) -> Response:
        headers: dict[str, str | list[str]] = {**self.headers, "Content-Type": PROBLEM_JSON}
        return Response(body=json.dumps(self.to_json()), status_code=self.status, headers=headers)
