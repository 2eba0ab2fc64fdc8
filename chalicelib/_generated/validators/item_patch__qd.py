# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r, unique

_qd_E1 = frozenset({"draft", "active", "archived"})
_qd_K2 = frozenset({"name", "description", "price", "tags", "status"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if len(x) < 1:
            e.append((p, "minProperties", "expected at least 1 properties" + ", got " + str(len(x))))
            ok = False
        if "name" in x:
            x1 = x["name"]
            if type(x1) is str:
                if not 1 <= len(x1) <= 200:
                    if len(x1) < 1:
                        e.append((p + "/name", "minLength", r(x1) + " is shorter than 1 character"))
                        ok = False
                    if len(x1) > 200:
                        e.append((p + "/name", "maxLength", r(x1) + " is longer than 200 characters"))
                        ok = False
            else:
                e.append((p + "/name", "type", r(x1) + " is not of type 'string'"))
                ok = False
        if "description" in x:
            x4 = x["description"]
            if type(x4) is str:
                if len(x4) > 2000:
                    e.append((p + "/description", "maxLength", r(x4) + " is longer than 2000 characters"))
                    ok = False
            elif x4 is not None:
                e.append((p + "/description", "type", r(x4) + " is not of type 'string', 'null'"))
                ok = False
        if "price" in x:
            x7 = x["price"]
            if type(x7) is int or type(x7) is float:
                if x7 < 0:
                    e.append((p + "/price", "minimum", r(x7) + " is less than the minimum of 0"))
                    ok = False
                if x7 > 1000000000000:
                    e.append(
                        (p + "/price", "maximum", r(x7) + " is greater than the maximum of 1000000000000")
                    )
                    ok = False
            else:
                e.append((p + "/price", "type", r(x7) + " is not of type 'number'"))
                ok = False
            o11 = True
            if type(x7) is int or type(x7) is float:
                if x7 <= 0:
                    o11 = False
                if x7 >= 1e-130:
                    o11 = False
            else:
                o11 = False
            if o11:
                e.append(
                    (
                        p + "/price",
                        "not",
                        r(x7)
                        + ' should not be valid under {"type": "number", "exclusiveMinimum": 0, "exclusiveMaxim...',
                    )
                )
                ok = False
        if "tags" in x:
            x14 = x["tags"]
            if type(x14) is list:
                if len(x14) > 10:
                    e.append(
                        (p + "/tags", "maxItems", "expected at most 10 items" + ", got " + str(len(x14)))
                    )
                    ok = False
                if len(x14) > 1 and not unique(x14):
                    e.append((p + "/tags", "uniqueItems", "items are not unique"))
                    ok = False
                for i17, x18 in enumerate(x14):
                    if type(x18) is str:
                        if not 1 <= len(x18) <= 32:
                            if len(x18) < 1:
                                e.append(
                                    (
                                        p + "/tags/" + str(i17),
                                        "minLength",
                                        r(x18) + " is shorter than 1 character",
                                    )
                                )
                                ok = False
                            if len(x18) > 32:
                                e.append(
                                    (
                                        p + "/tags/" + str(i17),
                                        "maxLength",
                                        r(x18) + " is longer than 32 characters",
                                    )
                                )
                                ok = False
                        if not x18 or x18.strip("-0123456789abcdefghijklmnopqrstuvwxyz"):
                            e.append(
                                (
                                    p + "/tags/" + str(i17),
                                    "pattern",
                                    r(x18) + ' does not match "^[a-z0-9-]+$"',
                                )
                            )
                            ok = False
                    else:
                        e.append((p + "/tags/" + str(i17), "type", r(x18) + " is not of type 'string'"))
                        ok = False
            else:
                e.append((p + "/tags", "type", r(x14) + " is not of type 'array'"))
                ok = False
        if "status" in x:
            x23 = x["status"]
            if type(x23) is not str:
                e.append((p + "/status", "type", r(x23) + " is not of type 'string'"))
                ok = False
            if not (type(x23) is str and x23 in _qd_E1):
                e.append((p + "/status", "enum", r(x23) + ' is not one of ["draft", "active", "archived"]'))
                ok = False
        if not _qd_K2.issuperset(x):
            for k28 in x:
                if k28 not in _qd_K2:
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
