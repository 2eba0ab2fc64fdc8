"""What a handler returns.

A handler returns either the response body (a dict, list, str, bytes… sent with the operation's success
status: its lowest declared 2xx, and the first media type declared for it), or an `ApiResponse` when it
chooses the status, headers or media type. Errors are raised as `ProblemError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias


@dataclass(frozen=True)
class ApiResponse:
    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str | None = None  # default: the first media type the spec declares for `status`


HandlerResult: TypeAlias = (
    ApiResponse | Mapping[str, Any] | Sequence[Any] | str | bytes | int | float | bool | None
)
