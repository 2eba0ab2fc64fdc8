"""`make token` (devtools/mint_token.py) mints what the local stage accepts, and nothing for deployed stages."""

from __future__ import annotations

import pytest

from chalicelib.runtime import security as sec
from devtools.mint_token import DEFAULT_SUBJECT, mint, stage_env


def test_a_local_token_verifies_under_the_local_stage_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    env = stage_env("local")
    for name in ("JWT_SECRET", "JWT_ISSUER", "JWT_AUDIENCE"):
        monkeypatch.setenv(name, env[name])
    for name in ("JWT_JWKS", "JWT_JWKS_URL", "JWT_ALGORITHMS"):
        monkeypatch.delenv(name, raising=False)
    sec.reset_jwt_settings()
    try:
        principal = sec.verify_jwt(mint(env, scopes=("admin",)))
    finally:
        sec.reset_jwt_settings()
    assert principal.subject == DEFAULT_SUBJECT
    assert principal.scopes == {"admin"}


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_deployed_stages_get_no_local_tokens(stage: str) -> None:
    with pytest.raises(SystemExit, match="identity provider"):
        mint(stage_env(stage))


def test_unknown_stage() -> None:
    with pytest.raises(SystemExit, match="no stage 'qa'"):
        stage_env("qa")
