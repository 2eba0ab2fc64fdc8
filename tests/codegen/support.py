"""Shared helpers for the codegen tests: run the real CLI in a subprocess, snapshot trees, import generated
packages under unique names and forget them afterwards."""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from chalice import Chalice

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
BASELINE_SPEC = SPECS / "baseline.yaml"
PYPROJECT = ROOT / "pyproject.toml"


@dataclass
class Run:
    """One `python -m <args>` invocation (codegen, ruff, mypy)."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def explain(self) -> str:
        return (
            f"python -m {' '.join(self.args)}\nexit {self.returncode}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}"
        )


def codegen(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    """Run the codegen CLI exactly as a developer would: a fresh interpreter, cwd = repo root."""
    argv = tuple(str(a) for a in args)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "codegen", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return Run(("codegen", *argv), proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - started)


def generate(
    spec: Path,
    root: Path,
    package: str,
    *extra: str,
    handlers: Path | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Generate `spec` into `root/<package path>` (e.g. `pkg._generated` -> root/pkg/_generated).

    Handlers default to `root/<top package>/handlers`, which need not exist."""
    top = package.split(".")[0]
    out = root.joinpath(*package.split("."))
    handlers = handlers if handlers is not None else root / top / "handlers"
    return codegen(
        "--spec",
        spec,
        "--out",
        out,
        "--package",
        package,
        "--handlers",
        handlers,
        "--handlers-package",
        f"{top}.handlers",
        "--no-cache",
        *extra,
        env=env,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative POSIX path -> content), bytecode caches left out."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def tree_state(root: Path) -> dict[str, tuple[bytes, int]]:
    """Content and modification time of every file and directory under `root` (and `root` itself)."""
    state: dict[str, tuple[bytes, int]] = {".": (b"<dir>", root.stat().st_mtime_ns)}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        state[rel] = (p.read_bytes() if p.is_file() else b"<dir>", p.stat().st_mtime_ns)
    return state


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()


def purge_modules(top: str) -> None:
    for name in [m for m in sys.modules if m == top or m.startswith(top + ".")]:
        del sys.modules[name]


@contextlib.contextmanager
def importable(root: Path, top: str) -> Iterator[None]:
    """Make packages under `root` importable for the duration; forget `top.*` modules afterwards."""
    purge_modules(top)
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(root))
        purge_modules(top)


def load(name: str) -> ModuleType:
    return importlib.import_module(name)


def chalice_app(routes: ModuleType, name: str = "codegen-test") -> Chalice:
    app = Chalice(app_name=name)
    app.register_blueprint(routes.blueprint)
    return app


def route_table(app: Chalice, *, options: bool = False) -> set[tuple[str, str]]:
    """(Chalice path, method) for every route registered on `app`; OPTIONS (the generated CORS answer
    of every path) only with `options`."""
    return {
        (path, method)
        for path, methods in app.routes.items()
        for method in methods
        if options or method != "OPTIONS"
    }


def run_tool(*argv: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run `python -m <tool> ...` (ruff, mypy) from the repo root so the project configuration applies."""
    args = tuple(str(a) for a in argv)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return Run(args, proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - started)


def mypy_strict(target: Path, cache_dir: Path) -> Run:
    """mypy --strict on `target` with the repo's config; the repo root is on MYPYPATH (and cwd) so
    generated code finds `chalicelib.runtime`. Imported modules are checked silently: `target` is checked
    against their types, but their own errors are `make types`' business, not the generated code's."""
    return run_tool(
        "mypy",
        "--strict",
        "--follow-imports=silent",
        "--no-error-summary",
        "--cache-dir",
        cache_dir,
        target,
        env={"MYPYPATH": str(ROOT)},
    )


def is_subsequence(old: list[str], new: list[str]) -> tuple[bool, str]:
    """Is every line of `old` in `new`, unchanged and in the same order? Returns (ok, first problem)."""
    position = 0
    for number, line in enumerate(old, 1):
        while position < len(new) and new[position] != line:
            position += 1
        if position == len(new):
            return False, f"original line {number} {line!r} is missing, changed or moved"
        position += 1
    return True, ""
