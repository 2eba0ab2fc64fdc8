# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

from . import item__s as _c_item__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "items" in x:
            x1 = x["items"]
            if type(x1) is list:
                for i4, x5 in enumerate(x1):
                    if not _c_item__s.v(x5, p + "/items/" + str(i4), e):
                        ok = False
            else:
                e.append((p + "/items", "type", r(x1) + " is not of type 'array'"))
                ok = False
        else:
            e.append((p, "required", "'items' is a required property"))
            ok = False
        if "next" in x:
            x8 = x["next"]
            if not (type(x8) is str or x8 is None):
                e.append((p + "/next", "type", r(x8) + " is not of type 'string', 'null'"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
