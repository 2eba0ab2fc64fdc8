# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import Err, esc, is_uri, r

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
            if x7 != "image":
                e.append((p + "/kind", "const", r(x7) + ' should be "image"'))
                ok = False
            ak1.add("kind")
        if "image_url" in x:
            x10 = x["image_url"]
            if type(x10) is str:
                if len(x10) > 2000:
                    e.append((p + "/image_url", "maxLength", r(x10) + " is longer than 2000 characters"))
                    ok = False
                if not is_uri(x10):
                    e.append((p + "/image_url", "format", r(x10) + " is not a valid 'uri'"))
                    ok = False
            else:
                e.append((p + "/image_url", "type", r(x10) + " is not of type 'string'"))
                ok = False
            ak1.add("image_url")
        else:
            e.append((p, "required", "'image_url' is a required property"))
            ok = False
        if "alt_text" in x:
            x13 = x["alt_text"]
            if type(x13) is str:
                if len(x13) > 500:
                    e.append((p + "/alt_text", "maxLength", r(x13) + " is longer than 500 characters"))
                    ok = False
            else:
                e.append((p + "/alt_text", "type", r(x13) + " is not of type 'string'"))
                ok = False
            ak1.add("alt_text")
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    if type(x) is dict:
        for k18 in x:
            if k18 not in ak1:
                e.append(
                    (
                        p + "/" + esc(k18),
                        "unevaluatedProperties",
                        "unevaluated property " + r(k18) + " is not allowed",
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
