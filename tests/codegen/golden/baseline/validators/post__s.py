# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if not (type(x1) is int or (type(x1) is float and x1.is_integer())):
                e.append((p + "/id", r(x1) + " is not of type 'integer'", "type"))
                ok = False
        else:
            e.append((p, "'id' is a required property", "required"))
            ok = False
        if "title" in x:
            x4 = x["title"]
            if type(x4) is not str:
                e.append((p + "/title", r(x4) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'title' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
