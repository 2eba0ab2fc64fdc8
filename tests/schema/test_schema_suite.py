"""The official JSON Schema Test Suite (draft 4 and 2020-12, every required file, plus the optional files
named in schema_support) against compiled validators. Deviations are listed in SKIPPED.md, and the test
asserts each listed case really deviates, so the list can neither hide a regression nor go stale."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from schema_support import Case, compile_validator, skipped_cases, suite_cases, suite_registry

CASES = suite_cases()
SKIPPED = skipped_cases()
_validators: dict[tuple[str, str, int], Any] = {}


def _validator(case: Case) -> Any:
    key = (case.draft, case.file, case.group)
    if key not in _validators:
        dialect = "draft4" if case.draft == "draft4" else "2020-12"
        _validators[key] = compile_validator(case.schema, dialect, suite_registry(case.draft))[0]
    return _validators[key]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_suite_case(case: Case, suite: Path) -> None:
    validate = _validator(case)
    valid, errors = validate(copy.deepcopy(case.data))
    assert valid == (not errors), f"the result and the error list disagree: {valid} {errors}"
    if case.id in SKIPPED:
        assert valid != case.valid, f"listed in SKIPPED.md but passes now (remove it): {case.id}"
        return
    assert valid == case.valid, f"{case.id}: expected valid={case.valid}, errors: {errors}"


def test_skipped_list_names_real_cases(suite: Path) -> None:
    ids = Counter(c.id for c in CASES)
    unknown = [case_id for case_id in SKIPPED if ids[case_id] != 1]
    assert unknown == [], "SKIPPED.md names cases that are not (uniquely) in the suite"


def test_suite_counts(suite: Path) -> None:
    per_draft = Counter(c.draft for c in CASES if not c.file.startswith("optional/"))
    # every required case of both drafts is collected (numbers from the 4.26.0 sdist)
    assert per_draft == {"draft4": 610, "draft2020-12": 1257}
