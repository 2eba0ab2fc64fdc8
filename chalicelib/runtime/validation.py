"""What the validators compiled by codegen (`codegen/compiler`) call at request time, and `violations`,
which runs one and turns what it reports into `Violation`s.

A compiled validator is `def v(x: Any, p: str, e: list[Err]) -> bool`: `p` is the JSON pointer of `x`,
every violation is appended to `e` as an `Err` (pointer, keyword, message) and the result says whether `x`
is valid. Importing this module builds nothing: no regular expression is compiled and no validation
library is imported until the first check that needs one.

Patterns (ECMA-262, translated at build time by `codegen/compiler/ecma.py`, which explains the choice) run
on stdlib `re` when codegen proved them linear there (`codegen/compiler/safe_re.py`), else on RE2, linear in
the input; the few that RE2 cannot express run on the `regex` module with a time limit, and a search that
runs out of time counts as no match.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from chalicelib.runtime.problem import Violation, Violations

Err: TypeAlias = tuple[str, str, str]
"""One violation: (JSON pointer, keyword, message), the error contract's order within one location, so a
list of them sorts as plain tuples. The pipeline adds the location."""

Validator: TypeAlias = Callable[[Any, str, list[Err]], bool]


def violations(
    validator: Validator | None, instance: Any, location: str, prefix: str = ""
) -> Sequence[Violation]:
    """Every way `instance` breaks its schema, as `Violation`s located in the request or response, under
    `prefix` (e.g. "/limit" for a parameter), in the error contract's order (`Violation.sort_key`: by
    pointer, keyword, message; one location). Nothing is built at import or at request time: the answer
    holds the validator's tuples (`Violations`), and problem+json is rendered from them."""
    if validator is None:
        return ()
    errors: list[Err] = []
    if validator(instance, prefix, errors) and not errors:
        return ()
    if len(errors) > 1:
        # as plain tuples, in C, with no key: 6 violations in 0.16 µs, against 0.53 with a key that
        # reordered (pointer, message, keyword) and 1.7 sorting Violations by `Violation.sort_key`
        errors.sort()
    return Violations(location, errors)


def located(found: list[Violation], location: str, errors: list[Err]) -> None:
    """Move a validator's `errors` into `found` as `Violation`s of `location` (the parameter readers
    codegen writes, codegen/readers.py; they put `found` in order once, at the end)."""
    found += [Violation(location, pointer, message, keyword) for pointer, keyword, message in errors]
    errors.clear()


REGEX_TIMEOUT = 0.1  # seconds, for the patterns that only the backtracking engine can run

_repr: Callable[[object], str] | None = None


def r(x: object) -> str:
    """A short repr of an instance for messages (reprlib's, whose answer for a short scalar is its
    plain repr: that case skips reprlib)."""
    t = type(x)
    if t is str or t is int or t is float or t is bool or x is None:
        s = repr(x)
        if len(s) <= 40:  # within every reprlib limit used below (maxstring 60, maxlong 40, maxother 60)
            return s
    global _repr  # built on the first error, not at import
    if _repr is None:
        import reprlib

        short = reprlib.Repr()
        short.maxstring = 60
        short.maxother = 60
        short.maxlist = short.maxdict = short.maxtuple = 5
        short.maxlevel = 2
        _repr = short.repr
    return _repr(x)


def esc(token: str) -> str:
    """A property name as a JSON pointer token."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


# -- JSON equality ---------------------------------------------------------------------------------
def json_eq(a: Any, b: Any) -> bool:
    """Equality as JSON sees it: 1 == 1.0, True != 1, {"a": 1} == {"a": 1.0}."""
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return ta is tb and a == b
    if ta is list:
        return tb is list and len(a) == len(b) and all(json_eq(u, v) for u, v in zip(a, b, strict=True))
    if ta is dict:
        return tb is dict and a.keys() == b.keys() and all(json_eq(v, b[k]) for k, v in a.items())
    if tb is list or tb is dict:
        return False
    if (ta is str) is not (tb is str):
        return False
    return bool(a == b)


def enum_in(x: Any, values: tuple[Any, ...]) -> bool:
    return any(json_eq(x, v) for v in values)


def _key(v: Any) -> Any:
    t = type(v)
    if t is bool:
        return (1, v)
    if t is int or t is float:
        return (2, v)
    if t is str:
        return (3, v)
    if t is list:
        return (4, tuple(_key(u) for u in v))
    if t is dict:
        return (5, frozenset((k, _key(u)) for k, u in v.items()))
    return (0, v)


def unique(items: list[Any]) -> bool:
    """uniqueItems, with JSON equality; linear for the usual arrays of strings."""
    try:
        # no two hashable JSON values that are equal as JSON differ for Python (1 == 1.0, "a" == "a"),
        # so a set as large as the list proves uniqueness; a smaller one may hide True == 1
        if len(set(items)) == len(items):
            return True
    except TypeError:  # objects or arrays inside
        pass
    if all(type(v) is str for v in items):
        return False
    try:
        return len({_key(v) for v in items}) == len(items)
    except TypeError:  # something unhashable and not JSON: compare pairwise
        return not any(json_eq(items[i], items[j]) for i in range(len(items)) for j in range(i))


def multiple_of(x: int | float, d: float) -> bool:
    """multipleOf with a float divisor, as jsonschema computes it (exact when the quotient overflows)."""
    try:
        q = x / d
        return int(q) == q
    except OverflowError:
        from fractions import Fraction

        return (Fraction(x) / Fraction(d)).denominator == 1
    except ValueError:  # nan
        return False


# -- messages -----------------------------------------------------------------------------------------
def summary(head: str, e: list[Err], starts: tuple[int, ...]) -> str:
    """`head` and the first error of each failed branch (branch i wrote e[starts[i]:starts[i+1]])."""
    parts = []
    for i, start in enumerate(starts):
        if start < len(e):
            ptr, _, msg = e[start]
            text = f"{ptr}: {msg}" if ptr else msg
            parts.append(f"[{i}] {text[:120]}")
    return head + ("; " + "; ".join(parts) if parts else "")


def which(*matched: bool) -> str:
    """The indices of the branches that matched, for a oneOf message."""
    return ", ".join(str(i) for i, m in enumerate(matched) if m)


def prefix(e: list[Err], start: int, text: str) -> None:
    """Prefix the messages of e[start:] (errors of a discriminator's chosen variant) with `text`."""
    for i in range(start, len(e)):
        ptr, kw, msg = e[i]
        e[i] = (ptr, kw, text + msg)


# -- patterns -----------------------------------------------------------------------------------------
class Regex:
    """An ECMA-262 pattern, compiled on its first search. `search(s)` is truthy when it matches in s.

    `std` ("match" or "search") means codegen proved the pattern linear-time on stdlib `re`
    (codegen/compiler/safe_re.py): `py` then runs there, with that method, and `re2` is None."""

    __slots__ = ("py", "re2", "search", "std")

    def __init__(self, re2: str | None, py: str, std: str | None = None) -> None:
        self.re2 = re2
        self.py = py
        self.std = std
        self.search: Callable[[str], object] = self._first

    def _first(self, s: str) -> object:
        if self.std is not None:
            import re

            self.search = getattr(re.compile(self.py, re.ASCII), self.std)
        else:
            self.search = _build(self.re2, self.py)
        return self.search(s)


def _build(re2_src: str | None, py_src: str) -> Callable[[str], bool]:
    slow = _backtracking(py_src)
    if re2_src is None:
        return slow
    import _re2  # type: ignore[import-not-found]  # google-re2's extension module: 8x cheaper per call

    options = _re2.RE2.Options()
    options.log_errors = False
    options.never_capture = True
    compiled = _re2.RE2(re2_src.encode(), options)
    if not compiled.ok():  # pragma: no cover — the compiler checked it at build time
        return slow
    match = compiled.Match
    unanchored = _re2.RE2.Anchor.UNANCHORED

    def search(s: str) -> bool:
        try:
            b = s.encode()
        except UnicodeEncodeError:  # a lone surrogate: not UTF-8, RE2 cannot see it
            return slow(s)
        return bool(match(unanchored, b, 0, len(b))[0][0] >= 0)

    return search


def _backtracking(py_src: str) -> Callable[[str], bool]:
    compiled: Any = None

    def search(s: str) -> bool:
        nonlocal compiled
        if compiled is None:
            import regex

            compiled = regex.compile(py_src, regex.ASCII | regex.V0)
        try:
            return compiled.search(s, timeout=REGEX_TIMEOUT) is not None
        except TimeoutError:
            return False

    return search


# -- formats ------------------------------------------------------------------------------------------
class _Pattern:
    """A format's regular expression (our own, linear), compiled on first use; `match` is `fullmatch`."""

    __slots__ = ("match", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.match: Callable[[str], Any] = self._first

    def _first(self, s: str) -> Any:
        import re

        self.match = re.compile(self.source).fullmatch
        return self.match(s)


_D = "[0-9]"
_OFFSET = rf"(?:[Zz]|([+-])({_D}{{2}}):({_D}{{2}}))"
_TIME = rf"({_D}{{2}}):({_D}{{2}}):({_D}{{2}})(?:\.{_D}+)?{_OFFSET}"
_DATE = rf"({_D}{{4}})-({_D}{{2}})-({_D}{{2}})"
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


_DATE_RE = _Pattern(_DATE)
_DATE_TIME_RE = _Pattern(f"{_DATE}[Tt]{_TIME}")
_TIME_RE = _Pattern(_TIME)


def _date_ok(y: str, m: str, d: str) -> bool:
    # two-digit ASCII strings compare like their numbers: no int() on the common path
    if not ("01" <= m <= "12" and d >= "01"):
        return False
    if d <= "28":
        return True
    year, month, day = int(y), int(m), int(d)
    if day > _DAYS[month - 1]:
        return False
    return not (month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)))


def _time_ok(h: str, mi: str, s: str, sign: str | None, oh: str | None, om: str | None) -> bool:
    if not (h <= "23" and mi <= "59" and s <= "60"):
        return False
    if sign is not None and not (oh is not None and om is not None and oh <= "23" and om <= "59"):
        return False
    if s != "60":
        return True
    # a leap second only exists at 23:59:60 UTC
    offset = 0 if sign is None else (int(oh or 0) * 60 + int(om or 0)) * (1 if sign == "+" else -1)
    return (int(h) * 60 + int(mi) - offset) % 1440 == 23 * 60 + 59


# The fast patterns accept only valid values and cover the common ones (day 01-28, no leap second) in one
# `fullmatch`: the ranges are in the expression, so nothing is left to check in Python. Whatever they
# refuse goes through the exact checks above (month lengths, leap years, leap seconds).
_2 = "(?:[01][0-9]|2[0-3])"  # hour 00-23
_60 = "[0-5][0-9]"  # minute or second 00-59
_FAST_DATE = rf"{_D}{{4}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
_FAST_TIME = rf"{_2}:{_60}:{_60}(?:\.{_D}+)?(?:[Zz]|[+-]{_2}:{_60})"
_DATE_FAST = _Pattern(_FAST_DATE)
_DATE_TIME_FAST = _Pattern(f"{_FAST_DATE}[Tt]{_FAST_TIME}")
_TIME_FAST = _Pattern(_FAST_TIME)


def is_date(s: str) -> bool:
    if _DATE_FAST.match(s) is not None:
        return True
    m = _DATE_RE.match(s)
    return m is not None and _date_ok(*m.groups())


def is_date_time(s: str) -> bool:
    if _DATE_TIME_FAST.match(s) is not None:
        return True
    m = _DATE_TIME_RE.match(s)
    if m is None:
        return False
    y, mo, d, h, mi, sec, sign, oh, om = m.groups()
    return _date_ok(y, mo, d) and _time_ok(h, mi, sec, sign, oh, om)


def is_time(s: str) -> bool:
    if _TIME_FAST.match(s) is not None:
        return True
    m = _TIME_RE.match(s)
    return m is not None and _time_ok(*m.groups())


_H = "[0-9a-fA-F]"
_UUID_RE = _Pattern(f"{_H}{{8}}-{_H}{{4}}-{_H}{{4}}-{_H}{{4}}-{_H}{{12}}")


def is_uuid(s: str) -> bool:
    return _UUID_RE.match(s) is not None


# -- remembered format checks -----------------------------------------------------------------------
# Ids and timestamps recur: the same stored record is answered by many requests (a page of items lists
# the same records again and again), and its response is validated every time. So a value that passed
# the uuid, date-time, date or time check is remembered, and the generated check is
# `x not in UUIDS_OK and not uuid_ok(x)`: a value seen before costs one set lookup (20-25 ns in timeit;
# a str caches its hash) where the expression took 200-210 ns, three times per item of a page; a new
# value costs about 150 ns more than the bare expression (the call and the insertion). Only values that
# passed are kept, so no check becomes laxer; a set holds at most SEEN_MAX values of at most SEEN_LEN
# characters and is emptied when full, so no input can make it grow further.
SEEN_MAX = 1024
SEEN_LEN = 64
UUIDS_OK: set[str] = set()
DATE_TIMES_OK: set[str] = set()
DATES_OK: set[str] = set()
TIMES_OK: set[str] = set()


def _seen(values: set[str], s: str) -> bool:
    if len(s) <= SEEN_LEN:
        if len(values) >= SEEN_MAX:
            values.clear()
        values.add(s)
    return True


def uuid_ok(s: str) -> bool:
    return _UUID_RE.match(s) is not None and _seen(UUIDS_OK, s)


def date_time_ok(s: str) -> bool:
    return is_date_time(s) and _seen(DATE_TIMES_OK, s)


def date_ok(s: str) -> bool:
    return is_date(s) and _seen(DATES_OK, s)


def time_ok(s: str) -> bool:
    return is_time(s) and _seen(TIMES_OK, s)


_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"


_IPV4_RE = _Pattern(_IPV4)
_IPV6_CHARS_RE = _Pattern("[0-9A-Fa-f:.]+")


def is_ipv4(s: str) -> bool:
    return _IPV4_RE.match(s) is not None


def is_ipv6(s: str) -> bool:
    if _IPV6_CHARS_RE.match(s) is None:  # no zone id, no spaces, ASCII only
        return False
    import ipaddress

    try:
        ipaddress.IPv6Address(s)
    except ValueError:
        return False
    return True


_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = (
    rf"(?:{_ATEXT}+(?:\.{_ATEXT}+)*|\"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*\")"
    rf"@(?:({_LABEL}(?:\.{_LABEL})*)|\[({_IPV4})\]|\[IPv6:([0-9A-Fa-f:.]+)\])"
)


_EMAIL_RE = _Pattern(_EMAIL)


def is_email(s: str) -> bool:
    m = _EMAIL_RE.match(s)
    if m is None:
        return False
    host, _, ipv6 = m.groups()
    if host is not None and len(host) > 253:
        return False
    return ipv6 is None or is_ipv6(ipv6)


_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = "%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_URI = (
    r"[A-Za-z][A-Za-z0-9+.\-]*:"
    r"(?:"
    rf"//(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    rf"(?:\[([0-9A-Fa-f:.]+)\]|\[v[0-9A-Fa-f]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"
    r"(?::[0-9]*)?"
    rf"(?:/{_PCHAR}*)*"
    rf"|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?"
    rf"|{_PCHAR}+(?:/{_PCHAR}*)*"
    r"|"
    r")"
    rf"(?:\?(?:{_PCHAR}|[/?])*)?"
    rf"(?:#(?:{_PCHAR}|[/?])*)?"
)


_URI_RE = _Pattern(_URI)


def is_uri(s: str) -> bool:
    m = _URI_RE.match(s)
    return m is not None and (m.group(1) is None or is_ipv6(m.group(1)))


_B64 = "[A-Za-z0-9+/]"
_BYTE_RE = _Pattern(f"(?:{_B64}{{4}})*(?:{_B64}{{2}}==|{_B64}{{3}}=)?")


def is_byte(s: str) -> bool:
    """base64 (RFC 4648 §4, padded)."""
    return _BYTE_RE.match(s) is not None


def is_int32(x: int | float) -> bool:
    return not (isinstance(x, float) and not x.is_integer()) and -(2**31) <= x <= 2**31 - 1


def is_int64(x: int | float) -> bool:
    return not (isinstance(x, float) and not x.is_integer()) and -(2**63) <= x <= 2**63 - 1


def is_double(x: int | float) -> bool:
    try:
        return math.isfinite(x)
    except OverflowError:  # an int too large for a double
        return False


def is_float(x: int | float) -> bool:
    return is_double(x) and abs(x) <= 3.4028234663852886e38
