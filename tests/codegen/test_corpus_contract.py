"""The CI-sized slice of `make corpus` (docs/CORPUS.md): small corpus specs generated with `codegen --mock`
and checked in-process by schemathesis (positive + negative, every check, fixed seed, few examples).

Each spec may only fail the checks docs/CORPUS.md explains for it (the spec contradicts itself, or asks
for what HTTP cannot tell apart); a server error, a spec that does not generate, or any other failure
fails the test. The full run (every spec, more examples) is `make corpus`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devtools.corpus import SERVER_ERROR, SPECS, form_pairs, run_spec

EXAMPLES = int(os.environ.get("CORPUS_EXAMPLES") or 5)

#: spec -> the checks docs/CORPUS.md explains for it
ALLOWED: dict[str, set[str]] = {
    "oai-v3.0-api-with-examples.yaml": set(),
    "oai-v3.0-petstore.yaml": set(),
    "oai-v3.0-petstore-expanded.yaml": set(),
    # XML bodies parsed and checked, `?username=` is the value "" (allowEmptyValue): nothing left
    "swagger-petstore-v3.yaml": set(),
    # every operation declares only 200: refusing invalid input has no declared status (CORPUS.md §1)
    "opc-3.1-specific.fixture.yaml": {"undeclared_rejection"},
    # `?state=` is refused by its enum; only 200 declared (§1)
    "oai-v3.0-link-example.yaml": {"undeclared_rejection"},
    # an empty form is {} and misses `criteria`: 400, which is not declared, only 200 and 404 (§1)
    "oai-v3.0-uspto.yaml": {"undeclared_rejection"},
    # `callbackUrl` (format: uri) refused; only 201 declared (§1)
    "oai-v3.0-callback-example.yaml": {"undeclared_rejection"},
    # a secured operation declaring no response at all: its 401 is undeclared (§1)
    "oai-v3.1-non-oauth-scopes.yaml": {"undeclared_rejection"},
    # union (oneOf) form bodies with object fields, sent as OAS lays them out (fix 10); `GET
    # /self-service/errors` refuses a missing `id` with 400, which it does not declare (§1)
    "ory-kratos.json": {"undeclared_rejection"},
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_mock_app_keeps_its_spec(name: str, tmp_path: Path) -> None:
    spec = SPECS / name
    assert spec.is_file(), f"the shared spec corpus is missing {spec}"
    row = run_spec(spec, tmp_path, seed=8, max_examples=EXAMPLES, budget=20.0)
    details = "\n".join(f"{c} | {op} | {t}\n    {m}" for (c, op, t), m in sorted(row.details.items()))
    assert not row.error, row.error
    assert row.operations > 0
    assert row.requests > 0
    assert not row.failures.get(SERVER_ERROR), details
    unexplained = set(row.failures) - ALLOWED[name]
    assert not unexplained, f"{sorted(unexplained)}\n{details}"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an object is its JSON text (Encoding Object default contentType: application/json)
        ({"method": "code", "traits": {"email": "a@b.c"}}, [("method", "code"), ("traits", '{"email": "a@b.c"}')]),
        ({"traits": {}}, [("traits", "{}")]),
        # an array: one field per item, primitives as text, objects as JSON
        ({"ids": [1, "x", True], "objs": [{"a": 1}]}, [("ids", "1"), ("ids", "x"), ("ids", "true"), ("objs", '{"a": 1}')]),
        # null and an empty array have no form serialization: nothing is sent
        ({"gone": None, "none": [], "n": 1.5}, [("n", "1.5")]),
    ],
)  # fmt: skip
def test_corpus_sends_forms_as_oas_lays_them_out(
    body: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    assert form_pairs(body, {}) == expected


def test_corpus_leaves_styled_forms_to_schemathesis() -> None:
    # a property with `style`/`explode` is a query-style serialization, which schemathesis applies itself
    assert form_pairs({"ids": [1, 2]}, {"ids": {"style": "form", "explode": False}}) is None
    assert form_pairs({"meta": {"a": 1}}, {"meta": {"contentType": "application/json"}}) == [
        ("meta", '{"a": 1}')
    ]
