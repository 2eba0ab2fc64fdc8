"""The TypeScript client in clients/typescript (issue 9), tested the way its users use it.

- its generated types (src/schema.d.ts) are what openapi.yaml generates now, and the check says so when not;
- the package, its Next.js-style examples and its wrong-call fixtures pass `tsc --strict --noEmit`, and
  every `// @ts-expect-error` line fails for the reason it states;
- the readOnly marking: which fixture lines plain openapi-typescript would let through, and that the
  generator's transform is what stops them;
- the compiled client runs under Node against the local stage over real HTTP.

`make test` runs `npm ci` in clients/typescript first (`make client-deps`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
SCHEMA = CLIENT / "src" / "schema.d.ts"
FIXTURE = CLIENT / "fixtures" / "wrong-calls.ts"
BIN = CLIENT / "node_modules" / ".bin"
NODE_TIMEOUT = 120  # seconds for one tsc or node run (a few seconds when all is well)

EXPECT = re.compile(r"^\s*//\s*@ts-expect-error\s+expect:\s*(?P<text>.+?)\s*$")
DIAGNOSTIC = re.compile(
    r"^(?P<file>[^\s(][^(]*)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): (?P<text>.*)$"
)


def run(
    *cmd: str | Path, cwd: Path = CLIENT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [str(part) for part in cmd],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=NODE_TIMEOUT,
            check=False,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"{' '.join(map(str, cmd))} did not finish within {NODE_TIMEOUT}s: {exc.stdout!r} {exc.stderr!r}"
        )


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    if not (BIN / "tsc").exists() or not (BIN / "openapi-typescript").exists():
        pytest.fail(f"{CLIENT}/node_modules is missing: run `make client-deps` (make test does)")


def diagnostics(output: str) -> dict[tuple[str, int], str]:
    """tsc --pretty false output → {(file name, line): every message on that line, with their chains}."""
    found: dict[tuple[str, int], str] = {}
    key: tuple[str, int] | None = None
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if match:
            key = (Path(match["file"]).name, int(match["line"]))
            found[key] = found.get(key, "") + f"{match['code']}: {match['text']}\n"
        elif key and line.startswith(" "):
            found[key] += line.strip() + "\n"
    return found


def expectations(source: str) -> dict[int, str]:
    """{line number of the code under each `@ts-expect-error expect: TEXT`: TEXT}."""
    lines = source.splitlines()
    return {number + 2: match["text"] for number, line in enumerate(lines) if (match := EXPECT.search(line))}


def scratch_package(tmp_path: Path, schema: Path | None = None) -> Path:
    """A copy of the package's sources in tmp_path (node_modules linked), optionally with another schema."""
    work = tmp_path / "pkg"
    work.mkdir()
    for name in ("src", "examples", "fixtures", "scripts"):
        shutil.copytree(CLIENT / name, work / name)
    shutil.copy(CLIENT / "tsconfig.json", work / "tsconfig.json")
    (work / "node_modules").symlink_to(CLIENT / "node_modules")
    if schema is not None:
        shutil.copy(schema, work / "src" / "schema.d.ts")
    return work


# ---- generated types: fresh, and the check catches stale ones -------------------------------------------


def test_committed_schema_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = tmp_path / "schema.d.ts"
    result = run("node", "scripts/generate.mjs", "--out", fresh)
    assert result.returncode == 0, result.stderr
    assert SCHEMA.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{SCHEMA.relative_to(ROOT)} is stale against openapi.yaml: run `make client` and commit it"
    )
    assert SCHEMA.read_text(encoding="utf-8").startswith("/**\n * generated from openapi.yaml — do not edit.")


def test_check_fails_when_the_types_are_stale(tmp_path: Path) -> None:
    assert run("node", "scripts/generate.mjs", "--check").returncode == 0
    # the same spec with one more item status: what the committed file would be stale against
    spec = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    anchor = "enum: [draft, active, archived]"
    assert anchor in spec
    changed = tmp_path / "openapi.yaml"
    changed.write_text(spec.replace(anchor, "enum: [draft, active, archived, retired]", 1), encoding="utf-8")
    stale = run("node", "scripts/generate.mjs", "--check", "--spec", changed)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "is stale" in stale.stderr
    assert "make client" in stale.stderr


# ---- tsc --strict: the package, the examples, the fixtures ----------------------------------------------


def test_package_examples_and_fixtures_type_check_strictly() -> None:
    result = run(BIN / "tsc", "--strict", "--noEmit", "--pretty", "false", "-p", "tsconfig.json")
    assert result.returncode == 0, f"tsc --strict --noEmit failed:\n{result.stdout}\n{result.stderr}"
    listed = run(BIN / "tsc", "--noEmit", "--listFilesOnly", "-p", "tsconfig.json").stdout
    for name in (
        "src/index.ts",
        "src/schema.d.ts",
        "examples/items.ts",
        "examples/posts.ts",
        "fixtures/wrong-calls.ts",
    ):
        assert f"{CLIENT}/{name}" in listed, f"{name} is not type-checked"


def test_each_expected_error_fails_for_its_stated_reason(tmp_path: Path) -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    expected = expectations(source)
    assert len(expected) >= 15, expected
    work = scratch_package(tmp_path)
    # the same file without the directives: every such line must now be an error saying what it claims
    (work / "fixtures" / FIXTURE.name).write_text(
        re.sub(r"(?m)^(\s*)//\s*@ts-expect-error.*$", r"\1// (directive removed)", source), encoding="utf-8"
    )
    result = run(BIN / "tsc", "--noEmit", "--pretty", "false", "-p", "tsconfig.json", cwd=work)
    errors = {line: text for (name, line), text in diagnostics(result.stdout).items() if name == FIXTURE.name}
    assert set(errors) == set(expected), f"errors on lines {sorted(errors)}, directives on {sorted(expected)}"
    wrong = {line: (want, errors[line]) for line, want in expected.items() if want not in errors[line]}
    assert not wrong, "\n".join(
        f"line {line}: wanted {want!r}, tsc said:\n{got}" for line, (want, got) in wrong.items()
    )


def test_what_makes_readonly_writes_fail(tmp_path: Path) -> None:
    """Proof for docs/CLIENT.md, against types from the openapi-typescript 7.13 CLI alone (with
    --read-write-markers): only properties readOnly themselves (`id`) get $Read; `version`, `created_at`,
    `updated_at` ($refs to the readOnly schemas Version and Timestamp) come out as plain required
    properties, so every correct create body fails to type-check (it lacks them) and one that writes them
    would pass. scripts/generate.mjs's transform marks them too (the tests above pass with its output).
    Without --read-write-markers readOnly only adds TypeScript's `readonly` modifier, which an object
    literal ignores."""
    schema = tmp_path / "cli-schema.d.ts"
    flags = ["--read-write-markers", "--default-non-nullable", "false"]
    generated = run(BIN / "openapi-typescript", ROOT / "openapi.yaml", *flags, "--output", schema)
    assert generated.returncode == 0, generated.stderr
    assert re.search(r"\bid: \$Read<string>", schema.read_text(encoding="utf-8"))
    assert re.search(
        r"\bversion: components\[\"schemas\"\]\[\"Version\"\];", schema.read_text(encoding="utf-8")
    )
    work = scratch_package(tmp_path, schema)
    result = run(BIN / "tsc", "--noEmit", "--pretty", "false", "-p", "tsconfig.json", cwd=work)
    assert result.returncode != 0
    found = diagnostics(result.stdout)
    # the correct create calls of the examples and the integration script no longer compile
    rejected = {name for (name, _), text in found.items() if "version, created_at, updated_at" in text}
    assert {"items.ts", "integration.ts"} <= rejected, result.stdout[:3000]


# ---- the compiled client over real HTTP against the local stage -----------------------------------------


@pytest.fixture(scope="module")
def compiled() -> Path:
    result = run(BIN / "tsc", "-p", "tsconfig.build.json")
    assert result.returncode == 0, f"tsc -p tsconfig.build.json failed:\n{result.stdout}\n{result.stderr}"
    script = CLIENT / "dist" / "scripts" / "integration.js"
    assert script.is_file()
    return script


def test_client_against_the_local_stage(compiled: Path, local_stack_url: str) -> None:
    from devtools.mint_token import mint, stage_env

    result = run(
        "node",
        compiled,
        env={"NEXT_PUBLIC_API_URL": local_stack_url, "API_TOKEN": mint(stage_env("local"))},
    )
    assert result.returncode == 0, f"the client run failed:\n{result.stdout}\n{result.stderr}"
    seen = json.loads(result.stdout)["seen"]
    assert seen["created"]["etag"] == '"1"'
    assert seen["created"]["replayed"] is True
    assert seen["updated"]["version"] == 2
    assert seen["updated"]["etag"] == '"2"'
    assert seen["stale"]["status"] == 412
    assert seen["list"]["ids"] == 3
    assert seen["list"]["pages"] == 2
    assert seen["deleted"] == {"status": 204, "then": 404, "title": "Not Found"}
    validation = seen["validation"]
    assert validation["status"] == 400
    assert {v["pointer"] for v in validation["errors"]} >= {"/name", "/price", "/tags/0"}
    assert all(set(v) == {"location", "pointer", "message", "keyword"} for v in validation["errors"])
    assert seen["unauthorized"]["status"] == 401
