"""CORS from the spec and the stage (issue 7).

The stage says which origins may call (`CORS_ALLOW_ORIGINS`: comma-separated origins, or `*`) and whether
browsers may send credentials (`CORS_ALLOW_CREDENTIALS=true`); `*` together with credentials is refused
when the policy is built (at startup), with a message saying why. The spec says, per path, which methods
exist and which request headers its operations read, and which response headers they declare (exposed to
scripts). Generated routes carry that as `CorsPath` literals; `answer` answers preflights and adds the
headers to every answer — errors included — for allowed origins. The app (and `make mock`'s) calls it
from its one HTTP middleware (runtime/middleware.py) for requests with an `Origin`; `cors_middleware`
is the same as a Chalice middleware of its own, for apps that compose their own.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping

from chalice import Response
from chalice.app import Request

from chalicelib.runtime import context
from chalicelib.runtime.problem import ProblemError

MAX_AGE = "600"
SAFELISTED_HEADERS = ("Accept", "Accept-Language", "Content-Language", "Content-Type")


class CorsConfigError(ValueError):
    """The stage's CORS settings contradict each other."""


class CorsPath:
    """What the spec declares for one path template: methods, request headers read, response headers."""

    __slots__ = ("expose", "headers", "methods")

    def __init__(self, methods: tuple[str, ...], headers: tuple[str, ...], expose: tuple[str, ...]) -> None:
        self.methods = methods
        self.headers = headers
        self.expose = expose


class CorsPolicy:
    __slots__ = ("credentials", "origins", "wildcard")

    def __init__(self, origins: tuple[str, ...], credentials: bool = False) -> None:
        self.wildcard = "*" in origins
        if self.wildcard and credentials:
            raise CorsConfigError(
                "CORS_ALLOW_ORIGINS='*' cannot be combined with CORS_ALLOW_CREDENTIALS=true: browsers refuse "
                "credentialed answers for any origin, and echoing every origin would let any site act as "
                "the user. List the allowed origins instead."
            )
        self.origins = frozenset(o.rstrip("/") for o in origins if o and o != "*")
        self.credentials = credentials

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> CorsPolicy:
        env = os.environ if env is None else env
        origins = tuple(o.strip() for o in (env.get("CORS_ALLOW_ORIGINS") or "").split(",") if o.strip())
        credentials = (env.get("CORS_ALLOW_CREDENTIALS") or "").strip().lower() in ("1", "true", "yes")
        return cls(origins, credentials)

    @property
    def enabled(self) -> bool:
        return self.wildcard or bool(self.origins)

    def allows(self, origin: str | None) -> bool:
        return bool(origin) and (self.wildcard or (origin or "").rstrip("/") in self.origins)

    def headers(self, origin: str) -> dict[str, str]:
        """The headers every answer to an allowed origin carries."""
        out = {"Access-Control-Allow-Origin": "*" if self.wildcard else origin}
        if not self.wildcard:
            out["Vary"] = "Origin"
        if self.credentials:
            out["Access-Control-Allow-Credentials"] = "true"
        return out

    def preflight(self, origin: str | None, method: str, requested: str, path: CorsPath | None) -> Response:
        """The answer to `OPTIONS` with `Access-Control-Request-Method`."""
        if path is None:
            return ProblemError(404, "No such path.").to_response()
        if not self.allows(origin):
            return ProblemError(403, f"Origin {origin!r} may not call this API from a browser.").to_response()
        assert origin is not None
        wanted = method.strip().upper()
        if wanted not in path.methods:
            problem = ProblemError(
                405, f"{wanted or '(none)'} is not a method of this path; it has {', '.join(path.methods)}."
            )
            return _with(problem.to_response(), self.headers(origin))
        allowed = {h.lower(): h for h in (*SAFELISTED_HEADERS, *path.headers)}
        asked = [h.strip() for h in requested.split(",") if h.strip()]
        refused = [h for h in asked if h.lower() not in allowed]
        if refused:
            problem = ProblemError(403, f"Header(s) {', '.join(refused)} are not read by this path.")
            return _with(problem.to_response(), self.headers(origin))
        headers: dict[str, str | list[str]] = {
            **self.headers(origin),
            "Access-Control-Allow-Methods": ", ".join(path.methods),
            "Access-Control-Allow-Headers": ", ".join(allowed.values()),
            "Access-Control-Max-Age": MAX_AGE,
        }
        if not self.wildcard:
            headers["Vary"] = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
        return Response(body="", status_code=204, headers=headers)


def _with(response: Response, headers: Mapping[str, str]) -> Response:
    response.headers = {**(response.headers or {}), **headers}
    return response


def _header(request: Request, name: str) -> str | None:
    value = context.header(request.headers, name)
    return None if value is None else str(value)


@functools.lru_cache(maxsize=8)
def _policy(origins: str, credentials: str) -> CorsPolicy:
    return CorsPolicy.from_env({"CORS_ALLOW_ORIGINS": origins, "CORS_ALLOW_CREDENTIALS": credentials})


def current_policy() -> CorsPolicy:
    """The stage's policy (built once per distinct setting: reading two variables per request is all)."""
    env = os.environ
    return _policy(env.get("CORS_ALLOW_ORIGINS", ""), env.get("CORS_ALLOW_CREDENTIALS", ""))


def cors_middleware(
    paths: Mapping[str, CorsPath], policy: CorsPolicy | None = None
) -> Callable[[Request, Callable[[Request], Response]], Response]:
    """Chalice HTTP middleware: preflights answered here; CORS headers on every other answer. Without a
    `policy`, the stage's (CORS_ALLOW_ORIGINS, CORS_ALLOW_CREDENTIALS) applies. (app.py registers
    runtime/middleware.py's `http_middleware`, which runs `answer` the same way.)"""

    def middleware(request: Request, get_response: Callable[[Request], Response]) -> Response:
        origin = _header(request, "origin")
        if origin is None:  # not a CORS request: nothing to add (the policy is not even read)
            return get_response(request)
        return answer(request, origin, get_response, paths, policy)

    return middleware


def answer(
    request: Request,
    origin: str,
    get_response: Callable[[Request], Response],
    paths: Mapping[str, CorsPath],
    policy: CorsPolicy | None = None,
) -> Response:
    """The answer to a CORS request (one with an `Origin`): a preflight, or `get_response`'s answer with
    the CORS headers when the origin is allowed."""
    policy_now = policy or current_policy()
    if not policy_now.enabled:
        return get_response(request)
    path = paths.get(_template(request))
    method = _header(request, "access-control-request-method")
    if request.method == "OPTIONS" and method is not None:
        return policy_now.preflight(
            origin, method, _header(request, "access-control-request-headers") or "", path
        )
    response = get_response(request)
    if policy_now.allows(origin):
        extra = policy_now.headers(origin)
        if path is not None and path.expose:
            extra["Access-Control-Expose-Headers"] = ", ".join(path.expose)
        response = _with(response, extra)
    return response


def _template(request: Request) -> str:
    """The route template Chalice matched (`/items/{item_id}`), from the request context."""
    request_context = request.context if isinstance(request.context, dict) else {}
    return str(request_context.get("resourcePath") or request.path)
