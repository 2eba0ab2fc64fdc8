"""ECMA-262 regular expressions (JSON Schema `pattern`, `patternProperties`) for Python, at build time.

Decision — RE2 first, the `regex` module with a time limit as the fallback (measured on this machine,
CPython 3.11, strings of ~20 characters):

| engine                          | import  | search   | `^(a|aa)+$` on "a"*40+"!"       |
| ------------------------------- | ------- | -------- | ------------------------------- |
| stdlib `re`                     | stdlib  | 0.27 µs  | never returns (exponential)      |
| `regex` + `timeout=`            | ~20 ms  | 3.3 µs   | gives up after the time limit    |
| `google-re2` (public `re2` API) | ~16 ms  | 6.2 µs   | 0.2 ms, correct answer           |
| `google-re2` (`_re2.RE2.Match`) | ~16 ms  | 0.8 µs   | 0.2 ms, correct answer           |

RE2 runs in time linear in the input for every pattern, so no input can make a pattern check slow, and
its answer is always the right one; `regex` only bounds the damage (each hostile call still burns its whole
time limit, and the answer is then a guess). So every pattern that RE2 can express runs on RE2; only
patterns that use what RE2 lacks (lookaround, backreferences, repetition counts over 1000, some `\\p{…}`
properties) run on `regex` with a time limit, and a search that times out counts as "no match" (for
`pattern` that fails closed: the value is rejected; under `patternProperties` the key counts as not
matching). The patterns are compiled on their first use, never at import. `google-re2` is pinned to 1.1 because it is the last release with
manylinux2014 wheels (glibc 2.17): later ones need glibc 2.27+, which the Python 3.11 Lambda runtime
(Amazon Linux 2, glibc 2.26) lacks.

ECMA-262 differs from both engines, so the pattern is translated here, once, into each engine's syntax:
`\\d`, `\\w`, `\\b` are ASCII-only; `\\s` is ECMA's whitespace set (Unicode spaces, U+FEFF); `.` excludes
the four ECMA line terminators; `$` only matches at the very end (never before a final newline);
`\\cX`, `\\u{…}`, surrogate-pair escapes and `\\p{Name=Value}` get their ECMA meaning; a `{` that does not
start a quantifier is a literal (Annex B).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ECMA-262 WhiteSpace + LineTerminator (what `\s` matches).
_WS = [
    (0x09, 0x0D),
    (0x20, 0x20),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
]
_DIGIT = [(0x30, 0x39)]
_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
_LINE_TERMINATORS = [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]
_MAX = 0x10FFFF

# ECMA `\p{General_Category=…}` long names -> the short names both engines accept.
_GENERAL_CATEGORIES = {
    "Letter": "L",
    "Cased_Letter": "LC",
    "Uppercase_Letter": "Lu",
    "Lowercase_Letter": "Ll",
    "Titlecase_Letter": "Lt",
    "Modifier_Letter": "Lm",
    "Other_Letter": "Lo",
    "Mark": "M",
    "Combining_Mark": "M",
    "Nonspacing_Mark": "Mn",
    "Spacing_Mark": "Mc",
    "Enclosing_Mark": "Me",
    "Number": "N",
    "Decimal_Number": "Nd",
    "digit": "Nd",
    "Letter_Number": "Nl",
    "Other_Number": "No",
    "Punctuation": "P",
    "punct": "P",
    "Connector_Punctuation": "Pc",
    "Dash_Punctuation": "Pd",
    "Open_Punctuation": "Ps",
    "Close_Punctuation": "Pe",
    "Initial_Punctuation": "Pi",
    "Final_Punctuation": "Pf",
    "Other_Punctuation": "Po",
    "Symbol": "S",
    "Math_Symbol": "Sm",
    "Currency_Symbol": "Sc",
    "Modifier_Symbol": "Sk",
    "Other_Symbol": "So",
    "Separator": "Z",
    "Space_Separator": "Zs",
    "Line_Separator": "Zl",
    "Paragraph_Separator": "Zp",
    "Other": "C",
    "Control": "Cc",
    "cntrl": "Cc",
    "Format": "Cf",
    "Surrogate": "Cs",
    "Private_Use": "Co",
    "Unassigned": "Cn",
}
_SHORT_CATEGORIES = set(_GENERAL_CATEGORIES.values())
_QUANTIFIER = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_RE2_MAX_REPEAT = 1000


class PatternError(ValueError):
    """The pattern is not a valid ECMA-262 regular expression."""


@dataclass(frozen=True)
class Translated:
    """One ECMA-262 pattern in each engine's syntax; `re2` is None when RE2 cannot express it."""

    source: str
    re2: str | None
    py: str


def translate(source: str) -> Translated:
    """Translate an ECMA-262 pattern; raises PatternError for a pattern that is not one."""
    parser = _Parser(source)
    re2_src, py_src = parser.parse()
    return Translated(source, None if parser.backtracking_only else re2_src, py_src)


# -- character sets as sorted, merged code point ranges ------------------------------------------
Ranges = list[tuple[int, int]]


def _merge(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _complement(ranges: Ranges) -> Ranges:
    out: Ranges = []
    nxt = 0
    for lo, hi in _merge(ranges):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= _MAX:
        out.append((nxt, _MAX))
    return out


_CLASS_META = set("\\]^-[")
_META = set("\\^$.|?*+()[]{}")


def _char(cp: int, engine: str, in_class: bool) -> str:
    ch = chr(cp)
    if 0x20 < cp < 0x7F:
        if ch in (_CLASS_META if in_class else _META) or (in_class and ch in "&~|"):
            return "\\" + ch
        return ch
    if engine == "re2":
        return f"\\x{{{cp:X}}}"
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


def _class(ranges: Ranges, props: list[tuple[bool, str, str]], negated: bool, engine: str) -> str:
    ranges = _merge(ranges)
    if not props:
        if not ranges:  # ECMA `[]` matches nothing, `[^]` anything
            ranges, negated = [(0, _MAX)], not negated
        elif not negated and len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
            return _char(ranges[0][0], engine, in_class=False)
    parts = []
    for lo, hi in ranges:
        if lo == hi:
            parts.append(_char(lo, engine, in_class=True))
        elif hi == lo + 1:
            parts.append(_char(lo, engine, in_class=True) + _char(hi, engine, in_class=True))
        else:
            parts.append(_char(lo, engine, in_class=True) + "-" + _char(hi, engine, in_class=True))
    for positive, re2_name, py_name in props:
        name = re2_name if engine == "re2" else py_name
        parts.append(("\\p{" if positive else "\\P{") + name + "}")
    return ("[^" if negated else "[") + "".join(parts) + "]"


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.i = 0
        self.backtracking_only = False  # uses something RE2 lacks
        self.groups = 0
        self.names: list[str] = []

    # -- helpers ---------------------------------------------------------------------------------
    def error(self, message: str) -> PatternError:
        return PatternError(f"invalid pattern {self.src!r} at {self.i}: {message}")

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.src[j] if j < len(self.src) else ""

    def parse(self) -> tuple[str, str]:
        self._count_groups()
        re2_out: list[str] = []
        py_out: list[str] = []
        depth = 0
        while self.i < len(self.src):
            ch = self.src[self.i]
            if ch == "\\":
                a, b = self._escape()
                re2_out.append(a)
                py_out.append(b)
                continue
            if ch == "[":
                ranges, props, negated = self._class()
                re2_out.append(_class(ranges, props, negated, "re2"))
                py_out.append(_class(ranges, props, negated, "py"))
                continue
            if ch == "(":
                text = self._group_open()
                re2_out.append(text)
                py_out.append(text)
                depth += 1
                continue
            self.i += 1
            if ch == ")":
                if depth == 0:
                    raise self.error("unbalanced ')'")
                depth -= 1
                re2_out.append(ch)
                py_out.append(ch)
            elif ch in "|^":
                re2_out.append(ch)
                py_out.append(ch)
            elif ch in "*+?":
                if not re2_out or re2_out[-1] in ("(", "|", "(?:") or re2_out[-1].endswith("("):
                    raise self.error(f"nothing to repeat before {ch!r}")
                re2_out.append(ch)
                py_out.append(ch)
            elif ch == "$":
                re2_out.append("\\z")
                py_out.append("\\Z")
            elif ch == ".":
                dot = _complement(_LINE_TERMINATORS)
                re2_out.append(_class(dot, [], False, "re2"))
                py_out.append(_class(dot, [], False, "py"))
            elif ch == "{":
                m = _QUANTIFIER.match(self.src, self.i - 1)
                if (
                    m is not None
                    and re2_out
                    and re2_out[-1] not in ("|", "^")
                    and not re2_out[-1].endswith("(")
                ):
                    lo, hi = int(m.group(1)), m.group(3)
                    if hi is not None and hi != "" and int(hi) < lo:
                        raise self.error("numbers out of order in {} quantifier")
                    if lo > _RE2_MAX_REPEAT or (hi and int(hi) > _RE2_MAX_REPEAT):
                        self.backtracking_only = True
                    self.i = m.end()
                    re2_out.append(m.group(0))
                    py_out.append(m.group(0))
                else:  # Annex B: a brace that starts no quantifier is itself
                    re2_out.append("\\{")
                    py_out.append("\\{")
            elif ch == "}":
                re2_out.append("\\}")
                py_out.append("\\}")
            elif ch == "]":
                re2_out.append("\\]")
                py_out.append("\\]")
            else:
                cp = self._code_point_at(self.i - 1)
                re2_out.append(_char(cp, "re2", in_class=False))
                py_out.append(_char(cp, "py", in_class=False))
        if depth:
            raise self.error("missing ')'")
        return "".join(re2_out), "".join(py_out)

    def _code_point_at(self, j: int) -> int:
        # Python strings hold code points already; a lone surrogate stays one
        if j + 1 > len(self.src):
            raise self.error("unexpected end")
        return ord(self.src[j])

    def _count_groups(self) -> None:
        src, j, in_class = self.src, 0, False
        while j < len(src):
            c = src[j]
            if c == "\\":
                j += 2
                continue
            if in_class:
                in_class = c != "]"
            elif c == "[":
                in_class = True
            elif c == "(" and (j + 1 >= len(src) or src[j + 1] != "?"):
                self.groups += 1
            elif c == "(" and src.startswith("(?<", j) and j + 3 < len(src) and src[j + 3] not in "=!":
                self.groups += 1
                end = src.find(">", j)
                if end > 0:
                    self.names.append(src[j + 3 : end])
            j += 1

    def _group_open(self) -> str:
        src = self.src
        self.i += 1
        if self.peek() != "?":
            return "("
        for ecma, out in (("?:", "(?:"), ("?=", "(?="), ("?!", "(?!"), ("?<=", "(?<="), ("?<!", "(?<!")):
            if src.startswith(ecma, self.i):
                self.i += len(ecma)
                if out != "(?:":
                    self.backtracking_only = True
                return out
        if src.startswith("?<", self.i):
            end = src.find(">", self.i)
            name = src[self.i + 2 : end] if end > 0 else ""
            if not name or not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", name) or "$" in name:
                raise self.error("invalid group name")
            self.i = end + 1
            return f"(?P<{name}>"
        raise self.error("invalid group")

    # -- escapes ---------------------------------------------------------------------------------
    def _hex(self, n: int) -> int | None:
        digits = self.src[self.i : self.i + n]
        if len(digits) == n and all(c in "0123456789abcdefABCDEF" for c in digits):
            self.i += n
            return int(digits, 16)
        return None

    def _unicode_escape(self) -> int | None:
        """After `\\u`: `{H…}`, or `HHHH` (a surrogate pair of two escapes is one code point)."""
        if self.peek() == "{":
            end = self.src.find("}", self.i)
            digits = self.src[self.i + 1 : end] if end > 0 else ""
            if digits and all(c in "0123456789abcdefABCDEF" for c in digits) and int(digits, 16) <= _MAX:
                self.i = end + 1
                return int(digits, 16)
            return None
        hi = self._hex(4)
        if hi is None:
            return None
        if 0xD800 <= hi <= 0xDBFF and self.src.startswith("\\u", self.i):
            save = self.i
            self.i += 2
            lo = self._hex(4)
            if lo is not None and 0xDC00 <= lo <= 0xDFFF:
                return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            self.i = save
        return hi

    def _char_escape(self, in_class: bool) -> int | Ranges | tuple[bool, str, str]:
        """One escape after the backslash: a code point, a set of ranges, or a property."""
        c = self.peek()
        if not c:
            raise self.error("\\ at end of pattern")
        self.i += 1
        simple = {"t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
        if c in simple:
            return simple[c]
        if c == "d":
            return list(_DIGIT)
        if c == "D":
            return _complement(_DIGIT)
        if c == "w":
            return list(_WORD)
        if c == "W":
            return _complement(_WORD)
        if c == "s":
            return list(_WS)
        if c == "S":
            return _complement(_WS)
        if c == "0" and not self.peek().isdigit():
            return 0
        if c == "c":
            letter = self.peek()
            if letter.isascii() and letter.isalpha():
                self.i += 1
                return ord(letter) % 32
            self.i -= 1  # Annex B: `\c` stays a backslash and a "c"
            return ord("\\")
        if c == "x":
            cp = self._hex(2)
            return ord("x") if cp is None else cp
        if c == "u":
            cp = self._unicode_escape()
            return ord("u") if cp is None else cp
        if c in "pP":
            return self._property(positive=c == "p")
        if in_class and c == "b":
            return 8
        if in_class and c == "-":
            return ord("-")
        return ord(c)  # identity escape: `\/`, `\.`, …

    def _property(self, positive: bool) -> tuple[bool, str, str]:
        if self.peek() != "{":
            raise self.error("\\p needs {Name}")
        end = self.src.find("}", self.i)
        if end < 0:
            raise self.error("unterminated \\p{")
        body = self.src[self.i + 1 : end]
        self.i = end + 1
        name, _, value = body.partition("=")
        re2_name: str | None
        if value:
            if name in ("General_Category", "gc"):
                re2_name = _GENERAL_CATEGORIES.get(value, value if value in _SHORT_CATEGORIES else None)
            elif name in ("Script", "sc"):
                re2_name = value if re.fullmatch(r"[A-Z][a-z]+(_[A-Z][a-z]+)*", value) else None
            else:  # Script_Extensions and friends: not in RE2
                re2_name = None
        elif name in _SHORT_CATEGORIES:
            re2_name = name
        elif name in _GENERAL_CATEGORIES:
            re2_name = _GENERAL_CATEGORIES[name]
        elif name == "Any":
            re2_name = "Any"
        else:  # binary properties (Alphabetic, White_Space, …): only `regex` knows them
            re2_name = None
        if re2_name is None or re2_name == "LC":
            self.backtracking_only = True
            re2_name = "Any"
        return positive, re2_name, body

    def _escape(self) -> tuple[str, str]:
        self.i += 1
        c = self.peek()
        if c in ("b", "B"):
            self.i += 1
            return "\\" + c, "\\" + c
        if c.isdigit() and c != "0":
            j = self.i
            while j < len(self.src) and self.src[j].isdigit():
                j += 1
            n = int(self.src[self.i : j])
            if n > self.groups:
                raise self.error(f"backreference to undefined group {n}")
            self.i = j
            self.backtracking_only = True
            return "", f"(?:\\{n})"
        if c == "k" and self.peek(1) == "<":
            end = self.src.find(">", self.i)
            name = self.src[self.i + 2 : end] if end > 0 else ""
            if name not in self.names:
                raise self.error("backreference to undefined group name")
            self.i = end + 1
            self.backtracking_only = True
            return "", f"(?P={name})"
        item = self._char_escape(in_class=False)
        if isinstance(item, int):
            return _char(item, "re2", in_class=False), _char(item, "py", in_class=False)
        if isinstance(item, list):
            return _class(item, [], False, "re2"), _class(item, [], False, "py")
        return _class([], [item], False, "re2"), _class([], [item], False, "py")

    # -- classes ---------------------------------------------------------------------------------
    def _class(self) -> tuple[Ranges, list[tuple[bool, str, str]], bool]:
        self.i += 1
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        ranges: Ranges = []
        props: list[tuple[bool, str, str]] = []
        while True:
            c = self.peek()
            if not c:
                raise self.error("unterminated character class")
            if c == "]":
                self.i += 1
                return ranges, props, negated
            lo = self._class_atom(ranges, props)
            if lo is None:
                continue
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                save = self.i
                self.i += 1
                hi = self._class_atom(ranges, props)
                if hi is None:  # `[a-\d]` (Annex B): a, "-", and the set
                    ranges.append((lo, lo))
                    ranges.append((ord("-"), ord("-")))
                    continue
                if hi < lo:
                    self.i = save
                    raise self.error("range out of order in character class")
                ranges.append((lo, hi))
            else:
                ranges.append((lo, lo))

    def _class_atom(self, ranges: Ranges, props: list[tuple[bool, str, str]]) -> int | None:
        """One class atom: returns its code point, or adds a set/property and returns None."""
        c = self.peek()
        if c != "\\":
            self.i += 1
            return ord(c)
        self.i += 1
        item = self._char_escape(in_class=True)
        if isinstance(item, int):
            return item
        if isinstance(item, list):
            ranges.extend(item)
        else:
            props.append(item)
        return None
