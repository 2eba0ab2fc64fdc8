# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

_s_E1 = frozenset({"ok", "degraded"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "status" in x:
            x1 = x["status"]
            if type(x1) is not str:
                e.append((p + "/status", "type", r(x1) + " is not of type 'string'"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append((p + "/status", "enum", r(x1) + ' is not one of ["ok", "degraded"]'))
                ok = False
        else:
            e.append((p, "required", "'status' is a required property"))
            ok = False
        if "version" in x:
            x4 = x["version"]
            if type(x4) is not str:
                e.append((p + "/version", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'version' is a required property"))
            ok = False
        if "storage" in x:
            x7 = x["storage"]
            if type(x7) is dict:
                if "reachable" in x7:
                    x8 = x7["reachable"]
                    if type(x8) is not bool:
                        e.append((p + "/storage/reachable", "type", r(x8) + " is not of type 'boolean'"))
                        ok = False
                else:
                    e.append((p + "/storage", "required", "'reachable' is a required property"))
                    ok = False
            else:
                e.append((p + "/storage", "type", r(x7) + " is not of type 'object'"))
                ok = False
        else:
            e.append((p, "required", "'storage' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
