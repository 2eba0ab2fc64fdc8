"""Fixtures for the codegen tests, and a terminal summary of codegen wall times (printed with or without -s)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `tests.codegen.*` and `chalicelib` importable however pytest is started
    sys.path.insert(0, str(ROOT))

TIMINGS = pytest.StashKey[list[tuple[str, float]]]()


@pytest.fixture
def codegen_timings(request: pytest.FixtureRequest) -> list[tuple[str, float]]:
    """Append (label, seconds) here; the terminal summary prints them."""
    return request.config.stash.setdefault(TIMINGS, [])


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the session (not the repo's: never shared with a developer's concurrent run)."""
    return tmp_path_factory.mktemp("mypy-cache")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    timings = config.stash.get(TIMINGS, [])
    if not timings:
        return
    terminalreporter.section("codegen wall time (subprocess, incl. interpreter start)")
    for label, seconds in sorted(timings, key=lambda t: -t[1]):
        terminalreporter.write_line(f"{seconds:7.2f}s  {label}")
    terminalreporter.write_line(f"{sum(s for _, s in timings):7.2f}s  total ({len(timings)} runs)")
