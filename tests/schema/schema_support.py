"""Support for the schema compiler tests: the official JSON Schema Test Suite (as shipped in the jsonschema
sdist, fetched with pip into .cache/), registries with its remotes, and compiling a schema into an
executed module."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from codegen.compiler import Compiler

ROOT = Path(__file__).resolve().parents[2]
SUITE_VERSION = "4.26.0"
SDIST_DIR = ROOT / ".cache" / "jsonschema-sdist"
REMOTE = "http://localhost:1234"
DRAFTS = ("draft4", "draft2020-12")
# optional/format files for the formats the API promises (the others are listed in SKIPPED.md)
FORMAT_FILES = {
    "draft4": ["date-time", "email", "ipv4", "ipv6", "uri", "unknown"],
    "draft2020-12": ["date", "date-time", "time", "uuid", "email", "ipv4", "ipv6", "uri", "unknown"],
}
# other optional files run as well (regex semantics, big numbers, ids)
OPTIONAL_FILES = {
    "draft4": ["ecmascript-regex", "non-bmp-regex", "bignum", "float-overflow", "id"],
    "draft2020-12": [
        "ecmascript-regex",
        "non-bmp-regex",
        "bignum",
        "float-overflow",
        "id",
        "anchor",
        "no-schema",
        "refOfUnknownKeyword",
        "unknownKeyword",
        "dynamicRef",
    ],
}


@cache
def suite_root() -> Path:
    """`json/` of the jsonschema sdist: downloaded with pip once into .cache/ (gitignored), then reused."""
    extracted = SDIST_DIR / f"jsonschema-{SUITE_VERSION}" / "json"
    if (extracted / "tests").is_dir():
        return extracted
    tarball = SDIST_DIR / f"jsonschema-{SUITE_VERSION}.tar.gz"
    if not tarball.exists():
        SDIST_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"jsonschema=={SUITE_VERSION}",
                "-d",
                str(SDIST_DIR),
            ],
            check=True,
        )
    prefix = f"jsonschema-{SUITE_VERSION}/json/"
    with tarfile.open(tarball) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(prefix) and (m.isfile() or m.isdir())]
        tar.extractall(SDIST_DIR, members=members, filter="data")
    return extracted


@dataclass(frozen=True)
class Case:
    draft: str
    file: str  # "ref.json", "optional/format/date.json"
    group: int
    index: int
    group_description: str
    description: str
    schema: Any
    data: Any
    valid: bool

    @property
    def id(self) -> str:
        return f"{self.draft}/{self.file}::{self.group_description}::{self.description}"


def suite_files(draft: str) -> list[str]:
    base = suite_root() / "tests" / draft
    required = sorted(p.name for p in base.glob("*.json"))
    formats = [f"optional/format/{name}.json" for name in FORMAT_FILES[draft]]
    optional = [f"optional/{name}.json" for name in OPTIONAL_FILES[draft]]
    return required + formats + optional


@cache
def suite_cases() -> list[Case]:
    cases = []
    for draft in DRAFTS:
        for file in suite_files(draft):
            groups = json.loads((suite_root() / "tests" / draft / file).read_text(encoding="utf-8"))
            for g, group in enumerate(groups):
                for t, test in enumerate(group["tests"]):
                    cases.append(
                        Case(
                            draft,
                            file,
                            g,
                            t,
                            group["description"],
                            test["description"],
                            group["schema"],
                            test["data"],
                            test["valid"],
                        )
                    )
    return cases


@cache
def suite_registry(draft: str) -> Registry[Any]:
    """The suite's remotes at http://localhost:1234/… (chosen as jsonschema's own suite runner does) plus
    the official meta-schemas."""
    from jsonschema_specifications import REGISTRY as METASCHEMAS

    spec = DRAFT4 if draft == "draft4" else DRAFT202012
    remotes = suite_root() / "remotes"
    resources = []
    for path in sorted(remotes.rglob("*.json")):
        relative = path.relative_to(remotes).as_posix()
        schema = json.loads(path.read_text(encoding="utf-8"))
        if draft == "draft4" and path.stem == "tree":
            continue
        if "$schema" not in schema and relative.startswith("draft") and not relative.startswith(draft):
            continue
        resources.append((f"{REMOTE}/{relative}", Resource.from_contents(schema, default_specification=spec)))
    registry: Registry[Any] = Registry().with_resources(resources)
    return registry.combine(METASCHEMAS).crawl()


def load_module(source: str, name: str = "schema_under_test") -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": name}
    exec(compile(source, f"<{name}>", "exec"), namespace)
    return namespace


Validator = Callable[[Any], tuple[bool, list[tuple[str, str, str]]]]


def compile_validator(
    schema: Any,
    dialect: str = "2020-12",
    registry: Registry[Any] | None = None,
    **kwargs: Any,
) -> tuple[Validator, str]:
    """Compile one schema as `v_root`; returns a callable (instance -> (valid, errors)) and the source."""
    compiler = Compiler(dialect, registry if registry is not None else Registry(), **kwargs)
    compiler.add("v_root", schema)
    source = compiler.source()
    fn = load_module(source)["v_root"]

    def validate(instance: Any) -> tuple[bool, list[tuple[str, str, str]]]:
        errors: list[tuple[str, str, str]] = []
        ok = fn(instance, "", errors)
        return ok, errors

    return validate, source


def skipped_cases() -> dict[str, str]:
    """Case ids listed in SKIPPED.md (`- `id` — reason` lines under "## Required cases")."""
    text = (Path(__file__).parent / "SKIPPED.md").read_text(encoding="utf-8")
    section = text.split("## Required cases", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^- `([^`]+)` — (.+)$", section, re.M)}
