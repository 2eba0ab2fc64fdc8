# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import (
    Err,
    Regex,
    esc,
    is_date_time,
    is_uuid,
    r,
    unique,
)

from . import image__s as _c_image__s

_s_K1 = frozenset({"id", "name", "price", "version", "created_at", "updated_at"})
_s_P2 = Regex(None, "^[\\-0-9a-z]+\\Z", "match")
_s_E3 = frozenset({"draft", "active", "archived"})
_s_K4 = frozenset(
    {"id", "name", "description", "price", "tags", "status", "image", "version", "created_at", "updated_at"}
)


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if not _s_K1 <= x.keys():
            if "id" not in x:
                e.append((p, "'id' is a required property", "required"))
                ok = False
            if "name" not in x:
                e.append((p, "'name' is a required property", "required"))
                ok = False
            if "price" not in x:
                e.append((p, "'price' is a required property", "required"))
                ok = False
            if "version" not in x:
                e.append((p, "'version' is a required property", "required"))
                ok = False
            if "created_at" not in x:
                e.append((p, "'created_at' is a required property", "required"))
                ok = False
            if "updated_at" not in x:
                e.append((p, "'updated_at' is a required property", "required"))
                ok = False
        if "id" in x:
            x1 = x["id"]
            if type(x1) is str:
                if not is_uuid(x1):
                    e.append((p + "/id", r(x1) + " is not a valid 'uuid'", "format"))
                    ok = False
            else:
                e.append((p + "/id", r(x1) + " is not of type 'string'", "type"))
                ok = False
        if "name" in x:
            x4 = x["name"]
            if type(x4) is str:
                if len(x4) < 1:
                    e.append((p + "/name", r(x4) + " is shorter than 1 character", "minLength"))
                    ok = False
                if len(x4) > 200:
                    e.append((p + "/name", r(x4) + " is longer than 200 characters", "maxLength"))
                    ok = False
            else:
                e.append((p + "/name", r(x4) + " is not of type 'string'", "type"))
                ok = False
        if "description" in x:
            x7 = x["description"]
            if type(x7) is str:
                if len(x7) > 2000:
                    e.append((p + "/description", r(x7) + " is longer than 2000 characters", "maxLength"))
                    ok = False
            else:
                e.append((p + "/description", r(x7) + " is not of type 'string'", "type"))
                ok = False
        if "price" in x:
            x10 = x["price"]
            if type(x10) is int or type(x10) is float:
                if x10 < 0:
                    e.append((p + "/price", r(x10) + " is less than the minimum of 0", "minimum"))
                    ok = False
                if x10 > 1000000000000:
                    e.append(
                        (p + "/price", r(x10) + " is greater than the maximum of 1000000000000", "maximum")
                    )
                    ok = False
            else:
                e.append((p + "/price", r(x10) + " is not of type 'number'", "type"))
                ok = False
        if "tags" in x:
            x13 = x["tags"]
            if type(x13) is list:
                if len(x13) > 10:
                    e.append(
                        (p + "/tags", "expected at most 10 items" + ", got " + str(len(x13)), "maxItems")
                    )
                    ok = False
                if not unique(x13):
                    e.append((p + "/tags", "items are not unique", "uniqueItems"))
                    ok = False
                for i16, x17 in enumerate(x13):
                    if type(x17) is str:
                        if len(x17) < 1:
                            e.append(
                                (
                                    p + "/tags/" + str(i16),
                                    r(x17) + " is shorter than 1 character",
                                    "minLength",
                                )
                            )
                            ok = False
                        if len(x17) > 32:
                            e.append(
                                (
                                    p + "/tags/" + str(i16),
                                    r(x17) + " is longer than 32 characters",
                                    "maxLength",
                                )
                            )
                            ok = False
                        if not _s_P2.search(x17):
                            e.append(
                                (
                                    p + "/tags/" + str(i16),
                                    r(x17) + ' does not match "^[a-z0-9-]+$"',
                                    "pattern",
                                )
                            )
                            ok = False
                    else:
                        e.append((p + "/tags/" + str(i16), r(x17) + " is not of type 'string'", "type"))
                        ok = False
            else:
                e.append((p + "/tags", r(x13) + " is not of type 'array'", "type"))
                ok = False
        if "status" in x:
            x22 = x["status"]
            if type(x22) is not str:
                e.append((p + "/status", r(x22) + " is not of type 'string'", "type"))
                ok = False
            if not (type(x22) is str and x22 in _s_E3):
                e.append((p + "/status", r(x22) + ' is not one of ["draft", "active", "archived"]', "enum"))
                ok = False
        if "image" in x:
            x29 = x["image"]
            if not _c_image__s.v(x29, p + "/image", e):
                ok = False
        if "version" in x:
            x32 = x["version"]
            if type(x32) is int or type(x32) is float:
                if type(x32) is float and not x32.is_integer():
                    e.append((p + "/version", r(x32) + " is not of type 'integer'", "type"))
                    ok = False
                if x32 < 1:
                    e.append((p + "/version", r(x32) + " is less than the minimum of 1", "minimum"))
                    ok = False
            else:
                e.append((p + "/version", r(x32) + " is not of type 'integer'", "type"))
                ok = False
        if "created_at" in x:
            x37 = x["created_at"]
            if type(x37) is str:
                if not is_date_time(x37):
                    e.append((p + "/created_at", r(x37) + " is not a valid 'date-time'", "format"))
                    ok = False
            else:
                e.append((p + "/created_at", r(x37) + " is not of type 'string'", "type"))
                ok = False
        if "updated_at" in x:
            x42 = x["updated_at"]
            if type(x42) is str:
                if not is_date_time(x42):
                    e.append((p + "/updated_at", r(x42) + " is not a valid 'date-time'", "format"))
                    ok = False
            else:
                e.append((p + "/updated_at", r(x42) + " is not of type 'string'", "type"))
                ok = False
        if not x.keys() <= _s_K4:
            for k47 in x:
                if k47 not in _s_K4:
                    e.append(
                        (
                            p + "/" + esc(k47),
                            "additional property " + r(k47) + " is not allowed",
                            "additionalProperties",
                        )
                    )
                    ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
