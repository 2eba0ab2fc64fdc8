"""The one HTTP middleware app.py registers: observability, CORS and problem+json errors, in that order
(outermost first), in one Chalice middleware.

Registered as three, Chalice would run three middleware frames and three `MiddlewareHandler` calls per
request, and CORS would be consulted for every request; here a request without `Origin` goes straight
from the observability part to `problem_errors`. What each part does is unchanged:
1. observability (runtime/observability.py): the request id, the request's `RequestState`
   (runtime/context.py), `X-Request-Id` on the answer, one access line;
2. CORS (runtime/cors.py `answer`), only for a request with an `Origin`: preflights, and the CORS headers
   on every answer to an allowed origin, problem+json ones included;
3. `problem_errors` (below): Chalice's own error answers (405 Method Not Allowed, 415, view errors raised
   outside the pipeline) and exceptions raised outside the pipeline become problem+json, the API's one
   error contract.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping

from chalice import Response
from chalice.app import Request

from chalicelib.runtime import context, cors
from chalicelib.runtime.observability import REQUEST_ID_HEADER, access_line, log, request_id_of
from chalicelib.runtime.problem import PROBLEM_JSON, ProblemError

Middleware = Callable[[Request, Callable[[Request], Response]], Response]
problem_logger = logging.getLogger("chalicelib.runtime")  # where problem_errors logs


def http_middleware(
    operations: Mapping[tuple[str, str], str],
    cors_paths: Mapping[str, cors.CorsPath],
    policy: cors.CorsPolicy | None = None,
) -> Middleware:
    """`operations`: (METHOD, Chalice route) -> operationId, for answers the pipeline never saw (405s…);
    `cors_paths`: what the spec declares per path template; `policy`: the stage's when None."""

    def middleware(request: Request, get_response: Callable[[Request], Response]) -> Response:
        logged = log.isEnabledFor(logging.INFO)  # the access line; no clock is read without it
        started = time.perf_counter() if logged else 0.0
        request_id = request_id_of(request)
        state = context.RequestState(request, request_id)
        token = context.begin(state)
        try:
            origin = context.header(request.headers, "origin")
            if origin is None:  # not a CORS request: nothing to add (the policy is not even read)
                # problem_errors, written out: one frame less on every request
                try:
                    response = get_response(request)
                except Exception:  # Chalice reraises ChaliceUnhandledError to middleware
                    problem_logger.exception(UNHANDLED)
                    response = internal_error()
                else:
                    # the pipeline's answers are problem+json already (as_problem would keep them)
                    if response.status_code >= 400 and response.headers.get("Content-Type") != PROBLEM_JSON:
                        response = as_problem(response)
            else:
                response = cors.answer(
                    request, str(origin), lambda r: problem_errors(r, get_response), cors_paths, policy
                )
            response.headers[REQUEST_ID_HEADER] = request_id  # chalice Responses hold a dict
            if logged:
                access_line(request, response, state, started, operations)
            return response
        finally:
            context.end(token)

    return middleware


# -- problem_errors: Chalice's own error answers as problem+json ------------------------------------------


def problem_errors(request: Request, get_response: Callable[[Request], Response]) -> Response:
    """The third part of the HTTP middleware on its own (CORS calls it for requests with an `Origin`; the
    middleware writes it out for the others): an exception becomes a logged 500, an error answer goes
    through `as_problem`."""
    try:
        response = get_response(request)
    except Exception:  # Chalice reraises ChaliceUnhandledError to middleware
        problem_logger.exception(UNHANDLED)
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
