"""One structured line per request, request ids, and CloudWatch metrics as log lines (issue 10).

The HTTP middleware (runtime/middleware.py, outermost part) times every request and, with these helpers:
- gives it a request id: the caller's `X-Request-Id` when it is a sane id, else API Gateway's request id,
  else a fresh one; echoed in the `X-Request-Id` response header and, for problem+json answers, in the
  body as `instance` (`urn:request:<id>`) and `request_id`, so a bug report leads to the log line;
- logs one line at INFO (the `reference_api.access` logger): method, route template, operationId,
  status, latency, both request ids, the principal's subject, the number of violations of a 400; never
  headers, credentials or bodies. JSON on Lambda; readable text locally (`LOG_FORMAT=text`);
- with `METRICS=emf`, makes that same line a CloudWatch Embedded Metric Format document (requests, 4xx,
  5xx, latency per operation): CloudWatch extracts the metrics from the log, no API call is made.

Stage settings: `LOG_LEVEL` (INFO), `LOG_FORMAT` (json | text), `METRICS` (emf | off),
`METRICS_NAMESPACE` (ReferenceApi). Unhandled exceptions are logged once, with their traceback, by the
pipeline; this line then records the 500 at INFO like any other answer.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from typing import Any

from chalice import Response
from chalice.app import Request

from chalicelib.runtime import context
from chalicelib.runtime.context import RequestState

ACCESS_LOGGER = "reference_api.access"
REQUEST_ID_HEADER = "X-Request-Id"
_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-")


def _valid_id(value: str) -> bool:
    """8 to 128 characters of A-Za-z0-9._:- starting with a letter or digit (no regex: none compiled at start)."""
    return 8 <= len(value) <= 128 and value[0].isalnum() and value.isascii() and _ID_CHARS.issuperset(value)


log = logging.getLogger(ACCESS_LOGGER)


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object: the message's fields (passed as `extra={"fields": {...}}`)."""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, "fields", None) or {"message": record.getMessage()}
        out = {"level": record.levelname, "logger": record.name, **fields}
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, separators=(",", ":"), default=str)


class TextFormatter(logging.Formatter):
    """`make run`: the same fields, readable."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", None)
        if not fields:
            return super().format(record)
        shown = {k: v for k, v in fields.items() if k != "_aws"}
        head = f"{shown.pop('method', '')} {shown.pop('route', '')} -> {shown.pop('status', '')}"
        rest = " ".join(f"{k}={v}" for k, v in shown.items() if v is not None)
        return f"{record.levelname:7} {head} {rest}"


def configure(env: Mapping[str, str] | None = None) -> None:
    """The stage's logging: level and format of the access logger (idempotent; app.py calls it once)."""
    env = os.environ if env is None else env
    level = (env.get("LOG_LEVEL") or "INFO").upper()
    formatter: logging.Formatter = TextFormatter() if env.get("LOG_FORMAT") == "text" else JsonFormatter()
    for name in (ACCESS_LOGGER, "chalicelib"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.propagate = False  # Lambda's root handler would wrap the JSON in its own text format
        handler = next((h for h in logger.handlers if getattr(h, "_reference_api", False)), None)
        if handler is None:
            handler = logging.StreamHandler(sys.stdout)
            handler._reference_api = True  # type: ignore[attr-defined]  # marks the handler this module owns
            logger.addHandler(handler)
        handler.setFormatter(formatter)


def request_id_of(request: Request) -> str:
    given = context.header(request.headers, "x-request-id")
    if given and _valid_id(str(given)):
        return str(given)
    request_context = request.context if isinstance(request.context, dict) else {}
    gateway = request_context.get("requestId")
    if gateway:
        return str(gateway)
    import uuid  # rare (chalice local, tests): uuid pulls in `platform`, ~2 ms at a cold start

    return str(uuid.uuid4())


def _metrics(fields: dict[str, Any], namespace: str) -> dict[str, Any]:
    status = int(fields["status"])
    return {
        "_aws": {
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": namespace,
                    "Dimensions": [["operation"]],
                    "Metrics": [
                        {"Name": "requests", "Unit": "Count"},
                        {"Name": "4xx", "Unit": "Count"},
                        {"Name": "5xx", "Unit": "Count"},
                        {"Name": "latency", "Unit": "Milliseconds"},
                    ],
                }
            ],
        },
        "operation": fields["operation"] or "(none)",
        "requests": 1,
        "4xx": int(400 <= status < 500),
        "5xx": int(status >= 500),
        "latency": fields["latency_ms"],
    }


def access_line(
    request: Request,
    response: Response,
    state: RequestState,
    started: float,
    operations: Mapping[tuple[str, str], str],
) -> None:
    """Log the request's line at INFO (the caller checks the level first). `operations`: (METHOD,
    Chalice route) -> operationId, for answers the pipeline never saw (405s…)."""
    request_context = request.context if isinstance(request.context, dict) else {}
    route = str(request_context.get("resourcePath") or request.path)
    lambda_context = getattr(request, "lambda_context", None)
    fields: dict[str, Any] = {
        "event": "request",
        "method": request.method,
        "route": route,
        "operation": state.operation or operations.get((request.method, route)),
        "status": response.status_code,
        "latency_ms": round((time.perf_counter() - started) * 1000, 3),
        "request_id": state.request_id,
        "apigw_request_id": request_context.get("requestId"),
        "lambda_request_id": getattr(lambda_context, "aws_request_id", None),
        "principal": state.subject,
        "violations": state.violations if response.status_code == 400 else None,
    }
    if os.environ.get("METRICS") == "emf":
        fields.update(_metrics(fields, os.environ.get("METRICS_NAMESPACE") or "ReferenceApi"))
    log.info("request", extra={"fields": fields})
