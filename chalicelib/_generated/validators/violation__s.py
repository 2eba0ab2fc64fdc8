# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

_s_E1 = frozenset({"path", "query", "header", "cookie", "body", "response"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "location" in x:
            x1 = x["location"]
            if type(x1) is not str:
                e.append((p + "/location", "type", r(x1) + " is not of type 'string'"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append(
                    (
                        p + "/location",
                        "enum",
                        r(x1) + ' is not one of ["path", "query", "header", "cookie", "body", "response"]',
                    )
                )
                ok = False
        else:
            e.append((p, "required", "'location' is a required property"))
            ok = False
        if "pointer" in x:
            x4 = x["pointer"]
            if type(x4) is not str:
                e.append((p + "/pointer", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'pointer' is a required property"))
            ok = False
        if "message" in x:
            x7 = x["message"]
            if type(x7) is not str:
                e.append((p + "/message", "type", r(x7) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'message' is a required property"))
            ok = False
        if "keyword" in x:
            x10 = x["keyword"]
            if type(x10) is not str:
                e.append((p + "/keyword", "type", r(x10) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'keyword' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
