"""The request being handled, for the few handlers that need HTTP details (e.g. building a Location)."""

from __future__ import annotations

from contextvars import ContextVar, Token

from chalice.app import Request

_current: ContextVar[Request | None] = ContextVar("chalicelib_request", default=None)
#: For the access log line (runtime/observability.py): the operation the pipeline ran, the caller's subject.
operation_var: ContextVar[str | None] = ContextVar("chalicelib_operation", default=None)
subject_var: ContextVar[str | None] = ContextVar("chalicelib_subject", default=None)
#: The request id (set first by the observability middleware; problem+json answers carry it).
request_id_var: ContextVar[str | None] = ContextVar("chalicelib_request_id", default=None)
#: How many violations a 400 listed (set when the problem is rendered).
violations_var: ContextVar[int | None] = ContextVar("chalicelib_violations", default=None)


def enter(request: Request | None) -> Token[Request | None]:
    return _current.set(request)


def leave(token: Token[Request | None]) -> None:
    _current.reset(token)


def request_path() -> str:
    """The path the client requested, including an API Gateway stage prefix (`/dev/items`), so URLs
    built from it are right both behind API Gateway and under `chalice local` (`/items`)."""
    request = _current.get()
    if request is None:
        return ""
    path = request.context.get("path") if isinstance(request.context, dict) else None
    return str(path) if path else str(request.path)


def request_header(name: str) -> str | None:
    """A header of the request being handled (case-insensitive name), e.g. the Content-Type a handler
    serving several media types needs; None outside a request or when absent."""
    request = _current.get()
    if request is None:
        return None
    value = request.headers.get(name)
    return None if value is None else str(value)
