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
        log.exception("unhandled error outside the request pipeline")
        return ProblemError(500, "An internal error occurred.").to_response()
    if response.status_code < 400:
        return response
    content_type = next(
        (v for k, v in response.headers.items() if k.lower() == "content-type"), "application/json"
    )
    if isinstance(content_type, str) and content_type.startswith(PROBLEM_JSON):
        return response
    detail = ""
    if isinstance(response.body, dict):
        detail = str(response.body.get("Message") or response.body.get("message") or "")
    elif isinstance(response.body, str):
        try:
            parsed = json.loads(response.body)
            detail = (
                str(parsed.get("Message") or parsed.get("message") or "") if isinstance(parsed, dict) else ""
            )
        except ValueError:
            detail = ""
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-type"}
    return ProblemError(
        response.status_code, detail, headers={k: str(v) for k, v in headers.items()}
    ).to_response()
