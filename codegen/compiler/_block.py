"""Structured Python source for the generated validators: lines, `if` chains and loops, rendered with
nested `if`s merged (`if a:` holding only `if b:` becomes `if a and b:`, as ruff's SIM102 asks)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class If:
    branches: list[tuple[str, Block]]  # the `if` and its `elif`s
    orelse: Block | None = None


@dataclass
class Loop:
    header: str  # "for k in x:"
    body: Block


@dataclass
class Block:
    items: list[str | If | Loop | Block] = field(default_factory=list)

    def line(self, text: str) -> None:
        self.items.append(text)

    def extend(self, other: Block) -> None:
        self.items.extend(other.items)

    def add_if(self, cond: str, body: Block, orelse: Block | None = None) -> If:
        stmt = If([(cond, body)], orelse if orelse is not None and not orelse.empty() else None)
        self.items.append(stmt)
        return stmt

    def if_(self, cond: str) -> Block:
        body = Block()
        self.add_if(cond, body)
        return body

    def loop(self, header: str) -> Block:
        body = Block()
        self.items.append(Loop(header, body))
        return body

    def empty(self) -> bool:
        for item in self.items:
            if isinstance(item, Block):
                if not item.empty():
                    return False
            elif isinstance(item, If):
                if any(not b.empty() for _, b in item.branches) or (
                    item.orelse is not None and not item.orelse.empty()
                ):
                    return False
            else:
                return False
        return True

    def flat(self) -> list[str | If | Loop]:
        out: list[str | If | Loop] = []
        for item in self.items:
            if isinstance(item, Block):
                out.extend(item.flat())
            elif isinstance(item, If):
                branches = [(c, b) for c, b in item.branches if not b.empty()]
                if len(branches) == len(item.branches):
                    out.append(item)
                elif not branches and item.orelse is None:
                    continue
                else:
                    out.append(If(item.branches, item.orelse))  # keep chain semantics; bodies get `pass`
            elif isinstance(item, Loop):
                out.append(item)
            else:
                out.append(item)
        return out

    def render(self, indent: int, out: list[str]) -> None:
        pad = "    " * indent
        items = self.flat()
        if not items:
            out.append(pad + "pass")
            return
        for item in items:
            if isinstance(item, str):
                out.append(pad + item)
            elif isinstance(item, Loop):
                out.append(pad + item.header)
                item.body.render(indent + 1, out)
            else:
                _render_if(item, indent, out)


def _paren(cond: str) -> str:
    return f"({cond})" if " or " in cond or " if " in cond else cond


def _render_if(stmt: If, indent: int, out: list[str], keyword: str = "if") -> None:
    pad = "    " * indent
    for i, (cond, body) in enumerate(stmt.branches):
        if i:
            keyword = "elif"
        if i == len(stmt.branches) - 1 and stmt.orelse is None:
            # collapse `if a:` whose only statement is a plain `if b:` (no elif/else)
            inner = body.flat()
            while (
                len(inner) == 1
                and isinstance(inner[0], If)
                and len(inner[0].branches) == 1
                and inner[0].orelse is None
            ):
                cond = f"{_paren(cond)} and {_paren(inner[0].branches[0][0])}"
                body = inner[0].branches[0][1]
                inner = body.flat()
        out.append(f"{pad}{keyword} {cond}:")
        body.render(indent + 1, out)
    if stmt.orelse is not None:
        orelse = stmt.orelse.flat()
        if len(orelse) == 1 and isinstance(orelse[0], If):  # `else:` holding one `if` -> `elif`
            _render_if(orelse[0], indent, out, keyword="elif")
            return
        out.append(f"{pad}else:")
        stmt.orelse.render(indent + 1, out)
