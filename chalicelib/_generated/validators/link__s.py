# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "href" in x:
            x1 = x["href"]
            if type(x1) is not str:
                e.append((p + "/href", r(x1) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'href' is a required property", "required"))
            ok = False
        if "title" in x:
            x4 = x["title"]
            if type(x4) is not str:
                e.append((p + "/title", r(x4) + " is not of type 'string'", "type"))
                ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
