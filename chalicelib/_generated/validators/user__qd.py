# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, is_email, r

_qd_K1 = frozenset({"id", "name", "email", "created_at"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            e.append((p + "/id", "readOnly", "'id' is read-only and must not be sent"))
            ok = False
        if "created_at" in x:
            e.append((p + "/created_at", "readOnly", "'created_at' is read-only and must not be sent"))
            ok = False
        if "name" in x:
            x1 = x["name"]
            if type(x1) is str:
                if not 1 <= len(x1) <= 100:
                    if len(x1) < 1:
                        e.append((p + "/name", "minLength", r(x1) + " is shorter than 1 character"))
                        ok = False
                    if len(x1) > 100:
                        e.append((p + "/name", "maxLength", r(x1) + " is longer than 100 characters"))
                        ok = False
            else:
                e.append((p + "/name", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'name' is a required property"))
            ok = False
        if "email" in x:
            x4 = x["email"]
            if type(x4) is str:
                if len(x4) > 254:
                    e.append((p + "/email", "maxLength", r(x4) + " is longer than 254 characters"))
                    ok = False
                if not is_email(x4):
                    e.append((p + "/email", "format", r(x4) + " is not a valid 'email'"))
                    ok = False
            else:
                e.append((p + "/email", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'email' is a required property"))
            ok = False
        if not _qd_K1.issuperset(x):
            for k7 in x:
                if k7 not in _qd_K1:
                    e.append(
                        (
                            p + "/" + esc(k7),
                            "additionalProperties",
                            "additional property " + r(k7) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
