"""Media types: matching ranges (`image/*`, `*/*`), parameters (`; charset=utf-8`) and Accept negotiation."""

from __future__ import annotations

import re
from collections.abc import Iterable

_QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?")


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


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """(range, q) pairs; an absent or empty header accepts everything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for item in header.split(","):
        if not item.strip():
            continue
        q = 1.0
        raw_q = param(item, "q")
        if raw_q is not None:
            # RFC 9110 weight grammar: 0 to 1 with at most three decimals; anything else counts as 0
            q = float(raw_q) if _QVALUE.fullmatch(raw_q) else 0.0
        ranges.append((base(item), q))
    return ranges


def quality(accept: list[tuple[str, float]], media: str) -> float:
    """The q a client gives `media` (which may itself be a range declared by the spec, e.g. `image/*`):
    the most specific matching range decides, as RFC 9110 says."""
    best, best_specificity = 0.0, -1
    for rng, q in accept:
        if matches(rng, media) or matches(media, rng):
            specificity = 0 if rng == "*/*" else 1 if rng.endswith("/*") else 2
            if specificity > best_specificity:
                best, best_specificity = q, specificity
    return best


def acceptable(accept: list[tuple[str, float]], declared: Iterable[str]) -> list[str]:
    """Declared media types the client accepts, best first (ties keep the spec's order)."""
    scored = [(quality(accept, m), i, m) for i, m in enumerate(declared)]
    return [m for q, _, m in sorted(scored, key=lambda t: (-t[0], t[1])) if q > 0]
