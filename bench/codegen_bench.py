"""Wall time of `python -m codegen --stub` on the two largest corpus specs, against a same-run baseline.

Run with `make bench-codegen` (or `.venv/bin/python bench/codegen_bench.py [--runs N]`).

Every measurement is a fresh subprocess, so interpreter start-up and imports are counted on both sides.
Variants, per spec:

  baseline   load the document and fully consume openapi-spec-validator's `iter_errors()` — the least
             work any tool that claims to check the spec has to do;
  cold       `python -m codegen --stub --no-cache` (full validation, in parallel with the build);
  warm       `python -m codegen --stub --cache-dir D`, D filled beforehand by one untimed run, so the
             validation is skipped because the document is already known to be valid.

Runs are interleaved (baseline, cold, warm, baseline, cold, warm, …) so drift of the machine hits every
variant alike; each variant gets one untimed warm-up run. The table shows the median and the minimum, and
the ratio of the medians to the baseline measured in this same run. The target applies to the cold median.

Exit status: 0 whatever the timings (this is a report); 1 if codegen or the baseline fails to run.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS_DIR = ROOT.parent / "shared" / "specs"
DEFAULT_SPECS = ("box-platform.json", "discord-v10.json")
TARGET_SECONDS = 5.0
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# The baseline child: parse like codegen does (json for .json, libyaml otherwise), then validate fully.
BASELINE = """
import json, sys
from pathlib import Path
import yaml
from openapi_spec_validator.validation.validators import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
if path.suffix.lower() == ".json":
    data = json.loads(text)
else:
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
version = str(data.get("openapi", ""))
cls = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
errors = sum(1 for _ in cls(data, base_uri=path.resolve().as_uri()).iter_errors())
print(errors)
"""


class BenchFailed(Exception):
    pass


@dataclass
class Variant:
    key: str
    label: str
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)


@dataclass
class SpecBench:
    path: Path
    operations: int
    work: Path
    variants: dict[str, Variant]
    started: int = 0  # codegen runs so far: numbers the out dirs and packages

    @property
    def slug(self) -> str:
        return "".join(c if c.isalnum() else "_" for c in self.path.stem).lower()

    @property
    def cache_dir(self) -> Path:
        return self.work / "cache"


def count_operations(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    paths = data.get("paths") or {}
    return sum(1 for item in paths.values() if isinstance(item, dict) for m in METHODS if m in item)


def timed(cmd: list[str], what: str) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise BenchFailed(f"{what} exited {proc.returncode}:\n  $ {' '.join(cmd)}\n{tail}")
    if what.startswith("baseline") and proc.stdout.strip() not in ("", "0"):
        print(f"note: {what}: openapi-spec-validator reports {proc.stdout.strip()} error(s)", file=sys.stderr)
    return elapsed


def codegen_cmd(bench: SpecBench, mode: str) -> list[str]:
    n = bench.started = bench.started + 1
    out = bench.work / f"out_{mode}_{n}"
    cmd = [
        sys.executable,
        "-m",
        "codegen",
        "--stub",
        "--spec",
        str(bench.path),
        "--out",
        str(out),
        "--handlers",
        str(bench.work / "no_such_handlers"),  # never created: every operation is stubbed (501)
        "--package",
        f"bench_{bench.slug}_{mode}_{n}",
        "--handlers-package",
        f"bench_{bench.slug}_handlers",
    ]
    cmd += ["--no-cache"] if mode == "cold" else ["--cache-dir", str(bench.cache_dir)]
    return cmd


def run_variant(bench: SpecBench, key: str) -> float:
    name = bench.path.name
    if key == "baseline":
        return timed([sys.executable, "-c", BASELINE, str(bench.path)], f"baseline on {name}")
    cmd = codegen_cmd(bench, key)
    elapsed = timed(cmd, f"codegen ({key}) on {name}")
    out = Path(cmd[cmd.index("--out") + 1])
    if not (out / "routes.py").is_file():
        raise BenchFailed(f"codegen ({key}) on {name} exited 0 but wrote no {out / 'routes.py'}")
    for out in bench.work.glob("out_*"):  # keep the temp dir small; outputs are not inspected
        shutil.rmtree(out, ignore_errors=True)
    return elapsed


def prepare(path: Path, work: Path) -> SpecBench:
    variants = {
        "baseline": Variant("baseline", "load + validate (baseline)"),
        "cold": Variant("cold", "codegen --no-cache"),
        "warm": Variant("warm", "codegen, cached validation"),
    }
    bench = SpecBench(path, count_operations(path), work, variants)
    # untimed warm-ups; the "warm" one is a full run that fills the validation cache
    for key in variants:
        run_variant(bench, key)
    if not any(bench.cache_dir.glob("valid-*")):
        print(f"note: the cache warm-up left nothing in {bench.cache_dir}", file=sys.stderr)
    return bench


def fmt_size(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:.1f} MiB"


def render(benches: list[SpecBench]) -> list[str]:
    header = f"{'spec':<20} {'ops':>4} {'size':>8}  {'variant':<28} {'median':>8} {'min':>8} {'vs base':>8}"
    lines = [header, "-" * len(header)]
    for bench in benches:
        base = bench.variants["baseline"].median
        for i, variant in enumerate(bench.variants.values()):
            first = i == 0
            lines.append(
                f"{bench.path.name if first else '':<20} "
                f"{bench.operations if first else '':>4} "
                f"{fmt_size(bench.path) if first else '':>8}  "
                f"{variant.label:<28} "
                f"{variant.median:>7.2f}s {variant.best:>7.2f}s "
                f"{variant.median / base:>7.2f}x"
            )
    lines.append("-" * len(header))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per variant (default 5)")
    parser.add_argument(
        "--spec",
        action="append",
        type=Path,
        help=f"spec to benchmark (repeatable; default: {', '.join(DEFAULT_SPECS)} in {SPECS_DIR})",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    specs = [p.resolve() for p in args.spec] if args.spec else [SPECS_DIR / name for name in DEFAULT_SPECS]
    missing = [str(p) for p in specs if not p.is_file()]
    if missing:
        print(f"bench: spec not found: {', '.join(missing)}", file=sys.stderr)
        return 1

    print(
        f"codegen benchmark: {args.runs} interleaved runs per variant, fresh subprocess each "
        f"(+1 untimed warm-up)\n"
        f"python {platform.python_version()}, openapi-spec-validator "
        f"{importlib.metadata.version('openapi-spec-validator')}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as tmp:
        try:
            benches = []
            for i, spec in enumerate(specs):
                work = Path(tmp) / f"{i}"
                work.mkdir()
                benches.append(prepare(spec, work))
            for run in range(args.runs):
                print(f"run {run + 1}/{args.runs}…", file=sys.stderr, flush=True)
                for bench in benches:
                    for key, variant in bench.variants.items():
                        variant.times.append(run_variant(bench, key))
        except BenchFailed as failed:
            print(f"bench: FAILED: {failed}", file=sys.stderr)
            return 1

    print()
    print("\n".join(render(benches)))
    verdict = all(b.variants["cold"].median <= TARGET_SECONDS for b in benches)
    print(f"target: <= {TARGET_SECONDS:.1f} s per spec (uncached): {'PASS' if verdict else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
