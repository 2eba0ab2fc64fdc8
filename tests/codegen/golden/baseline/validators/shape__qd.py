# generated from baseline.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, r, summary, which

from . import circle__qd as _c_circle__qd
from . import square__qd as _c_square__qd


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    n3 = len(e)
    c4 = 0
    n5 = len(e)
    o6 = True
    if not _c_circle__qd.v(x, p, e):
        o6 = False
    if o6:
        c4 += 1
    n9 = len(e)
    o10 = True
    if not _c_square__qd.v(x, p, e):
        o10 = False
    if o10:
        c4 += 1
    if c4 == 1:
        del e[n3:]
    else:
        t13 = (
            summary(r(x) + " is not valid under any of the given schemas (oneOf)", e, (n5, n9))
            if c4 == 0
            else r(x) + " is valid under more than one of the given schemas (oneOf): " + which(o6, o10)
        )
        del e[n3:]
        e.append((p, "oneOf", t13))
        ok = False
    return ok
