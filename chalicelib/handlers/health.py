"""Handlers for the `health` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

from chalicelib import __version__
from chalicelib.runtime import HandlerResult


def get_health() -> HandlerResult:
    """Report service health"""
    return {"status": "ok", "version": __version__}
