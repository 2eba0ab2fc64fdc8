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
                    e.append((p + "/id", "format", r(x1) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/id", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
        if "name" in x:
            x4 = x["name"]
            if type(x4) is str:
                if not 1 <= len(x4) <= 100:
                    if len(x4) < 1:
                        e.append((p + "/name", "minLength", r(x4) + " is shorter than 1 character"))
                        ok = False
                    if len(x4) > 100:
                        e.append((p + "/name", "maxLength", r(x4) + " is longer than 100 characters"))
                        ok = False
            else:
                e.append((p + "/name", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'name' is a required property"))
            ok = False
        if "email" in x:
            x7 = x["email"]
            if type(x7) is str:
                if len(x7) > 254:
                    e.append((p + "/email", "maxLength", r(x7) + " is longer than 254 characters"))
                    ok = False
                if not is_email(x7):
                    e.append((p + "/email", "format", r(x7) + " is not a valid 'email'"))
                    ok = False
            else:
                e.append((p + "/email", "type", r(x7) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'email' is a required property"))
            ok = False
        if "created_at" in x:
            x10 = x["created_at"]
            if type(x10) is str:
                if x10 not in DATE_TIMES_OK and not date_time_ok(x10):
                    e.append((p + "/created_at", "format", r(x10) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/created_at", "type", r(x10) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'created_at' is a required property"))
            ok = False
        if not _s_K1.issuperset(x):
            for k15 in x:
                if k15 not in _s_K1:
                    e.append(
                        (
                            p + "/" + esc(k15),
                            "additionalProperties",
                            "additional property " + r(k15) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
