# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "name" in x:
            x1 = x["name"]
            if type(x1) is not str:
                e.append((p + "/name", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'name' is a required property"))
            ok = False
        if "children" in x:
            x4 = x["children"]
            if type(x4) is list:
                for i7, x8 in enumerate(x4):
                    if not v(x8, p + "/children/" + str(i7), e):
                        ok = False
            else:
                e.append((p + "/children", "type", r(x4) + " is not of type 'array'"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
