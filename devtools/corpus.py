"""`make corpus`: the generator's own conformance across real specs (issue 8, docs/CORPUS.md).

    python -m devtools.corpus [--specs ../shared/specs] [--only NAME ...] [--seed 8]
                              [--max-examples 10] [--budget 60]

For every spec: `codegen --mock` into a temporary directory (no handlers: every operation answers its
example or synthesized data), the app built in-process (devtools/mock.py) and driven by schemathesis's
Python API through tests/contract/wsgi.py (each request an API Gateway proxy event, no socket), every
operation in positive and negative mode, every check, a fixed seed, at most --max-examples cases per
operation and mode and --budget seconds of requests per spec (codegen and app building not counted). Prints one progress line per spec and then the table:
spec, operations, requests, failures per check (unique operation + failure title), time.
Exit 1 when any spec has a server error (or does not generate).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
NOT_SPECS = {"README.md", "manifest.json"}
DEFAULT_SEED = 8
DEFAULT_MAX_EXAMPLES = 10
DEFAULT_BUDGET = 60.0
SERVER_ERROR = "not_a_server_error"


@dataclass
class Row:
    spec: str
    operations: int = 0
    requests: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    generated: float = 0.0  # of which codegen --mock and building the app
    error: str = ""
    truncated: bool = False
    details: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (check, op, title) -> message


def corpus_specs(directory: Path = SPECS) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and p.name not in NOT_SPECS)


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()


@contextlib.contextmanager
def importable(root: Path, top: str) -> Iterator[None]:
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == top or m.startswith(top + ".")]:
            del sys.modules[name]
        from chalicelib.runtime import pipeline

        for key in [k for k in pipeline._operations if k[0].startswith(top + ".")]:
            del pipeline._operations[key]


_FORM = "application/x-www-form-urlencoded"
_STYLE_KEYS = frozenset({"style", "explode", "allowReserved"})


def _form_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def form_pairs(body: Mapping[str, Any], encoding: Mapping[str, Any]) -> list[tuple[str, str]] | None:
    """A urlencoded body's fields as OAS 3.1.1/3.0.4 lay them out when no property sets `style`/`explode`.

    Encoding Object: with none of `style`, `explode`, `allowReserved`, "encoding is to be based on
    `contentType` alone", whose default is `application/json` for an object and, for an array, that of
    its items, one field per item (text for a primitive). A primitive is its text; `null` has no form
    serialization and, like an empty array (RFC 6570: undefined), sends nothing. None when a property
    does set a style: that is the query-parameter serialization schemathesis already applies.
    """
    if any(isinstance(enc, Mapping) and _STYLE_KEYS & enc.keys() for enc in encoding.values()):
        return None
    pairs: list[tuple[str, str]] = []
    for name, value in body.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                pairs.append((name, _form_text(item)))
    return pairs


@contextlib.contextmanager
def oas_forms() -> Iterator[None]:
    """Send urlencoded bodies as `form_pairs` lays them out, on schemathesis's WSGI transport.

    schemathesis 4.32.5 serializes a urlencoded body's properties like query parameters (style form,
    explode: an object's keys become fields of their own) when its schema has top-level `properties`, and
    leaves the dict as generated otherwise (a `oneOf` body), where werkzeug then takes every object value
    for a file and drops it (docs/CORPUS.md, fix 10). Neither is what an OAS client sends, so the body is laid
    out here from the generated value itself (`ctx.case.body`, before schemathesis's serialization).
    """
    from schemathesis.transport.wsgi import WSGI_TRANSPORT

    previous = WSGI_TRANSPORT._serializers[_FORM]

    def serialize(ctx: Any, value: Any) -> dict[str, Any]:
        body = ctx.case.body
        media = ctx.case.operation.get_body_for_media_type(ctx.case.media_type)
        definition = media.definition if media is not None else {}
        encoding = definition.get("encoding") if isinstance(definition, Mapping) else None
        pairs = form_pairs(body, encoding or {}) if isinstance(body, dict) else None
        if pairs is None:
            return previous(ctx, value)
        return {"data": urlencode(pairs).encode()}

    WSGI_TRANSPORT._serializers[_FORM] = serialize
    try:
        yield
    finally:
        WSGI_TRANSPORT._serializers[_FORM] = previous


def _check_name(failure: Any) -> str:
    checks = getattr(type(failure), "checks", ())
    return str(checks[0]) if checks else type(failure).__name__


def run_spec(spec: Path, workdir: Path, *, seed: int, max_examples: int, budget: float) -> Row:
    """Generate, build and fuzz one spec; never raises (a crash is the row's error)."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from schemathesis.config import SchemathesisConfig
    from schemathesis.core.failures import Failure, FailureGroup
    from schemathesis.generation import GenerationMode

    from devtools.mock import build_app, generate
    from tests.contract.wsgi import ChaliceWSGI

    row = Row(spec.name)
    started = time.perf_counter()
    top = f"corpus_{slug(spec.stem)}"
    result = generate(spec, workdir, top, None)
    if result.returncode != 0:
        row.error = "codegen failed: " + result.stderr.strip().splitlines()[-1]
        row.seconds = time.perf_counter() - started
        return row
    with importable(workdir, top), oas_forms():
        try:
            # credentials are checked as a deployed app checks them (no verifier registered: refused), not
            # as `make mock` does (any present credential accepted), or ignored_auth would flag every
            # secured operation
            app = build_app(top, f"corpus-{slug(spec.stem)}")
            config = SchemathesisConfig.from_str('base-url = "http://localhost"\n')
            schema = schemathesis.openapi.from_path(spec, config=config)
            schema.app = ChaliceWSGI(app)
        except Exception as exc:  # noqa: BLE001 - reported in the table
            row.error = f"{type(exc).__name__}: {exc}"
            row.seconds = time.perf_counter() - started
            return row
        deadline = time.perf_counter() + budget  # the budget is schemathesis's; generation is not counted
        row.generated = time.perf_counter() - started
        for item in schema.get_all_operations():
            try:
                operation = item.ok()  # type: ignore[union-attr]  # Err raises here: reported below
            except Exception as exc:  # noqa: BLE001 - schemathesis could not read the operation
                row.failures["schemathesis_schema_error"] += 1
                row.details[("schemathesis_schema_error", "?", type(exc).__name__)] = str(exc)[:300]
                continue
            row.operations += 1
            label = operation.label
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                if time.perf_counter() > deadline:
                    row.truncated = True
                    break
                try:
                    strategy = operation.as_strategy(generation_mode=mode)
                except Exception as exc:  # noqa: BLE001 - a schema schemathesis cannot generate for: reported
                    row.details[("strategy", label, mode.value)] = str(exc)[:300]
                    continue

                declared = _declared_statuses(operation.definition.raw)

                def record(
                    failure: Any, case: Any, response: Any, label: str = label, declared: set[str] = declared
                ) -> None:
                    name = _check_name(failure)
                    status = str(response.status_code)
                    covering = {status, status[0] + "XX", "default"}
                    if name == "status_code_conformance" and status[0] == "4" and not covering & declared:
                        # a refusal (invalid input, missing credentials) the spec declares no status for
                        name = "undeclared_rejection"
                    key = (name, label, str(failure.title))
                    if key not in row.details:
                        request = response.request
                        raw = request.body if isinstance(request.body, bytes | str) else b""
                        sent = f"{request.method} {request.url} headers={dict(request.headers)} body={raw[:300]!r}"
                        got = f"{response.status_code} {response.headers.get('content-type')} {response.text[:300]}"
                        row.details[key] = f"{str(failure.message)[:400]}\n{sent[:400]}\n-> {got}"
                        row.failures[name] += 1

                @hypothesis_seed(seed)
                @settings(
                    max_examples=max_examples,
                    deadline=None,
                    database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck),
                )
                @given(case=strategy)
                def fuzz(case: Any) -> None:
                    if time.perf_counter() > deadline:
                        return
                    row.requests += 1
                    response = case.call()
                    try:
                        case.validate_response(response)
                    except FailureGroup as group:
                        for failure in group.exceptions:
                            record(failure, case, response)
                    except Failure as failure:
                        record(failure, case, response)

                try:
                    fuzz()
                except Exception as exc:  # noqa: BLE001 - generation errors (unsatisfiable schemas...)
                    row.details[("generation", label, mode.value)] = f"{type(exc).__name__}: {str(exc)[:300]}"
    row.seconds = time.perf_counter() - started
    return row


def _declared_statuses(definition: Any) -> set[str]:
    responses = definition.get("responses") if isinstance(definition, dict) else None
    return {str(k).upper() if str(k) != "default" else "default" for k in responses or {}}


def table(rows: list[Row]) -> str:
    checks = sorted({name for row in rows for name in row.failures})
    head = ["spec", "ops", "requests", *checks, "time (codegen)"]
    lines = [head]
    for row in rows:
        cells = [row.spec + (" (budget)" if row.truncated else ""), str(row.operations), str(row.requests)]
        cells += [str(row.failures.get(c, 0)) for c in checks]
        cells += [f"{row.seconds:.1f}s ({row.generated:.1f}s)" + (f" ERROR {row.error}" if row.error else "")]
        lines.append(cells)
    total = ["total", str(sum(r.operations for r in rows)), str(sum(r.requests for r in rows))]
    total += [str(sum(r.failures.get(c, 0) for r in rows)) for c in checks]
    total += [f"{sum(r.seconds for r in rows):.1f}s"]
    lines.append(total)
    out = ["| " + " | ".join(line) + " |" for line in lines]
    out.insert(1, "|" + "|".join("---" for _ in head) + "|")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--specs", type=Path, default=SPECS)
    parser.add_argument("--only", nargs="*", default=None, help="spec file names (default: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--max-examples", type=int, default=DEFAULT_MAX_EXAMPLES, help="per operation and mode"
    )
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET, help="seconds per spec")
    parser.add_argument("--details", action="store_true", help="print every unique failure")
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("chalicelib.runtime").setLevel(logging.CRITICAL)  # failures are counted, not logged
    specs = [p for p in corpus_specs(args.specs) if not args.only or p.name in args.only]
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        for i, spec in enumerate(specs, 1):
            print(f"[{i}/{len(specs)}] {spec.name} ...", end=" ", flush=True)
            row = run_spec(
                spec, Path(tmp), seed=args.seed, max_examples=args.max_examples, budget=args.budget
            )
            rows.append(row)
            found = ", ".join(f"{k} {v}" for k, v in sorted(row.failures.items())) or "no failures"
            print(
                f"{row.operations} ops, {row.requests} requests, {found}, {row.seconds:.1f}s"
                + (f" ERROR {row.error}" if row.error else ""),
                flush=True,
            )
            if args.details:
                for (check, op, title), message in sorted(row.details.items()):
                    print(f"    {check} | {op} | {title}\n        " + message.replace("\n", "\n        "))
    print()
    print(table(rows))
    bad = [r for r in rows if r.error or r.failures.get(SERVER_ERROR)]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
