# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import (
    DATE_TIMES_OK,
    UUIDS_OK,
    Err,
    date_time_ok,
    esc,
    r,
    unique,
    uuid_ok,
)

from . import image__s as _c_image__s

_s_E1 = frozenset({"draft", "active", "archived"})
_s_K2 = frozenset(
    {"id", "name", "description", "price", "tags", "status", "image", "version", "created_at", "updated_at"}
)


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
                if not 1 <= len(x4) <= 200:
                    if len(x4) < 1:
                        e.append((p + "/name", "minLength", r(x4) + " is shorter than 1 character"))
                        ok = False
                    if len(x4) > 200:
                        e.append((p + "/name", "maxLength", r(x4) + " is longer than 200 characters"))
                        ok = False
            else:
                e.append((p + "/name", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'name' is a required property"))
            ok = False
        if "description" in x:
            x7 = x["description"]
            if type(x7) is str:
                if len(x7) > 2000:
                    e.append((p + "/description", "maxLength", r(x7) + " is longer than 2000 characters"))
                    ok = False
            else:
                e.append((p + "/description", "type", r(x7) + " is not of type 'string'"))
                ok = False
        if "price" in x:
            x10 = x["price"]
            if type(x10) is int or type(x10) is float:
                if x10 < 0:
                    e.append((p + "/price", "minimum", r(x10) + " is less than the minimum of 0"))
                    ok = False
                if x10 > 1000000000000:
                    e.append(
                        (p + "/price", "maximum", r(x10) + " is greater than the maximum of 1000000000000")
                    )
                    ok = False
            else:
                e.append((p + "/price", "type", r(x10) + " is not of type 'number'"))
                ok = False
            o14 = True
            if type(x10) is int or type(x10) is float:
                if x10 <= 0:
                    o14 = False
                if x10 >= 1e-130:
                    o14 = False
            else:
                o14 = False
            if o14:
                e.append(
                    (
                        p + "/price",
                        "not",
                        r(x10)
                        + ' should not be valid under {"type": "number", "exclusiveMinimum": 0, "exclusiveMaxim...',
                    )
                )
                ok = False
        else:
            e.append((p, "required", "'price' is a required property"))
            ok = False
        if "tags" in x:
            x17 = x["tags"]
            if type(x17) is list:
                if len(x17) > 10:
                    e.append(
                        (p + "/tags", "maxItems", "expected at most 10 items" + ", got " + str(len(x17)))
                    )
                    ok = False
                if len(x17) > 1 and not unique(x17):
                    e.append((p + "/tags", "uniqueItems", "items are not unique"))
                    ok = False
                for i20, x21 in enumerate(x17):
                    if type(x21) is str:
                        if not 1 <= len(x21) <= 32:
                            if len(x21) < 1:
                                e.append(
                                    (
                                        p + "/tags/" + str(i20),
                                        "minLength",
                                        r(x21) + " is shorter than 1 character",
                                    )
                                )
                                ok = False
                            if len(x21) > 32:
                                e.append(
                                    (
                                        p + "/tags/" + str(i20),
                                        "maxLength",
                                        r(x21) + " is longer than 32 characters",
                                    )
                                )
                                ok = False
                        if not x21 or x21.strip("-0123456789abcdefghijklmnopqrstuvwxyz"):
                            e.append(
                                (
                                    p + "/tags/" + str(i20),
                                    "pattern",
                                    r(x21) + ' does not match "^[a-z0-9-]+$"',
                                )
                            )
                            ok = False
                    else:
                        e.append((p + "/tags/" + str(i20), "type", r(x21) + " is not of type 'string'"))
                        ok = False
            else:
                e.append((p + "/tags", "type", r(x17) + " is not of type 'array'"))
                ok = False
        if "status" in x:
            x26 = x["status"]
            if type(x26) is not str:
                e.append((p + "/status", "type", r(x26) + " is not of type 'string'"))
                ok = False
            if not (type(x26) is str and x26 in _s_E1):
                e.append((p + "/status", "enum", r(x26) + ' is not one of ["draft", "active", "archived"]'))
                ok = False
        if "image" in x:
            x33 = x["image"]
            if not _c_image__s.v(x33, p + "/image", e):
                ok = False
        if "version" in x:
            x36 = x["version"]
            if type(x36) is int or type(x36) is float:
                if type(x36) is float and not x36.is_integer():
                    e.append((p + "/version", "type", r(x36) + " is not of type 'integer'"))
                    ok = False
                if x36 < 1:
                    e.append((p + "/version", "minimum", r(x36) + " is less than the minimum of 1"))
                    ok = False
            else:
                e.append((p + "/version", "type", r(x36) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'version' is a required property"))
            ok = False
        if "created_at" in x:
            x41 = x["created_at"]
            if type(x41) is str:
                if x41 not in DATE_TIMES_OK and not date_time_ok(x41):
                    e.append((p + "/created_at", "format", r(x41) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/created_at", "type", r(x41) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'created_at' is a required property"))
            ok = False
        if "updated_at" in x:
            x46 = x["updated_at"]
            if type(x46) is str:
                if x46 not in DATE_TIMES_OK and not date_time_ok(x46):
                    e.append((p + "/updated_at", "format", r(x46) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/updated_at", "type", r(x46) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'updated_at' is a required property"))
            ok = False
        if not _s_K2.issuperset(x):
            for k51 in x:
                if k51 not in _s_K2:
                    e.append(
                        (
                            p + "/" + esc(k51),
                            "additionalProperties",
                            "additional property " + r(k51) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
