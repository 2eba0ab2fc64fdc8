# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, r

_qd_E2 = frozenset({"text", "link", "image"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    ak1: set[str] = set()
    ai2: set[int] = set()
    if not _qd_CommentBase__a(x, p, e, ak1, ai2):
        ok = False
    if type(x) is dict:
        if "kind" in x:
            x7 = x["kind"]
            if x7 != "text":
                e.append((p + "/kind", "const", r(x7) + ' should be "text"'))
                ok = False
            ak1.add("kind")
        if "text" in x:
            x10 = x["text"]
            if type(x10) is str:
                if not 1 <= len(x10) <= 2000:
                    if len(x10) < 1:
                        e.append((p + "/text", "minLength", r(x10) + " is shorter than 1 character"))
                        ok = False
                    if len(x10) > 2000:
                        e.append((p + "/text", "maxLength", r(x10) + " is longer than 2000 characters"))
                        ok = False
            else:
                e.append((p + "/text", "type", r(x10) + " is not of type 'string'"))
                ok = False
            ak1.add("text")
        else:
            e.append((p, "required", "'text' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    if type(x) is dict:
        for k15 in x:
            if k15 not in ak1:
                e.append(
                    (
                        p + "/" + esc(k15),
                        "unevaluatedProperties",
                        "unevaluated property " + r(k15) + " is not allowed",
                    )
                )
                ok = False
    return ok


def _qd_CommentBase__a(x: Any, p: str, e: list[Err], ak: set[str], ai: set[int]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            e.append((p + "/id", "readOnly", "'id' is read-only and must not be sent"))
            ok = False
            ak.add("id")
        if "post_id" in x:
            e.append((p + "/post_id", "readOnly", "'post_id' is read-only and must not be sent"))
            ok = False
            ak.add("post_id")
        if "author_id" in x:
            e.append((p + "/author_id", "readOnly", "'author_id' is read-only and must not be sent"))
            ok = False
            ak.add("author_id")
        if "version" in x:
            e.append((p + "/version", "readOnly", "'version' is read-only and must not be sent"))
            ok = False
            ak.add("version")
        if "created_at" in x:
            e.append((p + "/created_at", "readOnly", "'created_at' is read-only and must not be sent"))
            ok = False
            ak.add("created_at")
        if "updated_at" in x:
            e.append((p + "/updated_at", "readOnly", "'updated_at' is read-only and must not be sent"))
            ok = False
            ak.add("updated_at")
        if "kind" in x:
            x1 = x["kind"]
            if type(x1) is not str:
                e.append((p + "/kind", "type", r(x1) + " is not of type 'string'"))
                ok = False
            if not (type(x1) is str and x1 in _qd_E2):
                e.append((p + "/kind", "enum", r(x1) + ' is not one of ["text", "link", "image"]'))
                ok = False
            ak.add("kind")
        else:
            e.append((p, "required", "'kind' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
