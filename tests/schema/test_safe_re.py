"""The build-time proof that a pattern may run on stdlib `re` (codegen/compiler/safe_re.py): hostile
patterns are refused, simple ones accepted, and what is accepted answers like the `regex` fallback, in
bounded time on hostile inputs."""

from __future__ import annotations

import random
import re
import time

import pytest
import regex
from schema_support import compile_validator

from chalicelib.runtime.validation import Regex
from codegen.compiler.ecma import translate
from codegen.compiler.safe_re import char_run, stdlib_method

HOSTILE = [
    "^(a|aa)+$",
    "^(a+)+$",
    "^(a*)*$",
    "^(a|a)*$",
    "^(a?){30}a{30}$",
    "^[a-z]*[a-z0-9]*$",
    r"^(\w+\s?)*$",
    r"^(.*a){12}$",
    "(a+)+b",
    "^a*a$",
    "^a{1,3}a$",
    "^(aa|a)?$",
    "^x.*y$",
    r"^[^@]+@[^@]+\.[a-z]+$",
    r"^\S+@\S+$",
    r"^(?:[a-z]+\.)*[a-z]+$",
    r"^(\d+)*$",
    r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    "a+",  # unanchored and unbounded: a search per start position is quadratic
    "[a-z]+$",
    "x[a-z]{0,300}",  # unanchored, matches longer than the bound
    # what only the backtracking engines have, or means something else in stdlib `re`
    "^(?=a)a$",
    "^(?!b)a$",
    r"^(a)\1$",
    r"\bfoo\b",
    r"^\p{L}+$",
    "^a|b",  # `^` only in the first branch: unanchored, unbounded? no, but `^` inside a branch
]

SAFE = {
    "^[a-z0-9-]+$": "match",
    r"^\d{3}-\d{4}$": "match",
    "^[A-Z]{2}[0-9]{2}$": "match",
    "^(foo|bar)$": "match",
    "^(ab|ac)$": "match",
    "^a+b+$": "match",
    "^(a|b)*c$": "match",
    "^.*$": "match",
    "^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$": "match",
    "^(?:a{2})*$": "match",
    '^"[0-9]+"$': "match",
    "^[a-z]+(-[a-z]+)*$": "match",
    "abc": "search",
    "^$": "match",
    "": "search",
    r"\.json$": "search",
}


@pytest.mark.parametrize("pattern", HOSTILE)
def test_hostile_patterns_stay_off_stdlib_re(pattern: str) -> None:
    assert stdlib_method(translate(pattern).py) is None


@pytest.mark.parametrize(("pattern", "method"), sorted(SAFE.items()))
def test_simple_patterns_run_on_stdlib_re(pattern: str, method: str) -> None:
    assert stdlib_method(translate(pattern).py) == method


def _answers(pattern: str, samples: list[str]) -> None:
    t = translate(pattern)
    method = stdlib_method(t.py)
    assert method is not None
    fast = Regex(None, t.py, method)
    reference = regex.compile(t.py, regex.ASCII | regex.V0)
    for s in samples:
        assert bool(fast.search(s)) == (reference.search(s) is not None), (pattern, s)


@pytest.mark.parametrize("pattern", sorted(SAFE))
def test_accepted_patterns_answer_like_the_fallback(pattern: str) -> None:
    samples = ["", "a", "ab", "ac", "aa", "abc", "foo", "bar", "AB12", "123-4567", "x.json", "x.json\n"]
    samples += ['"12"', "a-b-c", "a--b", "0123abcd-0123-4567-89ab-0123456789ab", "aab", "b\nc", "café"]
    _answers(pattern, samples)


def _hostile_inputs(n: int) -> list[str]:
    out = []
    for unit in ("a", "ab", "0", "-", " ", "a-", "aa-", "é", "\n"):
        body = unit * (n // len(unit))
        out += [body, body + "!", "!" + body, body + "\x00"]
    return out


_ATOMS = ["a", "b", "[ab]", "[a-c]", "[^a]", ".", "(a|b)", "(ab|b)", "(a|ba)", "(?:ab)", "[0-9]"]
_QUANTIFIERS = ["", "", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "*?", "+?"]


def _random_pattern(rng: random.Random) -> str:
    def piece(depth: int) -> str:
        if depth < 2 and rng.random() < 0.25:
            inner = "".join(piece(depth + 1) for _ in range(rng.randint(1, 3)))
            if rng.random() < 0.3:
                inner += "|" + "".join(piece(depth + 1) for _ in range(rng.randint(1, 2)))
            return "(" + inner + ")" + rng.choice(_QUANTIFIERS)
        return rng.choice(_ATOMS) + rng.choice(_QUANTIFIERS)

    body = "".join(piece(0) for _ in range(rng.randint(1, 5)))
    return ("^" if rng.random() < 0.8 else "") + body + ("$" if rng.random() < 0.7 else "")


def test_random_patterns_accepted_are_fast_and_equivalent() -> None:
    """Soundness on many random patterns: whatever is accepted answers like `regex` and stays fast on
    long repetitive inputs (the shape that makes ambiguous patterns explode)."""
    rng = random.Random(5)
    accepted = 0
    samples = ["", "a", "b", "ab", "ba", "aab", "abab", "bba", "0", "a0", "c", "abc", "ab!", "\n"]
    long_inputs = _hostile_inputs(20_000)
    for _ in range(1500):
        pattern = _random_pattern(rng)
        t = translate(pattern)
        method = stdlib_method(t.py)
        if method is None:
            continue
        accepted += 1
        _answers(pattern, samples + [rng.choice("ab0-") * rng.randint(1, 9) for _ in range(10)])
        compiled = getattr(re.compile(t.py, re.ASCII), method)
        started = time.perf_counter()
        for s in long_inputs:
            compiled(s)
        elapsed = time.perf_counter() - started
        assert elapsed < 0.5, (pattern, elapsed)  # linear: ~36 inputs of 20k characters
    assert accepted > 100  # the generator does reach the accepted side


@pytest.mark.parametrize("pattern", sorted(SAFE))
def test_accepted_patterns_are_linear_on_hostile_input(pattern: str) -> None:
    t = translate(pattern)
    method = stdlib_method(t.py)
    assert method is not None
    compiled = getattr(re.compile(t.py, re.ASCII), method)
    started = time.perf_counter()
    for s in _hostile_inputs(100_000):
        compiled(s)
    assert time.perf_counter() - started < 1.0


def test_unsafe_pattern_runs_on_re2() -> None:
    t = translate("^(a|aa)+$")
    assert stdlib_method(t.py) is None
    assert t.re2 is not None
    rx = Regex(t.re2, t.py)
    started = time.perf_counter()
    assert not rx.search("a" * 50_000 + "!")
    assert time.perf_counter() - started < 0.5


# -- one character class over the whole string: `strip` instead of a regex --------------------------------
CHAR_RUNS = {
    "^[a-z0-9-]+$": ("-0123456789abcdefghijklmnopqrstuvwxyz", 1, None),
    r"^\d{4}$": ("0123456789", 4, 4),
    "^[A-F]{2,3}$": ("ABCDEF", 2, 3),
    r"^[\w.]*$": (".0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz", 0, None),
    "^x$": ("x", 1, 1),
    "^(?:[ab])+?$": ("ab", 1, None),  # lazy and greedy match the same whole strings
    "^[ -~]{0,5}$": ("".join(map(chr, range(32, 127))), 0, 5),
}
NOT_CHAR_RUNS = [
    "^[a-z]+",  # no end anchor: a prefix
    "[a-z]+$",  # no start anchor
    "^[^a]+$",  # a negated class reaches past ASCII
    "^[é]+$",
    r"^\s+$",  # ECMA whitespace is not ASCII only
    "^.+$",
    "^[a-z]+[0-9]$",
    "^(ab)+$",
    "^$",
]


@pytest.mark.parametrize(("pattern", "expected"), sorted(CHAR_RUNS.items()))
def test_character_runs_are_recognised(pattern: str, expected: tuple[str, int, int | None]) -> None:
    assert char_run(translate(pattern).py) == expected


@pytest.mark.parametrize("pattern", NOT_CHAR_RUNS)
def test_other_patterns_are_not_character_runs(pattern: str) -> None:
    assert char_run(translate(pattern).py) is None


def _compiled_answers_like_regex(pattern: str, samples: list[str]) -> str:
    validate, source = compile_validator({"type": "string", "pattern": pattern})
    reference = regex.compile(translate(pattern).py, regex.ASCII | regex.V0)
    for s in samples:
        assert validate(s)[0] == (reference.search(s) is not None), (pattern, s)
    return source


@pytest.mark.parametrize("pattern", sorted(CHAR_RUNS))
def test_character_runs_compile_to_strip_and_answer_like_regex(pattern: str) -> None:
    samples = ["", "a", "ab", "abc", "ABC", "AB", "0123", "12345", "a-b", "a b", "x", "xx", "x\n", "\nx"]
    samples += ["café", "a\x00", "_.", "a.b_c", "~", "\x7f", "ab\n", "\u212a", "ſ", "-", " " * 6]
    source = _compiled_answers_like_regex(pattern, samples)
    assert ".strip(" in source
    assert "Regex(" not in source


def test_random_character_runs_answer_like_regex() -> None:
    rng = random.Random(11)
    alphabet = "ab0-_.~ \n\tAZé\x00"
    found = 0
    for _ in range(400):
        members = "".join(rng.sample("abcxyz019-_.~AZ", rng.randint(1, 5)))
        cls = "[" + members.replace("-", "\\-") + "]" if rng.random() < 0.8 else "[a-f0-4]"
        quantifier = rng.choice(["", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "+?", "{2,}"])
        pattern = "^" + cls + quantifier + "$"
        if char_run(translate(pattern).py) is None:
            continue
        found += 1
        samples = [
            "".join(rng.choice(alphabet + members) for _ in range(rng.randint(0, 6))) for _ in range(30)
        ]
        _compiled_answers_like_regex(pattern, samples)
    assert found > 300
