"""Stage 3: build the typed IR from a validated spec. Problems are collected, never raised one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from codegen.errors import SpecProblem, pointer
from codegen.handlers import HandlerModule
from codegen.ir import (
    Api,
    Encoding,
    Header,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Requirement,
    Response,
    Route,
    SecurityScheme,
    Segment,
)
from codegen.naming import UniqueNames, is_identifier, pascal, snake
from codegen.resolve import Located, Resolver, SchemaBundle, bundle
from codegen.types import TypeMapper, build_models, union

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_ROUTABLE = {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH"}
_PARAM = re.compile(r"\{([^{}]+)\}")
_DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}


def is_json(media: str) -> bool:
    base = media.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def _body_type(media: str, schema_type: str) -> str:
    base = media.split(";", 1)[0].strip().lower()
    if is_json(base):
        return schema_type
    if base.startswith("text/"):
        return "str"
    if base == "application/x-www-form-urlencoded":
        return "dict[str, Any]"
    return "bytes"


@dataclass
class Options:
    package: str
    handlers_package: str
    handlers: dict[str, HandlerModule]


@dataclass
class _RawOp:
    path: str
    method: str
    node: Located
    path_params: list[Located]


@dataclass
class Builder:
    resolver: Resolver
    options: Options
    problems: list[SpecProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        data = self.resolver.root.data
        self.openapi_31 = str(data.get("openapi", "")).startswith("3.1")
        self.bundle = SchemaBundle(self.resolver, self.openapi_31)
        self.types = TypeMapper(self.resolver, self.openapi_31, prefix="models.")
        self.root = Located(data, self.resolver.root_uri, "")

    def error(self, node: Located, message: str) -> None:
        self.resolver.problem(node.uri, node.ptr, message)

    # -- top level -------------------------------------------------------------------------------
    def build(self) -> Api:
        data = self.root.value
        raw_ops = self._collect()
        components = self._component_schemas()
        bodies = [
            (pascal(self._op_name(raw)) + "Body", body)
            for raw in raw_ops
            for body in self._json_body_schemas(raw)
        ]
        model_mapper = TypeMapper(self.resolver, self.openapi_31)
        models, body_models = build_models(model_mapper, components, bodies)
        self.types.model_names = dict(model_mapper.model_names)
        self._body_models = body_models

        self._schemes = self._security_schemes()
        py_names = UniqueNames()
        operations = [self._operation(raw, py_names) for raw in raw_ops]
        routes, operations = self._routes(operations)
        self.bundle.finish()
        info = data.get("info") or {}
        ignored = []
        for name in data.get("webhooks") or {}:
            ignored.append(f"webhook {name!r}: webhooks are sent by the API, not routed")
        for op in raw_ops:
            for name in op.node.value.get("callbacks") or {}:
                ignored.append(f"callback {name!r} of {op.method.upper()} {op.path}: not routed")
        return Api(
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            openapi=str(data.get("openapi")),
            dialect=self.bundle.dialect,
            package=self.options.package,
            handlers_package=self.options.handlers_package,
            operations=tuple(operations),
            routes=tuple(routes),
            binary_types=_binary_types(operations),
            models=tuple(models),
            components=self.bundle.components,
            bundled_spec=bundle(self.resolver),
            ignored=tuple(ignored),
            security_schemes=tuple(
                self._schemes[name]
                for name in sorted({n for op in operations for alt in op.security or () for n, _ in alt})
            ),
        )

    def _collect(self) -> list[_RawOp]:
        paths = self.root.value.get("paths") or {}
        ops = []
        for path in paths:
            item = self.resolver.deref(self.resolver.child(self.root, "paths", path))
            if item is None or not isinstance(item.value, dict):
                continue
            shared = [
                p
                for i in range(len(item.value.get("parameters") or []))
                if (p := self.resolver.deref(self.resolver.child(item, "parameters", i))) is not None
            ]
            for method in METHODS:
                if isinstance(item.value.get(method), dict):
                    ops.append(_RawOp(path, method, self.resolver.child(item, method), shared))
        return ops

    def _component_schemas(self) -> list[Located]:
        schemas = (self.root.value.get("components") or {}).get("schemas") or {}
        return [self.resolver.child(self.root, "components", "schemas", name) for name in schemas]

    def _json_body_schemas(self, raw: _RawOp) -> list[Located]:
        body = raw.node.value.get("requestBody")
        if body is None:
            return []
        node = self.resolver.deref(self.resolver.child(raw.node, "requestBody"))
        if node is None:
            return []
        content = node.value.get("content") or {}
        return [
            self.resolver.child(node, "content", m, "schema")
            for m in content
            if is_json(m) and "schema" in content[m]
        ]

    def _op_name(self, raw: _RawOp) -> str:
        op_id = raw.node.value.get("operationId")
        if isinstance(op_id, str) and op_id.strip():
            return op_id
        return f"{raw.method} {raw.path}"

    # -- operations ------------------------------------------------------------------------------
    def _operation(self, raw: _RawOp, py_names: UniqueNames) -> Operation:
        value = raw.node.value
        op_id = value.get("operationId") if isinstance(value.get("operationId"), str) else None
        py_name = py_names.claim(snake(self._op_name(raw)))
        tags = value.get("tags") or []
        tag_module = snake(str(tags[0])) if tags else "default"
        method = raw.method.upper()
        if method not in _ROUTABLE:
            self.error(
                raw.node, f"API Gateway cannot route {method}; remove the operation or use another method"
            )
        security = self._security(raw)
        reserved = {"body"} if value.get("requestBody") is not None else set()
        if security:
            reserved.add("principal")  # the handler's authenticated caller (codegen/handlers.py)
        kwargs = UniqueNames(reserved)
        params = self._parameters(raw, kwargs)
        body = self._request_body(raw, py_name, kwargs)
        responses = self._responses(raw)
        chalice_path, segments, weight = self._segments(raw)
        module = self.options.handlers.get(tag_module)
        return Operation(
            operation_id=op_id,
            py_name=py_name,
            method=method,
            path=raw.path,
            pointer=raw.node.ptr,
            tag_module=tag_module,
            summary=str(value.get("summary") or ""),
            deprecated=bool(value.get("deprecated")),
            parameters=params,
            body=body,
            responses=responses,
            success_status=_success_status(responses),
            chalice_path=chalice_path,
            segments=segments,
            literal_weight=weight,
            has_handler=module is not None and py_name in module.functions,
            security=security,
        )

    # -- security ----------------------------------------------------------------------------------
    def _security_schemes(self) -> dict[str, SecurityScheme]:
        components = self.root.value.get("components") or {}
        found: dict[str, SecurityScheme] = {}
        for name in components.get("securitySchemes") or {}:
            node = self.resolver.deref(self.resolver.child(self.root, "components", "securitySchemes", name))
            value = node.value if node is not None and isinstance(node.value, dict) else {}
            kind = value.get("type")
            if kind == "apiKey":
                found[name] = SecurityScheme(
                    name, "apiKey", str(value.get("in", "")), str(value.get("name", ""))
                )
            elif kind == "http" and str(value.get("scheme", "")).lower() in ("basic", "bearer"):
                found[name] = SecurityScheme(name, str(value["scheme"]).lower())
            elif kind in ("oauth2", "openIdConnect"):
                found[name] = SecurityScheme(name, "bearer")
            else:  # mutualTLS, http digest…: nothing here can verify them, so they never hold
                found[name] = SecurityScheme(name, "other")
        return found

    def _security(self, raw: _RawOp) -> tuple[Requirement, ...] | None:
        """The operation's `security`, else the document's; every scheme named must be declared."""
        if "security" in raw.node.value:
            node = self.resolver.child(raw.node, "security")
        elif "security" in self.root.value:
            node = self.resolver.child(self.root, "security")
        else:
            return None
        if not isinstance(node.value, list):
            return None
        alternatives: list[Requirement] = []
        for i, requirement in enumerate(node.value):
            if not isinstance(requirement, dict):
                continue
            uses = []
            for name, scopes in requirement.items():
                if name not in self._schemes:
                    # the spec is at fault (OAS: the name MUST be declared); fail closed, not at build time
                    where = self.resolver.child(node, i, name)
                    self.resolver.problem(
                        where.uri,
                        where.ptr,
                        f"security requirement names {name!r}, which components.securitySchemes does not "
                        "declare: no credential can satisfy it (401)",
                        level="warning",
                    )
                    self._schemes[str(name)] = SecurityScheme(str(name), "other")
                uses.append((str(name), tuple(str(s) for s in scopes or ())))
            alternatives.append(tuple(uses))
        return tuple(alternatives)

    def _parameters(self, raw: _RawOp, kwargs: UniqueNames) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], Located] = {}
        own = [
            p
            for i in range(len(raw.node.value.get("parameters") or []))
            if (p := self.resolver.deref(self.resolver.child(raw.node, "parameters", i))) is not None
        ]
        for node in [*raw.path_params, *own]:  # operation-level parameters override path-level ones
            if isinstance(node.value, dict) and "name" in node.value and "in" in node.value:
                location = str(node.value["in"])
                name = str(node.value["name"]).lower() if location == "header" else str(node.value["name"])
                merged[(location, name)] = node
        order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        nodes = sorted(merged.values(), key=lambda n: order.get(str(n.value["in"]), 4))
        # a parameter's kwarg is its snake_case name; on a clash the later one gets its location appended
        result = []
        for node in nodes:
            result.append(self._parameter(node, kwargs))
        return tuple(result)

    def _parameter(self, node: Located, kwargs: UniqueNames) -> Parameter:
        value = node.value
        location = str(value["in"])
        name = str(value["name"])
        schema_node: Located | None = None
        content_type = None
        if "schema" in value:
            schema_node = self.resolver.child(node, "schema")
        elif isinstance(value.get("content"), dict) and value["content"]:
            content_type = next(iter(value["content"]))
            media = value["content"][content_type]
            if isinstance(media, dict) and "schema" in media:
                schema_node = self.resolver.child(node, "content", content_type, "schema")
        wanted = snake(name)
        kwarg = kwargs.claim(wanted if wanted not in kwargs else f"{wanted}_{location}")
        schema = self.bundle.convert(schema_node) if schema_node is not None else None
        py_type = self.types.annotation(schema_node) if schema_node is not None else "str"
        default_missing = object()
        default = _schema_default(self.resolver, schema_node, default_missing)
        style = str(value.get("style") or _DEFAULT_STYLE.get(location, "simple"))
        return Parameter(
            name=name,
            location=location,
            kwarg=kwarg,
            required=bool(value.get("required")) or location == "path",
            schema=schema,
            py_type=py_type,
            style=style,
            explode=bool(value.get("explode", style == "form")),
            has_default=default is not default_missing,
            default=None if default is default_missing else default,
            deprecated=bool(value.get("deprecated")),
            content_type=content_type,
            shape=self.shape(schema_node),
            allow_empty=bool(value.get("allowEmptyValue")),
        )

    def _resolved(self, node: Located | None) -> Located | None:
        for _ in range(16):
            if (
                node is None
                or not isinstance(node.value, dict)
                or not isinstance(node.value.get("$ref"), str)
            ):
                return node
            node = self.resolver.lookup(node.value["$ref"], node.uri)
        return None

    def shape(self, node: Located | None, depth: int = 0, xml: bool = False) -> dict[str, Any]:
        """The coercion plan for strings that carry this schema's values (parameters, form fields,
        headers): JSON types in play, item/property plans, alternatives. Refs and allOf are resolved.
        With `xml`, each level also carries its XML Object (`name`, `attribute`, `wrapped`) as "xml"."""
        own_xml = node.value.get("xml") if node is not None and isinstance(node.value, dict) else None
        node = self._resolved(node)
        if node is None or not isinstance(node.value, dict) or depth > 8:
            return {}
        schema = node.value
        out: dict[str, Any] = {}
        if xml:  # a $ref's sibling `xml` (OAS 3.1) before the referenced schema's own
            found = _xml_object(own_xml) or _xml_object(schema.get("xml"))
            if found:
                out["xml"] = found
        declared = schema.get("type")
        types = [str(t) for t in (declared if isinstance(declared, list) else [declared]) if t]
        if not self.openapi_31 and schema.get("nullable") is True and types:
            types.append("null")
        for i, _ in enumerate(schema.get("allOf") or []):
            part = self.shape(self.resolver.child(node, "allOf", i), depth + 1, xml)
            types = types or part.get("type", [])
            for key in ("items", "additional", "binary", "xml"):
                if key in part and key not in out:
                    out[key] = part[key]
            if "properties" in part:
                out["properties"] = {**part["properties"], **out.get("properties", {})}
        if not types and "properties" in schema:
            types = ["object"]
        if not types and "items" in schema:
            types = ["array"]
        if types:
            out["type"] = list(dict.fromkeys(types))
        if "array" in types and isinstance(schema.get("items"), dict):
            out["items"] = self.shape(self.resolver.child(node, "items"), depth + 1, xml)
        if isinstance(schema.get("properties"), dict):
            props = {
                name: self.shape(self.resolver.child(node, "properties", name), depth + 1, xml)
                for name in schema["properties"]
            }
            out["properties"] = {**out.get("properties", {}), **props}
        extra = schema.get("additionalProperties", True)
        if isinstance(extra, dict):
            out["additional"] = self.shape(self.resolver.child(node, "additionalProperties"), depth + 1, xml)
        elif extra is not False and "object" in types:
            out["additional"] = {}
        if not types:
            for key in ("oneOf", "anyOf"):
                parts = schema.get(key)
                if isinstance(parts, list) and parts:
                    out["anyOf"] = [
                        self.shape(self.resolver.child(node, key, i), depth + 1, xml)
                        for i in range(len(parts))
                    ]
                    merged = _merged_properties(out["anyOf"])
                    if merged:
                        out["properties"] = merged
                    break
        if schema.get("format") == "binary" or "contentMediaType" in schema or "contentEncoding" in schema:
            out["binary"] = True
        return out

    def _request_body(self, raw: _RawOp, py_name: str, kwargs: UniqueNames) -> RequestBody | None:
        if raw.node.value.get("requestBody") is None:
            return None
        node = self.resolver.deref(self.resolver.child(raw.node, "requestBody"))
        if node is None or not isinstance(node.value, dict):
            return None
        media = []
        for name in node.value.get("content") or {}:
            media.append(self._media(self.resolver.child(node, "content", name), name, request=True))
        return RequestBody(
            required=bool(node.value.get("required")),
            kwarg="body",
            media=tuple(media),
            py_type=union(m.py_type for m in media) if media else "bytes",
        )

    def _media(self, node: Located, name: str, request: bool = False) -> MediaType:
        has_schema = isinstance(node.value, dict) and "schema" in node.value
        schema_node = self.resolver.child(node, "schema") if has_schema else None
        schema = self.bundle.convert(schema_node) if schema_node is not None else None
        textual = self._textual_schema(schema_node)
        # an XML request body is parsed (runtime/xmlbody.py) and, when its schema describes data rather
        # than the text itself, mapped to that data by the XML Object rules, which the schema then checks
        xml = request and _is_xml(name)
        if schema is not None and not _structured_media(name) and not textual and not xml:
            # media the runtime passes through as text or bytes (XML responses among them): a schema of
            # objects or arrays describes a data model the runtime does not parse, so the raw text is not
            # checked against it (it used to be, and every XML body was a 400 "is not of type 'object'")
            schema = None
        schema_type = "Any"
        if schema_node is not None:
            model = self._body_models.get(f"{schema_node.uri}#{schema_node.ptr}")
            schema_type = f"models.{model}" if model else self.types.annotation(schema_node)
        form = name.split(";")[0].strip().lower() in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
        encoding = []
        if form and isinstance(node.value, dict):
            for prop, enc in (node.value.get("encoding") or {}).items():
                if not isinstance(enc, dict):
                    continue
                # "" = no explicit style: the property's contentType decides how it is read
                style = str(enc.get("style") or "")
                encoding.append(
                    (
                        str(prop),
                        Encoding(
                            style=style,
                            explode=bool(enc.get("explode", style in ("", "form"))),
                            content_type=str(enc["contentType"]) if enc.get("contentType") else None,
                        ),
                    )
                )
        shape = self.shape(schema_node) if form else None
        if xml:  # {"xml": plan}: parse this body; an empty plan checks well-formedness only (textual schema)
            shape = {"xml": {} if textual else self.shape(schema_node, xml=True)}
        return MediaType(
            name=name,
            schema=schema,
            py_type=_body_type(name, schema_type),
            shape=shape,
            encoding=tuple(encoding),
            examples=self._examples(node, schema_node),
        )

    def _textual_schema(self, node: Located | None) -> bool:
        """Whether the schema describes the raw text itself (a string, or no type at all)."""
        schema = self._resolved(node)
        if schema is None or not isinstance(schema.value, dict):
            return True
        declared = schema.value.get("type")
        types = declared if isinstance(declared, list) else [declared] if declared else []
        if types:
            return "string" in types
        return not any(k in schema.value for k in ("properties", "items", "allOf", "oneOf", "anyOf"))

    def _examples(self, node: Located, schema_node: Located | None) -> tuple[Any, ...]:
        """The spec's examples of a media type, in order: its `example`, its `examples` (Example
        objects, `$ref`s followed, `externalValue` skipped), then the schema's `example`/`examples`
        (through `$ref`s). Only `--mock` uses them; whether they are valid is checked there."""
        found: list[Any] = []
        value = node.value if isinstance(node.value, dict) else {}
        if "example" in value:
            found.append(value["example"])
        if isinstance(value.get("examples"), dict):
            for key in value["examples"]:
                example = self.resolver.deref(self.resolver.child(node, "examples", key))
                if example is not None and isinstance(example.value, dict) and "value" in example.value:
                    found.append(example.value["value"])
        schema = self._resolved(schema_node)
        if schema is not None and isinstance(schema.value, dict):
            if "example" in schema.value:
                found.append(schema.value["example"])
            if isinstance(schema.value.get("examples"), list):
                found.extend(schema.value["examples"])
        return tuple(found)

    def _responses(self, raw: _RawOp) -> tuple[Response, ...]:
        result = []
        responses = raw.node.value.get("responses") or {}
        for status in responses:
            node = self.resolver.deref(self.resolver.child(raw.node, "responses", status))
            if node is None or not isinstance(node.value, dict):
                continue
            media = tuple(
                self._media(self.resolver.child(node, "content", name), name)
                for name in node.value.get("content") or {}
            )
            headers = []
            for header_name in node.value.get("headers") or {}:
                header = self.resolver.deref(self.resolver.child(node, "headers", header_name))
                if header is None or not isinstance(header.value, dict):
                    continue
                schema = (
                    self.bundle.convert(self.resolver.child(header, "schema"))
                    if "schema" in header.value
                    else None
                )
                shape_node = self.resolver.child(header, "schema") if "schema" in header.value else None
                headers.append(
                    Header(
                        name=header_name,
                        required=bool(header.value.get("required")),
                        schema=schema,
                        shape=self.shape(shape_node),
                    )
                )
            result.append(
                Response(
                    status=str(status).upper() if str(status).lower() != "default" else "default",
                    description=str(node.value.get("description") or ""),
                    media=media,
                    headers=tuple(headers),
                )
            )
        return tuple(result)

    # -- paths and routes ------------------------------------------------------------------------
    def _segments(self, raw: _RawOp) -> tuple[str, tuple[Segment, ...], int]:
        """Normalized template (`{}` for captured segments), segment matchers, literal weight. A fragment
        (`/a#x`) is no part of the request target (RFC 3986 §3.5: clients never send it), so the
        operation is matched at `/a`."""
        path = _without_fragment(raw.path).rstrip("/") or "/"
        parts = path.strip("/").split("/") if path != "/" else []
        shape: list[str] = []
        segments: list[Segment] = []
        weight = 0
        for index, part in enumerate(parts):
            names = _PARAM.findall(part)
            literal = _PARAM.sub("", part)
            weight += len(literal)
            if not names:
                shape.append(part)
                continue
            shape.append("{}")
            whole = len(names) == 1 and part == "{" + names[0] + "}"
            regex = None
            if not whole:
                pieces = _PARAM.split(part)  # literal, name, literal, name, ..., literal
                out = []
                for i, piece in enumerate(pieces):
                    if i % 2 == 0:  # literals are matched against the raw (still encoded) segment
                        out.append(re.escape(quote(piece, safe="!$&'()*+,;=:@-._~")))
                    else:
                        last = i == len(pieces) - 2
                        out.append("(.+)" if last else "(.+?)")
                regex = "".join(out)
            segments.append(Segment(variable=str(index), regex=regex, params=tuple(names)))
        return "/" + "/".join(shape), tuple(segments), weight

    def _routes(self, operations: list[Operation]) -> tuple[list[Route], list[Operation]]:
        # Variable names are chosen per resource prefix, so every route through a prefix agrees on it
        # (API Gateway refuses sibling variables with different names).
        names_at: dict[tuple[str, ...], str] = {}
        for op in sorted(operations, key=lambda o: o.path):
            shape = op.chalice_path.strip("/").split("/") if op.chalice_path != "/" else []
            seg_iter = iter(op.segments)
            taken: set[str] = set()
            for i, part in enumerate(shape):
                if part != "{}":
                    continue
                seg = next(seg_iter)
                key = tuple(shape[: i + 1])
                if key not in names_at:
                    candidate = seg.params[0] if seg.regex is None and len(seg.params) == 1 else f"seg{i}"
                    candidate = candidate if is_identifier(candidate) else snake(candidate)
                    candidate = candidate.lstrip("_") or "p"  # "_" names are the routes module's own
                    used = {
                        names_at[tuple(shape[: j + 1])] for j in range(i) if tuple(shape[: j + 1]) in names_at
                    }
                    names_at[key] = UniqueNames(used).claim(candidate)
                taken.add(names_at[key])
        rebuilt = []
        for op in operations:
            shape = op.chalice_path.strip("/").split("/") if op.chalice_path != "/" else []
            seg_iter = iter(op.segments)
            new_shape, new_segments = [], []
            for i, part in enumerate(shape):
                if part == "{}":
                    var = names_at[tuple(shape[: i + 1])]
                    seg = next(seg_iter)
                    new_segments.append(Segment(variable=var, regex=seg.regex, params=seg.params))
                    new_shape.append("{" + var + "}")
                else:
                    new_shape.append(part)
            rebuilt.append(_replace(op, chalice_path="/" + "/".join(new_shape), segments=tuple(new_segments)))
        groups: dict[tuple[str, str], list[Operation]] = {}
        for op in rebuilt:
            groups.setdefault((op.chalice_path, op.method), []).append(op)
        routes = []
        views = UniqueNames({"blueprint", "docs_blueprint", "OPERATIONS", "BINARY_TYPES"})
        for (chalice_path, method), ops in groups.items():
            # stable: spec order among equals, an operation whose path has no fragment before those with one
            ordered = sorted(ops, key=lambda o: (-o.literal_weight, _has_fragment(o.path)))
            seen: dict[tuple[Any, ...], Operation] = {}
            served: list[Operation] = []
            for op in ordered:
                shape_key = tuple((s.regex, len(s.params)) for s in op.segments)
                other = seen.get(shape_key)
                if other is None:
                    seen[shape_key] = op
                    served.append(op)
                elif _has_fragment(op.path):
                    # `/a#x` is the request `/a`: the operation declared at `/a` itself serves it, else the
                    # first (in document order) of the operations whose paths differ only in the fragment
                    where = Located(None, self.resolver.root_uri, op.pointer)
                    self.resolver.problem(
                        where.uri,
                        where.ptr,
                        f"{method} {op.path} is not routed: a URL fragment is never sent (RFC 3986 §3.5), so "
                        f"it is the request {method} {_without_fragment(op.path)}, which {method} {other.path} "
                        "serves",
                        level="warning",
                    )
                else:
                    where = Located(None, self.resolver.root_uri, op.pointer)
                    self.error(
                        where,
                        f"{method} {op.path} collides with {method} {other.path}: both map to the Chalice "
                        f"route {chalice_path} and no request could tell them apart",
                    )
            variables = tuple(s.variable for s in served[0].segments)
            view = views.claim(
                served[0].py_name if len(served) == 1 else f"route_{snake(method)}_{snake(chalice_path)}"
            )
            routes.append(Route(chalice_path, method, view, variables, tuple(o.py_name for o in served)))
        return routes, rebuilt


def _fragment_at(path: str) -> int:
    """Where the fragment of a path template starts (its first `#` outside `{...}`), or -1."""
    depth = 0
    for i, char in enumerate(path):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == "#" and depth == 0:
            return i
    return -1


def _has_fragment(path: str) -> bool:
    return _fragment_at(path) >= 0


def _without_fragment(path: str) -> str:
    """The path template as requested: `/a#x` is `/a` (RFC 3986 §3.5: the fragment is never sent)."""
    at = _fragment_at(path)
    return path if at < 0 else path[:at] or "/"


def _replace(op: Operation, **changes: Any) -> Operation:
    from dataclasses import replace

    return replace(op, **changes)


def _binary_types(operations: list[Operation]) -> tuple[str, ...]:
    """Media types whose bodies API Gateway must base64 (anything not JSON or text), in spec order."""
    found: dict[str, None] = {}
    for op in operations:
        media = [*(op.body.media if op.body else ()), *(m for r in op.responses for m in r.media)]
        for m in media:
            base = m.name.split(";", 1)[0].strip().lower()
            textual = is_json(base) or base.startswith("text/") or base == "application/x-www-form-urlencoded"
            ranged = "*" in base and base.split("/")[0] not in ("image", "audio", "video", "font")
            if not textual and not ranged and not base.endswith("+xml") and base != "application/xml":
                found[base] = None
    return tuple(found)


def _is_xml(media: str) -> bool:
    base = media.split(";", 1)[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def _merged_properties(variants: list[dict[str, Any]]) -> dict[str, Any]:
    """The properties of `oneOf`/`anyOf` variants as one plan, so a form body (or exploded object
    parameter) whose schema is a union still reads each field by its type: a property every declaring
    variant plans alike gets that plan; one planned differently gets the alternatives, in order."""
    seen: dict[str, list[dict[str, Any]]] = {}
    for variant in variants:
        for name, plan in (variant.get("properties") or {}).items():
            plans = seen.setdefault(name, [])
            if plan not in plans:
                plans.append(plan)
    return {name: plans[0] if len(plans) == 1 else {"anyOf": plans} for name, plans in seen.items()}


def _xml_object(value: Any) -> dict[str, Any]:
    """What of an OpenAPI XML Object the runtime reads: the element (or attribute) name, whether the
    property is an attribute, whether an array is wrapped (namespaces and prefixes: names match locally)."""
    if not isinstance(value, dict):
        return {}
    out: dict[str, Any] = {}
    if isinstance(value.get("name"), str) and value["name"]:
        out["name"] = value["name"]
    if value.get("attribute") is True:
        out["attribute"] = True
    if value.get("wrapped") is True:
        out["wrapped"] = True
    return out


def _structured_media(media: str) -> bool:
    """Media the runtime parses into data a JSON Schema checks: JSON, forms, multipart."""
    base = media.split(";", 1)[0].strip().lower()
    return is_json(base) or base in ("application/x-www-form-urlencoded", "multipart/form-data")


def _success_status(responses: tuple[Response, ...]) -> int:
    """The lowest declared 2xx; else 200 (a `2XX` range or `default` covers it, or nothing is declared);
    else, when only 1xx/3xx codes are declared (a redirect-only operation), the lowest of them."""
    codes = sorted(int(r.status) for r in responses if r.status.isdigit() and r.status.startswith("2"))
    if codes:
        return codes[0]
    if any(r.status in ("2XX", "default") for r in responses):
        return 200
    other = sorted(int(r.status) for r in responses if r.status.isdigit() and r.status[0] in "13")
    return other[0] if other else 200


def _schema_default(resolver: Resolver, node: Located | None, missing: object) -> Any:
    seen = 0
    while node is not None and isinstance(node.value, dict) and seen < 16:
        if "default" in node.value:
            return node.value["default"]
        ref = node.value.get("$ref")
        if not isinstance(ref, str):
            break
        node = resolver.lookup(ref, node.uri)
        seen += 1
    return missing


def handlers_dir(package_dir: Path) -> Path:
    return package_dir


__all__ = ["Builder", "Options", "is_json", "pointer"]
