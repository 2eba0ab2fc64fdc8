"""Stage 4: render the IR into files (path -> text). Pure: no I/O; formatting happens afterwards."""

from __future__ import annotations

import json
import re
from typing import Any

import jinja2

from codegen.ir import Api, Operation
from codegen.mock import MockOperation
from codegen.naming import is_identifier
from codegen.readers import reader
from codegen.validators import compile_api

HEADER = "generated from {spec} — do not edit"


def py(value: Any) -> str:
    """A Python literal for JSON-like data (deterministic; ruff re-formats it)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py(k)}: {py(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(py(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + "".join(f"{py(v)}, " for v in value) + ")"
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return f"float({str(value)!r})"
    return repr(value)


def _doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip().rstrip('"')


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("codegen", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - renders Python source, not HTML
    )
    env.filters["py"] = py
    env.filters["dict"] = dict
    env.filters["doc"] = _doc
    env.filters["oneline"] = lambda s: " ".join(str(s).split())
    env.filters["optional"] = lambda t: (
        t if t == "Any" or t.endswith("| None") or t == "None" else f"{t} | None"
    )
    env.tests["pyname"] = is_identifier
    return env


def _typing_names(text: str) -> list[str]:
    return [
        n for n in ("Any", "Literal", "NotRequired", "TypeAlias", "TypedDict") if re.search(rf"\b{n}\b", text)
    ]


def emit(
    api: Api,
    spec_name: str,
    docs_spec: bool = True,
    docs_page: bool = True,
    mocks: dict[str, MockOperation] | None = None,
) -> dict[str, str]:
    """`mocks` (`--mock`): canned answers of operations without a handler (codegen/mock.py)."""
    env = _environment()
    header = HEADER.format(spec=spec_name)
    files: dict[str, str] = {}
    files["__init__.py"] = (
        f'# {header}\n"""Code generated from {spec_name}: routes, operations, models, schemas."""\n'
    )
    files["operations/__init__.py"] = f'# {header}\n"""One module per operation, imported on first call."""\n'
    files["routes.py"] = env.get_template("routes.py.jinja").render(
        api=api, header=header, docs={"spec": docs_spec, "page": docs_page}, cors=_cors_paths(api)
    )
    compiled = compile_api(api)
    files["validators/__init__.py"] = (
        f'# {header}\n"""Compiled validators of the component schemas: one module per schema and variant '
        '(q: request, qd: request with defaults, s: response), imported on first use."""\n'
    )
    for name, source in compiled.modules.items():
        files[f"validators/{name}"] = f"# {header}\n" + source
    operation = env.get_template("operation.py.jinja")
    for op in api.operations:
        typed = op.has_handler and (bool(op.parameters) or op.body is not None or bool(op.security))
        types = " ".join([p.py_type for p in op.parameters] + ([op.body.py_type] if op.body else []))
        runtime_names = ["Operation"]
        runtime_names += ["Body", "Media"] if op.body is not None else []
        runtime_names += (
            ["Encoding"] if op.body is not None and any(m.encoding for m in op.body.media) else []
        )
        runtime_names += ["HeaderSpec"] if any(r.headers for r in op.responses) else []
        runtime_names += ["Param"] if op.parameters else []
        runtime_names += ["ResponseSpec"] if op.responses else []
        runtime_names += ["Segment"] if op.segments else []
        mocked = (mocks or {}).get(op.py_name) if not op.has_handler else None
        mock = mocked.success if mocked is not None else None
        if mock is not None and mock.source == "unsatisfiable":
            mock = None  # nothing valid could be synthesized: answers 501 like --stub (reported)
        files[f"operations/{op.py_name}.py"] = operation.render(
            mock=mock,
            mock_errors=mocked.errors if mocked is not None and any(a for _, a in mocked.errors) else (),
            api=api,
            op=op,
            header=header,
            handled=op.has_handler,
            v=compiled.operations[op.py_name],
            reader=reader(op, compiled.operations[op.py_name].params, py),
            typed=typed,
            uses_models=typed and "models." in types,
            typing_imports=[
                n
                for n, used in (
                    ("TYPE_CHECKING", typed and "models." in types),
                    ("Any", True),
                    ("Literal", typed and "Literal[" in types),
                )
                if used
            ],
            runtime_names=sorted(runtime_names),
            schemes={
                s.name: f"Scheme({s.name!r}, {s.kind!r}, {s.location!r}, {s.param!r})"
                for s in api.security_schemes
            },
        )
    body = env.get_template("models.py.jinja").render(api=api, header=header, typing_names=[])
    files["models.py"] = env.get_template("models.py.jinja").render(
        api=api, header=header, typing_names=_typing_names(body.split('"""', 2)[-1])
    )
    files["openapi.json"] = _json({"x-generated": header, **api.bundled_spec})
    return files


_METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")


def _cors_paths(api: Api) -> list[dict[str, Any]]:
    """Per Chalice route, what CORS needs (chalicelib/runtime/cors.py): the methods the spec declares
    (OPTIONS added), the request headers its operations read (header parameters, api keys in headers,
    Authorization for http/oauth2 schemes) and the response headers they declare (to expose)."""
    schemes = {s.name: s for s in api.security_schemes}
    by_path: dict[str, list[Operation]] = {}
    for op in api.operations:
        by_path.setdefault(op.chalice_path, []).append(op)
    rows = []
    for path, ops in sorted(by_path.items()):
        methods = {op.method for op in ops} | {"OPTIONS"}
        headers = {p.name for op in ops for p in op.parameters if p.location == "header"}
        for op in ops:
            for requirement in op.security or ():
                for name, _ in requirement:
                    scheme = schemes.get(name)
                    if scheme is not None and scheme.kind == "apiKey" and scheme.location == "header":
                        headers.add(scheme.param)
                    elif scheme is not None and scheme.kind in ("basic", "bearer"):
                        headers.add("Authorization")
        expose = {
            h.name for op in ops for r in op.responses for h in r.headers if h.name.lower() != "content-type"
        }
        rows.append(
            {
                "path": path,
                "methods": tuple(sorted(methods, key=lambda m: (*_METHOD_ORDER, m).index(m))),
                "headers": tuple(sorted(headers, key=str.lower)),
                "expose": tuple(sorted(expose, key=str.lower)),
                "own_options": any(op.method == "OPTIONS" for op in ops),
            }
        )
    return rows


def _json(data: Any) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
