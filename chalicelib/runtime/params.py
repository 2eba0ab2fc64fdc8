"""Turn raw parameter strings into the JSON values their schemas describe (before validation)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from chalicelib.runtime.operation import MISSING, Param

_INT = re.compile(r"[+-]?\d+")
_DELIMITERS = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


class CoercionError(ValueError):
    pass


def coerce_scalar(raw: str, kind: str) -> Any:
    if kind == "integer":
        if not _INT.fullmatch(raw.strip()):
            raise CoercionError(f"{raw!r} is not an integer")
        return int(raw)
    if kind == "number":
        try:
            value = float(raw)
        except ValueError:
            raise CoercionError(f"{raw!r} is not a number") from None
        if not math.isfinite(value):
            raise CoercionError(f"{raw!r} is not a finite number")
        return int(value) if _INT.fullmatch(raw.strip()) else value
    if kind == "boolean":
        if raw == "true":
            return True
        if raw == "false":
            return False
        raise CoercionError(f"{raw!r} is not a boolean (true or false)")
    if kind == "null":
        if raw in ("", "null"):
            return None
        raise CoercionError(f"{raw!r} is not null")
    return raw


def _split(raw: str, style: str) -> list[str]:
    return [] if raw == "" else raw.split(_DELIMITERS.get(style, ","))


def coerce(param: Param, values: Sequence[str]) -> Any:
    """Parse the raw value(s) of one parameter. `values` holds every occurrence (repeated query keys)."""
    if param.content_type is not None:
        try:
            return json.loads(values[-1])
        except ValueError as exc:
            raise CoercionError(f"not valid JSON: {exc}") from None
    if param.kind == "array":
        if param.location == "query" and param.style == "form" and param.explode:
            items = list(values)
        else:
            items = _split(values[-1], param.style)
        return [coerce_scalar(item, param.item_kind) for item in items]
    if param.kind == "object":
        parts = _split(values[-1], param.style)
        if len(parts) % 2:
            raise CoercionError("expected name,value pairs")
        return dict(zip(parts[::2], parts[1::2], strict=True))
    return coerce_scalar(values[-1], param.kind)


def object_from_query(param: Param, query: Mapping[str, Sequence[str]]) -> Any:
    """Exploded object parameters: `deepObject` (`name[key]=v`) or form (each property a query key)."""
    if param.style == "deepObject":
        prefix = param.name + "["
        found = {
            k[len(prefix) : -1]: v[-1] for k, v in query.items() if k.startswith(prefix) and k.endswith("]")
        }
        return found or MISSING
    schema = param.schema if isinstance(param.schema, dict) else {}
    props = schema.get("properties") or {}
    found = {k: v[-1] for k, v in query.items() if k in props}
    return found or MISSING


def read_params(
    params: Sequence[Param],
    path: Mapping[str, str],
    query: Mapping[str, Sequence[str]],
    headers: Mapping[str, str],
    cookies: Mapping[str, str],
    report: Callable[[Param, str, str], None],
) -> dict[str, Any]:
    """Values by kwarg for every parameter present (or defaulted); problems go to `report`."""
    out: dict[str, Any] = {}
    for param in params:
        raw: Sequence[str] | None = None
        if param.location == "path":
            raw = [path[param.name]] if param.name in path else None
        elif param.location == "query":
            if param.kind == "object" and param.explode and param.content_type is None:
                value = object_from_query(param, query)
                if value is not MISSING:
                    out[param.kwarg] = value
                    continue
            raw = query.get(param.name)
        elif param.location == "header":
            found = headers.get(param.name)
            raw = [found] if found is not None else None
        elif param.location == "cookie":
            raw = [cookies[param.name]] if param.name in cookies else None
        if not raw:
            if param.default is not MISSING:
                out[param.kwarg] = param.default
            elif param.required:
                report(param, "required", f"{param.location} parameter {param.name!r} is required")
            continue
        try:
            out[param.kwarg] = coerce(param, raw)
        except CoercionError as exc:
            report(param, "parse", f"{param.location} parameter {param.name!r}: {exc}")
    return out


def parse_cookies(header: str | None) -> dict[str, str]:
    cookies: dict[str, str] = {}
    for part in (header or "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name:
            cookies.setdefault(name, value)
    return cookies
