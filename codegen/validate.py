"""Stage 1b: validate the document with openapi-spec-validator, reporting every error with its location.

openapi-spec-validator is slow on large specs (seconds for a 1 MB document), so the pipeline runs it in a
forked process while the main process resolves, builds and emits, and remembers documents already found
valid by content hash (see `ValidationCache`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import multiprocessing
import multiprocessing.connection
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from codegen.errors import pointer

# openapi-spec-validator picks jsonschema-rs when it is installed (schemathesis brings it along): its
# messages differ and, measured on discord-v10, it is slower here. Pin the backend so the problems codegen
# reports do not depend on what else is installed (an explicit setting in the environment still wins).
os.environ.setdefault("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND", "jsonschema")

RawError = tuple[str, str]  # (JSON pointer, message)
CRASHED = "openapi-spec-validator could not check this document"


def _node_pointer(node: object) -> str | None:
    parts = getattr(node, "parts", None)
    if parts is None:
        return None
    return pointer(*parts)


def _locating(cls: type[Any]) -> type[Any]:
    """Subclass a keyword validator so the errors it yields carry the document location of its node.

    openapi-spec-validator's keyword pass yields errors without a document path; the innermost keyword
    validator that yields an error knows which node it was looking at.
    """

    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    class Locating(cls):  # type: ignore[misc]  # mypy cannot subclass a class known only at run time
        def __call__(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
            where = next((p for p in map(_node_pointer, args) if p is not None), None)
            for err in super().__call__(*args, **kwargs):
                if not isinstance(err, OpenAPIValidationError):
                    # the library would re-wrap it later and lose our attribute; wrap it now
                    err = OpenAPIValidationError.create_from(err)
                if where is not None and getattr(err, "doc_pointer", None) is None:
                    err.doc_pointer = where
                yield err

    Locating.__name__ = cls.__name__
    return Locating


PARTS = ("schema", "keywords")


def iter_raw_errors(data: Any, base_uri: str, parts: tuple[str, ...] = PARTS) -> Iterator[RawError]:
    """Every error openapi-spec-validator finds, as (pointer, message); 3.0 and 3.1 auto-detected.

    Its two passes can run apart (`parts`): "schema" checks the document against the OpenAPI JSON Schema,
    "keywords" walks it for semantic errors (unresolved path parameters, duplicate operationIds,
    invalid defaults…). Together they are exactly `validator.iter_errors()`.
    """
    from openapi_spec_validator.validation.validators import (
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
    )

    version = str(data.get("openapi", "")) if isinstance(data, dict) else ""
    if isinstance(data, dict) and "swagger" in data and not version:
        yield (
            "/swagger",
            f"this is a Swagger {data['swagger']} document; convert it to OpenAPI 3.0 or 3.1 first",
        )
        return
    if not version.startswith(("3.0", "3.1")):
        yield ("/openapi", f"unsupported or missing OpenAPI version {version!r}: expected 3.0.x or 3.1.x")
        return
    base = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    located = type(
        base.__name__,
        (base,),
        {"keyword_validators": {k: _locating(v) for k, v in base.keyword_validators.items()}},
    )
    validator = located(data, base_uri=base_uri)
    seen: set[RawError] = set()

    def passes() -> Iterator[Any]:
        if "schema" in parts:
            yield from validator.schema_validator.iter_errors(validator.schema)
        if "keywords" in parts:
            yield from validator.root_validator(validator.schema_path)

    try:
        for err in passes():
            where = getattr(err, "doc_pointer", None)
            if where is None:
                where = pointer(*err.absolute_path) if err.absolute_path else ""
            item = (where, err.message)
            if item not in seen:
                seen.add(item)
                yield item
    except Exception as exc:  # noqa: BLE001 - the validator can trip over a broken document
        if not seen:
            yield ("", f"{CRASHED}: {exc!r}")


class ValidationCache:
    """Content-hash memo of documents found valid, so regenerating an unchanged spec skips the slow pass."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    @staticmethod
    def key(texts: list[str]) -> str:
        digest = hashlib.sha256()
        digest.update(importlib.metadata.version("openapi-spec-validator").encode())
        for text in texts:
            digest.update(b"\0")
            digest.update(text.encode("utf-8"))
        return digest.hexdigest()

    def is_known_valid(self, key: str) -> bool:
        return self.directory is not None and (self.directory / f"valid-{key}").exists()

    def remember_valid(self, key: str) -> None:
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / f"valid-{key}").touch()
        except OSError:
            pass  # a cache that cannot be written is only slower


class BackgroundValidation:
    """Run the validator's two passes in two forked children, in parallel with the parent's own work.

    Forking shares the parent's parsed document (nothing is pickled but the errors coming back).
    """

    def __init__(self, data: Any, base_uri: str) -> None:
        ctx = multiprocessing.get_context("fork")
        self._jobs = []
        for part in PARTS:
            receiver, sender = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(sender, data, base_uri, part), daemon=True)
            process.start()
            sender.close()
            self._jobs.append((receiver, process))

    def result(self) -> list[RawError]:
        errors: list[RawError] = []
        for receiver, process in self._jobs:
            try:
                errors += receiver.recv()
            except EOFError:
                errors.append(("", "openapi-spec-validator crashed while checking this document"))
            process.join()
        return list(dict.fromkeys(errors))


def _child(sender: multiprocessing.connection.Connection, data: Any, base_uri: str, part: str) -> None:
    sender.send(list(iter_raw_errors(data, base_uri, (part,))))
    sender.close()


def run_validation(data: Any, base_uri: str, background: bool) -> Callable[[], list[RawError]]:
    """Start validating; the returned function waits for and returns the errors."""
    if background:
        job = BackgroundValidation(data, base_uri)
        return job.result
    errors = list(iter_raw_errors(data, base_uri))
    return lambda: errors
