# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r

_qd_K1 = frozenset({"id", "author_id", "title", "body", "version", "created_at", "updated_at"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            e.append((p + "/id", "readOnly", "'id' is read-only and must not be sent"))
            ok = False
        if "author_id" in x:
            e.append((p + "/author_id", "readOnly", "'author_id' is read-only and must not be sent"))
            ok = False
        if "version" in x:
            e.append((p + "/version", "readOnly", "'version' is read-only and must not be sent"))
            ok = False
        if "created_at" in x:
            e.append((p + "/created_at", "readOnly", "'created_at' is read-only and must not be sent"))
            ok = False
        if "updated_at" in x:
            e.append((p + "/updated_at", "readOnly", "'updated_at' is read-only and must not be sent"))
            ok = False
        if "title" in x:
            x1 = x["title"]
            if type(x1) is str:
                if not 1 <= len(x1) <= 200:
                    if len(x1) < 1:
                        e.append((p + "/title", "minLength", r(x1) + " is shorter than 1 character"))
                        ok = False
                    if len(x1) > 200:
                        e.append((p + "/title", "maxLength", r(x1) + " is longer than 200 characters"))
                        ok = False
            else:
                e.append((p + "/title", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'title' is a required property"))
            ok = False
        if "body" in x:
            x4 = x["body"]
            if type(x4) is str:
                if not 1 <= len(x4) <= 10000:
                    if len(x4) < 1:
                        e.append((p + "/body", "minLength", r(x4) + " is shorter than 1 character"))
                        ok = False
                    if len(x4) > 10000:
                        e.append((p + "/body", "maxLength", r(x4) + " is longer than 10000 characters"))
                        ok = False
            else:
                e.append((p + "/body", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'body' is a required property"))
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
