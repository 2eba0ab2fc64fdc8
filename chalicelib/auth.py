"""The application's credential checks, registered with the runtime's verifiers (issue 7).

Bearer tokens are JWTs checked by the runtime from the stage's JWT_* settings; what is left to the
application is the operator api keys: `ADMIN_API_KEYS` (comma-separated) of the stage, compared in
constant time. app.py calls `register()` at start-up.
"""

from __future__ import annotations

import os

from chalicelib.runtime import ProblemError
from chalicelib.runtime.security import Principal, verifiers


def _admin_keys() -> list[bytes]:
    return [k.strip().encode() for k in (os.environ.get("ADMIN_API_KEYS") or "").split(",") if k.strip()]


def register() -> None:
    """Register this module's verifiers (app.py calls it once at start-up)."""
    verifiers.api_key("apiKey")(verify_admin_key)


def verify_admin_key(presented: str) -> Principal | None:
    """An operator: any of the stage's keys, every one compared (no early exit on a match)."""
    import hmac  # on the first api key seen: hmac loads OpenSSL's hashlib, not worth a cold start

    given = presented.encode()
    matched = False
    for key in _admin_keys():
        matched |= hmac.compare_digest(given, key)
    return Principal(subject=None, scopes=frozenset({"operator"})) if matched else None


def caller_id(principal: Principal) -> str:
    """The calling user's id: the token's `sub`, which this API's user ids are (UUIDs)."""
    import uuid  # on the first secured request, not at start-up (uuid pulls in `platform`)

    subject = principal.subject or ""
    try:
        uuid.UUID(subject)
    except ValueError:
        raise ProblemError(403, "The token's subject is not a user id of this API.") from None
    return subject
