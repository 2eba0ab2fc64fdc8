"""The one HTTP middleware app.py registers: observability, CORS and problem+json errors, in that order
(outermost first), in one Chalice middleware.

Registered as three, Chalice would run three middleware frames and three `MiddlewareHandler` calls per
request, and CORS would be consulted for every request; here a request without `Origin` goes straight
from the observability part to `problem_errors`. What each part does is unchanged:
1. observability (runtime/observability.py): the request id, the request's `RequestState`
   (runtime/context.py), `X-Request-Id` on the answer, one access line;
2. CORS (runtime/cors.py `answer`), only for a request with an `Origin`: preflights, and the CORS headers
   on every answer to an allowed origin, problem+json ones included;
3. `problem_errors` (runtime/errors.py): Chalice's own error answers and exceptions raised outside the
   pipeline become problem+json.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

from chalice import Response
from chalice.app import Request

from chalicelib.runtime import context, cors, errors
from chalicelib.runtime.errors import problem_errors
from chalicelib.runtime.observability import REQUEST_ID_HEADER, access_line, log, request_id_of

Middleware = Callable[[Request, Callable[[Request], Response]], Response]
problem_logger = logging.getLogger("chalicelib.runtime")  # errors.log: where problem_errors logs


def http_middleware(
    operations: Mapping[tuple[str, str], str],
    cors_paths: Mapping[str, cors.CorsPath],
    policy: cors.CorsPolicy | None = None,
) -> Middleware:
    """`operations`: (METHOD, Chalice route) -> operationId, for answers the pipeline never saw (405s…);
    `cors_paths`: what the spec declares per path template; `policy`: the stage's when None."""

    def middleware(request: Request, get_response: Callable[[Request], Response]) -> Response:
        started = time.perf_counter()
        state = context.RequestState(request, request_id_of(request))
        token = context.begin(state)
        try:
            origin = context.header(request.headers, "origin")
            if origin is None:  # not a CORS request: nothing to add (the policy is not even read)
                # problem_errors, written out: one frame less on every request
                try:
                    response = get_response(request)
                except Exception:  # Chalice reraises ChaliceUnhandledError to middleware
                    problem_logger.exception(errors.UNHANDLED)
                    response = errors.internal_error()
                else:
                    if response.status_code >= 400:
                        response = errors.as_problem(response)
            else:
                response = cors.answer(
                    request, str(origin), lambda r: problem_errors(r, get_response), cors_paths, policy
                )
            response.headers[REQUEST_ID_HEADER] = str(state.request_id)  # chalice Responses hold a dict
            if log.isEnabledFor(logging.INFO):
                access_line(request, response, state, started, operations)
            return response
        finally:
            context.end(token)

    return middleware
