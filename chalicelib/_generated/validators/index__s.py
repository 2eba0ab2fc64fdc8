# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r

from . import link__s as _c_link__s


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
        if "version" in x:
            x4 = x["version"]
            if type(x4) is not str:
                e.append((p + "/version", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'version' is a required property"))
            ok = False
        if "links" in x:
            x7 = x["links"]
            if type(x7) is dict:
                for k8, x9 in x7.items():
                    if not _c_link__s.v(x9, p + "/links/" + esc(k8), e):
                        ok = False
            else:
                e.append((p + "/links", "type", r(x7) + " is not of type 'object'"))
                ok = False
        else:
            e.append((p, "required", "'links' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
