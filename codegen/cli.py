"""`python -m codegen`: openapi.yaml -> chalicelib/_generated/.

Pipeline: load -> validate (openapi-spec-validator, in a forked process, cached by content hash) ->
resolve + build the IR -> bind handlers -> emit -> ruff format -> swap into place (or compare: --check).
Every problem is collected and printed with its location; any error exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import time
from pathlib import Path

from codegen import handlers as H
from codegen.build import Builder, Options
from codegen.emit import emit
from codegen.errors import CodegenFailed, SpecProblem
from codegen.loader import load_document
from codegen.mock import DEFAULT_SEED, mock_answers
from codegen.output import materialize, stale_files, swap_in
from codegen.resolve import Resolver
from codegen.validate import CRASHED, ValidationCache, run_validation


def _package_of(path: Path) -> str:
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        rel = Path(path.name)
    return ".".join(rel.parts)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m codegen", description=__doc__.splitlines()[0] if __doc__ else ""
    )
    parser.add_argument(
        "--spec", type=Path, default=Path("openapi.yaml"), help="OpenAPI 3.0/3.1 document (YAML or JSON)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("chalicelib/_generated"), help="generated package directory"
    )
    parser.add_argument(
        "--handlers", type=Path, default=Path("chalicelib/handlers"), help="hand-written handler modules"
    )
    parser.add_argument("--package", help="import path of --out (default: derived from --out)")
    parser.add_argument(
        "--handlers-package", help="import path of --handlers (default: derived from --handlers)"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--stub", action="store_true", help="answer 501 problem+json for operations without a handler"
    )
    mode.add_argument(
        "--mock",
        action="store_true",
        help="answer the spec's example (or data synthesized from the schema) for operations without a handler",
    )
    mode.add_argument(
        "--scaffold", action="store_true", help="append skeletons for missing handlers (never edits lines)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"--mock: seed of synthesized data (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 and name the stale files if --out is out of date"
    )
    parser.add_argument("--no-cache", action="store_true", help="always run the full spec validation")
    parser.add_argument(
        "--cache-dir", type=Path, default=Path(".cache/codegen"), help="where valid specs are remembered"
    )
    return parser.parse_args(argv)


def report(problems: list[SpecProblem]) -> None:
    for problem in sorted(
        problems, key=lambda p: (p.level != "error", p.file, p.line or 0, p.pointer, p.message)
    ):
        print(problem.render(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        return _run(args, started)
    except CodegenFailed as failed:
        report(failed.problems)
        print(f"codegen: {len(failed.problems)} problem(s); nothing written", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, started: float) -> int:
    root = load_document(args.spec)
    cache = ValidationCache(None if args.no_cache else args.cache_dir)
    pending = (
        None
        if cache.is_known_valid(cache.key([root.text]))
        else run_validation(root.data, root.path.as_uri(), background=True)
    )

    package = args.package or _package_of(args.out)
    handlers_package = args.handlers_package or _package_of(args.handlers)
    modules = H.scan(args.handlers)
    resolver = Resolver(root)
    builder = Builder(resolver, Options(package, handlers_package, modules))
    build_error: Exception | None = None
    try:
        api = builder.build()
    except Exception as exc:  # noqa: BLE001 - an invalid spec can break the builder; validation says why
        build_error = exc

    texts = [root.text] + [d.text for uri, d in sorted(resolver.documents.items()) if d is not root]
    key = cache.key(texts)
    if pending is not None:
        validation_errors = pending()
        problems = [
            SpecProblem(root.display, ptr, message, line=root.line_of(ptr))
            for ptr, message in validation_errors
        ]
        if problems and all(m.startswith(CRASHED) for _, m in validation_errors) and resolver.problems:
            # the validator tripped over something our resolver located precisely (e.g. a dangling $ref)
            raise CodegenFailed(list(resolver.problems))
        if problems:
            raise CodegenFailed(problems)
        cache.remember_valid(key)
        cache.remember_valid(cache.key([root.text]))
    if build_error is not None:
        raise build_error
    problems = list(resolver.problems)
    if any(p.level == "error" for p in problems):
        raise CodegenFailed(problems)

    # -- handler binding ------------------------------------------------------------------------
    missing = [op for op in api.operations if not op.has_handler]
    if missing and args.scaffold:
        written = H.scaffold(args.handlers, package, missing)
        for path in written:
            print(f"scaffolded handlers in {path}", file=sys.stderr)
        api = dataclasses.replace(
            api, operations=tuple(dataclasses.replace(op, has_handler=True) for op in api.operations)
        )
    elif missing:
        for op in missing:
            where = root.display
            lenient = args.stub or args.mock
            line = None if lenient else root.line_of(op.pointer)
            message = (
                f"no handler {handlers_package}.{op.tag_module}.{op.py_name} for {op.method} {op.path}"
                + (
                    "; answering 501"
                    if args.stub
                    else "; answering a mock"
                    if args.mock
                    else f"; write in {args.handlers / (op.tag_module + '.py')}:\n    "
                )
                + ("" if lenient else H.signature(op) + " ...")
            )
            if not args.mock:  # one line per mocked operation would drown the rest
                problems.append(
                    SpecProblem(where, op.pointer, message, "warning" if lenient else "error", line)
                )
    for path, fn in H.unmatched(modules, api.operations):
        problems.append(
            SpecProblem(str(path), "", f"handler function {fn!r} matches no operation", "warning")
        )

    spec_paths = set(root.data.get("paths") or {})
    docs_spec = "/openapi.json" not in spec_paths
    docs_page = not any(p == "/docs" or p.startswith("/docs/") for p in spec_paths)
    if not docs_spec or not docs_page:
        problems.append(
            SpecProblem(
                root.display,
                "/paths",
                "the spec defines /openapi.json or /docs itself; "
                "the built-in spec/docs routes for those paths are not generated",
                "warning",
            )
        )
    for note in api.ignored:
        problems.append(SpecProblem(root.display, "", note, "warning"))
    if any(p.level == "error" for p in problems):
        raise CodegenFailed(problems)

    # built beside --out so the swap is a rename; --check builds in the system temp dir (touches nothing)
    near = None if args.check else args.out.parent
    mocks = mock_answers(api, args.seed) if args.mock else None
    if mocks is not None:
        for name, mocked in mocks.items():
            if mocked.success.source == "unsatisfiable":
                op = next(o for o in api.operations if o.py_name == name)
                problems.append(
                    SpecProblem(
                        root.display,
                        op.pointer,
                        f"--mock: no value valid against the success response of {op.method} {op.path} "
                        "could be synthesized; answering 501",
                        "warning",
                    )
                )
        print(f"codegen: {len(mocks)} operation(s) mocked (seed {args.seed})", file=sys.stderr)
    files = emit(api, args.spec.name, docs_spec=docs_spec, docs_page=docs_page, mocks=mocks)
    built = materialize(files, near=near)
    try:
        report(problems)
        if args.check:
            stale = stale_files(built, args.out)
            if stale:
                print(f"codegen --check: {args.out} is stale against {args.spec}:", file=sys.stderr)
                for rel in stale:
                    print(f"  {args.out / rel}", file=sys.stderr)
                print("run `make gen` to regenerate", file=sys.stderr)
                return 1
            print(
                f"codegen --check: {args.out} is up to date ({time.perf_counter() - started:.2f}s)",
                file=sys.stderr,
            )
            return 0
        if not stale_files(built, args.out):
            print(f"codegen: {args.out} is already up to date", file=sys.stderr)
            return 0
        swap_in(built, args.out)
    finally:
        shutil.rmtree(built, ignore_errors=True)
    print(
        f"codegen: {len(api.operations)} operations, {len(api.routes)} routes, {len(api.models)} models "
        f"-> {args.out} ({time.perf_counter() - started:.2f}s)",
        file=sys.stderr,
    )
    return 0
