"""Find the hand-written handler functions (by reading source with `ast`, never importing it), report the
missing and the unmatched ones, and write skeletons for the missing ones (`--scaffold`)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from codegen.ir import Operation

RETURN_TYPE = "HandlerResult"


@dataclass(frozen=True)
class HandlerModule:
    path: Path
    functions: frozenset[str]
    import_end: int  # line after the last top-level import (0: none)
    names: frozenset[str]  # every top-level name bound by the module
    future_annotations: bool = False
    docstring_end: int = 0  # line after the module docstring (0: none)


def scan(directory: Path) -> dict[str, HandlerModule]:
    """Top-level functions of every `<tag>.py` in `directory`."""
    found: dict[str, HandlerModule] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.py")):
        if path.name == "__init__.py":
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError:
            found[path.stem] = HandlerModule(path, frozenset(), 0, frozenset())
            continue
        functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        import_end = 0
        names: set[str] = set(functions)
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                import_end = node.end_lineno or node.lineno
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports
                for sub in node.body:
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        names.update((a.asname or a.name).split(".")[0] for a in sub.names)
                        import_end = max(import_end, node.end_lineno or node.lineno)
            elif isinstance(node, ast.ClassDef):
                names.add(node.name)
        future = any(
            isinstance(n, ast.ImportFrom)
            and n.module == "__future__"
            and any(a.name == "annotations" for a in n.names)
            for n in tree.body
        )
        first = tree.body[0] if tree.body else None
        has_doc = (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        )
        doc_end = (first.end_lineno or 0) if has_doc and first is not None else 0
        found[path.stem] = HandlerModule(
            path, frozenset(functions), import_end, frozenset(names), future, doc_end
        )
    return found


#: The keyword argument that carries the authenticated caller to handlers of secured operations.
PRINCIPAL_KWARG = "principal"


def signature(op: Operation) -> str:
    """The exact function a user has to write for `op`."""
    args = []
    for p in op.parameters:
        optional = not p.required and not p.has_default
        annotation = f"{p.py_type} | None" if optional and not p.py_type.endswith("None") else p.py_type
        args.append(f"{p.kwarg}: {annotation}" + (" = None" if optional else ""))
    if op.body is not None:
        annotation = op.body.py_type if op.body.required else f"{op.body.py_type} | None"
        args.append(f"{op.body.kwarg}: {annotation}" + ("" if op.body.required else " = None"))
    if op.security:
        args.append(f"{PRINCIPAL_KWARG}: Principal")
    # required arguments first so the signature is valid Python
    args.sort(key=lambda a: "=" in a)
    params = f"*, {', '.join(args)}" if args else ""
    return f"def {op.py_name}({params}) -> {RETURN_TYPE}:"


def unmatched(modules: dict[str, HandlerModule], operations: tuple[Operation, ...]) -> list[tuple[Path, str]]:
    wanted = {(op.tag_module, op.py_name) for op in operations}
    extra = []
    for tag, module in modules.items():
        for fn in sorted(module.functions):
            if not fn.startswith("_") and (tag, fn) not in wanted:
                extra.append((module.path, fn))
    return extra


_HEADER = '''"""Handlers for the `{tag}` tag: one function per operation, named after its operationId.

Hand-written code. `python -m codegen --scaffold` only ever appends functions that are missing.
"""

from __future__ import annotations

{imports}
'''


def _skeleton(op: Operation) -> str:
    doc = op.summary or f"{op.method} {op.path}"
    return (
        f"\n\n{signature(op)}\n"
        f'    """{doc.strip().splitlines()[0] if doc.strip() else op.py_name}"""\n'
        f"    raise ProblemError.not_implemented({json.dumps(op.operation_id or op.py_name)})\n"
    )


def scaffold(directory: Path, package: str, missing: list[Operation]) -> list[Path]:
    """Append skeletons for `missing` handlers; create tag modules that do not exist. Existing lines are
    never changed: imports a skeleton needs are inserted after the module's last import."""
    by_tag: dict[str, list[Operation]] = {}
    for op in missing:
        by_tag.setdefault(op.tag_module, []).append(op)
    written = []
    directory.mkdir(parents=True, exist_ok=True)
    init = directory / "__init__.py"
    if not init.exists():
        init.write_text('"""Hand-written request handlers, one module per tag."""\n', encoding="utf-8")
    modules = scan(directory)
    for tag, ops in sorted(by_tag.items()):
        path = directory / f"{tag}.py"
        body = "".join(_skeleton(op) for op in ops)
        have = modules[tag].names if tag in modules else frozenset()
        needed = _imports(body, package, have)
        if tag not in modules:
            path.write_text(_HEADER.format(tag=tag, imports="".join(needed)) + body, encoding="utf-8")
            _tidy(path)  # a new file is ours to format; existing files are never reformatted
        else:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            at = modules[tag].import_end
            lines[at:at] = needed
            if not modules[tag].future_annotations:
                # skeleton annotations name models that only exist for type checkers; new line, not a change
                at = modules[tag].docstring_end
                lines[at:at] = ["from __future__ import annotations\n"]
            path.write_text("".join(lines) + body, encoding="utf-8")
        written.append(path)
    return written


def _imports(body: str, package: str, have: frozenset[str]) -> list[str]:
    """Import lines the skeletons in `body` need and the module does not bind yet."""
    lines = []
    if re.search(r"\bAny\b", body) and "Any" not in have:
        lines.append("from typing import Any\n")
    runtime = [n for n in ("HandlerResult", "ProblemError") if n not in have]
    if runtime:
        lines.append(f"from chalicelib.runtime import {', '.join(runtime)}\n")
    if re.search(r": Principal\b", body) and "Principal" not in have:
        lines.append("from chalicelib.runtime.security import Principal\n")
    if "models." in body and "models" not in have:
        lines.append(f"from {package} import models\n")
    return lines


def _tidy(path: Path) -> None:
    for args in (["check", "--fix", "--quiet", "--select", "I,F401"], ["format", "--quiet"]):
        subprocess.run([sys.executable, "-m", "ruff", *args, str(path)], check=False)
