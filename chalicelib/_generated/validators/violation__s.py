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
                e.append((p + "/location", r(x1) + " is not of type 'string'", "type"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append(
                    (
                        p + "/location",
                        r(x1) + ' is not one of ["path", "query", "header", "cookie", "body", "response"]',
                        "enum",
                    )
                )
                ok = False
        else:
            e.append((p, "'location' is a required property", "required"))
            ok = False
        if "pointer" in x:
            x4 = x["pointer"]
            if type(x4) is not str:
                e.append((p + "/pointer", r(x4) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'pointer' is a required property", "required"))
            ok = False
        if "message" in x:
            x7 = x["message"]
            if type(x7) is not str:
                e.append((p + "/message", r(x7) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'message' is a required property", "required"))
            ok = False
        if "keyword" in x:
            x10 = x["keyword"]
            if type(x10) is not str:
                e.append((p + "/keyword", r(x10) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'keyword' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
