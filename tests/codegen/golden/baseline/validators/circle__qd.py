# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "kind" in x:
            x1 = x["kind"]
            if x1 != "circle":
                e.append((p + "/kind", r(x1) + ' should be "circle"', "const"))
                ok = False
        else:
            e.append((p, "'kind' is a required property", "required"))
            ok = False
        if "radius" in x:
            x4 = x["radius"]
            if not (type(x4) is int or type(x4) is float):
                e.append((p + "/radius", r(x4) + " is not of type 'number'", "type"))
                ok = False
        else:
            e.append((p, "'radius' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
