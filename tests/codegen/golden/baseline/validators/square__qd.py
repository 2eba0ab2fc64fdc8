# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "kind" in x:
            x1 = x["kind"]
            if x1 != "square":
                e.append((p + "/kind", r(x1) + ' should be "square"', "const"))
                ok = False
        else:
            e.append((p, "'kind' is a required property", "required"))
            ok = False
        if "side" in x:
            x4 = x["side"]
            if not (type(x4) is int or type(x4) is float):
                e.append((p + "/side", r(x4) + " is not of type 'number'", "type"))
                ok = False
        else:
            e.append((p, "'side' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
