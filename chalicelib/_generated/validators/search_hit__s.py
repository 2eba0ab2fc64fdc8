# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import UUIDS_OK, Err, r, uuid_ok

_s_E1 = frozenset({"items", "posts"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "type" in x:
            x1 = x["type"]
            if type(x1) is not str:
                e.append((p + "/type", "type", r(x1) + " is not of type 'string'"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append((p + "/type", "enum", r(x1) + ' is not one of ["items", "posts"]'))
                ok = False
        else:
            e.append((p, "required", "'type' is a required property"))
            ok = False
        if "id" in x:
            x4 = x["id"]
            if type(x4) is str:
                if x4 not in UUIDS_OK and not uuid_ok(x4):
                    e.append((p + "/id", "format", r(x4) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/id", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
        if "title" in x:
            x7 = x["title"]
            if type(x7) is not str:
                e.append((p + "/title", "type", r(x7) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'title' is a required property"))
            ok = False
        if "href" in x:
            x10 = x["href"]
            if type(x10) is not str:
                e.append((p + "/href", "type", r(x10) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'href' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
