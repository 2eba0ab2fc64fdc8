"""The request being handled, for the few handlers that need HTTP details (e.g. building a Location), and
what the parts of one request tell each other (the request id, the operation, the caller's subject).

One `RequestState` per request, in one context variable: the HTTP middleware (runtime/middleware.py) starts it
with the request id and reads it back for the access line; the pipeline records the request and the
operation in it (starting its own when it runs without the middleware, as in unit tests); security notes
the subject; a 400 notes how many violations it listed. One `ContextVar.set` and `reset` per request,
where a variable per field cost five of each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar, Token
from typing import Any

from chalice.app import CaseInsensitiveMapping, Request


class RequestState:
    __slots__ = ("operation", "request", "request_id", "subject", "violations")

    def __init__(self, request: Request | None = None, request_id: str | None = None) -> None:
        self.request = request
        #: the id answers and the access line carry (runtime/observability.py)
        self.request_id = request_id
        #: the operationId the pipeline ran (None: Chalice answered before any operation, e.g. a 405)
        self.operation: str | None = None
        #: the authenticated caller's subject (runtime/security.py)
        self.subject: str | None = None
        #: how many violations a 400 listed (set when the problem is rendered)
        self.violations: int | None = None


_state: ContextVar[RequestState | None] = ContextVar("chalicelib_request_state", default=None)


# The context variable's own methods, not functions around them: no Python frame on every request.
#: `begin(state)` makes `state` the current request's; `end(token)` with its token once answered
begin: Callable[[RequestState | None], Token[RequestState | None]] = _state.set
end: Callable[[Token[RequestState | None]], None] = _state.reset
#: the current request's state, or None outside a request
current: Callable[[], RequestState | None] = _state.get


def header(headers: Mapping[str, Any] | None, name: str) -> Any:
    """The value of header `name` (lower case), or None: `headers.get(name)` case-insensitively.

    Chalice's request headers are a `CaseInsensitiveMapping` whose keys are lower-cased once; its
    `Mapping.get` raises and catches a KeyError for an absent header (~0.35 µs, and most requests lack
    `Origin` and `X-Request-Id`), so its dict is read directly. Any other mapping (tests, hand-built
    requests) is searched case-insensitively."""
    if type(headers) is CaseInsensitiveMapping:
        return headers._dict.get(name)
    if not headers:
        return None
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value


def request_path() -> str:
    """The path the client requested, including an API Gateway stage prefix (`/dev/items`), so URLs
    built from it are right both behind API Gateway and under `chalice local` (`/items`)."""
    state = _state.get()
    request = state.request if state is not None else None
    if request is None:
        return ""
    path = request.context.get("path") if isinstance(request.context, dict) else None
    return str(path) if path else str(request.path)


def request_header(name: str) -> str | None:
    """A header of the request being handled (case-insensitive name), e.g. the Content-Type a handler
    serving several media types needs; None outside a request or when absent."""
    state = _state.get()
    request = state.request if state is not None else None
    if request is None:
        return None
    value = header(request.headers, name.lower())
    return None if value is None else str(value)
