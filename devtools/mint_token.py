"""Print a bearer token the given stage accepts (HS256 stages only: `local`, and tests).

    python -m devtools.mint_token [--stage local] [--sub <uuid>] [--scope admin] [--ttl 3600]

`make token` runs it for `make run`. The secret, issuer and audience come from the stage's
environment variables in .chalice/config.json (JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE). Deployed stages
verify RS256 tokens of the identity provider instead: this tool cannot (and must not) mint those.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from pathlib import Path
from typing import Any

import jwt

ROOT = Path(__file__).resolve().parents[1]
#: The user `make token` speaks for unless told otherwise (a fixed id, so `make run` sessions line up).
DEFAULT_SUBJECT = "5f0c3a52-3b7e-4c1e-9a57-2c6f1d3e8b40"


def stage_env(stage: str, config: Path = ROOT / ".chalice" / "config.json") -> dict[str, str]:
    data = json.loads(config.read_text(encoding="utf-8"))
    stages = data.get("stages") or {}
    if stage not in stages:
        raise SystemExit(f"no stage {stage!r} in {config}: {', '.join(stages)}")
    return {**(data.get("environment_variables") or {}), **(stages[stage].get("environment_variables") or {})}


def mint(
    env: dict[str, str], subject: str = DEFAULT_SUBJECT, scopes: tuple[str, ...] = (), ttl: int = 3600
) -> str:
    secret = env.get("JWT_SECRET")
    if not secret or secret.startswith("{{"):
        raise SystemExit("this stage has no local JWT_SECRET: its tokens come from the identity provider")
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": subject,
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
    }
    if env.get("JWT_ISSUER"):
        claims["iss"] = env["JWT_ISSUER"]
    if env.get("JWT_AUDIENCE"):
        claims["aud"] = env["JWT_AUDIENCE"]
    if scopes:
        claims["scope"] = " ".join(scopes)
    return jwt.encode(claims, secret, algorithm="HS256")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", default="local")
    parser.add_argument("--sub", default=DEFAULT_SUBJECT, help="the user id the token speaks for")
    parser.add_argument("--scope", action="append", default=[], help="a scope to grant (repeatable)")
    parser.add_argument("--ttl", type=int, default=3600, help="seconds until it expires")
    args = parser.parse_args(argv)
    print(mint(stage_env(args.stage), args.sub, tuple(args.scope), args.ttl))


if __name__ == "__main__":
    main()
