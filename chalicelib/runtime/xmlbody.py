"""XML request bodies: parsed with expat and mapped to the data their schema describes, by the rules of the
OpenAPI XML Object, so the schema's validator can check them (runtime/bodies.py).

Imported only when a request brings an XML body that its operation declares (`Media.shape` is
`{"xml": plan}`, written by codegen), so an app without XML bodies never loads expat.

The mapping (`plan`: the build-time shape of the schema, each level with its XML Object as "xml"):
- the root element is the body; its name is checked only against an explicit `xml.name`;
- an object property is the first child element named `xml.name` or the property name, or, with
  `xml.attribute`, the attribute of that name; child elements no property claims are additional
  properties (repeated names: a list);
- an array property is, with `xml.wrapped`, every element inside the wrapper element (named as the
  property), else every child element named as its items (`items.xml.name`, else the property name);
  an array body is every child element of the root;
- text is coerced to the schema's type as parameters are (runtime/params.py: `true`, `12`, `null`...);
  `xsi:nil="true"` is null.
Names match on their local part (namespaces and prefixes are not checked).

Safety: no DTD is accepted (so no entity expansion, internal or external, and nothing is fetched),
nesting is limited, and the body is at most 6 MB (runtime/pipeline.py) before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.parsers import expat

from chalicelib.runtime.params import CoercionError, coerce_scalar
from chalicelib.runtime.problem import ProblemError, Violation

Plan = Mapping[str, Any]

MAX_DEPTH = 64
_XSI_NIL = "http://www.w3.org/2001/XMLSchema-instance nil"


class _Refused(Exception):
    pass


class Element:
    """One parsed element: local name, attributes by local name, child elements, text."""

    __slots__ = ("attributes", "children", "name", "nil", "text")

    def __init__(self, name: str, attributes: dict[str, str], nil: bool) -> None:
        self.name = name
        self.attributes = attributes
        self.nil = nil
        self.children: list[Element] = []
        self.text: list[str] = []


def _local(name: str) -> str:
    return name.rpartition(" ")[2]  # expat spells a namespaced name "uri local"


def parse(raw: bytes, charset: str | None = None) -> Element:
    """The root element of a well-formed XML document; ValueError (with expat's message) otherwise, and
    a 415 for a charset nothing can decode."""
    parser = expat.ParserCreate(charset or None, " ")  # the HTTP charset, if any, wins (RFC 7303)
    stack: list[Element] = []
    roots: list[Element] = []

    def start(name: str, attributes: list[str] | dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise _Refused(f"elements are nested deeper than {MAX_DEPTH} levels")
        pairs = attributes if isinstance(attributes, dict) else {}  # a dict: ordered_attributes is off
        nil = pairs.get(_XSI_NIL) in ("true", "1")
        element = Element(_local(name), {_local(k): v for k, v in pairs.items()}, nil)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(_name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].text.append(data)

    def doctype(*_args: object) -> None:
        raise _Refused("a document type declaration (DTD) is not accepted")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        raise ValueError(
            f"malformed XML: {expat.ErrorString(exc.code)} at line {exc.lineno} column {exc.offset + 1}"
        ) from None
    except _Refused as exc:
        raise ValueError(str(exc)) from None
    except LookupError:  # as for every text body (runtime/bodies.py)
        raise ProblemError(415, f"Unknown charset {charset!r}.") from None
    return roots[0]


def read_xml(raw: bytes, charset: str | None, plan: Plan) -> tuple[Any, list[Violation]]:
    """The body's data as its schema describes it (`plan` empty: only well-formedness is checked, the
    value is None), and what could not be read."""
    try:
        root = parse(raw, charset)
    except ValueError as exc:
        return None, [Violation("body", "", str(exc), "parse")]
    if not plan:
        return None, []
    problems: list[Violation] = []
    expected = (plan.get("xml") or {}).get("name")
    if expected is not None and root.name != expected:
        problems.append(
            Violation("body", "", f"the root element is <{root.name}>; expected <{expected}>", "xml")
        )
    return _value(root, plan, "", problems), problems


def _types(plan: Plan) -> list[str]:
    return [t for t in plan.get("type") or () if t != "null"]


def _value(element: Element, plan: Plan, pointer: str, problems: list[Violation]) -> Any:
    if element.nil:
        return None
    types = _types(plan)
    untyped_data = not types and ("properties" in plan or bool(element.children or element.attributes))
    structured = types == ["array"] or "object" in types or untyped_data
    text = "".join(element.text)
    if structured and text.strip():  # text where elements are expected: the validator reports the type
        return text
    if types == ["array"]:
        item = plan.get("items") or {}
        return [_value(child, item, f"{pointer}/{i}", problems) for i, child in enumerate(element.children)]
    if structured:
        return _object(element, plan, pointer, problems)
    if element.children:  # elements where the schema wants text: the validator reports the type
        return _generic(element)
    return _scalar(text, plan, element.name, pointer, problems)


def _scalar(text: str, plan: Plan, name: str, pointer: str, problems: list[Violation]) -> Any:
    if "string" not in (plan.get("type") or ["string"]) and "anyOf" not in plan:
        text = text.strip()  # surrounding whitespace of a number or boolean is layout
    try:
        return coerce_scalar(text, plan)
    except CoercionError as exc:
        problems.append(Violation("body", pointer, f"<{name}>: {exc}", "parse"))
        return text


def _generic(element: Element) -> Any:
    """An element read without a schema: its text, or its children by name (repeated names: a list)."""
    if not element.children:
        return "".join(element.text)
    out: dict[str, Any] = {}
    for child in element.children:
        _collect(out, child.name, _generic(child))
    return out


def _collect(out: dict[str, Any], name: str, value: Any) -> None:
    """Add a child's value under its name; a name seen again makes (or extends) a list."""
    if name in out:
        previous = out[name]
        out[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
    else:
        out[name] = value


def _properties(plan: Plan) -> Mapping[str, Plan]:
    props: dict[str, Plan] = dict(plan.get("properties") or {})
    for option in plan.get("anyOf") or ():  # oneOf/anyOf of objects: any alternative's properties
        for name, sub in (option.get("properties") or {}).items():
            props.setdefault(name, sub)
    return props


def _object(element: Element, plan: Plan, pointer: str, problems: list[Violation]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    claimed: set[int] = set()
    for name, sub in _properties(plan).items():
        xml = sub.get("xml") or {}
        tag = xml.get("name") or name
        where = f"{pointer}/{name.replace('~', '~0').replace('/', '~1')}"
        if xml.get("attribute"):
            if tag in element.attributes:
                out[name] = _scalar(element.attributes[tag], sub, tag, where, problems)
            continue
        if _types(sub) == ["array"]:
            item = sub.get("items") or {}
            if xml.get("wrapped"):
                wrappers = [i for i, c in enumerate(element.children) if c.name == tag and i not in claimed]
                if wrappers:
                    claimed.add(wrappers[0])
                    wrapper = element.children[wrappers[0]]
                    out[name] = _value(wrapper, sub, where, problems)
                continue
            item_tag = (item.get("xml") or {}).get("name")
            names = {item_tag} if item_tag else {name, tag}
            found = [i for i, c in enumerate(element.children) if c.name in names and i not in claimed]
            if found:
                claimed.update(found)
                out[name] = [
                    _value(element.children[i], item, f"{where}/{n}", problems) for n, i in enumerate(found)
                ]
            continue
        found = [i for i, c in enumerate(element.children) if c.name == tag and i not in claimed]
        if len(found) > 1:
            problems.append(
                Violation("body", where, f"<{tag}> appears {len(found)} times; it holds one value", "parse")
            )
        if found:
            claimed.update(found)
            out[name] = _value(element.children[found[0]], sub, where, problems)
    extra = plan.get("additional") or {}
    for i, child in enumerate(element.children):
        if i in claimed:
            continue
        value = _value(child, extra, f"{pointer}/{child.name}", problems) if extra else _generic(child)
        _collect(out, child.name, value)
    return out
