# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, Regex, r

_q_P1 = Regex("^[\\-0-9a-z]+\\z", "^[\\-0-9a-z]+\\Z")


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is str:
        if len(x) < 1:
            e.append((p, r(x) + " is shorter than 1 character", "minLength"))
            ok = False
        if len(x) > 32:
            e.append((p, r(x) + " is longer than 32 characters", "maxLength"))
            ok = False
        if not _q_P1.search(x):
            e.append((p, r(x) + ' does not match "^[a-z0-9-]+$"', "pattern"))
            ok = False
    else:
        e.append((p, r(x) + " is not of type 'string'", "type"))
        ok = False
    return ok
