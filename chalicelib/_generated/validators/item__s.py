# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, is_date_time, is_uuid, r

from . import tag__s as _c_tag__s

_s_K1 = frozenset({"id", "name", "price", "tags", "created_at", "updated_at"})
_s_K2 = frozenset({"id", "name", "description", "price", "tags", "created_at", "updated_at"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if not _s_K1 <= x.keys():
            if "id" not in x:
                e.append((p, "'id' is a required property", "required"))
                ok = False
            if "name" not in x:
                e.append((p, "'name' is a required property", "required"))
                ok = False
            if "price" not in x:
                e.append((p, "'price' is a required property", "required"))
                ok = False
            if "tags" not in x:
                e.append((p, "'tags' is a required property", "required"))
                ok = False
            if "created_at" not in x:
                e.append((p, "'created_at' is a required property", "required"))
                ok = False
            if "updated_at" not in x:
                e.append((p, "'updated_at' is a required property", "required"))
                ok = False
        if "id" in x:
            x1 = x["id"]
            if type(x1) is str:
                if not is_uuid(x1):
                    e.append((p + "/id", r(x1) + " is not a valid 'uuid'", "format"))
                    ok = False
            else:
                e.append((p + "/id", r(x1) + " is not of type 'string'", "type"))
                ok = False
        if "name" in x:
            x4 = x["name"]
            if type(x4) is not str:
                e.append((p + "/name", r(x4) + " is not of type 'string'", "type"))
                ok = False
        if "description" in x:
            x7 = x["description"]
            if type(x7) is not str:
                e.append((p + "/description", r(x7) + " is not of type 'string'", "type"))
                ok = False
        if "price" in x:
            x10 = x["price"]
            if not (type(x10) is int or type(x10) is float):
                e.append((p + "/price", r(x10) + " is not of type 'number'", "type"))
                ok = False
        if "tags" in x:
            x13 = x["tags"]
            if type(x13) is list:
                for i16, x17 in enumerate(x13):
                    if not _c_tag__s.v(x17, p + "/tags/" + str(i16), e):
                        ok = False
            else:
                e.append((p + "/tags", r(x13) + " is not of type 'array'", "type"))
                ok = False
        if "created_at" in x:
            x20 = x["created_at"]
            if type(x20) is str:
                if not is_date_time(x20):
                    e.append((p + "/created_at", r(x20) + " is not a valid 'date-time'", "format"))
                    ok = False
            else:
                e.append((p + "/created_at", r(x20) + " is not of type 'string'", "type"))
                ok = False
        if "updated_at" in x:
            x23 = x["updated_at"]
            if type(x23) is str:
                if not is_date_time(x23):
                    e.append((p + "/updated_at", r(x23) + " is not a valid 'date-time'", "format"))
                    ok = False
            else:
                e.append((p + "/updated_at", r(x23) + " is not of type 'string'", "type"))
                ok = False
        if not x.keys() <= _s_K2:
            for k26 in x:
                if k26 not in _s_K2:
                    e.append(
                        (
                            p + "/" + esc(k26),
                            "additional property " + r(k26) + " is not allowed",
                            "additionalProperties",
                        )
                    )
                    ok = False
    else:
        e.append((p, r(x) + " is not of type 'object'", "type"))
        ok = False
    return ok
