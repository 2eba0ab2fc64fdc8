"""Load a spec document (YAML or JSON) and find the line of a JSON pointer when reporting problems."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from codegen.errors import CodegenFailed, SpecProblem

# PyYAML's C loader is ~10x faster than the pure-Python one; fall back when libyaml is missing.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    """A parsed file: its path, raw text and data. Lines are computed on demand, only for errors."""

    path: Path
    text: str
    data: Any
    _lines: dict[str, int] | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        try:
            return str(self.path.relative_to(Path.cwd()))
        except ValueError:
            return str(self.path)

    def line_of(self, ptr: str) -> int | None:
        """1-based line of the node at `ptr`, or of its nearest ancestor that exists."""
        if self._lines is None:
            self._lines = _line_map(self.text)
        probe = ptr
        while True:
            if probe in self._lines:
                return self._lines[probe]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]


def parse_text(text: str, path: Path) -> Any:
    if path.suffix.lower() == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - CSafeLoader/SafeLoader only


def load_document(path: Path) -> Document:
    """Read and parse one file; a read or syntax error is reported as a located problem."""
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodegenFailed([SpecProblem(display, "", f"cannot read file: {exc}")]) from exc
    try:
        data = parse_text(text, path)
    except json.JSONDecodeError as exc:
        raise CodegenFailed([SpecProblem(display, "", f"invalid JSON: {exc.msg}", line=exc.lineno)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise CodegenFailed([SpecProblem(display, "", f"invalid YAML: {problem}", line=line)]) from exc
    doc = Document(path=path.resolve(), text=text, data=data)
    if path.suffix.lower() != ".json":
        problems = _normalize_keys(doc)
        if problems:
            raise CodegenFailed(problems)
    return doc


def _normalize_keys(doc: Document) -> list[SpecProblem]:
    """YAML 1.1 turns unquoted keys into ints, booleans and nulls. Integer keys (`200:` under
    `responses`) become the strings everyone means; a boolean or null key (`on:`, `yes:`, `null:`) is
    almost surely a property name that needs quotes, so it is reported."""
    problems: list[SpecProblem] = []
    stack: list[tuple[str, Any]] = [("", doc.data)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            if any(type(k) is int for k in node):  # rebuild in place, keeping the key order
                items = [(str(k) if type(k) is int else k, v) for k, v in node.items()]
                node.clear()
                node.update(items)
            for key in list(node):
                if isinstance(key, bool) or key is None or isinstance(key, float):
                    where = f"{ptr}/{str(key).lower() if key is not None else 'null'}"
                    problems.append(
                        SpecProblem(
                            doc.display,
                            where,
                            f"mapping key {key!r} is not a string (YAML 1.1 reads unquoted on/off/yes/no/"
                            "true/false/null and numbers that way); quote it",
                            line=doc.line_of(ptr),
                        )
                    )
                    continue
                token = key.replace("~", "~0").replace("/", "~1")
                stack.append((f"{ptr}/{token}", node[key]))
        elif isinstance(node, list):
            stack.extend((f"{ptr}/{i}", item) for i, item in enumerate(node))
    return problems


def _line_map(text: str) -> dict[str, int]:
    """Map every JSON pointer of the document to its 1-based line (JSON is read as YAML here)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[str, yaml.Node]] = [("", root)] if root is not None else []
    while stack:
        ptr, node = stack.pop()
        lines.setdefault(ptr, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                token = str(key.value).replace("~", "~0").replace("/", "~1")
                child = f"{ptr}/{token}"
                lines[child] = key.start_mark.line + 1  # a member is reported at its key
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((f"{ptr}/{index}", item))
    return lines
