"""In-process A/B of one change to the runtime: new code, old code and the floor, interleaved.

    .venv/bin/python -m bench.ab invalid path/to/toggle.py [--rounds 12] [--requests 1000]

`toggle.py` is a scratch module with two functions, `new()` and `old()`, each patching the running app
into one version of the change (e.g. `old()` puts back the previous `pipeline.read_body`, loaded from
`git show HEAD~1:chalicelib/runtime/pipeline.py` saved to a file; `new()` the current one). Per round,
each of new / old / floor serves a batch of the request kind (bench/variants/workload.py, with its real
bearer token), the order rotated each round; the store is reset and `gc.collect()` runs between batches.
It prints the median of the per-batch medians and the ratio to the floor.

Why not `make bench` for this: a change worth 1-2 µs is below the spread between two bench runs, which
measure two trees in two processes. Here both versions run in the same process, on the same objects, a
few seconds apart. It answers "did this change help", not "does the app meet its targets".
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.variants import workload

ROOT = Path(__file__).resolve().parents[1]


def _toggle(path: str) -> tuple[Callable[[], None], Callable[[], None]]:
    spec = importlib.util.spec_from_file_location("ab_toggle", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"ab: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.new, module.old


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=workload.KINDS)
    parser.add_argument("toggle", help="a module defining new() and old()")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    os.environ.update(workload.STAGE_ENV)
    from app import app as ours
    from bench.variants.floor import app as floor
    from chalicelib.services import item_service

    service = item_service()
    workload.seed_records(service)
    keep = workload.all_ids(service)
    event, context = workload.event(args.kind), workload.lambda_context()
    expected = workload.EXPECTED_STATUS[args.kind]
    new, old = _toggle(args.toggle)  # imported after the app: it patches loaded modules

    variants: list[tuple[str, Callable[[], None], Any]] = [
        ("new", new, ours),
        ("old", old, ours),
        ("floor", new, floor),
    ]
    medians: dict[str, list[float]] = {name: [] for name, _, _ in variants}
    clock = time.perf_counter_ns
    for round_ in range(args.rounds):
        shift = round_ % len(variants)
        for name, setup, app in variants[shift:] + variants[:shift]:
            setup()
            for _ in range(200):
                app(event, context)
            workload.reset_store(service, keep)
            gc.collect()
            times = []
            for _ in range(args.requests):
                started = clock()
                answer = app(event, context)
                times.append(clock() - started)
            if answer["statusCode"] != expected:
                raise SystemExit(
                    f"ab: {name} answered {answer['statusCode']}, not {expected}: {answer['body']}"
                )
            workload.reset_store(service, keep)
            medians[name].append(statistics.median(times) / 1000)
    new()
    base = statistics.median(medians["floor"])
    for name, values in medians.items():
        median = statistics.median(values)
        print(f"{name:6} {median:7.1f} µs  {median / base:.3f}x the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
