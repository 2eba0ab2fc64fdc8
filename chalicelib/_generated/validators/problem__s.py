# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

from . import violation__s as _c_violation__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "type" in x:
            x1 = x["type"]
            if type(x1) is not str:
                e.append((p + "/type", "type", r(x1) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'type' is a required property"))
            ok = False
        if "title" in x:
            x4 = x["title"]
            if type(x4) is not str:
                e.append((p + "/title", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'title' is a required property"))
            ok = False
        if "status" in x:
            x7 = x["status"]
            if type(x7) is int or type(x7) is float:
                if type(x7) is float and not x7.is_integer():
                    e.append((p + "/status", "type", r(x7) + " is not of type 'integer'"))
                    ok = False
                if x7 < 100:
                    e.append((p + "/status", "minimum", r(x7) + " is less than the minimum of 100"))
                    ok = False
                if x7 > 599:
                    e.append((p + "/status", "maximum", r(x7) + " is greater than the maximum of 599"))
                    ok = False
            else:
                e.append((p + "/status", "type", r(x7) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'status' is a required property"))
            ok = False
        if "detail" in x:
            x10 = x["detail"]
            if type(x10) is not str:
                e.append((p + "/detail", "type", r(x10) + " is not of type 'string'"))
                ok = False
        if "instance" in x:
            x13 = x["instance"]
            if type(x13) is not str:
                e.append((p + "/instance", "type", r(x13) + " is not of type 'string'"))
                ok = False
        if "request_id" in x:
            x16 = x["request_id"]
            if type(x16) is not str:
                e.append((p + "/request_id", "type", r(x16) + " is not of type 'string'"))
                ok = False
        if "errors" in x:
            x19 = x["errors"]
            if type(x19) is list:
                for i22, x23 in enumerate(x19):
                    if not _c_violation__s.v(x23, p + "/errors/" + str(i22), e):
                        ok = False
            else:
                e.append((p + "/errors", "type", r(x19) + " is not of type 'array'"))
                ok = False
        else:
            e.append((p, "required", "'errors' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
