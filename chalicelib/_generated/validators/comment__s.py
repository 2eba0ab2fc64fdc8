# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, prefix, r, summary, which

from . import image_comment__s as _c_image_comment__s
from . import link_comment__s as _c_link_comment__s
from . import text_comment__s as _c_text_comment__s


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    if type(x) is dict:
        if "kind" in x:
            d3 = x["kind"]
            if d3 == "text":
                n4 = len(e)
                if not _c_text_comment__s.v(x, p, e):
                    prefix(e, n4, "TextComment: ")
                    ok = False
            elif d3 == "link":
                n5 = len(e)
                if not _c_link_comment__s.v(x, p, e):
                    prefix(e, n5, "LinkComment: ")
                    ok = False
            elif d3 == "image":
                n6 = len(e)
                if not _c_image_comment__s.v(x, p, e):
                    prefix(e, n6, "ImageComment: ")
                    ok = False
            else:
                e.append(
                    (
                        p + "/kind",
                        "discriminator",
                        "unknown discriminator value "
                        + r(d3)
                        + " for 'kind'; expected one of 'text', 'link', 'image'",
                    )
                )
                ok = False
        else:
            e.append((p, "required", "'kind' is a required property (it selects the oneOf variant)"))
            ok = False
    else:
        n7 = len(e)
        c8 = 0
        n9 = len(e)
        o10 = True
        if not _c_text_comment__s.v(x, p, e):
            o10 = False
        if o10:
            c8 += 1
        n13 = len(e)
        o14 = True
        if not _c_link_comment__s.v(x, p, e):
            o14 = False
        if o14:
            c8 += 1
        n17 = len(e)
        o18 = True
        if not _c_image_comment__s.v(x, p, e):
            o18 = False
        if o18:
            c8 += 1
        if c8 == 1:
            del e[n7:]
        else:
            t21 = (
                summary(r(x) + " is not valid under any of the given schemas (oneOf)", e, (n9, n13, n17))
                if c8 == 0
                else r(x)
                + " is valid under more than one of the given schemas (oneOf): "
                + which(o10, o14, o18)
            )
            del e[n7:]
            e.append((p, "oneOf", t21))
            ok = False
    return ok
