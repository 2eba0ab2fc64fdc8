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
                e.append((p + "/id", r(x5) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'id' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
