"""For every corpus spec that declares security, the generated app refuses a request without credentials
on every secured operation (401 with a challenge) and lets one with them through (the stub's 501, or a
400 for the made-up parameters: anything but 401/403).

Credentials are made for the first requirement (alternative) this API can satisfy: api keys and basic
credentials accepted by verifiers registered for the test, bearer/oauth2 tokens signed with the test's
JWT_SECRET and carrying the requirement's scopes. Requirements naming only schemes nothing can verify
(mutualTLS, http digest, undeclared names) must stay refused.
"""

from __future__ import annotations

import base64
import importlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest

from chalicelib.runtime import security as sec
from tests.codegen.support import ROOT, chalice_app, generate, importable, load, slug
from tests.helpers import call_rest

CORPUS = ROOT.parent / "shared" / "specs"
SECURED_SPECS = {  # spec -> operations whose every requirement names a scheme (counted from the JSON/YAML)
    "apideck-crm.yml": 53,
    "box-platform.json": 291,
    "discord-v10.json": 220,  # + 22 that also accept anonymous callers (`{}`)
    "oai-v3.1-non-oauth-scopes.yaml": 1,
    "ory-kratos.json": 21,
    "swagger-petstore-v3.yaml": 9,
    "twilio-studio-v2.yaml": 19,
}
SECRET = "corpus-security-" + "c" * 48
API_KEY = "corpus-api-key"
USER, PASSWORD = "corpus-user", "corpus-password"


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("JWT_SECRET", SECRET)
    for name in ("JWT_ISSUER", "JWT_AUDIENCE", "JWT_JWKS", "JWT_JWKS_URL", "JWT_ALGORITHMS"):
        monkeypatch.delenv(name, raising=False)
    sec.reset_jwt_settings()
    saved = (dict(sec.verifiers.api_keys), dict(sec.verifiers.basic), dict(sec.verifiers.bearer))
    yield
    sec.verifiers.api_keys, sec.verifiers.basic, sec.verifiers.bearer = (dict(s) for s in saved)
    sec.reset_jwt_settings()


def _register(schemes: list[sec.Scheme]) -> None:
    for scheme in schemes:
        if scheme.kind == "apiKey":
            sec.verifiers.api_key(scheme.name)(
                lambda key: sec.Principal("corpus") if key == API_KEY else None
            )
        elif scheme.kind == "basic":
            sec.verifiers.basic_auth(scheme.name)(
                lambda user, password: sec.Principal(user) if (user, password) == (USER, PASSWORD) else None
            )


def _token(scopes: tuple[str, ...]) -> str:
    now = int(time.time())
    return jwt.encode(
        {"sub": "corpus", "exp": now + 600, "scope": " ".join(scopes)}, SECRET, algorithm="HS256"
    )


def credentials_for(requirement: Any) -> tuple[dict[str, str], list[tuple[str, str]]] | None:
    """(headers, query) satisfying every scheme of `requirement`, or None when nothing here can."""
    headers: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    cookies: list[str] = []
    bearer_scopes: set[str] = set()
    authorization = None
    for scheme, scopes in requirement:
        if scheme.kind == "apiKey" and scheme.location == "header":
            headers[scheme.param] = API_KEY
        elif scheme.kind == "apiKey" and scheme.location == "query":
            query.append((scheme.param, API_KEY))
        elif scheme.kind == "apiKey" and scheme.location == "cookie":
            cookies.append(f"{scheme.param}={API_KEY}")
        elif scheme.kind == "bearer" and authorization in (None, "bearer"):
            authorization = "bearer"
            bearer_scopes.update(scopes)
        elif scheme.kind == "basic" and authorization is None:
            authorization = "basic"
        else:
            return None  # unverifiable here, or two schemes wanting the one Authorization header
        if scheme.kind == "apiKey" and scopes:
            return None  # api-key roles: the test's verifier grants none
    if authorization == "bearer":
        headers["Authorization"] = f"Bearer {_token(tuple(sorted(bearer_scopes)))}"
    elif authorization == "basic":
        headers["Authorization"] = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    return headers, query


def _url(route: str, query: list[tuple[str, str]]) -> str:
    path = re.sub(r"\{[^}]+\}", "x1", route)
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")


@pytest.mark.corpus
@pytest.mark.parametrize("spec_name", sorted(SECURED_SPECS))
def test_secured_operations_refuse_anonymous_callers_and_admit_credentialed_ones(
    spec_name: str, tmp_path: Path, credentials: None
) -> None:
    spec = CORPUS / spec_name
    assert spec.is_file(), f"the shared spec corpus is missing {spec}"
    top = f"corpus_sec_{slug(spec.stem)}"
    run = generate(spec, tmp_path, f"{top}._generated", "--stub")
    assert run.returncode == 0, run.explain()
    with importable(tmp_path, top):
        routes = load(f"{top}._generated.routes")
        app = chalice_app(routes, name=top)
        secured = admitted = unverifiable = 0
        seen_routes: set[tuple[str, str]] = set()
        for method, route, module, _, path in routes.OPERATIONS:
            op = importlib.import_module(f"{top}._generated.operations.{module}").OPERATION
            if not op.security or any(not alt for alt in op.security):
                continue  # public, or anonymous allowed as one alternative
            secured += 1
            if (route, method) in seen_routes or "#" in path:
                continue  # operations sharing a route: the first one answers for the route
            seen_routes.add((route, method))
            refused = call_rest(app, method, _url(path, []))
            assert refused["statusCode"] == 401, (method, path, refused)
            assert refused["headers"].get("WWW-Authenticate") or refused["multiValueHeaders"].get(
                "WWW-Authenticate"
            ), (method, path, refused)
            usable = [c for alt in op.security if (c := credentials_for(alt)) is not None]
            if not usable:
                unverifiable += 1
                continue
            _register([scheme for alt in op.security for scheme, _ in alt])
            headers, query = usable[0]
            answered = call_rest(app, method, _url(path, query), headers=headers)
            assert answered["statusCode"] not in (401, 403), (method, path, headers, answered)
            admitted += 1
        assert secured == SECURED_SPECS[spec_name]
        assert admitted > 0
        if spec_name != "ory-kratos.json":  # its `sessionToken` is undeclared: those stay refused
            assert unverifiable == 0
