"""Stage 5: format the emitted files with ruff and write them atomically (or compare them, for --check)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RUFF_ARGS = ["--isolated", "--line-length", "110", "--target-version", "py311"]


def format_tree(root: Path) -> None:
    """Sort imports and ruff-format every generated .py file; `--isolated` so the output never depends on
    where it is written (templates stay readable; ruff makes the result canonical)."""
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run([*ruff, "check", "--quiet", "--fix", "--select", "I", *RUFF_ARGS, str(root)], check=True)
    subprocess.run([*ruff, "format", "--quiet", *RUFF_ARGS, str(root)], check=True)


def materialize(files: dict[str, str], near: Path | None = None) -> Path:
    """Write `files` into a fresh temporary directory (in `near`, so that `swap_in` is a rename on the
    same file system, not a copy) and format them there."""
    if near is not None:
        near.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".codegen-", dir=near))
    try:
        for rel, text in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        format_tree(tmp)
    except BaseException:
        # nothing half-built is left next to the output (it would be packaged: chalice ships every file
        # under chalicelib/)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def swap_in(built: Path, out: Path) -> None:
    """Replace `out` by `built` as one rename (the old tree is removed afterwards): never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.new"
    old = out.parent / f".{out.name}.old"
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    if built.parent.resolve() == out.parent.resolve():
        os.replace(built, staging)  # same directory, same file system: a rename
    else:
        shutil.copytree(built, staging)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if old.exists():
        shutil.rmtree(old)


def stale_files(built: Path, out: Path) -> list[str]:
    """Relative paths that differ between the fresh build and `out` (added, removed or changed)."""

    def listing(root: Path) -> set[str]:
        if not root.is_dir():
            return set()
        return {
            str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        }

    new, old = listing(built), listing(out)
    stale = sorted(
        (new ^ old) | {rel for rel in new & old if not filecmp.cmp(built / rel, out / rel, shallow=False)}
    )
    return stale
