"""The one place where spec names become Python identifiers (used by the builder and the templates)."""

from __future__ import annotations

import keyword
import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")
_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | {"self", "cls"}


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("'", ""))


def snake(text: str) -> str:
    """`getItemById` -> `get_item_by_id`; `X-Request-Id` -> `x_request_id`; never a keyword."""
    name = "_".join(w.lower() for w in words(text)) or "_"
    if name[0].isdigit():
        name = f"n{name}"
    if name in _RESERVED:
        name += "_"
    return name


def pascal(text: str) -> str:
    """`item-create` -> `ItemCreate`; keeps existing capitals (`HTTPError` stays `HTTPError`)."""
    name = "".join(w[:1].upper() + w[1:] for w in words(text)) or "Model"
    if name[0].isdigit():
        name = f"M{name}"
    if name in _RESERVED:
        name += "_"
    return name


def is_identifier(text: str) -> bool:
    return text.isidentifier() and text not in _RESERVED


class UniqueNames:
    """Hands out names, adding `_2`, `_3`… on collision, in call order (so callers must be ordered)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def __contains__(self, name: str) -> bool:
        return name in self._taken

    def claim(self, wanted: str) -> str:
        name, n = wanted, 1
        while name in self._taken:
            n += 1
            name = f"{wanted}_{n}"
        self._taken.add(name)
        return name
