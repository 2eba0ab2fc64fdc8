# generated from openapi.yaml — do not edit
from typing import Any

from chalicelib.runtime.validation import (
    DATE_TIMES_OK,
    UUIDS_OK,
    Err,
    date_time_ok,
    esc,
    is_uri,
    r,
    uuid_ok,
)

_s_E2 = frozenset({"text", "link", "image"})


def v(x: Any, p: str, e: list[Err]) -> bool:
    ok = True
    ak1: set[str] = set()
    ai2: set[int] = set()
    if not _s_CommentBase__a(x, p, e, ak1, ai2):
        ok = False
    if type(x) is dict:
        if "kind" in x:
            x7 = x["kind"]
            if x7 != "link":
                e.append((p + "/kind", "const", r(x7) + ' should be "link"'))
                ok = False
            ak1.add("kind")
        if "url" in x:
            x10 = x["url"]
            if type(x10) is str:
                if len(x10) > 2000:
                    e.append((p + "/url", "maxLength", r(x10) + " is longer than 2000 characters"))
                    ok = False
                if not is_uri(x10):
                    e.append((p + "/url", "format", r(x10) + " is not a valid 'uri'"))
                    ok = False
            else:
                e.append((p + "/url", "type", r(x10) + " is not of type 'string'"))
                ok = False
            ak1.add("url")
        else:
            e.append((p, "required", "'url' is a required property"))
            ok = False
        if "title" in x:
            x13 = x["title"]
            if type(x13) is str:
                if len(x13) > 200:
                    e.append((p + "/title", "maxLength", r(x13) + " is longer than 200 characters"))
                    ok = False
            else:
                e.append((p + "/title", "type", r(x13) + " is not of type 'string'"))
                ok = False
            ak1.add("title")
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


def _s_CommentBase__a(x: Any, p: str, e: list[Err], ak: set[str], ai: set[int]) -> bool:
    ok = True
    if type(x) is dict:
        if "id" in x:
            x1 = x["id"]
            if type(x1) is str:
                if x1 not in UUIDS_OK and not uuid_ok(x1):
                    e.append((p + "/id", "format", r(x1) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/id", "type", r(x1) + " is not of type 'string'"))
                ok = False
            ak.add("id")
        else:
            e.append((p, "required", "'id' is a required property"))
            ok = False
        if "post_id" in x:
            x4 = x["post_id"]
            if type(x4) is str:
                if x4 not in UUIDS_OK and not uuid_ok(x4):
                    e.append((p + "/post_id", "format", r(x4) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/post_id", "type", r(x4) + " is not of type 'string'"))
                ok = False
            ak.add("post_id")
        else:
            e.append((p, "required", "'post_id' is a required property"))
            ok = False
        if "author_id" in x:
            x7 = x["author_id"]
            if type(x7) is str:
                if x7 not in UUIDS_OK and not uuid_ok(x7):
                    e.append((p + "/author_id", "format", r(x7) + " is not a valid 'uuid'"))
                    ok = False
            else:
                e.append((p + "/author_id", "type", r(x7) + " is not of type 'string'"))
                ok = False
            ak.add("author_id")
        else:
            e.append((p, "required", "'author_id' is a required property"))
            ok = False
        if "kind" in x:
            x10 = x["kind"]
            if type(x10) is not str:
                e.append((p + "/kind", "type", r(x10) + " is not of type 'string'"))
                ok = False
            if not (type(x10) is str and x10 in _s_E2):
                e.append((p + "/kind", "enum", r(x10) + ' is not one of ["text", "link", "image"]'))
                ok = False
            ak.add("kind")
        else:
            e.append((p, "required", "'kind' is a required property"))
            ok = False
        if "version" in x:
            x13 = x["version"]
            if type(x13) is int or type(x13) is float:
                if type(x13) is float and not x13.is_integer():
                    e.append((p + "/version", "type", r(x13) + " is not of type 'integer'"))
                    ok = False
                if x13 < 1:
                    e.append((p + "/version", "minimum", r(x13) + " is less than the minimum of 1"))
                    ok = False
            else:
                e.append((p + "/version", "type", r(x13) + " is not of type 'integer'"))
                ok = False
            ak.add("version")
        else:
            e.append((p, "required", "'version' is a required property"))
            ok = False
        if "created_at" in x:
            x18 = x["created_at"]
            if type(x18) is str:
                if x18 not in DATE_TIMES_OK and not date_time_ok(x18):
                    e.append((p + "/created_at", "format", r(x18) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/created_at", "type", r(x18) + " is not of type 'string'"))
                ok = False
            ak.add("created_at")
        else:
            e.append((p, "required", "'created_at' is a required property"))
            ok = False
        if "updated_at" in x:
            x23 = x["updated_at"]
            if type(x23) is str:
                if x23 not in DATE_TIMES_OK and not date_time_ok(x23):
                    e.append((p + "/updated_at", "format", r(x23) + " is not a valid 'date-time'"))
                    ok = False
            else:
                e.append((p + "/updated_at", "type", r(x23) + " is not of type 'string'"))
                ok = False
            ak.add("updated_at")
        else:
            e.append((p, "required", "'updated_at' is a required property"))
            ok = False
    else:
        e.append((p, "type", r(x) + " is not of type 'object'"))
        ok = False
    return ok
