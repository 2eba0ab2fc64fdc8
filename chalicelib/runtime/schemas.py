"""Schema validation at request time.

Schemas arrive as literals built by codegen: self-contained JSON Schema (draft 4 for OAS 3.0, 2020-12 for
OAS 3.1) whose `$ref`s point into one components resource shipped as JSON beside the generated code.
Nothing is loaded or built until an operation first needs it, and each validator is built once.
"""

from __future__ import annotations

import json
import reprlib
from pathlib import Path
from typing import Any

from chalicelib.runtime.problem import Violation

COMPONENTS_URI = "urn:openapi-chalice:components"
_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60


class SchemaSet:
    def __init__(self, components_path: Path, dialect: str) -> None:
        self._path = components_path
        self.dialect = dialect
        self._registry: Any = None
        self._validators: dict[int, Any] = {}

    def _validator_class(self) -> Any:
        import jsonschema

        return jsonschema.Draft202012Validator if self.dialect == "2020-12" else jsonschema.Draft4Validator

    def _load_registry(self) -> Any:
        from referencing import Registry
        from referencing.jsonschema import DRAFT4, DRAFT202012

        spec = DRAFT202012 if self.dialect == "2020-12" else DRAFT4
        with self._path.open(encoding="utf-8") as fh:
            document = json.load(fh)  # {"$defs": {name: schema}}
        return Registry().with_resource(COMPONENTS_URI, spec.create_resource(document))

    def validator(self, schema: Any) -> Any:
        key = id(schema)
        found = self._validators.get(key)
        if found is None:
            cls = self._validator_class()
            if self._registry is None and _has_ref(schema):
                self._registry = self._load_registry()
            kwargs = {"registry": self._registry} if self._registry is not None else {}
            found = cls(schema, format_checker=cls.FORMAT_CHECKER, **kwargs)
            self._validators[key] = (found, schema)  # keep `schema` alive so its id stays unique
            return found
        return found[0]

    def violations(self, schema: Any, instance: Any, location: str, prefix: str = "") -> list[Violation]:
        """Every way `instance` breaks `schema`, located under `prefix` (e.g. "/limit" for a parameter)."""
        if schema is None or schema is True:
            return []
        result = []
        for err in self.validator(schema).iter_errors(instance):
            ptr = prefix + "".join(
                "/" + str(p).replace("~", "~0").replace("/", "~1") for p in err.absolute_path
            )
            result.append(Violation(location, ptr, _message(err), str(err.validator)))
        return result


def _message(err: Any) -> str:
    if err.validator in ("oneOf", "anyOf", "not", "enum", "const", "type", "format"):
        # jsonschema repeats the whole instance in these messages; keep it short
        text = str(err.message)
        instance = repr(err.instance)
        if instance in text and len(instance) > 60:
            text = text.replace(instance, _short.repr(err.instance))
        return text
    return str(err.message)


def _has_ref(schema: Any) -> bool:
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "$ref" in node:
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
