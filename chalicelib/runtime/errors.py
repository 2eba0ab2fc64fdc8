"""HTTP middleware that turns Chalice's own error answers (405 Method Not Allowed, 415, view errors
raised outside the pipeline, unhandled exceptions) into the API's one error contract, problem+json."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from chalice import Response
from chalice.app import Request

from chalicelib.runtime.problem import PROBLEM_JSON, ProblemError

log = logging.getLogger("chalicelib.runtime")


def problem_errors(request: Request, get_response: Callable[[Request], Response]) -> Response:
    try:
        response = get_response(request)
    except Exception:  # Chalice reraises ChaliceUnhandledError to middleware
        log.exception(UNHANDLED)
        return internal_error()
    if response.status_code < 400:
        return response
    return as_problem(response)


UNHANDLED = "unhandled error outside the request pipeline"


def internal_error() -> Response:
    """The answer to an exception raised outside the pipeline (log it, with its traceback, first)."""
    return ProblemError(500, "An internal error occurred.").to_response()


def as_problem(response: Response) -> Response:
    """An error answer (status >= 400) as problem+json: Chalice's own (`{"Code", "Message"}`) are
    rewritten, problem+json and the operations' declared answers are kept."""
    headers = response.headers
    content_type = headers.get("Content-Type")  # how the pipeline and Chalice spell it
    if content_type is None:
        content_type = next(
            (v for k, v in headers.items() if k.lower() == "content-type"), "application/json"
        )
    if isinstance(content_type, str) and content_type.startswith(PROBLEM_JSON):
        return response
    body = response.body
    if isinstance(body, (str, bytes)) and body:
        try:
            body = json.loads(body)
        except ValueError:  # not JSON, so not Chalice's error body: an answer the operation declares
            return response
    if body and not (isinstance(body, dict) and "Code" in body and "Message" in body):
        return response  # an answer the operation declares (e.g. a 503 health report), not Chalice's
    detail = str(body.get("Message") or "") if isinstance(body, dict) else ""
    kept = {k: str(v) for k, v in headers.items() if k.lower() != "content-type"}
    return ProblemError(response.status_code, detail, headers=kept).to_response()
