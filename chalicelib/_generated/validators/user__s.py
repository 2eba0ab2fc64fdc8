# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import (
    DATE_TIMES_OK,
    UUIDS_OK,
    Err,
    date_time_ok,
    esc,
    is_email,
    r,
    uuid_ok,
)

_s_K1 = frozenset({"id", "name", "email", "created_at"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if type(x1) is str:
                if x1 not in UUIDS_OK and not uuid_ok(x1):
                    e.append((p + "/id", r(x1) + " is not a valid 'uuid'", "format"))
                    ok = False
            else:
                e.append((p + "/id", r(x1) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'id' is a required property", "required"))
            ok = False
        if "name" in x:
            x4 = x["name"]
            if type(x4) is str:
                if not 1 <= len(x4) <= 100:
                    if len(x4) < 1:
                        e.append((p + "/name", r(x4) + " is shorter than 1 character", "minLength"))
                        ok = False
                    if len(x4) > 100:
                        e.append((p + "/name", r(x4) + " is longer than 100 characters", "maxLength"))
                        ok = False
            else:
                e.append((p + "/name", r(x4) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'name' is a required property", "required"))
            ok = False
        if "email" in x:
            x7 = x["email"]
            if type(x7) is str:
                if len(x7) > 254:
                    e.append((p + "/email", r(x7) + " is longer than 254 characters", "maxLength"))
                    ok = False
                if not is_email(x7):
                    e.append((p + "/email", r(x7) + " is not a valid 'email'", "format"))
                    ok = False
            else:
                e.append((p + "/email", r(x7) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'email' is a required property", "required"))
            ok = False
        if "created_at" in x:
            x10 = x["created_at"]
            if type(x10) is str:
                if x10 not in DATE_TIMES_OK and not date_time_ok(x10):
                    e.append((p + "/created_at", r(x10) + " is not a valid 'date-time'", "format"))
                    ok = False
            else:
                e.append((p + "/created_at", r(x10) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'created_at' is a required property", "required"))
            ok = False
        if not _s_K1.issuperset(x):
            for k15 in x:
                if k15 not in _s_K1:
                    e.append(
                        (
                            p + "/" + esc(k15),
                            "additional property " + r(k15) + " is not allowed",
                            "additionalProperties",
                        )
                    )
                    ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
