"""Which translated patterns the stdlib `re` engine may run: a proof, at build time, of linear time.

RE2 answers every pattern in linear time but costs ~0.8 µs per call (UTF-8 encoding, the C++ call) and
~1.6 ms of import on the first request; stdlib `re` answers a simple pattern in ~0.15 µs but backtracks,
so a hostile input can make an ambiguous pattern (`^(a|aa)+$`, `^(a+)+$`, `^[a-z]*[a-z0-9]*$`) run for
seconds or forever. This module accepts a pattern for stdlib `re` only when it can show that no input
makes it slow, and says how to call it; everything else stays on RE2 (or `regex` with its time limit).

The proof, on the parse tree of the Python translation (`codegen.compiler.ecma`), by `re._parser`:

- **Deterministic with one character of lookahead** (one-unambiguous): at every choice the engine makes
  (repeat once more or stop, take an optional part or not, which branch of an alternation), the sets of
  characters each option can start with are disjoint, and disjoint from what may follow when the option
  can match nothing. A backtracking engine then never explores more than one option past one character:
  each choice point it unwinds fails on its next character, so one match attempt is linear in the input.
- **One attempt, or attempts of bounded length**: a pattern anchored by a leading `^` runs with `match`
  (one attempt at position 0); an unanchored one runs with `search` only when its matches are at most
  `_MAX_UNANCHORED` characters long, so each of the n attempts is bounded.
- **Only constructs whose meaning is the same in both engines**: literals, character classes (the
  translation already spelled `\\d`, `\\w`, `\\s`, `.` as explicit ASCII/ECMA classes), groups without
  flags, alternation, greedy and lazy quantifiers, `^` first and `\\Z` (ECMA `$`). Anything else
  (backreferences, lookaround, `\\b`, `\\p{…}`, atomic groups, possessive quantifiers, categories, flags)
  is refused. The answer is the `regex` fallback's own answer: the same source, the same code points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as C  # type: ignore[attr-defined,unused-ignore]  # CPython's own sre constants, stable in 3.11
from re import _parser  # type: ignore[attr-defined,unused-ignore]  # the parser `re.compile` runs; no public equivalent
from typing import Any

_MAX = 0x10FFFF
_END = -1  # "end of the string", in a follow set
_PROBE = -2  # a marker: an expression is nullable when its first set, followed by the probe, holds it
_MAX_UNANCHORED = 256

Ranges = tuple[tuple[int, int], ...]
_NOTHING: Ranges = ()
_ANY_CHAR: Ranges = ((0, _MAX),)


class _Unsafe(Exception):
    pass


def stdlib_method(py_src: str) -> str | None:
    """ "match" or "search" when stdlib `re` (flag ASCII) may run `py_src` for a JSON Schema `pattern`
    (true when it matches anywhere), else None."""
    try:
        tree = list(_parser.parse(py_src, re.ASCII))
    except (re.error, RecursionError, OverflowError):
        return None
    anchored = bool(tree) and tree[0] == (C.AT, C.AT_BEGINNING)
    items = tree[1:] if anchored else tree
    try:
        _seq(items, ((_END, _END),))
        if not anchored and _max_len(items) > _MAX_UNANCHORED:
            return None
    except _Unsafe:
        return None
    return "match" if anchored else "search"


_MAX_RUN_CLASS = 128  # `str.strip(chars)` scans `chars` for each character it looks at: ASCII classes only


def char_run(py_src: str) -> tuple[str, int, int | None] | None:
    """For a pattern that is one character class repeated over the whole string (`^[a-z0-9-]+$`,
    `^[0-9]{4}$`): the class's characters and the run's length bounds (None: no upper bound), else None.

    A string matches such a pattern exactly when its length is within the bounds and `s.strip(chars)` is
    empty: one C call, about a third of a regex call, in time linear in the string (times the class's
    size, which is at most `_MAX_RUN_CLASS` ASCII characters)."""
    try:
        parsed = _parser.parse(py_src, re.ASCII)
    except (re.error, RecursionError, OverflowError):
        return None
    tree = list(parsed)
    if (
        parsed.state.flags & ~(re.ASCII | re.UNICODE)
        or len(tree) != 3
        or tree[0] != (C.AT, C.AT_BEGINNING)
        or tree[2] != (C.AT, C.AT_END_STRING)
    ):
        return None
    op, av = tree[1]
    lo: int = 1
    hi: int | None = 1
    if op is C.MAX_REPEAT or op is C.MIN_REPEAT:  # over the whole string, greedy and lazy match alike
        lo, top, sub = av
        hi = None if top == C.MAXREPEAT else top
        if len(sub) != 1:
            return None
        op, av = sub[0]
    if op is C.LITERAL:
        ranges: Ranges = ((av, av),)
    elif op is C.IN:
        try:
            ranges = _in(av)
        except _Unsafe:
            return None
    else:
        return None
    chars = "".join(chr(c) for first, last in ranges for c in range(first, last + 1))
    if not chars or len(chars) > _MAX_RUN_CLASS or max(chars) > "\x7f":
        return None
    return chars, lo, hi


# -- sets of code points (with _END and _PROBE as pseudo code points) ----------------------------------
def _union(*sets: Ranges) -> Ranges:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(r for s in sets for r in s):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def _overlap(a: Ranges, b: Ranges) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def _complement(chars: Ranges) -> Ranges:
    out: list[tuple[int, int]] = []
    nxt = 0
    for lo, hi in _union(chars):
        lo, hi = max(lo, 0), min(hi, _MAX)
        if hi < 0:
            continue
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= _MAX:
        out.append((nxt, _MAX))
    return tuple(out)


def _in(items: Sequence[tuple[Any, Any]]) -> Ranges:
    negate = False
    ranges: list[tuple[int, int]] = []
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            ranges.append((av, av))
        elif op is C.RANGE:
            ranges.append((av[0], av[1]))
        else:  # CATEGORY and the like: meanings differ between engines and flags
            raise _Unsafe
    chars = _union(tuple(ranges))
    return _complement(chars) if negate else chars


# -- the analysis: FIRST(node followed by `follow`), refusing every non-deterministic choice ---------
def _seq(items: Sequence[tuple[Any, Any]], follow: Ranges) -> Ranges:
    first = follow
    for item in reversed(items):
        first = _node(item, first)
    return first


def _first_of(body: Sequence[tuple[Any, Any]]) -> Ranges:
    """FIRST(body) of a body that must consume something (refused if it can match the empty string)."""
    first = _seq(body, ((_PROBE, _PROBE),))
    if _overlap(first, ((_PROBE, _PROBE),)):
        raise _Unsafe
    return first


def _node(item: tuple[Any, Any], follow: Ranges) -> Ranges:
    op, av = item
    if op is C.LITERAL:
        return ((av, av),)
    if op is C.NOT_LITERAL:
        return _complement(((av, av),))
    if op is C.ANY:
        return _complement(((10, 10),))
    if op is C.IN:
        chars = _in(av)
        if not chars:
            raise _Unsafe
        return chars
    if op is C.AT:
        if av is C.AT_END_STRING:
            return ((_END, _END),)
        raise _Unsafe  # `^` inside, \b, \B, ...
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unsafe
        return _seq(list(sub), follow)
    if op is C.BRANCH:
        _, alternatives = av
        firsts = [_first_of(list(alt)) for alt in alternatives]
        for i, a in enumerate(firsts):
            for b in firsts[:i]:
                if _overlap(a, b):
                    raise _Unsafe
        for alt in alternatives:
            _seq(list(alt), follow)
        return _union(*firsts)
    if op is C.MAX_REPEAT or op is C.MIN_REPEAT:
        lo, hi, body = av
        body = list(body)
        if hi == 0:
            return follow
        first = _first_of(body)
        # inside the body, what follows is another iteration or the rest
        _seq(body, _union(first, follow) if hi != 1 else follow)
        if lo == hi:
            return first
        if _overlap(first, follow):  # "once more" and "stop" must start differently
            raise _Unsafe
        return _union(first, follow) if lo == 0 else first
    raise _Unsafe  # backreferences, lookaround, atomic groups, possessive repeats, conditionals


def _max_len(items: Sequence[tuple[Any, Any]]) -> float:
    total = 0.0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            total += 1
        elif op is C.SUBPATTERN:
            total += _max_len(list(av[3]))
        elif op is C.BRANCH:
            total += max(_max_len(list(alt)) for alt in av[1])
        elif op is C.MAX_REPEAT or op is C.MIN_REPEAT:
            _lo, hi, body = av
            inner = _max_len(list(body))
            total += float("inf") if hi == C.MAXREPEAT and inner else hi * inner
    return total
