# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r

_qd_E1 = frozenset({"draft", "published", "archived"})
_qd_K2 = frozenset({"name", "price", "status", "note", "content-type", "tags"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "name" in x:
            x1 = x["name"]
            if type(x1) is str:
                if len(x1) < 1:
                    e.append((p + "/name", "minLength", r(x1) + " is shorter than 1 character"))
                    ok = False
            else:
                e.append((p + "/name", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'name' is a required property"))
            ok = False
        if "price" in x:
            x4 = x["price"]
            if type(x4) is int or type(x4) is float:
                if x4 < 0:
                    e.append((p + "/price", "minimum", r(x4) + " is less than the minimum of 0"))
                    ok = False
            else:
                e.append((p + "/price", "type", r(x4) + " is not of type 'number'"))
                ok = False
        else:
            e.append((p, "required", "'price' is a required property"))
            ok = False
        if "status" in x:
            x7 = x["status"]
            if type(x7) is not str:
                e.append((p + "/status", "type", r(x7) + " is not of type 'string'"))
                ok = False
            if not (type(x7) is str and x7 in _qd_E1):
                e.append((p + "/status", "enum", r(x7) + ' is not one of ["draft", "published", "archived"]'))
                ok = False
        if "note" in x:
            x12 = x["note"]
            if not (type(x12) is str or x12 is None):
                e.append((p + "/note", "type", r(x12) + " is not of type 'string', 'null'"))
                ok = False
        if "content-type" in x:
            x15 = x["content-type"]
            if type(x15) is not str:
                e.append((p + "/content-type", "type", r(x15) + " is not of type 'string'"))
                ok = False
        if "tags" in x:
            x18 = x["tags"]
            if type(x18) is list:
                for i21, x22 in enumerate(x18):
                    if type(x22) is not str:
                        e.append((p + "/tags/" + str(i21), "type", r(x22) + " is not of type 'string'"))
                        ok = False
            else:
                e.append((p + "/tags", "type", r(x18) + " is not of type 'array'"))
                ok = False
        if not _qd_K2.issuperset(x):
            for k25 in x:
                if k25 not in _qd_K2:
                    e.append(
                        (
                            p + "/" + esc(k25),
                            "additionalProperties",
                            "additional property " + r(k25) + " is not allowed",
                        )
                    )
                    ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
