# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

from . import search_hit__s as _c_search_hit__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "q" in x:
            x1 = x["q"]
            if type(x1) is not str:
                e.append((p + "/q", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'q' is a required property"))
            ok = False
        if "results" in x:
            x4 = x["results"]
            if type(x4) is list:
                for i7, x8 in enumerate(x4):
                    if not _c_search_hit__s.v(x8, p + "/results/" + str(i7), e):
                        ok = False
            else:
                e.append((p + "/results", "type", r(x4) + " is not of type 'array'"))
                ok = False
        else:
            e.append((p, "required", "'results' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
