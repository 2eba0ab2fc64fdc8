"""The spec's security requirements, enforced before the body is read (issue 7).

An operation's `security` is a tuple of alternatives (OR); each alternative is a tuple of
`(Scheme, scopes)` that must all hold (AND); an empty alternative lets anonymous callers in. `None`
means the operation declares no security at all. Generated operation modules build these descriptors as
literals; `authenticate()` evaluates them against the request and returns the `Principal` the handler
receives, or raises a `ProblemError`:

- 401 with a `WWW-Authenticate` challenge per scheme the caller could use, when credentials are missing
  or invalid (never saying which part of a credential was wrong, never echoing it);
- 403 when valid credentials lack a required scope.

Credentials are checked by verifiers: bearer tokens (http bearer, oauth2, openIdConnect) as JWTs with
PyJWT, configured per stage from the environment (`JWT_SECRET` for HS256, or `JWT_JWKS` / `JWT_JWKS_URL`
for RS256; `JWT_ISSUER`, `JWT_AUDIENCE`, `JWT_LEEWAY`); api keys and basic credentials by functions the
application registers with `verifiers` (hand-written code, e.g. chalicelib/security.py), which compare in
constant time. A scheme with no verifier fails closed.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from chalicelib.runtime import context
from chalicelib.runtime.problem import ProblemError

log = logging.getLogger("chalicelib.runtime.security")

REALM = "api"
BEARER_TYPES = frozenset({"oauth2", "openIdConnect"})


class Scheme:
    """One entry of `components.securitySchemes`, reduced to what the check needs."""

    __slots__ = ("kind", "location", "name", "param")

    def __init__(self, name: str, kind: str, location: str = "", param: str = "") -> None:
        self.name = name  # the key in components.securitySchemes
        self.kind = kind  # "apiKey" | "basic" | "bearer" (http bearer, oauth2, openIdConnect) | "other"
        self.location = location  # apiKey: "header" | "query" | "cookie"
        self.param = param  # apiKey: the header, query parameter or cookie name

    def __repr__(self) -> str:
        return f"Scheme({self.name!r}, {self.kind!r}, {self.location!r}, {self.param!r})"


Requirement = tuple[tuple[Scheme, tuple[str, ...]], ...]
Security = tuple[Requirement, ...]


class Principal:
    """Who is calling: what the verifiers established, merged over the schemes of the alternative that
    held. `subject` is the JWT `sub` (or what an api-key/basic verifier returned)."""

    __slots__ = ("claims", "schemes", "scopes", "subject")

    def __init__(
        self,
        subject: str | None = None,
        scopes: frozenset[str] = frozenset(),
        claims: Mapping[str, Any] | None = None,
        schemes: tuple[str, ...] = (),
    ) -> None:
        self.subject = subject
        self.scopes = scopes
        self.claims: Mapping[str, Any] = claims or {}
        self.schemes = schemes

    @property
    def anonymous(self) -> bool:
        return not self.schemes

    def __repr__(self) -> str:  # never the claims: they may carry personal data
        return (
            f"Principal(subject={self.subject!r}, scopes={sorted(self.scopes)!r}, schemes={self.schemes!r})"
        )


ANONYMOUS = Principal()


class Invalid(Exception):
    """A presented credential that does not verify (the message is safe to show: no credential in it)."""


# -- verifiers ---------------------------------------------------------------------------------------------

ApiKeyVerifier = Callable[[str], Principal | None]
BasicVerifier = Callable[[str, str], Principal | None]
BearerVerifier = Callable[[str], Principal]  # raises Invalid


class Verifiers:
    """What the application registers, by security scheme name (`components.securitySchemes` key)."""

    def __init__(self) -> None:
        self.api_keys: dict[str, ApiKeyVerifier] = {}
        self.basic: dict[str, BasicVerifier] = {}
        self.bearer: dict[str, BearerVerifier] = {}

    def api_key(self, scheme: str) -> Callable[[ApiKeyVerifier], ApiKeyVerifier]:
        """Register `fn(key) -> Principal | None` for an apiKey scheme."""

        def register(fn: ApiKeyVerifier) -> ApiKeyVerifier:
            self.api_keys[scheme] = fn
            return fn

        return register

    def basic_auth(self, scheme: str) -> Callable[[BasicVerifier], BasicVerifier]:
        """Register `fn(user, password) -> Principal | None` for an http basic scheme."""

        def register(fn: BasicVerifier) -> BasicVerifier:
            self.basic[scheme] = fn
            return fn

        return register

    def bearer_token(self, scheme: str) -> Callable[[BearerVerifier], BearerVerifier]:
        """Register `fn(token) -> Principal` (raising `Invalid`) to replace JWT verification for a scheme."""

        def register(fn: BearerVerifier) -> BearerVerifier:
            self.bearer[scheme] = fn
            return fn

        return register


verifiers = Verifiers()


# -- JWT ----------------------------------------------------------------------------------------------------


class JwtSettings:
    """The stage's token settings, read once from the environment."""

    __slots__ = ("algorithms", "audience", "issuer", "jwks", "jwks_url", "leeway", "secret")

    def __init__(self, env: Mapping[str, str]) -> None:
        self.secret = env.get("JWT_SECRET") or None
        self.jwks = env.get("JWT_JWKS") or None  # a JWKS document, inline JSON
        self.jwks_url = env.get("JWT_JWKS_URL") or None
        default_algorithms = "HS256" if self.secret else "RS256"
        self.algorithms = [
            a.strip() for a in (env.get("JWT_ALGORITHMS") or default_algorithms).split(",") if a
        ]
        self.issuer = env.get("JWT_ISSUER") or None
        self.audience = env.get("JWT_AUDIENCE") or None
        self.leeway = float(env.get("JWT_LEEWAY") or 30)


_jwt_lock = threading.Lock()
_jwt_state: dict[str, Any] = {}


def reset_jwt_settings() -> None:
    """Forget the cached settings and keys (tests that change the environment)."""
    with _jwt_lock:
        _jwt_state.clear()


def _settings() -> JwtSettings:
    with _jwt_lock:
        found = _jwt_state.get("settings")
        if found is None:
            found = _jwt_state["settings"] = JwtSettings(os.environ)
        assert isinstance(found, JwtSettings)
        return found


def _key_for(token: str, settings: JwtSettings) -> Any:
    import jwt  # deferred: only requests that carry a bearer token pay for PyJWT

    if settings.secret:
        return settings.secret
    if settings.jwks:
        with _jwt_lock:
            keys = _jwt_state.get("jwks")
            if keys is None:
                keys = _jwt_state["jwks"] = jwt.PyJWKSet.from_dict(json.loads(settings.jwks))
        kid = jwt.get_unverified_header(token).get("kid")
        for key in keys.keys:
            if kid is None or key.key_id == kid:
                return key.key
        raise Invalid("the token is signed with an unknown key")
    if settings.jwks_url:
        with _jwt_lock:
            client = _jwt_state.get("jwks_client")
            if client is None:
                client = _jwt_state["jwks_client"] = jwt.PyJWKClient(settings.jwks_url, cache_keys=True)
        return client.get_signing_key_from_jwt(token).key
    raise Invalid("bearer tokens are not configured on this stage")


def verify_jwt(token: str) -> Principal:
    """Signature, `exp`/`nbf` (with leeway), `iss` and `aud` as the stage configures them."""
    import jwt

    settings = _settings()
    try:
        key = _key_for(token, settings)
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=settings.algorithms,
            audience=settings.audience,
            issuer=settings.issuer,
            leeway=settings.leeway,
            options={
                "require": [
                    "exp",
                    *(["iss"] if settings.issuer else []),
                    *(["aud"] if settings.audience else []),
                ]
            },
        )
    except jwt.ExpiredSignatureError:
        raise Invalid("the token has expired") from None
    except jwt.ImmatureSignatureError:
        raise Invalid("the token is not valid yet") from None
    except jwt.InvalidAudienceError:
        raise Invalid("the token is not meant for this API (audience)") from None
    except jwt.InvalidIssuerError:
        raise Invalid("the token was issued by an unknown issuer") from None
    except jwt.PyJWTError:
        raise Invalid("the token is malformed or its signature does not verify") from None
    return Principal(
        subject=str(claims["sub"]) if "sub" in claims else None, scopes=scopes_of(claims), claims=claims
    )


def scopes_of(claims: Mapping[str, Any]) -> frozenset[str]:
    """OAuth scopes from `scope` (space-separated, RFC 8693) or `scp` (a list or a string)."""
    found: set[str] = set()
    for name in ("scope", "scp"):
        value = claims.get(name)
        if isinstance(value, str):
            found.update(value.split())
        elif isinstance(value, list):
            found.update(v for v in value if isinstance(v, str))
    return frozenset(found)


# -- evaluation ---------------------------------------------------------------------------------------------


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = context.header(headers, name.lower())
    return None if value is None else str(value)


def _authorization(headers: Mapping[str, str], kind: str) -> str | None:
    """The credentials of an `Authorization: <kind> <credentials>` header (scheme case-insensitive)."""
    value = context.header(headers, "authorization")
    if not value:
        return None
    scheme, _, credentials = str(value).strip().partition(" ")
    if scheme.lower() != kind:
        return None
    return credentials.lstrip() or None  # the value is stripped: only the spaces after the scheme remain


class _Outcome:
    __slots__ = ("invalid", "missing", "principal", "wanting")

    def __init__(self) -> None:
        self.missing = False  # some credential is absent
        self.invalid: str | None = None  # why a presented credential failed
        self.wanting: tuple[str, ...] = ()  # scopes a valid credential lacks
        self.principal: Principal | None = None


def _check(
    scheme: Scheme, scopes: tuple[str, ...], request: Any, cookies: Mapping[str, list[str]]
) -> _Outcome:
    outcome = _Outcome()
    headers: Mapping[str, str] = request.headers  # context.header reads None and {} alike
    principal: Principal | None = None
    try:
        if scheme.kind == "apiKey":
            value: str | None
            if scheme.location == "header":
                value = _header(headers, scheme.param)
            elif scheme.location == "query":
                value = (request.query_params or {}).get(scheme.param)
            else:
                value = next(iter(cookies.get(scheme.param) or ()), None)
            if not value:
                outcome.missing = True
                return outcome
            verify = verifiers.api_keys.get(scheme.name)
            if verify is None:
                log.error("no api key verifier registered for security scheme %r: refusing", scheme.name)
                raise Invalid("this credential cannot be checked")
            principal = verify(value)
            if principal is None:
                raise Invalid("the api key is not valid")
        elif scheme.kind == "basic":
            encoded = _authorization(headers, "basic")
            if encoded is None:
                outcome.missing = True
                return outcome
            try:
                user, colon, password = (
                    base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
                )
            except (binascii.Error, UnicodeDecodeError):
                raise Invalid("malformed basic credentials") from None
            if not colon:
                raise Invalid("malformed basic credentials")
            verify_basic = verifiers.basic.get(scheme.name)
            if verify_basic is None:
                log.error("no basic verifier registered for security scheme %r: refusing", scheme.name)
                raise Invalid("this credential cannot be checked")
            principal = verify_basic(user, password)
            if principal is None:
                raise Invalid("the user name or password is not valid")
        elif scheme.kind == "bearer":
            token = _authorization(headers, "bearer")
            if token is None:
                outcome.missing = True
                return outcome
            principal = verifiers.bearer.get(scheme.name, verify_jwt)(token)
        else:
            raise Invalid(f"security scheme {scheme.name!r} cannot be checked by this API")
    except Invalid as exc:
        outcome.invalid = str(exc)
        return outcome
    if scopes:  # most operations require none: no generator to build
        missing = tuple(s for s in scopes if s not in principal.scopes)
        if missing:
            outcome.wanting = missing
            return outcome
    outcome.principal = Principal(principal.subject, principal.scopes, principal.claims, (scheme.name,))
    return outcome


def _challenge(
    scheme: Scheme, error: str | None = None, description: str | None = None, scopes: tuple[str, ...] = ()
) -> str:
    if scheme.kind == "basic":
        return f'Basic realm="{REALM}", charset="UTF-8"'
    if scheme.kind == "apiKey":
        return f'ApiKey realm="{REALM}", in="{scheme.location}", name="{scheme.param}"'
    parts = [f'Bearer realm="{REALM}"']
    if error:
        parts.append(f'error="{error}"')
    if description:
        parts.append(f'error_description="{description}"')
    if scopes:
        parts.append(f'scope="{" ".join(scopes)}"')
    return ", ".join(parts)


def authenticate(
    security: Security | None, request: Any, parse_cookies: Callable[[str | None], dict[str, list[str]]]
) -> Principal:
    """The principal of the first alternative that holds; else 401 (or 403 for missing scopes). The
    subject is noted for the request's access log line (runtime/observability.py)."""
    principal = _authenticate(security, request, parse_cookies)
    state = context.current()
    if state is not None:
        state.subject = principal.subject
    return principal


def _authenticate(
    security: Security | None, request: Any, parse_cookies: Callable[[str | None], dict[str, list[str]]]
) -> Principal:
    if not security:
        return ANONYMOUS
    if len(security) == 1 and len(security[0]) == 1:  # one requirement of one scheme: the usual case
        only, needed = security[0][0]
        if only.kind == "bearer" and not needed:
            return _bearer_only(only, security, request)
        jar = parse_cookies(_header(request.headers, "Cookie")) if only.location == "cookie" else {}
        single = _check(only, needed, request, jar)
        if single.principal is not None:
            return single.principal
        _refuse(
            security,
            [(only, single.invalid)] if single.invalid else [],
            [(only, single.wanting)] if single.wanting else [],
        )
    cookies = (
        parse_cookies(_header(request.headers or {}, "Cookie"))
        if any(s.location == "cookie" for alt in security for s, _ in alt)
        else {}
    )
    cache: dict[tuple[str, tuple[str, ...]], _Outcome] = {}
    invalid: list[tuple[Scheme, str]] = []
    wanting: list[tuple[Scheme, tuple[str, ...]]] = []
    for alternative in security:
        if not alternative:
            return ANONYMOUS
        merged: Principal | None = None
        held = True
        for scheme, scopes in alternative:
            outcome = cache.get((scheme.name, scopes))
            if outcome is None:
                outcome = cache[(scheme.name, scopes)] = _check(scheme, scopes, request, cookies)
            if outcome.principal is None:
                held = False
                if outcome.invalid:
                    invalid.append((scheme, outcome.invalid))
                if outcome.wanting:
                    wanting.append((scheme, outcome.wanting))
                continue
            merged = _merge(merged, outcome.principal)
        if held and merged is not None:
            return merged
    _refuse(security, invalid, wanting)


def _bearer_only(scheme: Scheme, security: Security, request: Any) -> Principal:
    """`_check` + `_refuse` for the commonest requirement, one bearer scheme and no scope, without the
    `_Outcome` bookkeeping that several alternatives need: the same principal, the same 401s."""
    token = _authorization(request.headers, "bearer")
    if token is None:
        _refuse(security, [], [])
    try:
        found = verifiers.bearer.get(scheme.name, verify_jwt)(token)
    except Invalid as exc:
        _refuse(security, [(scheme, str(exc))], [])
    return Principal(found.subject, found.scopes, found.claims, (scheme.name,))


def _refuse(
    security: Security,
    invalid: list[tuple[Scheme, str]],
    wanting: list[tuple[Scheme, tuple[str, ...]]],
) -> NoReturn:
    """No alternative held: 403 when a valid credential lacks scopes (and none was invalid), else 401
    with a challenge per scheme."""
    schemes = list({s.name: s for alt in security for s, _ in alt}.values())
    if wanting and not invalid:
        scheme, scopes = wanting[0]
        raise ProblemError(
            403,
            f"The credentials are valid but lack the scope(s) this operation needs: {', '.join(scopes)}.",
            headers={"WWW-Authenticate": _challenge(scheme, "insufficient_scope", None, scopes)},
        )
    failed = {s.name: why for s, why in invalid}
    challenges = [
        _challenge(
            s,
            "invalid_token" if s.name in failed and s.kind == "bearer" else None,
            failed.get(s.name) if s.kind == "bearer" else None,
        )
        for s in schemes
    ]
    detail = (
        "The credentials are not valid: " + "; ".join(dict.fromkeys(failed.values())) + "."
        if failed
        else "This operation needs credentials: " + " or ".join(_describe(s) for s in schemes) + "."
    )
    raise ProblemError(401, detail, headers={"WWW-Authenticate": ", ".join(challenges)})


def _describe(scheme: Scheme) -> str:
    if scheme.kind == "apiKey":
        return f"an api key in the {scheme.location} {scheme.param!r}"
    if scheme.kind == "basic":
        return "HTTP basic credentials"
    if scheme.kind == "bearer":
        return "a bearer token"
    return f"{scheme.name!r} credentials"


def _merge(first: Principal | None, second: Principal) -> Principal:
    if first is None:
        return second
    return Principal(
        first.subject or second.subject,
        first.scopes | second.scopes,
        {**second.claims, **first.claims},
        first.schemes + second.schemes,
    )
