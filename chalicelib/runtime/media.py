"""Media types: matching ranges (`image/*`, `*/*`), parameters (`; charset=utf-8`) and Accept negotiation."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

# RFC 9110 weight; a str, compiled (and cached by `re`) when a q is first seen, not at every cold start
_QVALUE = r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?"


@lru_cache(maxsize=256)
def base(media: str) -> str:
    """`Application/JSON; charset=utf-8` -> `application/json`."""
    return media.split(";", 1)[0].strip().lower()


def param(media: str, name: str) -> str | None:
    for part in media.split(";")[1:]:
        key, sep, value = part.partition("=")
        if sep and key.strip().lower() == name:
            return value.strip().strip('"')
    return None


def matches(pattern: str, actual: str) -> bool:
    """Whether the concrete type `actual` falls in `pattern` (which may be a range like `image/*`)."""
    pattern, actual = base(pattern), base(actual)
    if pattern in ("*/*", actual):
        return True
    major, _, minor = pattern.partition("/")
    return minor == "*" and actual.partition("/")[0] == major


def is_json(media: str) -> bool:
    b = base(media)
    return b == "application/json" or b.endswith("+json")


@lru_cache(maxsize=256)  # clients send the same few Accept headers; parsing is per distinct value
def parse_accept(header: str | None) -> tuple[tuple[str, float], ...]:
    """(range, q) pairs; an absent or empty header accepts everything."""
    if not header or not header.strip():
        return (("*/*", 1.0),)
    ranges = []
    for item in header.split(","):
        if not item.strip():
            continue
        q = 1.0
        raw_q = param(item, "q")
        if raw_q is not None:
            # RFC 9110 weight grammar: 0 to 1 with at most three decimals; anything else counts as 0
            q = float(raw_q) if re.fullmatch(_QVALUE, raw_q) else 0.0
        ranges.append((base(item), q))
    return tuple(ranges)


def quality(accept: Sequence[tuple[str, float]], media: str) -> float:
    """The q a client gives `media` (which may itself be a range declared by the spec, e.g. `image/*`):
    the most specific matching range decides, as RFC 9110 says."""
    best, best_specificity = 0.0, -1
    for rng, q in accept:
        if matches(rng, media) or matches(media, rng):
            specificity = 0 if rng == "*/*" else 1 if rng.endswith("/*") else 2
            if specificity > best_specificity:
                best, best_specificity = q, specificity
    return best


def acceptable(accept: Sequence[tuple[str, float]], declared: Iterable[str]) -> list[str]:
    """Declared media types the client accepts, best first (ties keep the spec's order)."""
    scored = [(quality(accept, m), i, m) for i, m in enumerate(declared)]
    return [m for q, _, m in sorted(scored, key=lambda t: (-t[0], t[1])) if q > 0]


_INF = float("inf")


class NonJsonConstant(json.JSONDecodeError):
    """NaN, Infinity or -Infinity in a document: valid for Python's parser, not for RFC 8259."""


def _constant_position(text: str, token: str) -> int:
    """Index of the first `token` outside a string (parse_constant is not told where it was)."""
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif text.startswith(token, i):
            return i
    return 0


class _Refused(Exception):
    """A NaN/Infinity token or an overflowing number: `loads` redoes the parse to say where."""


def _refuse(token: str) -> float:
    raise _Refused


def _finite(token: str) -> float:
    value = float(token)
    if value in (_INF, -_INF):
        raise _Refused
    return value


# one decoder for every call: `json.loads(text, parse_float=...)` builds a JSONDecoder and its scanner
# on each call
_DECODER = json.JSONDecoder(parse_constant=_refuse, parse_float=_finite)


def loads(text: str) -> object:
    """`json.loads` that refuses the NaN/Infinity tokens Python's parser accepts by default; the error
    is a JSONDecodeError with the token's position, like any other syntax error."""
    if not text.startswith("\ufeff"):  # json.loads has its own message for a BOM: it answers below
        try:
            return _DECODER.decode(text)
        except _Refused:
            pass
    return _loads_explained(text)


def _loads_explained(text: str) -> object:
    """The same parse, raising a NonJsonConstant with the position of the refused token."""

    def refuse(token: str) -> float:
        message = f"{token} is not a JSON value (RFC 8259 has no NaN or Infinity)"
        raise NonJsonConstant(message, text, _constant_position(text, token))

    def finite(token: str) -> float:
        value = float(token)
        if value in (_INF, -_INF):  # 1e400: valid JSON syntax, but no float can hold it
            raise NonJsonConstant(
                f"{token} is too large for a 64-bit float", text, _constant_position(text, token)
            )
        return value

    return json.loads(text, parse_constant=refuse, parse_float=finite)
