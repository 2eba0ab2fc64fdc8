"""Request bodies by media type: JSON, form-urlencoded (honouring `encoding`), multipart/form-data
(python-multipart; files and fields, per-part content types, several files per field), text and binary."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from chalicelib.runtime import media as M
from chalicelib.runtime.operation import MAX_BODY as MAX_BODY  # re-exported: the limit tests and callers know
from chalicelib.runtime.operation import Encoding, Media, Param
from chalicelib.runtime.params import (
    CoercionError,
    exploded_object,
    exploded_query_object,
    kind_of,
    read_param,
)
from chalicelib.runtime.problem import ProblemError, Violation


class UploadedFile:
    """One file part of a multipart body."""

    __slots__ = ("content_type", "data", "filename")

    def __init__(self, filename: str | None, content_type: str, data: bytes) -> None:
        self.filename = filename
        self.content_type = content_type
        self.data = data

    def __len__(self) -> int:
        return len(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and (self.filename, self.content_type, self.data) == (
            other.filename,
            other.content_type,
            other.data,
        )

    def __hash__(self) -> int:
        return hash((self.filename, self.content_type, self.data))

    def __repr__(self) -> str:  # the data stays out, as it can be megabytes
        return f"UploadedFile(filename={self.filename!r}, content_type={self.content_type!r})"


class ReadBody:
    __slots__ = ("value", "view", "violations")

    def __init__(self, value: Any, view: Any, violations: list[Violation]) -> None:
        self.value = value  # what the handler receives
        self.view = view  # what the schema validator sees (files as latin-1 text: maxLength counts bytes)
        self.violations = violations


def select(declared: Mapping[str, Media], content_type: str) -> str:
    """The declared media type (exact first, then ranges) for a request Content-Type, else 415."""
    actual = M.base(content_type)
    exact = [m for m in declared if M.base(m) == actual]
    ranged = [m for m in declared if M.matches(m, actual)]
    if not exact and not ranged:
        accepted = ", ".join(declared)
        raise ProblemError(
            415, f"Content-Type {content_type or '(none)'!r} is not accepted here; send one of: {accepted}."
        )
    return (exact or ranged)[0]


def _text(raw: bytes, content_type: str) -> str:
    charset = M.param(content_type, "charset") or "UTF-8"
    try:
        return raw.decode(charset)
    except LookupError:
        raise ProblemError(415, f"Unknown charset {charset!r}.") from None
    except UnicodeDecodeError as exc:
        raise _Broken(f"the body is not valid {charset} (byte {exc.start})") from None


class _Broken(Exception):
    pass


def read(raw: bytes, content_type: str, spec: Media) -> ReadBody:
    try:
        if M.is_json(content_type):
            if not raw:  # a Content-Type without content (runtime/pipeline.py read_body)
                raise _Broken("the body is empty, which is not JSON (send no Content-Type for no body)")
            text = _text(raw, content_type)
            try:
                value = M.loads(text)
            except json.JSONDecodeError as exc:
                raise _Broken(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
            return ReadBody(value, value, [])
        kind = M.base(content_type)
        if kind == "application/x-www-form-urlencoded":
            return _form(_text(raw, content_type), spec)
        if kind == "multipart/form-data":
            if not raw:  # an empty form: no field at all (not even a multipart close-delimiter)
                return ReadBody({}, {}, [])
            return _multipart(raw, content_type, spec)
        plan = spec.shape.get("xml")  # an XML body the operation declares (codegen: {"xml": plan})
        data: Any = None
        if plan is not None:
            from chalicelib.runtime.xmlbody import read_xml  # only apps whose spec declares XML bodies

            data, problems = read_xml(raw, M.param(content_type, "charset"), plan)
            if problems:
                return ReadBody(None, None, problems)
        # the handler receives the body as sent (text or bytes); an XML body whose schema describes data
        # is checked as that data
        if kind.startswith("text/"):
            text = _text(raw, content_type)
            return ReadBody(text, data if plan else text, [])
        return ReadBody(raw, data if plan else raw.decode("latin-1"), [])
    except _Broken as exc:
        return ReadBody(None, None, [Violation("body", "", str(exc), "parse")])


def _field_param(name: str, shape: Mapping[str, Any], enc: Encoding | None) -> Param:
    style = enc.style if enc is not None and enc.style else "form"
    explode = enc.explode if enc is not None else True
    return Param(name, "query", name, False, None, shape=shape, style=style, explode=explode)


def _json_field(raw: str) -> Any:
    try:
        return M.loads(raw)
    except ValueError as exc:
        raise CoercionError(f"not valid JSON ({exc})") from None


def _may_be_object(shape: Mapping[str, Any]) -> bool:
    return any(kind_of(option) == "object" for option in shape.get("anyOf") or ())


def _fields(fields: Mapping[str, list[str]], spec: Media) -> tuple[dict[str, Any], list[Violation]]:
    """Form fields by the body schema's properties, each read as its `encoding` says: an explicit
    `style` serializes it like a query parameter; otherwise `contentType` decides (objects default to
    application/json, as OpenAPI specifies)."""
    props: Mapping[str, Mapping[str, Any]] = spec.shape.get("properties") or {}
    out: dict[str, Any] = {}
    problems: list[Violation] = []
    claimed: set[str] = set()
    free_form: list[tuple[str, Param]] = []
    for name, shape in props.items():
        enc = spec.encoding.get(name)
        param = _field_param(name, shape, enc)
        styled = enc is not None and bool(enc.style)
        kind = kind_of(shape)
        content_type = enc.content_type if enc is not None and enc.content_type else None
        if kind == "object" and not styled:
            content_type = content_type or "application/json"
        try:
            if kind == "object" and styled and exploded_object(param):
                if param.style == "form" and not shape.get("properties"):
                    free_form.append((name, param))  # takes what no named field claims, below
                    continue
                own = set(shape.get("properties") or {})
                value = exploded_query_object(param, fields, set(props) - {name})
                if isinstance(value, dict):
                    out[name] = value
                    claimed |= {k for k in fields if k.startswith(name + "[") or k in own}
            elif name in fields and content_type is not None and M.is_json(content_type):
                out[name] = _json_field(fields[name][-1])
            elif name in fields and not styled and content_type is None and _may_be_object(shape):
                # alternatives (a union body's variants disagree) of which one is an object: its JSON
                # text when it is JSON, else the text as the other alternatives read it
                try:
                    out[name] = _json_field(fields[name][-1])
                except CoercionError:
                    out[name] = read_param(param, fields[name], decode=False)
            elif name in fields:
                out[name] = read_param(param, fields[name], decode=False)
        except CoercionError as exc:
            problems.append(Violation("body", f"/{name}", f"field {name!r}: {exc}", "parse"))
        claimed.add(name)
    for name, param in free_form:
        rest = {k: v for k, v in fields.items() if k not in claimed and k.partition("[")[0] not in props}
        try:
            value = exploded_query_object(param, rest, set())
        except CoercionError as exc:
            problems.append(Violation("body", f"/{name}", f"field {name!r}: {exc}", "parse"))
            continue
        if isinstance(value, dict):
            out[name] = value
            claimed |= set(rest)
    extra = spec.shape.get("additional") or {}
    for name, values in fields.items():
        if name not in claimed and name not in out and name.partition("[")[0] not in props:
            try:
                out[name] = read_param(_field_param(name, extra, None), values, decode=False)
            except CoercionError as exc:
                problems.append(Violation("body", f"/{name}", f"field {name!r}: {exc}", "parse"))
    return out, problems


def _form(text: str, spec: Media) -> ReadBody:
    try:
        fields = parse_qs(text, keep_blank_values=True, strict_parsing=False)
    except ValueError as exc:
        raise _Broken(f"malformed form body: {exc}") from None
    value, problems = _fields(fields, spec)
    return ReadBody(value, value, problems)


def _multipart(raw: bytes, content_type: str, spec: Media) -> ReadBody:
    from python_multipart.exceptions import FormParserError
    from python_multipart.multipart import MultipartParser, parse_options_header

    boundary = M.param(content_type, "boundary")
    if not boundary:
        raise _Broken("multipart body without a boundary parameter in Content-Type")
    parts: list[dict[str, Any]] = []
    header_field = bytearray()
    header_value = bytearray()

    def on_part_begin() -> None:
        parts.append({"headers": {}, "data": bytearray()})

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header_field.extend(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header_value.extend(data[start:end])

    def on_header_end() -> None:
        parts[-1]["headers"][bytes(header_field).decode("latin-1").lower()] = bytes(header_value).decode(
            "latin-1"
        )
        header_field.clear()
        header_value.clear()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        parts[-1]["data"].extend(data[start:end])

    callbacks: Any = {
        "on_part_begin": on_part_begin,
        "on_header_field": on_header_field,
        "on_header_value": on_header_value,
        "on_header_end": on_header_end,
        "on_part_data": on_part_data,
    }
    try:
        parser = MultipartParser(boundary, callbacks)
        parser.write(raw)
        parser.finalize()
    except (FormParserError, ValueError) as exc:
        raise _Broken(f"malformed multipart body: {exc}") from None
    props = spec.shape.get("properties") or {}
    value: dict[str, Any] = {}
    view: dict[str, Any] = {}
    problems: list[Violation] = []
    texts: dict[str, list[str]] = {}
    for part in parts:
        disposition, options = parse_options_header(part["headers"].get("content-disposition", ""))
        if disposition != b"form-data" or b"name" not in options:
            raise _Broken("a multipart part lacks Content-Disposition: form-data with a name")
        name = options[b"name"].decode("utf-8", "replace")
        filename = options[b"filename"].decode("utf-8", "replace") if b"filename" in options else None
        shape = props.get(name, spec.shape.get("additional") or {})
        if filename is not None:
            default_type = "application/octet-stream"
        elif kind_of(shape) == "object" or kind_of(shape.get("items") or {}) == "object":
            default_type = "application/json"  # OpenAPI's default contentType for object properties
        else:
            default_type = "text/plain"
        part_type = part["headers"].get("content-type", default_type)
        data = bytes(part["data"])
        enc = spec.encoding.get(name)
        if enc is not None and enc.content_type:
            allowed = [t.strip() for t in enc.content_type.split(",")]
            if not any(M.matches(a, part_type) for a in allowed):
                problems.append(
                    Violation(
                        "body",
                        f"/{name}",
                        f"part {name!r} has type {part_type}; expected {enc.content_type}",
                        "contentType",
                    )
                )
                continue
        binary = filename is not None or shape.get("binary") is True
        if binary:
            item: Any = UploadedFile(filename, part_type, data)
            item_view: Any = data.decode("latin-1")
        elif M.is_json(part_type):
            try:
                item = item_view = M.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                problems.append(
                    Violation("body", f"/{name}", f"part {name!r} is not valid JSON: {exc}", "parse")
                )
                continue
        else:
            texts.setdefault(name, []).append(
                data.decode(M.param(part_type, "charset") or "utf-8", "replace")
            )
            continue
        if kind_of(shape) == "array":
            value.setdefault(name, []).append(item)
            view.setdefault(name, []).append(item_view)
        else:
            value[name], view[name] = item, item_view
    coerced, field_problems = _fields(texts, spec)
    for name, item in coerced.items():
        if kind_of(props.get(name, {})) == "array" and name in value:
            value[name] = [*value[name], *item]
            view[name] = [*view[name], *item]
        else:
            value[name] = view[name] = item
    return ReadBody(value, view, problems + field_problems)
