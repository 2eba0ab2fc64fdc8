# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import (
    DATE_TIMES_OK,
    UUIDS_OK,
    Err,
    date_time_ok,
    esc,
    r,
    uuid_ok,
)

_s_K1 = frozenset({"id", "author_id", "title", "body", "version", "created_at", "updated_at"})


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
        if "author_id" in x:
            x4 = x["author_id"]
            if type(x4) is str:
                if x4 not in UUIDS_OK and not uuid_ok(x4):
                    e.append((p + "/author_id", "format", r(x4) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/author_id", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'author_id' is a required property"))
            ok = False
        if "title" in x:
            x7 = x["title"]
            if type(x7) is str:
                if not 1 <= len(x7) <= 200:
                    if len(x7) < 1:
                        e.append((p + "/title", "minLength", r(x7) + " is shorter than 1 character"))
                        ok = False
                    if len(x7) > 200:
                        e.append((p + "/title", "maxLength", r(x7) + " is longer than 200 characters"))
                        ok = False
            else:
                e.append((p + "/title", "type", r(x7) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'title' is a required property"))
            ok = False
        if "body" in x:
            x10 = x["body"]
            if type(x10) is str:
                if not 1 <= len(x10) <= 10000:
                    if len(x10) < 1:
                        e.append((p + "/body", "minLength", r(x10) + " is shorter than 1 character"))
                        ok = False
                    if len(x10) > 10000:
                        e.append((p + "/body", "maxLength", r(x10) + " is longer than 10000 characters"))
                        ok = False
            else:
                e.append((p + "/body", "type", r(x10) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'body' is a required property"))
            ok = False
        if "version" in x:
            x13 = x["version"]
            if type(x13) is int or type(x13) is float:
                if type(x13) is float and not x13.is_integer():
                    e.append((p + "/version", "type", r(x13) + " is not of type 'integer'"))
                    ok = False
                if x13 < 1:
                    e.append((p + "/version", "minimum", r(x13) + " is less than the minimum of 1"))
                    ok = False
            else:
                e.append((p + "/version", "type", r(x13) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'version' is a required property"))
            ok = False
        if "created_at" in x:
            x18 = x["created_at"]
            if type(x18) is str:
                if x18 not in DATE_TIMES_OK and not date_time_ok(x18):
                    e.append((p + "/created_at", "format", r(x18) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/created_at", "type", r(x18) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'created_at' is a required property"))
            ok = False
        if "updated_at" in x:
            x23 = x["updated_at"]
            if type(x23) is str:
                if x23 not in DATE_TIMES_OK and not date_time_ok(x23):
                    e.append((p + "/updated_at", "format", r(x23) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/updated_at", "type", r(x23) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'updated_at' is a required property"))
            ok = False
        if not _s_K1.issuperset(x):
            for k28 in x:
                if k28 not in _s_K1:
                    e.append(
                        (
                            p + "/" + esc(k28),
                            "additionalProperties",
                            "additional property " + r(k28) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
