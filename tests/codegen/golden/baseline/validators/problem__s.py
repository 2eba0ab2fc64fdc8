# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r


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
            if not (type(x7) is int or (type(x7) is float and x7.is_integer())):
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
        if "errors" in x:
            x13 = x["errors"]
            if type(x13) is list:
                for i16, x17 in enumerate(x13):
                    if type(x17) is dict:
                        if "location" in x17:
                            x18 = x17["location"]
                            if type(x18) is not str:
                                e.append(
                                    (
                                        p + "/errors/" + str(i16) + "/location",
                                        "type",
                                        r(x18) + " is not of type 'string'",
                                    )
                                )
                                ok = False
                        if "pointer" in x17:
                            x21 = x17["pointer"]
                            if type(x21) is not str:
                                e.append(
                                    (
                                        p + "/errors/" + str(i16) + "/pointer",
                                        "type",
                                        r(x21) + " is not of type 'string'",
                                    )
                                )
                                ok = False
                        if "message" in x17:
                            x24 = x17["message"]
                            if type(x24) is not str:
                                e.append(
                                    (
                                        p + "/errors/" + str(i16) + "/message",
                                        "type",
                                        r(x24) + " is not of type 'string'",
                                    )
                                )
                                ok = False
                        if "keyword" in x17:
                            x27 = x17["keyword"]
                            if type(x27) is not str:
                                e.append(
                                    (
                                        p + "/errors/" + str(i16) + "/keyword",
                                        "type",
                                        r(x27) + " is not of type 'string'",
                                    )
                                )
                                ok = False
                    else:
                        e.append((p + "/errors/" + str(i16), "type", r(x17) + " is not of type 'object'"))
                        ok = False
            else:
                e.append((p + "/errors", "type", r(x13) + " is not of type 'array'"))
                ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
