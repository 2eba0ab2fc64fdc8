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
                e.append((p + "/q", r(x1) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'q' is a required property", "required"))
            ok = False
        if "results" in x:
            x4 = x["results"]
            if type(x4) is list:
                for i7, x8 in enumerate(x4):
                    if not _c_search_hit__s.v(x8, p + "/results/" + str(i7), e):
                        ok = False
            else:
                e.append((p + "/results", r(x4) + " is not of type 'array'", "type"))
                ok = False
        else:
            e.append((p, "'results' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
