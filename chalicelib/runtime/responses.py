"""What a handler returns.

A handler returns either the response body (a dict, list, str, bytes… sent with the operation's success
status: its lowest declared 2xx, and the first media type declared for it), or an `ApiResponse` when it
chooses the status, headers or media type. Errors are raised as `ProblemError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

_NO_HEADERS: Mapping[str, str] = {}


class ApiResponse:
    """A status, body, headers and media type chosen by the handler (a plain slotted class: no
    dataclass machinery at import)."""

    __slots__ = ("body", "content_type", "headers", "status")

    def __init__(
        self,
        status: int,
        body: Any = None,
        headers: Mapping[str, str] = _NO_HEADERS,
        content_type: str | None = None,  # default: the first media type the spec declares for `status`
    ) -> None:
        self.status = status
        self.body = body
        self.headers = headers
        self.content_type = content_type

    def _fields(self) -> tuple[Any, ...]:
        return (self.status, self.body, self.headers, self.content_type)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiResponse) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable contents (body, headers), like the dataclass

    def __repr__(self) -> str:
        return "ApiResponse(status={!r}, body={!r}, headers={!r}, content_type={!r})".format(*self._fields())


HandlerResult: TypeAlias = (
    ApiResponse | Mapping[str, Any] | Sequence[Any] | str | bytes | int | float | bool | None
)
