"""Request latency (warm) and cold start of the generated app, against bare Chalice and two peers.

Run with `make bench` (or `.cache/bench-venv/bin/python bench/request_bench.py [--rounds N] [--requests N]
[--cold-runs N] [--profile]`). It needs requirements-bench.txt, which cannot live in .venv: openapi-core
0.23 pins openapi-spec-validator < 0.9 and jsonschema-path < 0.5, below requirements-dev.txt's pins.

Variants (bench/variants/), each answering the same three requests (bench/variants/workload.py):

  ours         `from app import app`: the generated routes and the runtime pipeline, request and response
               validated against openapi.yaml, invoked as Lambda does: `app(event, context)`;
  floor        the same service on bare Chalice with no validation (bench/variants/floor.py): the floor;
  connexion    connexion 3 AsyncApp from the same spec (converted to OAS 3.0 in memory: connexion 3.3
               accepts 3.0 only), request and response validation on, called directly as ASGI;
  openapi-core openapi-core `unmarshal_request` (OAS 3.1, the spec as is) + the same service call: the
               validation cost a user pays on top of a framework — no routing, no response.

Request kinds: GET /items?limit=10&tag=home on a store seeded with 40 items; POST /items with a ~2 KB
valid body; POST /items with a body breaking the schema six ways.

Warm: one process, all variants loaded; per round and kind the variants run one batch each, interleaved
and rotated (A,B,C,D / B,C,D,A / ...), so drift of the machine hits every variant alike; every request is
timed on its own (perf_counter_ns) and its status checked; the store is reset and `gc.collect()` runs
between batches, untimed. Medians and p99 are over every request of every round; "round medians" is the
range of the per-round medians (how stable the median is).

Cold start: fresh processes, interleaved and rotated across variants, each timing import (and, for the
peers, building the app from the spec) + the first GET /items, and reporting its peak RSS. Lambda cannot
write .pyc files into its read-only code directory, and `chalice package` ships what the project holds
(app.py, every file under chalicelib/, chalice/__init__.py and chalice/app.py, the wheels of
requirements.txt), so "(no pyc)" rows run from such a copy without any __pycache__ and with
PYTHONDONTWRITEBYTECODE=1: every shipped module is compiled on import, the interpreter's stdlib keeps its
.pyc as in the Lambda runtime. "(shipped pyc)" rows run from the same copy after
`compileall --invalidation-mode unchecked-hash chalicelib` (a build step before `chalice package`).

One run measures one tree: the script first copies app.py, chalicelib/, openapi.yaml, requirements.txt
and bench/ to a temp dir and runs from there (the header names the commit and any uncommitted changes).
When a warm target fails it then times the pipeline's stages one by one (bench/variants/breakdown.py) and
profiles our warm path (cProfile); when a cold target fails it lists what ours imports on top of the
floor (-X importtime). `--profile` prints both whatever the verdicts.

Exit status: 0 whatever the timings (this is a report; PASS/FAIL lines say how it compares with the
targets); 1 if a variant crashes or answers wrongly.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.metadata
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.variants import workload  # noqa: E402 - run as a script, the repo root must join sys.path first

WARM_TARGET = 1.25  # x the floor's median, every request kind
COLD_TARGET = 1.15  # x the floor's median import + first request
RSS_TARGET_MB = 5.0  # MB above the floor's peak RSS


class BenchFailed(Exception):
    pass


# -- warm ------------------------------------------------------------------------------------------------
def _chalice_batch(app: Any, kind: str, n: int) -> list[int]:
    ev, ctx, expected = workload.event(kind), workload.lambda_context(), workload.EXPECTED_STATUS[kind]
    clock = time.perf_counter_ns
    times: list[int] = []
    wrong = 0
    for _ in range(n):
        request = dict(ev)  # Chalice may keep references to the event: a fresh top-level dict each time
        started = clock()
        result = app(request, ctx)
        times.append(clock() - started)
        wrong += result["statusCode"] != expected
    if wrong:
        raise BenchFailed(f"{app.app_name}: {wrong} of {n} answers to {kind} were not {expected}")
    return times


class ChaliceVariant:
    def __init__(self, app: Any) -> None:
        self.app = app

    def once(self, kind: str) -> tuple[int, bytes, dict[str, Any]]:
        result = self.app(workload.event(kind), workload.lambda_context())
        return result["statusCode"], result["body"].encode(), result["headers"]

    def batch(self, kind: str, n: int) -> list[int]:
        return _chalice_batch(self.app, kind, n)


class CoreBatches:
    """openapi-core: the timed call is `handle(event)` (adapt, unmarshal, service)."""

    def __init__(self) -> None:
        from bench.variants.openapi_core_variant import OpenAPICoreVariant

        self.inner = OpenAPICoreVariant()

    def once(self, kind: str) -> tuple[int, bytes, dict[str, Any]]:
        status, body = self.inner.once(kind)
        return status, body, {}

    def batch(self, kind: str, n: int) -> list[int]:
        ev, expected = workload.event(kind), workload.EXPECTED_STATUS[kind]
        handle, clock = self.inner.handle, time.perf_counter_ns
        times: list[int] = []
        wrong = 0
        for _ in range(n):
            request = dict(ev)
            started = clock()
            status, _ = handle(request)
            times.append(clock() - started)
            wrong += status != expected
        if wrong:
            raise BenchFailed(f"openapi-core: {wrong} of {n} answers to {kind} were not {expected}")
        return times


class ConnexionBatches:
    def __init__(self) -> None:
        from bench.variants.connexion_variant import ConnexionVariant

        self.inner = ConnexionVariant()

    def once(self, kind: str) -> tuple[int, bytes, dict[str, Any]]:
        status, body = self.inner.once(kind)
        return status, body, {}

    def batch(self, kind: str, n: int) -> list[int]:
        return self.inner.batch(kind, n)


@dataclass
class WarmVariant:
    key: str
    label: str
    runner: Any
    times: dict[str, list[int]] = field(default_factory=dict)  # kind -> ns per request
    round_medians: dict[str, list[float]] = field(default_factory=dict)


def p99(values: list[int]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def load_warm_variants() -> list[WarmVariant]:
    from app import app as ours
    from bench.variants.floor import app as floor

    return [
        WarmVariant("ours", "ours (generated)", ChaliceVariant(ours)),
        WarmVariant("floor", "floor (bare Chalice)", ChaliceVariant(floor)),
        WarmVariant("connexion", "connexion 3 (OAS 3.0 copy)", ConnexionBatches()),
        WarmVariant("openapi-core", "openapi-core (req. only)", CoreBatches()),
    ]


def sanity_check(variants: list[WarmVariant]) -> None:
    """Every variant answers every kind as expected before anything is timed; ours in detail."""
    by_key = {v.key: v for v in variants}
    for variant in variants:
        for kind in workload.KINDS:
            status, body, _ = variant.runner.once(kind)
            if status != workload.EXPECTED_STATUS[kind]:
                raise BenchFailed(f"{variant.key} answered {kind} with {status}: {body[:300]!r}")
    for variant in variants:  # every variant verifies the bearer token (the floor and the peers too)
        status, body, _ = variant.runner.once("forged")
        if status != workload.EXPECTED_STATUS["forged"]:
            raise BenchFailed(
                f"{variant.key} answered a create with a forged token with {status}: {body[:300]!r}"
            )
    status, body, headers = by_key["ours"].runner.once("invalid")
    errors = json.loads(body).get("errors", [])
    if len(errors) != workload.INVALID_VIOLATIONS:
        raise BenchFailed(f"ours reported {len(errors)} violations, expected {workload.INVALID_VIOLATIONS}")
    status, body, headers = by_key["ours"].runner.once("create")
    if not str(headers.get("Location", "")).startswith(f"/{workload.STAGE}/items/"):
        raise BenchFailed(f"ours sent no stage-prefixed Location for a create: {headers}")
    ours_list = json.loads(by_key["ours"].runner.once("list")[1])
    if len(ours_list["items"]) != 10:
        raise BenchFailed(f"ours listed {len(ours_list['items'])} items, expected 10")
    for variant in variants:  # the same request gets the same answer everywhere
        if json.loads(variant.runner.once("list")[1]) != ours_list:
            raise BenchFailed(f"{variant.key} lists other items than ours for the same request")


def rotated(items: list[Any], start: int) -> list[Any]:
    start %= len(items)
    return items[start:] + items[:start]


def run_warm(variants: list[WarmVariant], rounds: int, requests: int, warmup: int) -> None:
    from chalicelib.services import item_service

    service = item_service()
    keep = workload.seed_records(service)
    sanity_check(variants)
    workload.reset_store(service, keep)
    for variant in variants:  # untimed warm-up: imports, caches, the first-call paths
        for kind in workload.KINDS:
            variant.runner.batch(kind, warmup)
            workload.reset_store(service, keep)
    for r in range(rounds):
        print(f"warm round {r + 1}/{rounds}…", file=sys.stderr, flush=True)
        for k, kind in enumerate(workload.KINDS):
            for variant in rotated(variants, r + k):
                gc.collect()
                times = variant.runner.batch(kind, requests)
                if kind == "create":
                    workload.reset_store(service, keep)
                variant.times.setdefault(kind, []).extend(times)
                variant.round_medians.setdefault(kind, []).append(statistics.median(times) / 1000)


def render_warm(variants: list[WarmVariant], rounds: int, requests: int) -> list[str]:
    floor = next(v for v in variants if v.key == "floor")
    header = (
        f"{'request':<29} {'variant':<27} {'median':>9} {'p99':>9} {'vs floor':>9}  {'round medians':>17}"
    )
    lines = [
        f"WARM: in-process Lambda invocations, {rounds} interleaved rounds x {requests} requests "
        "per variant and kind (µs per request)",
        header,
        "-" * len(header),
    ]
    for kind in workload.KINDS:
        base = statistics.median(floor.times[kind])
        for i, variant in enumerate(variants):
            median = statistics.median(variant.times[kind])
            lo, hi = min(variant.round_medians[kind]), max(variant.round_medians[kind])
            lines.append(
                f"{workload.KIND_LABELS[kind] if i == 0 else '':<29} {variant.label:<27} "
                f"{median / 1000:>8.1f} {p99(variant.times[kind]) / 1000:>8.1f} "
                f"{median / base:>8.2f}x  {f'{lo:.1f} – {hi:.1f}':>17}"
            )
    lines.append("-" * len(header))
    return lines


# -- cold start ------------------------------------------------------------------------------------------
# The child: `workload` (stdlib only) is imported before the clock starts, by every variant alike.
CHILD = """
import json, resource, sys, time
from bench.variants import workload
variant = sys.argv[1]
t0 = time.perf_counter()
if variant == "ours":
    from app import app
    t1 = time.perf_counter()
    status = app(workload.event("list"), workload.lambda_context())["statusCode"]
    origin = sys.modules["chalice"].__file__
elif variant == "floor":
    from bench.variants.floor import app
    t1 = time.perf_counter()
    status = app(workload.event("list"), workload.lambda_context())["statusCode"]
    origin = sys.modules["chalice"].__file__
elif variant == "floor-frozen":  # the floor loaded the way app.py loads: no collection, then frozen
    import gc
    gc.disable()
    from bench.variants.floor import app
    gc.freeze()
    gc.enable()
    t1 = time.perf_counter()
    status = app(workload.event("list"), workload.lambda_context())["statusCode"]
    origin = sys.modules["chalice"].__file__
elif variant == "connexion":
    from bench.variants.connexion_variant import ConnexionVariant
    runner = ConnexionVariant()
    t1 = time.perf_counter()
    status = runner.once("list")[0]
    origin = ""
elif variant == "openapi-core":
    from bench.variants.openapi_core_variant import OpenAPICoreVariant
    runner = OpenAPICoreVariant()
    t1 = time.perf_counter()
    status = runner.once("list")[0]
    origin = ""
else:
    raise SystemExit("unknown variant " + variant)
t2 = time.perf_counter()
maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open("/proc/self/status", encoding="ascii") as status_file:
    hwm_kb = next(int(line.split()[1]) for line in status_file if line.startswith("VmHWM:"))
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "status": status, "hwm_kb": hwm_kb,
                  "maxrss_kb": maxrss_kb, "modules": len(sys.modules), "origin": origin}))
"""


@dataclass
class ColdVariant:
    key: str  # the CHILD's variant
    label: str
    cwd: Path
    no_pyc: bool = False
    shipped_pyc: bool = False  # the task root with .pyc compiled beside the sources (see lambda_task_root)
    totals: list[float] = field(default_factory=list)  # import + first request, s
    imports: list[float] = field(default_factory=list)
    firsts: list[float] = field(default_factory=list)
    walls: list[float] = field(default_factory=list)  # the whole process, as the parent sees it
    rss_mb: list[float] = field(default_factory=list)  # VmHWM: the child's own peak RSS
    maxrss_mb: list[float] = field(default_factory=list)  # ru_maxrss: includes the parent's, see render_cold
    modules: int = 0


def _copy_sources(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)


def lambda_task_root(base: Path, shipped_pyc: bool = False) -> Path:
    """What `chalice package` puts in the Lambda zip, sources only, plus the floor's two bench modules.

    `shipped_pyc`: chalicelib/ also holds `__pycache__/*.pyc` compiled with
    `python -m compileall --invalidation-mode unchecked-hash chalicelib` (what a build step before
    `chalice package` would run: chalice zips every file under chalicelib/, `__pycache__` included, and an
    unchecked-hash .pyc is used without comparing mtimes, which the zip does not keep exactly). app.py,
    chalice/ and the wheels stay sources, as `chalice package` ships them."""
    task = base / ("task-pyc" if shipped_pyc else "task")
    task.mkdir()
    shutil.copy2(ROOT / "app.py", task / "app.py")
    _copy_sources(ROOT / "chalicelib", task / "chalicelib")
    (task / "bench" / "variants").mkdir(parents=True)
    for name in ("__init__.py", "variants/__init__.py", "variants/workload.py", "variants/floor.py"):
        shutil.copy2(ROOT / "bench" / name, task / "bench" / name)
    import chalice
    import chalice.app

    (task / "chalice").mkdir()
    shutil.copy2(chalice.__file__, task / "chalice" / "__init__.py")
    shutil.copy2(chalice.app.__file__, task / "chalice" / "app.py")
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        name = re.split(r"[\[=<>~!;@\s]", line.split("#")[0].strip(), maxsplit=1)[0]
        if not name or name.startswith("-"):
            continue
        dist = importlib.metadata.distribution(name)
        for file in dist.files or ():
            parts = Path(str(file)).parts
            if "__pycache__" in parts or parts[0].endswith(".dist-info") or parts[0] == "..":
                continue
            source, target = Path(str(dist.locate_file(file))), task / Path(str(file))
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix == ".py":
                shutil.copy2(source, target)  # sources are what is compiled on import: real copies
            else:
                target.symlink_to(source)  # data and extension modules (botocore's are ~100 MB): links
    if shipped_pyc:
        import compileall
        import py_compile

        compiled = compileall.compile_dir(
            task / "chalicelib", quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
        )
        if not compiled:
            raise BenchFailed("compileall failed on the task root's chalicelib/")
    return task


def child_env(no_pyc: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.pop("PYTHONPATH", None)
    if no_pyc:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_cold_once(variant: ColdVariant) -> dict[str, Any]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, variant.key],
        cwd=variant.cwd,
        env=child_env(variant.no_pyc),
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise BenchFailed(f"cold start of {variant.label} exited {proc.returncode}:\n{tail}")
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    if data["status"] != 200:
        raise BenchFailed(f"cold start of {variant.label}: first GET /items answered {data['status']}")
    if variant.no_pyc and not data["origin"].startswith(str(variant.cwd)):
        raise BenchFailed(f"{variant.label} imported chalice from {data['origin']}, not the task root")
    data["wall"] = wall
    return data


def run_cold(runs: int, base: Path) -> list[ColdVariant]:
    task = lambda_task_root(base)
    task_pyc = lambda_task_root(base, shipped_pyc=True)
    variants = [
        ColdVariant("ours", "ours", ROOT),
        ColdVariant("floor", "floor", ROOT),
        ColdVariant("floor-frozen", "floor, GC frozen", ROOT),
        ColdVariant("ours", "ours (no pyc)", task, no_pyc=True),
        ColdVariant("floor", "floor (no pyc)", task, no_pyc=True),
        ColdVariant("ours", "ours (shipped pyc)", task_pyc, no_pyc=True, shipped_pyc=True),
        ColdVariant("floor", "floor (shipped pyc)", task_pyc, no_pyc=True, shipped_pyc=True),
        ColdVariant("connexion", "connexion 3", ROOT),
        ColdVariant("openapi-core", "openapi-core", ROOT),
    ]
    for variant in variants:  # untimed: writes the .pyc files of the "with pyc" rows, warms the disk cache
        run_cold_once(variant)
    for r in range(runs):
        print(f"cold run {r + 1}/{runs}…", file=sys.stderr, flush=True)
        for variant in rotated(variants, r):
            data = run_cold_once(variant)
            variant.imports.append(data["import"])
            variant.firsts.append(data["first"])
            variant.totals.append(data["import"] + data["first"])
            variant.walls.append(data["wall"])
            variant.rss_mb.append(data["hwm_kb"] / 1024)
            variant.maxrss_mb.append(data["maxrss_kb"] / 1024)
            variant.modules = data["modules"]
    return variants


def render_cold(variants: list[ColdVariant], runs: int) -> list[str]:
    floors = {(v.no_pyc, v.shipped_pyc): v for v in variants if v.key == "floor"}
    header = (
        f"{'variant':<19} {'import+1st':>10} {'vs floor':>9} {'import':>8} {'1st req':>8} "
        f"{'process':>8} {'peak RSS':>9} {'vs floor':>9} {'ru_maxrss':>10} {'modules':>8}"
    )
    lines = [
        f"COLD START: median of {runs} fresh processes per variant, interleaved (ms; RSS in MB; "
        '"no pyc" / "shipped pyc" rows compare with the floor run the same way)',
        header,
        "-" * len(header),
    ]
    for v in variants:
        floor = floors[(v.no_pyc, v.shipped_pyc)]
        total, rss = statistics.median(v.totals), statistics.median(v.rss_mb)
        lines.append(
            f"{v.label:<19} {total * 1000:>9.1f} {total / statistics.median(floor.totals):>8.2f}x "
            f"{statistics.median(v.imports) * 1000:>8.1f} {statistics.median(v.firsts) * 1000:>8.1f} "
            f"{statistics.median(v.walls) * 1000:>8.1f} {rss:>9.1f} "
            f"{rss - statistics.median(floor.rss_mb):>+8.1f}  {statistics.median(v.maxrss_mb):>10.1f} "
            f"{v.modules:>8}"
        )
    lines += [
        "-" * len(header),
        "import+1st: import (peers: + building the app from openapi.yaml) and the first GET /items (empty",
        "store), timed in the child. process: the whole process as the parent sees it (interpreter start-up",
        "included). peak RSS: the child's VmHWM (/proc/self/status). ru_maxrss (getrusage in the child) is",
        "shown but not used: Linux carries the high-water mark across fork+exec, so it never reads below this",
        "bench process's own RSS at the spawn.",
    ]
    return lines


# -- verdicts and profile --------------------------------------------------------------------------------
def verdicts(warm: list[WarmVariant] | None, cold: list[ColdVariant] | None) -> tuple[list[str], bool, bool]:
    lines: list[str] = []
    warm_ok = cold_ok = True
    if warm is not None:
        ours = next(v for v in warm if v.key == "ours")
        floor = next(v for v in warm if v.key == "floor")
        for kind in workload.KINDS:
            ratio = statistics.median(ours.times[kind]) / statistics.median(floor.times[kind])
            ok = ratio <= WARM_TARGET
            warm_ok &= ok
            lines.append(
                f"{'PASS' if ok else 'FAIL'}  warm {workload.KIND_LABELS[kind]}: ours {ratio:.2f}x the floor's "
                f"median (target <= {WARM_TARGET:.2f}x)"
            )
    if cold is not None:
        by_label = {v.label: v for v in cold}
        for suffix in ("", " (no pyc)", " (shipped pyc)"):
            ours, floor = by_label["ours" + suffix], by_label["floor" + suffix]
            ratio = statistics.median(ours.totals) / statistics.median(floor.totals)
            cold_ok &= ratio <= COLD_TARGET
            lines.append(
                f"{'PASS' if ratio <= COLD_TARGET else 'FAIL'}  cold start{suffix}: ours "
                f"{statistics.median(ours.totals) * 1000:.1f} ms = {ratio:.2f}x the floor's "
                f"{statistics.median(floor.totals) * 1000:.1f} ms (target <= {COLD_TARGET:.2f}x)"
            )
            extra = statistics.median(ours.rss_mb) - statistics.median(floor.rss_mb)
            lines.append(
                f"{'PASS' if extra <= RSS_TARGET_MB else 'FAIL'}  peak RSS{suffix}: ours "
                f"{statistics.median(ours.rss_mb):.1f} MB = floor {extra:+.1f} MB (target <= +{RSS_TARGET_MB:.0f} MB)"
            )
        frozen = by_label.get("floor, GC frozen")
        if frozen is not None:  # not a target: how much of the cold start our own modules cost
            ours = by_label["ours"]
            lines.append(
                f"info  cold start: ours = {statistics.median(ours.totals) / statistics.median(frozen.totals):.2f}x "
                f"the floor loaded like app.py (no garbage collection while loading, then frozen): "
                f"{statistics.median(frozen.totals) * 1000:.1f} ms"
            )
    return lines, warm_ok, cold_ok


def import_costs(runs: int, top: int) -> list[str]:
    """`-X importtime` of the cold-start child, ours against the floor: what ours loads that the floor
    does not (at import and on the first request), by self time, median of `runs` processes (with pyc)."""
    selves: dict[str, dict[str, list[int]]] = {"ours": {}, "floor": {}}
    for _ in range(runs):
        for key in selves:
            proc = subprocess.run(
                [sys.executable, "-X", "importtime", "-c", CHILD, key],
                cwd=ROOT,
                env=child_env(no_pyc=False),
                capture_output=True,
                text=True,
                check=True,
            )
            for line in proc.stderr.splitlines():
                if not line.startswith("import time:") or "self [us]" in line:
                    continue
                self_us, _cumulative, module = line.removeprefix("import time:").split("|")
                selves[key].setdefault(module.strip(), []).append(int(self_us))
    ours = {m: statistics.median(v) for m, v in selves["ours"].items()}
    only = {m: us for m, us in ours.items() if m not in selves["floor"]}
    lines = [
        f"IMPORTS of ours that the floor does not load (python -X importtime, median of {runs} cold "
        f"processes with pyc): {len(only)} modules, {sum(only.values()) / 1000:.1f} ms of self time "
        "(importtime inflates it; read the shares)",
        f"    {'self ms':>7} {'share':>6}  module",
    ]
    total = sum(only.values()) or 1
    for module, us in sorted(only.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"    {us / 1000:>7.2f} {us / total:>6.1%}  {module}")
    return lines


def _where(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    path = Path(filename)
    try:
        shown = str(path.relative_to(ROOT))
    except ValueError:
        parts = path.parts
        shown = "/".join(parts[parts.index("site-packages") + 1 :]) if "site-packages" in parts else path.name
    return f"{shown}:{line}({name})" if line else name


def profile_ours(requests: int, top: int) -> list[str]:
    """cProfile of our app on each kind: own time (tottime) per function, µs per request. cProfile's own
    overhead inflates the absolute numbers; the shares are what to read."""
    from app import app
    from chalicelib.services import item_service

    service = item_service()
    keep = workload.all_ids(service) or workload.seed_records(service)
    lines = [
        f"PROFILE of ours (cProfile, {requests} requests per kind; µs per request, inflated by the "
        "profiler — read the shares)"
    ]
    for kind in workload.KINDS:
        _chalice_batch(app, kind, 200)
        workload.reset_store(service, keep)
        profiler = cProfile.Profile()
        profiler.enable()
        _chalice_batch(app, kind, requests)
        profiler.disable()
        workload.reset_store(service, keep)
        stats = pstats.Stats(profiler)
        raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]  # pstats keeps its table there; typeshed omits it
        rows = [
            (func, tt, ct, nc)
            for func, (_cc, nc, tt, ct, _callers) in raw.items()
            if func[2] != "_chalice_batch" and "disable" not in func[2]
        ]
        total = sum(tt for _, tt, _, _ in rows)
        lines.append(
            f"  {workload.KIND_LABELS[kind]}: {total / requests * 1e6:.1f} µs/request under the profiler"
        )
        lines.append(f"    {'own µs':>7} {'share':>6} {'cum µs':>7} {'calls':>6}  function")
        for func, tt, ct, nc in sorted(rows, key=lambda row: -row[1])[:top]:
            lines.append(
                f"    {tt / requests * 1e6:>7.1f} {tt / total:>6.1%} {ct / requests * 1e6:>7.1f} "
                f"{nc / requests:>6.1f}  {_where(func)}"
            )
    return lines


def breakdown_ours(requests: int, passes: int = 3) -> list[str]:
    """Direct timing of each pipeline stage (bench/variants/breakdown.py): `passes` passes of
    `requests // passes` calls, each row the median of its passes (one noisy pass does not move it)."""
    from bench.variants import breakdown

    n = max(1, requests // passes)
    lines = [
        f"BREAKDOWN of ours: each stage timed on its own (µs; median of {passes} passes of {n} calls, each",
        "the median of its calls); the totals and dispatch are re-measured here, interleaved request by",
        "request, so that their differences hold",
    ]
    for kind in workload.KINDS:
        runs = [breakdown.measure(kind, n) for _ in range(passes)]
        merged = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        lines.append(f"  {workload.KIND_LABELS[kind]}")
        lines.append(f"    {'stage':<58} {'µs':>7}  the floor, for the same step")
        for label, us, floor_pays in breakdown.stages(kind, merged):
            lines.append(f"    {label:<58} {us:>7.1f}  {floor_pays}")
    return lines


# -- main ------------------------------------------------------------------------------------------------
def versions() -> str:
    names = ("chalice", "connexion", "starlette", "openapi-core", "jsonschema")
    found = []
    for name in names:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} (missing)")
    return ", ".join(found)


MEASURED = ("app.py", "chalicelib", "openapi.yaml", "requirements.txt")  # what a snapshot holds, + bench/


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def tree_state(ref: str | None) -> str:
    """The commit measured, and whether the measured files differ from it (the numbers belong to both)."""
    try:
        if ref is not None:
            return f"tree: {ref} = {_git('rev-parse', '--short', ref + '^{commit}').strip()} (git archive)"
        head = _git("rev-parse", "--short", "HEAD").strip()
        dirty = _git("status", "--porcelain", "--", *MEASURED).splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "tree: the work tree (not a git checkout)"
    changed = sorted({line[3:].strip() for line in dirty if line.strip()})
    return f"tree: {head}" + (f" + uncommitted changes to {', '.join(changed)}" if changed else " (clean)")


SNAPSHOT_ENV = "REQUEST_BENCH_TREE"  # set in the measuring process: the state of the tree it copied


def run_in_snapshot(argv: list[str], ref: str | None) -> int:
    """Copy what is measured (app.py, chalicelib/, openapi.yaml, requirements.txt: from the work tree, or
    from git `ref`; bench/ always from the work tree) to a temp dir and run the bench there, so that one
    run measures one tree even if the work tree changes meanwhile."""
    state = tree_state(ref)
    with tempfile.TemporaryDirectory(prefix="request-bench-tree-") as tmp:
        tree = Path(tmp)
        if ref is None:
            for name in MEASURED:
                if (ROOT / name).is_dir():
                    _copy_sources(ROOT / name, tree / name)
                else:
                    shutil.copy2(ROOT / name, tree / name)
        else:
            archive = subprocess.run(
                ["git", "archive", "--format=tar", ref, "--", *MEASURED],
                cwd=ROOT,
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        _copy_sources(ROOT / "bench", tree / "bench")
        env = {**os.environ, SNAPSHOT_ENV: state}
        env.pop("PYTHONPATH", None)
        cmd = [sys.executable, str(tree / "bench" / "request_bench.py"), *argv]
        return subprocess.run(cmd, cwd=tree, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--rounds", type=int, default=10, help="warm rounds (default 10)")
    parser.add_argument("--requests", type=int, default=1000, help="requests per batch (default 1000)")
    parser.add_argument("--warmup", type=int, default=300, help="untimed requests per variant and kind")
    parser.add_argument("--cold-runs", type=int, default=15, help="fresh processes per variant (default 15)")
    parser.add_argument("--skip-warm", action="store_true")
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument(
        "--profile", action="store_true", help="profile our warm path even if the warm targets pass"
    )
    parser.add_argument(
        "--ref",
        help="measure app.py, chalicelib/ and openapi.yaml as of this git ref (default: the work tree)",
    )
    args = parser.parse_args(argv)
    # the stage settings of every variant, inherited by the snapshot process and every cold-start child
    os.environ.update(workload.STAGE_ENV)
    if min(args.rounds, args.requests, args.cold_runs) < 1 or args.warmup < 0:
        parser.error("--rounds, --requests and --cold-runs must be at least 1")
    if not os.environ.get(SNAPSHOT_ENV):
        return run_in_snapshot(sys.argv[1:] if argv is None else argv, args.ref)
    if args.cold_runs < 15:
        print("note: fewer than 15 cold runs per variant: the cold medians are rough", file=sys.stderr)

    started = time.perf_counter()
    print(
        f"request benchmark: python {platform.python_version()} ({sys.executable}), "
        f"{os.cpu_count()} CPUs (nproc), {platform.machine()}, {platform.system()} {platform.release()}\n"
        f"{versions()}\n{os.environ[SNAPSHOT_ENV]}, measured from a copy in {ROOT}"
    )
    warm: list[WarmVariant] | None = None
    cold: list[ColdVariant] | None = None
    try:
        if not args.skip_cold:  # first: the parent has imported nothing heavy yet
            with tempfile.TemporaryDirectory(prefix="request-bench-") as tmp:
                cold = run_cold(args.cold_runs, Path(tmp))
        if not args.skip_warm:
            warm = load_warm_variants()
            run_warm(warm, args.rounds, args.requests, args.warmup)
    except BenchFailed as failed:
        print(f"bench: FAILED: {failed}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        print("bench: FAILED: a variant crashed", file=sys.stderr)
        return 1

    out: list[str] = [""]
    if warm is not None:
        out += [*render_warm(warm, args.rounds, args.requests), ""]
    if cold is not None:
        out += [*render_cold(cold, args.cold_runs), ""]
    lines, warm_ok, cold_ok = verdicts(warm, cold)
    out += lines
    print("\n".join(out), flush=True)
    if warm is not None and (args.profile or not warm_ok):
        print("\n(a warm target fails: where our time goes)" if not warm_ok else "", flush=True)
        try:  # white-box: it calls the pipeline's internals, which may have changed since it was written
            print("\n".join(breakdown_ours(args.requests)))
            print()
            print("\n".join(profile_ours(args.requests, top=14)))
        except Exception:
            traceback.print_exc()
            print("note: the breakdown failed (the pipeline's internals changed?); the report above stands")
    if cold is not None and (args.profile or not cold_ok):
        print("\n(a cold-start target fails: what ours imports on top of the floor)" if not cold_ok else "")
        try:
            print("\n".join(import_costs(runs=5, top=20)))
        except Exception:
            traceback.print_exc()
            print("note: the import breakdown failed; the report above stands")
    print(f"\nbench took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
