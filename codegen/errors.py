"""Problems found in a spec, collected as values and reported together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer ("/paths/~1items/get") from raw tokens."""
    return "".join("/" + escape_pointer_token(str(t)) for t in tokens)


@dataclass(frozen=True, order=True)
class SpecProblem:
    """One problem with its location: the file, a JSON pointer into it and, where known, the line."""

    file: str
    pointer: str
    message: str
    level: Level = "error"
    line: int | None = None

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        ptr = self.pointer or "/"
        return f"{self.level}: {where}: {ptr}: {self.message}"


class CodegenFailed(Exception):
    """Raised by a pipeline stage when it cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
