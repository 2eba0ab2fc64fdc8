"""Running the validators compiled at build time (codegen/compiler -> chalicelib/_generated).

A validator is a plain function `v(x, pointer, errors) -> bool`; this module only turns what it reports
into `Violation`s located in the request or response. Nothing is built at import or at request time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from chalicelib.runtime.problem import Violation
from chalicelib.runtime.validation import Err

Validator: TypeAlias = Callable[[Any, str, list[Err]], bool]


def violations(
    validator: Validator | None, instance: Any, location: str, prefix: str = ""
) -> list[Violation]:
    """Every way `instance` breaks its schema, located under `prefix` (e.g. "/limit" for a parameter)."""
    if validator is None:
        return []
    errors: list[Err] = []
    if validator(instance, prefix, errors) and not errors:
        return []
    return [Violation(location, pointer, message, keyword) for pointer, message, keyword in errors]
