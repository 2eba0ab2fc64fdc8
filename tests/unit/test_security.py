"""runtime/security.py: requirements (OR of ANDs), every scheme kind, JWT checks, 401/403 answers."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from chalicelib.runtime import security as sec
from chalicelib.runtime.params import parse_cookies
from chalicelib.runtime.problem import ProblemError

SECRET = "test-secret-" + "x" * 64
ISSUER = "https://issuer.example"
AUDIENCE = "reference-api"

BEARER = sec.Scheme("bearerAuth", "bearer")
OAUTH = sec.Scheme("oauth", "bearer")
HEADER_KEY = sec.Scheme("apiKeyHeader", "apiKey", "header", "X-API-Key")
QUERY_KEY = sec.Scheme("apiKeyQuery", "apiKey", "query", "api_key")
COOKIE_KEY = sec.Scheme("apiKeyCookie", "apiKey", "cookie", "session")
BASIC = sec.Scheme("basicAuth", "basic")


def request(headers: dict[str, str] | None = None, query: dict[str, str] | None = None) -> Any:
    return SimpleNamespace(headers=headers or {}, query_params=query)


def token(
    claims: dict[str, Any] | None = None, key: Any = SECRET, algorithm: str = "HS256", **headers: Any
) -> str:
    now = int(time.time())
    body = {"sub": "user-1", "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + 600, **(claims or {})}
    return jwt.encode(
        {k: v for k, v in body.items() if v is not None}, key, algorithm=algorithm, headers=headers or None
    )


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def authenticate(security: sec.Security | None, req: Any) -> sec.Principal:
    return sec.authenticate(security, req, parse_cookies)


def refused(security: sec.Security, req: Any) -> ProblemError:
    with pytest.raises(ProblemError) as caught:
        authenticate(security, req)
    return caught.value


@pytest.fixture(autouse=True)
def hs256(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("JWT_JWKS", "JWT_JWKS_URL", "JWT_ALGORITHMS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JWT_SECRET", SECRET)
    monkeypatch.setenv("JWT_ISSUER", ISSUER)
    monkeypatch.setenv("JWT_AUDIENCE", AUDIENCE)
    monkeypatch.setenv("JWT_LEEWAY", "5")
    sec.reset_jwt_settings()
    saved = (dict(sec.verifiers.api_keys), dict(sec.verifiers.basic), dict(sec.verifiers.bearer))

    @sec.verifiers.api_key("apiKeyHeader")
    @sec.verifiers.api_key("apiKeyQuery")
    @sec.verifiers.api_key("apiKeyCookie")
    def check_key(key: str) -> sec.Principal | None:
        return sec.Principal("ops", frozenset({"admin"})) if key == "good-key" else None

    @sec.verifiers.basic_auth("basicAuth")
    def check_basic(user: str, password: str) -> sec.Principal | None:
        return sec.Principal(user) if (user, password) == ("ada", "s3cr:et") else None

    yield
    sec.verifiers.api_keys, sec.verifiers.basic, sec.verifiers.bearer = (dict(s) for s in saved)
    sec.reset_jwt_settings()


# -- requirements -------------------------------------------------------------------------------------


def test_no_security_and_empty_alternatives_let_anyone_in() -> None:
    assert authenticate(None, request()).anonymous
    assert authenticate((), request()).anonymous
    assert authenticate((((BEARER, ()),), ()), request()).anonymous  # optional auth: `- {}`


def test_a_valid_bearer_token_gives_its_subject_and_scopes() -> None:
    principal = authenticate((((BEARER, ()),),), request(bearer(token({"scope": "items:write read"}))))
    assert principal.subject == "user-1"
    assert principal.scopes == {"items:write", "read"}
    assert principal.schemes == ("bearerAuth",)
    assert principal.claims["iss"] == ISSUER


def test_missing_credentials_are_401_with_a_challenge_per_usable_scheme() -> None:
    error = refused((((BEARER, ()),), ((HEADER_KEY, ()),)), request())
    assert error.status == 401
    challenge = error.headers["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="api"')
    assert 'ApiKey realm="api", in="header", name="X-API-Key"' in challenge
    assert "a bearer token or an api key in the header 'X-API-Key'" in error.detail


def test_and_requires_every_scheme() -> None:
    both = (((HEADER_KEY, ()), (BEARER, ("admin",))),)
    admin = bearer(token({"scope": "admin"}))
    assert refused(both, request(admin)).status == 401  # the api key is missing
    assert refused(both, request({"X-API-Key": "good-key"})).status == 401  # the token is missing
    principal = authenticate(both, request({**admin, "X-API-Key": "good-key"}))
    assert principal.schemes == ("apiKeyHeader", "bearerAuth")
    assert principal.subject == "ops"  # the first scheme's subject wins; scopes merge
    assert principal.scopes == {"admin"}


def test_or_takes_the_first_alternative_that_holds() -> None:
    either = (((BASIC, ()),), ((HEADER_KEY, ()),))
    assert authenticate(either, request({"X-API-Key": "good-key"})).schemes == ("apiKeyHeader",)


def test_a_valid_token_without_the_scope_is_403_naming_it() -> None:
    error = refused((((OAUTH, ("items:write", "read")),),), request(bearer(token({"scp": ["read"]}))))
    assert error.status == 403
    assert "items:write" in error.detail
    assert (
        error.headers["WWW-Authenticate"]
        == 'Bearer realm="api", error="insufficient_scope", scope="items:write"'
    )


# -- JWT ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: token({"exp": int(time.time()) - 60}), "expired"),
        (lambda: token({"nbf": int(time.time()) + 600}), "not valid yet"),
        (lambda: token({"aud": "another-api"}), "audience"),
        (lambda: token({"iss": "https://evil.example"}), "issuer"),
        (lambda: token(key="another-secret-of-at-least-32-bytes"), "signature"),
        (lambda: token({"exp": None}), "malformed"),  # exp is required
        (lambda: "not.a.jwt", "malformed"),
        (lambda: token(algorithm="HS512", key=SECRET), "signature"),  # algorithm not allowed
    ],
    ids=["expired", "not-before", "audience", "issuer", "signature", "no-exp", "garbage", "algorithm"],
)
def test_invalid_tokens_are_401_invalid_token(make: Any, reason: str) -> None:
    presented = make()
    error = refused((((BEARER, ()),),), request(bearer(presented)))
    assert error.status == 401
    assert reason in error.detail
    assert error.headers["WWW-Authenticate"].startswith('Bearer realm="api", error="invalid_token"')
    assert presented not in json.dumps(error.to_json()) + error.headers["WWW-Authenticate"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic dXNlcjpwdw=="},
        {"Authorization": "Bearer "},
        bearer("not.a.jwt"),
        bearer(token({"exp": 1})),
        bearer(token({"scope": "read"})),
        {"authorization": "  bearer   " + token() + "  "},
    ],
    ids=["none", "other-scheme", "empty", "garbage", "expired", "valid", "spacing"],
)
def test_one_bearer_scheme_answers_as_the_general_path(headers: dict[str, str]) -> None:
    # one bearer scheme without scopes takes a shortcut (security._bearer_only); the same requirement
    # listed twice takes the general one: principal, status, detail and challenge must not differ
    def outcome(security: sec.Security) -> tuple[Any, ...]:
        try:
            principal = authenticate(security, request(headers))
        except ProblemError as exc:
            return (exc.status, exc.detail, dict(exc.headers))
        return (principal.subject, principal.scopes, dict(principal.claims), principal.schemes)

    shortcut = outcome((((BEARER, ()),),))
    assert shortcut == outcome((((BEARER, ()),), ((BEARER, ()),)))
    assert shortcut[0] in (401, "user-1")


def test_leeway_accepts_a_token_just_expired() -> None:
    assert authenticate((((BEARER, ()),),), request(bearer(token({"exp": int(time.time()) - 2})))).subject


def test_rs256_keys_from_a_jwks(monkeypatch: pytest.MonkeyPatch) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    monkeypatch.delenv("JWT_SECRET")
    monkeypatch.setenv(
        "JWT_JWKS", json.dumps({"keys": [{**public_jwk, "kid": "k1", "use": "sig", "alg": "RS256"}]})
    )
    sec.reset_jwt_settings()
    good = token(key=private, algorithm="RS256", kid="k1")
    assert authenticate((((BEARER, ()),),), request(bearer(good))).subject == "user-1"
    unknown_kid = token(key=private, algorithm="RS256", kid="k2")
    assert "unknown key" in refused((((BEARER, ()),),), request(bearer(unknown_kid))).detail
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = token(key=other, algorithm="RS256", kid="k1")
    assert "signature" in refused((((BEARER, ()),),), request(bearer(forged))).detail
    hs = token()  # an HS256 token must not pass where RS256 keys are configured
    assert refused((((BEARER, ()),),), request(bearer(hs))).status == 401


def test_an_unconfigured_stage_refuses_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JWT_SECRET")
    sec.reset_jwt_settings()
    assert "not configured" in refused((((BEARER, ()),),), request(bearer(token()))).detail


# -- api keys and basic ------------------------------------------------------------------------------------


def test_api_keys_in_header_query_and_cookie() -> None:
    assert authenticate((((HEADER_KEY, ()),),), request({"x-api-key": "good-key"})).subject == "ops"
    assert authenticate((((QUERY_KEY, ()),),), request(query={"api_key": "good-key"})).subject == "ops"
    assert authenticate((((COOKIE_KEY, ()),),), request({"Cookie": "a=1; session=good-key"})).subject == "ops"
    error = refused((((HEADER_KEY, ()),),), request({"X-API-Key": "bad-key"}))
    assert error.status == 401
    assert "bad-key" not in error.detail


def test_api_key_scopes_are_roles_too() -> None:
    assert refused((((HEADER_KEY, ("superuser",)),),), request({"X-API-Key": "good-key"})).status == 403


def test_basic_credentials() -> None:
    good = base64.b64encode(b"ada:s3cr:et").decode()
    assert authenticate((((BASIC, ()),),), request({"Authorization": f"Basic {good}"})).subject == "ada"
    for bad in (base64.b64encode(b"ada:wrong").decode(), "%%%", base64.b64encode(b"no-colon").decode()):
        error = refused((((BASIC, ()),),), request({"Authorization": f"Basic {bad}"}))
        assert error.status == 401
        assert error.headers["WWW-Authenticate"] == 'Basic realm="api", charset="UTF-8"'


def test_a_scheme_without_a_verifier_fails_closed(caplog: pytest.LogCaptureFixture) -> None:
    sec.verifiers.api_keys.clear()
    assert refused((((HEADER_KEY, ()),),), request({"X-API-Key": "good-key"})).status == 401
    assert "no api key verifier registered" in caplog.text
    assert refused(((((sec.Scheme("mtls", "other")), ()),),), request()).status == 401


def test_principal_repr_hides_claims() -> None:
    principal = authenticate((((BEARER, ()),),), request(bearer(token({"email": "ada@example.com"}))))
    assert "ada@example.com" not in repr(principal)
