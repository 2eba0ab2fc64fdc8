# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if type(x1) is not str:
                e.append((p + "/id", r(x1) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'id' is a required property", "required"))
            ok = False
        if "display_name" in x:
            x4 = x["display_name"]
            if type(x4) is not str:
                e.append((p + "/display_name", r(x4) + " is not of type 'string'", "type"))
                ok = False
        if "nickname" in x:
            x7 = x["nickname"]
            if not (type(x7) is str or x7 is None):
                e.append((p + "/nickname", r(x7) + " is not of type 'string', 'null'", "type"))
                ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
