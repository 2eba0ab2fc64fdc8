# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r, unique

from . import tag__qd as _c_tag__qd

_qd_K1 = frozenset({"name", "description", "price", "tags"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "name" not in x:
            e.append((p, "'name' is a required property", "required"))
            ok = False
        if "price" not in x:
            e.append((p, "'price' is a required property", "required"))
            ok = False
        if "name" in x:
            x1 = x["name"]
            if type(x1) is str:
                if len(x1) < 1:
                    e.append((p + "/name", r(x1) + " is shorter than 1 character", "minLength"))
                    ok = False
                if len(x1) > 200:
                    e.append((p + "/name", r(x1) + " is longer than 200 characters", "maxLength"))
                    ok = False
            else:
                e.append((p + "/name", r(x1) + " is not of type 'string'", "type"))
                ok = False
        if "description" in x:
            x4 = x["description"]
            if type(x4) is str:
                if len(x4) > 2000:
                    e.append((p + "/description", r(x4) + " is longer than 2000 characters", "maxLength"))
                    ok = False
            else:
                e.append((p + "/description", r(x4) + " is not of type 'string'", "type"))
                ok = False
        if "price" in x:
            x7 = x["price"]
            if type(x7) is int or type(x7) is float:
                if x7 < 0:
                    e.append((p + "/price", r(x7) + " is less than the minimum of 0", "minimum"))
                    ok = False
            else:
                e.append((p + "/price", r(x7) + " is not of type 'number'", "type"))
                ok = False
        if "tags" in x:
            x10 = x["tags"]
            if type(x10) is list:
                if len(x10) > 10:
                    e.append(
                        (p + "/tags", "expected at most 10 items" + ", got " + str(len(x10)), "maxItems")
                    )
                    ok = False
                if not unique(x10):
                    e.append((p + "/tags", "items are not unique", "uniqueItems"))
                    ok = False
                for i13, x14 in enumerate(x10):
                    if not _c_tag__qd.v(x14, p + "/tags/" + str(i13), e):
                        ok = False
            else:
                e.append((p + "/tags", r(x10) + " is not of type 'array'", "type"))
                ok = False
        if not x.keys() <= _qd_K1:
            for k17 in x:
                if k17 not in _qd_K1:
                    e.append(
                        (
                            p + "/" + esc(k17),
                            "additional property " + r(k17) + " is not allowed",
                            "additionalProperties",
                        )
                    )
                    ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
