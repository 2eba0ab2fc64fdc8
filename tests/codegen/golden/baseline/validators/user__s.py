# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if type(x1) is not str:
                e.append((p + "/id", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
        if "display_name" in x:
            x4 = x["display_name"]
            if type(x4) is not str:
                e.append((p + "/display_name", "type", r(x4) + " is not of type 'string'"))
                ok = False
        if "nickname" in x:
            x7 = x["nickname"]
            if not (type(x7) is str or x7 is None):
                e.append((p + "/nickname", "type", r(x7) + " is not of type 'string', 'null'"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
