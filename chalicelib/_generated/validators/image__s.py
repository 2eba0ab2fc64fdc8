# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

_s_E1 = frozenset({"image/png", "image/jpeg"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "content_type" in x:
            x1 = x["content_type"]
            if type(x1) is not str:
                e.append((p + "/content_type", "type", r(x1) + " is not of type 'string'"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append((p + "/content_type", "enum", r(x1) + ' is not one of ["image/png", "image/jpeg"]'))
                ok = False
        else:
            e.append((p, "required", "'content_type' is a required property"))
            ok = False
        if "size" in x:
            x4 = x["size"]
            if type(x4) is int or type(x4) is float:
                if type(x4) is float and not x4.is_integer():
                    e.append((p + "/size", "type", r(x4) + " is not of type 'integer'"))
                    ok = False
                if x4 < 1:
                    e.append((p + "/size", "minimum", r(x4) + " is less than the minimum of 1"))
                    ok = False
            else:
                e.append((p + "/size", "type", r(x4) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'size' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
