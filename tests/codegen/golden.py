"""Golden records of the generator: `tests/codegen/golden/baseline/` is the tree generated from
`tests/codegen/specs/baseline.yaml`.

    python -m tests.codegen.golden regen    # rewrite the golden tree (`make regen`)
    python -m tests.codegen.golden diff     # show how the generator's output differs from it

The output must not depend on where it is generated: the package name is fixed (`golden_pkg._generated`),
handlers are absent (`--stub`: every operation answers 501) and the spec file name is always
`baseline.yaml`. `tests/codegen/test_golden.py` checks the committed tree against a fresh generation.
"""

from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from pathlib import Path

from tests.codegen.support import BASELINE_SPEC, HERE, Run, generate, tree_bytes

GOLDEN = HERE / "golden" / "baseline"
PACKAGE = "golden_pkg._generated"


def generate_baseline(root: Path, env: dict[str, str] | None = None) -> tuple[Path, Run]:
    """Generate the baseline spec under `root`; returns the generated package directory."""
    run = generate(BASELINE_SPEC, root, PACKAGE, "--stub", env=env)
    if run.returncode != 0:
        raise RuntimeError(f"codegen failed on the baseline spec:\n{run.explain()}")
    return root.joinpath(*PACKAGE.split(".")), run


def diff_trees(expected: Path, actual: Path) -> str:
    """A unified diff of every added, removed or changed file ("" when the trees are identical)."""
    old, new = tree_bytes(expected) if expected.is_dir() else {}, tree_bytes(actual)
    chunks = []
    for rel in sorted(old.keys() | new.keys()):
        before, after = old.get(rel), new.get(rel)
        if before == after:
            continue
        a = (before or b"").decode("utf-8", "replace").splitlines(keepends=True)
        b = (after or b"").decode("utf-8", "replace").splitlines(keepends=True)
        label_a = f"golden/{rel}" if before is not None else "/dev/null"
        label_b = f"generated/{rel}" if after is not None else "/dev/null"
        text = "".join(difflib.unified_diff(a, b, label_a, label_b))
        chunks.append(text if text else f"{rel}: differs (line endings or trailing newline)\n")
    return "".join(chunks)


def regen() -> Path:
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        built, _ = generate_baseline(Path(tmp))
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(built, GOLDEN, ignore=shutil.ignore_patterns("__pycache__"))
    return GOLDEN


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "regen":
        print(f"golden records rewritten: {regen()}")
        return 0
    if command == "diff":
        with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
            built, _ = generate_baseline(Path(tmp))
            text = diff_trees(GOLDEN, built)
        print(text or "golden records are up to date", end="" if text else "\n")
        return 1 if text else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
