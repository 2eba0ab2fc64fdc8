"""Operators' view of the reference API: one JSON line per request, request ids, one ERROR line for a
crash, and EMF metrics (chalicelib/runtime/observability.py)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from chalicelib.runtime.observability import ACCESS_LOGGER, JsonFormatter, TextFormatter
from tests.functional.support import Api, assert_problem, item_body, token


class Lines:
    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    def all(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines() if line.strip()]

    def requests(self) -> list[dict[str, Any]]:
        return [line for line in self.all() if line.get("event") == "request"]


@pytest.fixture
def logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Lines]:
    """Every line the access and chalicelib loggers write, as the JSON formatter renders it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(ACCESS_LOGGER), logging.getLogger("chalicelib")]
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    yield Lines(stream)
    for logger, (level, propagate) in zip(loggers, saved, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def test_one_structured_line_per_request_without_secrets_or_bodies(service_any: Api, logs: Lines) -> None:
    secret_body = item_body(name="Confidential lamp", description="top secret text")
    bearer = token()
    created = service_any.post("/items", secret_body, headers={"Authorization": f"Bearer {bearer}"})
    assert created.status == 201
    (line,) = logs.requests()
    assert line["method"] == "POST"
    assert line["route"] == "/items"
    assert line["operation"] == "createItem"
    assert line["status"] == 201
    assert isinstance(line["latency_ms"], float)
    assert line["principal"] == "00000000-0000-4000-8000-000000000001"
    assert line["request_id"] == created.headers["x-request-id"]
    assert line["violations"] is None
    text = json.dumps(logs.all())
    assert bearer not in text
    assert "top secret text" not in text
    assert "Confidential" not in text


def test_a_400_line_counts_the_violations(service_any: Api, logs: Lines) -> None:
    reply = service_any.post("/items", {"name": "", "price": -1})
    assert_problem(reply, 400)
    (line,) = logs.requests()
    assert (line["status"], line["violations"]) == (400, len(reply.json["errors"]))
    assert line["route"] == "/items"


def test_the_request_id_is_echoed_and_leads_to_the_log_line(service_any: Api, logs: Lines) -> None:
    mine = "client-req-0001"
    missing = service_any.get("/items/3fa85f64-5717-4562-b3fc-2c963f66afa6", headers={"X-Request-Id": mine})
    assert_problem(missing, 404)
    assert missing.headers["x-request-id"] == mine
    assert missing.json["request_id"] == mine
    assert missing.json["instance"] == f"urn:request:{mine}"
    assert [line["request_id"] for line in logs.requests()] == [mine]
    odd = service_any.get("/items", headers={"X-Request-Id": "bad id\nwith newline"})
    assert odd.headers["x-request-id"] != "bad id\nwith newline"
    assert len(odd.headers["x-request-id"]) >= 8


def test_a_crash_is_one_error_line_and_a_clean_500(
    service_any: Api, logs: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.handlers import items

    def explode(**_: Any) -> Any:
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(items, "list_items", explode)
    reply = service_any.get("/items", headers={"X-Request-Id": "crash-request-1"})
    assert_problem(reply, 500)
    assert "hunter2" not in reply.body.decode()
    assert reply.json["request_id"] == "crash-request-1"
    errors = [line for line in logs.all() if line["level"] == "ERROR"]
    assert len(errors) == 1
    assert "RuntimeError" in errors[0]["exception"]
    assert "Traceback" in errors[0]["exception"]
    (line,) = logs.requests()
    assert (line["status"], line["level"]) == (500, "INFO")


def test_emf_metrics_are_valid_embedded_metric_documents(
    service_any: Api, logs: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("METRICS", "emf")
    service_any.get("/items")
    service_any.get("/items/3fa85f64-5717-4562-b3fc-2c963f66afa6")
    lines = logs.requests()
    assert len(lines) == 2
    for line in lines:
        meta = line["_aws"]
        assert isinstance(meta["Timestamp"], int)
        (directive,) = meta["CloudWatchMetrics"]
        assert directive["Namespace"] == "ReferenceApi"
        for dimension_set in directive["Dimensions"]:
            for dimension in dimension_set:
                assert isinstance(line[dimension], str)
        for metric in directive["Metrics"]:
            assert set(metric) == {"Name", "Unit"}
            assert isinstance(line[metric["Name"]], int | float)
    assert [(line["operation"], line["4xx"], line["5xx"]) for line in lines] == [
        ("listItems", 0, 0),
        ("getItem", 1, 0),
    ]


def test_metrics_are_off_unless_the_stage_asks(
    service_any: Api, logs: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("METRICS", raising=False)
    service_any.get("/items")
    (line,) = logs.requests()
    assert "_aws" not in line


def test_text_format_for_make_run() -> None:
    record = logging.LogRecord(ACCESS_LOGGER, logging.INFO, __file__, 1, "request", None, None)
    record.fields = {"method": "GET", "route": "/items", "status": 200, "latency_ms": 1.5, "_aws": {}}
    assert TextFormatter().format(record) == "INFO    GET /items -> 200 latency_ms=1.5"
