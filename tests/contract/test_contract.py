"""Property-based contract tests of the reference app against openapi.yaml, in-process (issue 8).

schemathesis (Python API) generates requests from openapi.yaml — positive and negative data — sends them
through tests/contract/wsgi.py (each request becomes an API Gateway REST proxy event for `app.py`'s
Chalice app, no socket) and runs every check on each answer: no 5xx, status codes, content types,
response headers and bodies conform, negative data is rejected, positive data accepted, auth is not
ignored... `test_stateful` chains operations through the spec's OpenAPI links (create an item, then
get/replace/update/delete it with its ETag; a post, its comments).

Storage is in memory (STORAGE=memory); credentials as the stage has them (tests/functional/support.py's
token settings): a bearer token of a registered user, and for POST /admin/purge an operator key plus an
`admin`-scoped token. The settings (auth, data modes) come from devtools/schemathesis.toml, the file
`make contract` uses against a running stage. Bounded by MAX_EXAMPLES per operation and a fixed seed
(derandomized), so a run takes the same path every time; CONTRACT_EXAMPLES=<n> runs more.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from werkzeug.test import Client

from tests.contract.wsgi import ChaliceWSGI
from tests.functional.support import DEFAULT_CALLER, TOKEN_SETTINGS, token

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "devtools" / "schemathesis.toml"
#: examples per operation (each in positive and negative mode); the CI budget is ~2 minutes for the module
MAX_EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES") or 25)
STATEFUL_EXAMPLES = int(os.environ.get("CONTRACT_STATEFUL_EXAMPLES") or 15)

SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,  # the first request of an operation imports its module: not a performance test
    derandomize=True,  # a fixed seed: the same cases on every run
    database=None,  # nothing remembered between runs (a failure found once is replayed by the seed)
    suppress_health_check=list(HealthCheck),  # generation speed of big request schemas is not a defect here
    print_blob=True,
)


def _forget_state() -> None:
    from chalicelib.runtime.security import reset_jwt_settings
    from chalicelib.services import reset_services

    reset_jwt_settings()
    reset_services()
    try:
        from chalicelib.storage.memory import reset_memory_table
    except ImportError:  # before the storage refactor: memory stores die with the services
        return
    reset_memory_table()


def _fresh_stage() -> None:
    """Empty storage with the caller registered (only registered users write posts and comments)."""
    _forget_state()
    reply = Client(APP).post(
        "/users",
        data=json.dumps({"name": "Contract Tester", "email": "contract@example.com"}),
        headers={"Authorization": f"Bearer {CREDENTIALS['CONTRACT_TOKEN']}"},
        content_type="application/json",
    )
    assert reply.status_code == 201, reply.get_data(as_text=True)


#: the caller's credentials, minted once (valid for the session): a user token, an admin-scoped one, a key
CREDENTIALS = {
    "CONTRACT_TOKEN": token(DEFAULT_CALLER, lifetime=3600),
    "CONTRACT_ADMIN_TOKEN": token(DEFAULT_CALLER, scopes=["admin"], lifetime=3600),
    "CONTRACT_API_KEY": TOKEN_SETTINGS["ADMIN_API_KEYS"].split(",")[0],
}


def _config() -> SchemathesisConfig:
    """devtools/schemathesis.toml with this suite's credentials in place of its ${CONTRACT_*} variables."""
    text = CONFIG.read_text(encoding="utf-8")
    for name, value in CREDENTIALS.items():
        text = text.replace("${" + name + "}", value)
    # the spec's `servers: [{url: .}]` would make schemathesis request `./`-relative paths
    return SchemathesisConfig.from_str('base-url = "http://localhost"\n' + text)


@pytest.fixture(scope="module", autouse=True)
def contract_stage() -> Iterator[None]:
    """The stage `app.py` runs as: in-memory storage, the test token settings, responses enforced; its
    caller (DEFAULT_CALLER) registered as a user, since only registered users write posts and comments."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in TOKEN_SETTINGS.items():
            patch.setenv(name, value)
        for name in ("JWT_JWKS", "JWT_JWKS_URL", "JWT_ALGORITHMS", "CURSOR_SECRET", "MAX_IMAGE_BYTES"):
            patch.delenv(name, raising=False)
        patch.setenv("STORAGE", "memory")
        patch.setenv("RESPONSE_VALIDATION", "enforce")
        _fresh_stage()
        try:
            yield
        finally:
            _forget_state()


def _app() -> ChaliceWSGI:
    from app import app

    return ChaliceWSGI(app)


APP = _app()
schema = schemathesis.openapi.from_path(SPEC, config=_config())
schema.app = APP


@schema.parametrize()
@SETTINGS
def test_contract(case: Any) -> None:
    """Every operation, positive and negative data, every check."""
    case.call_and_validate()


def test_stateful() -> None:
    """Scenarios through the spec's links, every check on every step."""

    class FromAFreshStage(schema.as_state_machine()):  # type: ignore[misc]  # built at run time by schemathesis
        def setup(self) -> None:
            # every scenario starts from the same (empty) state: a replay while hypothesis shrinks sees the
            # same answers, instead of the leftovers of earlier scenarios (FlakyStrategyDefinition)
            _fresh_stage()

    FromAFreshStage.run(
        settings=settings(
            SETTINGS,
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=8,
            # derandomized replays of link-driven scenarios trip hypothesis's FlakyStrategyDefinition (the
            # next step's strategy depends on the previous response): random order, no example database
            derandomize=False,
        )
    )
