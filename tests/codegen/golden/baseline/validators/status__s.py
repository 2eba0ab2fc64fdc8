# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r

_s_E1 = frozenset({"draft", "published", "archived"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is not str:
        e.append((p, r(x) + " is not of type 'string'", "type"))
        ok = False
    if not (type(x) is str and x in _s_E1):
        e.append((p, r(x) + ' is not one of ["draft", "published", "archived"]', "enum"))
        ok = False
    return ok
