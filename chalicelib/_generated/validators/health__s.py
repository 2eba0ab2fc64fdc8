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
                e.append((p + "/status", r(x1) + " is not of type 'string'", "type"))
                ok = False
            if not (type(x1) is str and x1 in _s_E1):
                e.append((p + "/status", r(x1) + ' is not one of ["ok", "degraded"]', "enum"))
                ok = False
        else:
            e.append((p, "'status' is a required property", "required"))
            ok = False
        if "version" in x:
            x4 = x["version"]
            if type(x4) is not str:
                e.append((p + "/version", r(x4) + " is not of type 'string'", "type"))
                ok = False
        else:
            e.append((p, "'version' is a required property", "required"))
            ok = False
        if "storage" in x:
            x7 = x["storage"]
            if type(x7) is dict:
                if "reachable" in x7:
                    x8 = x7["reachable"]
                    if type(x8) is not bool:
                        e.append((p + "/storage/reachable", r(x8) + " is not of type 'boolean'", "type"))
                        ok = False
                else:
                    e.append((p + "/storage", "'reachable' is a required property", "required"))
                    ok = False
            else:
                e.append((p + "/storage", r(x7) + " is not of type 'object'", "type"))
                ok = False
        else:
            e.append((p, "'storage' is a required property", "required"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
