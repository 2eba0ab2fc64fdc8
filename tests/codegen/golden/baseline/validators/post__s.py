# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if not (type(x1) is int or (type(x1) is float and x1.is_integer())):
                e.append((p + "/id", "type", r(x1) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
        if "title" in x:
            x4 = x["title"]
            if type(x4) is not str:
                e.append((p + "/title", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'title' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
