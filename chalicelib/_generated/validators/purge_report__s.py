# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import DATE_TIMES_OK, Err, date_time_ok, r


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "purged" in x:
            x1 = x["purged"]
            if type(x1) is int or type(x1) is float:
                if type(x1) is float and not x1.is_integer():
                    e.append((p + "/purged", "type", r(x1) + " is not of type 'integer'"))
                    ok = False
                if x1 < 0:
                    e.append((p + "/purged", "minimum", r(x1) + " is less than the minimum of 0"))
                    ok = False
            else:
                e.append((p + "/purged", "type", r(x1) + " is not of type 'integer'"))
                ok = False
        else:
            e.append((p, "required", "'purged' is a required property"))
            ok = False
        if "before" in x:
            x4 = x["before"]
            if type(x4) is str:
                if x4 not in DATE_TIMES_OK and not date_time_ok(x4):
                    e.append((p + "/before", "format", r(x4) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/before", "type", r(x4) + " is not of type 'string'"))
                ok = False
        else:
            e.append((p, "required", "'before' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
