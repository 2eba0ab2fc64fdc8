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
                e.append((p + "/content_type", r(x1) + " is not of type 'string'", "type"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append((p + "/content_type", r(x1) + ' is not one of ["image/png", "image/jpeg"]', "enum"))
                ok = False
        else:
            e.append((p, "'content_type' is a required property", "required"))
            ok = False
        if "size" in x:
            x4 = x["size"]
            if type(x4) is int or type(x4) is float:
                if type(x4) is float and not x4.is_integer():
                    e.append((p + "/size", r(x4) + " is not of type 'integer'", "type"))
                    ok = False
                if x4 < 1:
                    e.append((p + "/size", r(x4) + " is less than the minimum of 1", "minimum"))
                    ok = False
            else:
                e.append((p + "/size", r(x4) + " is not of type 'integer'", "type"))
                ok = False
        else:
            e.append((p, "'size' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
