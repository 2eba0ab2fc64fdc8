# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

from . import item_input__s as _c_item_input__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if not _c_item_input__s.v(x, p, e):
        ok = False
    if type(x) is dict:
        if "id" in x:
            x5 = x["id"]
            if type(x5) is not str:
                e.append((p + "/id", "type", r(x5) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
