# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "status" not in x:
            e.append((p, "'status' is a required property", "required"))
            ok = False
        if "version" not in x:
            e.append((p, "'version' is a required property", "required"))
            ok = False
        if "status" in x:
            x1 = x["status"]
            if type(x1) is not str:
                e.append((p + "/status", r(x1) + " is not of type 'string'", "type"))
                ok = False
            if x1 != "ok":
                e.append((p + "/status", r(x1) + ' is not one of ["ok"]', "enum"))
                ok = False
        if "version" in x:
            x4 = x["version"]
            if type(x4) is not str:
                e.append((p + "/version", r(x4) + " is not of type 'string'", "type"))
                ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
