# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r

from . import status__s as _c_status__s

_s_K1 = frozenset({"name", "price", "status", "note", "content-type", "tags"})


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
            else:
                e.append((p + "/name", r(x1) + " is not of type 'string'", "type"))
                ok = False
        if "price" in x:
            x4 = x["price"]
            if type(x4) is int or type(x4) is float:
                if x4 < 0:
                    e.append((p + "/price", r(x4) + " is less than the minimum of 0", "minimum"))
                    ok = False
            else:
                e.append((p + "/price", r(x4) + " is not of type 'number'", "type"))
                ok = False
        if "status" in x:
            x7 = x["status"]
            if not _c_status__s.v(x7, p + "/status", e):
                ok = False
        if "note" in x:
            x10 = x["note"]
            if not (type(x10) is str or x10 is None):
                e.append((p + "/note", r(x10) + " is not of type 'string', 'null'", "type"))
                ok = False
        if "content-type" in x:
            x13 = x["content-type"]
            if type(x13) is not str:
                e.append((p + "/content-type", r(x13) + " is not of type 'string'", "type"))
                ok = False
        if "tags" in x:
            x16 = x["tags"]
            if type(x16) is list:
                for i19, x20 in enumerate(x16):
                    if type(x20) is not str:
                        e.append((p + "/tags/" + str(i19), r(x20) + " is not of type 'string'", "type"))
                        ok = False
            else:
                e.append((p + "/tags", r(x16) + " is not of type 'array'", "type"))
                ok = False
        if not x.keys() <= _s_K1:
            for k23 in x:
                if k23 not in _s_K1:
                    e.append(
                        (
                            p + "/" + esc(k23),
                            "additional property " + r(k23) + " is not allowed",
                            "additionalProperties",
                        )
                    )
                    ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
