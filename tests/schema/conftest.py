"""Session fixture: the JSON Schema Test Suite, fetched once (pip download of the jsonschema sdist)."""

from __future__ import annotations

from pathlib import Path

import pytest
from schema_support import suite_root


@pytest.fixture(scope="session")
def suite() -> Path:
    return suite_root()
