# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

from . import comment__s as _c_comment__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "comments" in x:
            x1 = x["comments"]
            if type(x1) is list:
                for i4, x5 in enumerate(x1):
                    if not _c_comment__s.v(x5, p + "/comments/" + str(i4), e):
                        ok = False
            else:
                e.append((p + "/comments", "type", r(x1) + " is not of type 'array'"))
                ok = False
        else:
            e.append((p, "required", "'comments' is a required property"))
            ok = False
        if "next_cursor" in x:
            x8 = x["next_cursor"]
            if not (type(x8) is str or x8 is None):
                e.append((p + "/next_cursor", "type", r(x8) + " is not of type 'string', 'null'"))
                ok = False
        else:
            e.append((p, "required", "'next_cursor' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
