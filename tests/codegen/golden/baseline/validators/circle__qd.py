# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "kind" in x:
            x1 = x["kind"]
            if x1 != "circle":
                e.append((p + "/kind", "const", r(x1) + ' should be "circle"'))
                ok = False
        else:
            e.append((p, "required", "'kind' is a required property"))
            ok = False
        if "radius" in x:
            x4 = x["radius"]
            if not (type(x4) is int or type(x4) is float):
                e.append((p + "/radius", "type", r(x4) + " is not of type 'number'"))
                ok = False
        else:
            e.append((p, "required", "'radius' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
