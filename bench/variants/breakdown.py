"""Where our warm time goes: the pipeline's stages timed one by one, directly (no profiler overhead).

White-box on purpose: it calls chalicelib.runtime.pipeline's own functions on the benchmark's requests,
each stage on its own many times, and reports the medians with what the floor pays for the same step.
Indented rows are parts of the row above them. The two totals and `dispatch` are timed interleaved,
request by request, so that their differences mean something on a noisy machine.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from importlib import import_module
from typing import Any

from bench.variants import workload

Row = tuple[str, float, str]  # stage, µs (median), what the floor pays for the same step


def median_us(fn: Callable[[], Any], n: int) -> float:
    clock = time.perf_counter_ns
    times = []
    for _ in range(n):
        started = clock()
        fn()
        times.append(clock() - started)
    return statistics.median(times) / 1000


def measure(kind: str, n: int) -> dict[str, float]:
    """Every stage of one request kind, µs (median of `n` calls each)."""
    from chalice.app import Request

    from app import app as ours
    from bench.variants.floor import app as floor
    from chalicelib.runtime import context, pipeline
    from chalicelib.runtime.problem import ProblemError
    from chalicelib.runtime.validation import violations
    from chalicelib.services import item_service

    name = "list_items" if kind == "list" else "create_item"
    module = import_module(f"chalicelib._generated.operations.{name}")
    op, call = module.OPERATION, module.call
    ev, ctx = workload.event(kind), workload.lambda_context()
    service = item_service()
    keep = workload.all_ids(service)

    def request() -> Request:
        return Request(dict(ev), ctx)

    def parse(req: Request) -> Any:
        """The handler's arguments, or the problem `run` answers (the 400 made from the violations)."""
        try:
            args, errors = pipeline.parse_request(req, op, {})
        except ProblemError as exc:
            return exc
        if errors:
            return ProblemError.bad_request(
                "The request is not valid for this operation.", errors, ordered=True
            )
        return args

    clock = time.perf_counter_ns
    samples: dict[str, list[int]] = {"ours": [], "floor": [], "dispatch": []}
    for _ in range(n):
        for key, app in (("ours", ours), ("floor", floor)):
            event = dict(ev)
            started = clock()
            app(event, ctx)
            samples[key].append(clock() - started)
        req = request()
        ours.current_request = req
        started = clock()
        pipeline.dispatch(req, "chalicelib._generated", (name,), {})
        samples["dispatch"].append(clock() - started)
    workload.reset_store(service, keep)
    us = {key: statistics.median(values) / 1000 for key, values in samples.items()}

    us["authenticate"] = us["verify_jwt"] = 0.0
    if op.security:
        from chalicelib.runtime.pipeline import parse_cookies
        from chalicelib.runtime.security import authenticate, verify_jwt

        req = request()
        us["authenticate"] = median_us(lambda: authenticate(op.security, req, parse_cookies), n)
        bearer = ev["headers"]["Authorization"].partition(" ")[2]
        us["verify_jwt"] = median_us(lambda: verify_jwt(bearer), n)

    accept_header = ev["headers"]["Accept"]
    us["accept"] = median_us(lambda: pipeline.accepted(op, accept_header), n)
    requests = [request() for _ in range(n)]
    us["parse"] = median_us(lambda: parse(requests.pop()), n)
    if kind == "list":
        args = parse(request())
        params = [p for p in op.parameters if p.kwarg in args]
        us["request validation"] = median_us(
            lambda: [violations(p.schema, args[p.kwarg], p.location, p.pointer) for p in params], n
        )
        us["loads"] = 0.0
    else:
        value = json.loads(ev["body"])
        validator = op.body.media["application/json"].schema
        us["loads"] = median_us(lambda: json.loads(ev["body"]), n)
        us["request validation"] = median_us(lambda: violations(validator, value, "body"), n)

    accept = pipeline.accepted(op, accept_header)
    us["response validation"] = us["header validation"] = us["dumps"] = us["service"] = 0.0
    if kind == "invalid":
        problem = parse(request())
        us["problem"] = median_us(problem.to_response, n)
        response = problem.to_response()
    else:
        args = parse(request())
        if op.security:
            args["principal"] = authenticate(op.security, request(), parse_cookies)
        token = context.begin(context.RequestState(request()))
        try:
            result = call(args)
            us["call"] = median_us(lambda: call(args), n)
            if kind == "list":
                us["service"] = median_us(lambda: service.list_page(args["limit"], tags=args.get("tag")), n)
            else:
                us["service"] = median_us(lambda: service.create_item(args["body"]), n)
            workload.reset_store(service, keep)
        finally:
            context.end(token)
        us["render"] = median_us(lambda: pipeline.render(op, result, accept), n)
        spec = op.response_for(200 if kind == "list" else 201)
        body = result.body if hasattr(result, "body") else result
        validator = spec.media["application/json"]
        us["response validation"] = median_us(lambda: violations(validator, body, "response"), n)
        us["dumps"] = median_us(lambda: json.dumps(body, ensure_ascii=False, separators=(",", ":")), n)
        headers = {"Location": "/dev/items/x", "ETag": '"1"', "Content-Type": "application/json"}
        if spec.headers:
            us["header validation"] = median_us(lambda: pipeline._header_problems(op, spec, headers), n)
        response = pipeline.render(op, result, accept)
    us["request"] = median_us(request, n)
    us["to_dict"] = median_us(response.to_dict, n)
    return us


def stages(kind: str, us: dict[str, float]) -> list[Row]:
    """The table of one kind from `measure`'s numbers (or the medians of several passes of it)."""
    floor_chalice = us["floor"] - us["service"] - us["dumps"] - us["loads"] - us["verify_jwt"]
    rows: list[Row] = [
        ("ours: app(event, context)", us["ours"], f"floor: {us['floor']:.1f}"),
        (
            "  Chalice around the pipeline: event, routing, middleware",
            us["ours"] - us["dispatch"],
            f"~{floor_chalice:.1f} (floor - service - json{' - verify_jwt' if us['verify_jwt'] else ''})",
        ),
        ("    chalice Request(event)", us["request"], "the same"),
        ("    chalice Response.to_dict", us["to_dict"], "the same"),
        ("  pipeline.dispatch: everything below", us["dispatch"], ""),
    ]
    if us["authenticate"]:
        rows += [
            ("    authenticate: the bearer token", us["authenticate"], ""),
            ("      verify_jwt (PyJWT: HS256, exp, iss, aud)", us["verify_jwt"], "the same"),
        ]
    rows += [
        ("    Accept: parse + 406 check", us["accept"], "nothing"),
        ("    parse_request: parameters, body, validation", us["parse"], ""),
    ]
    if kind == "list":
        rows.append(("      parameter validation", us["request validation"], "nothing (int() only)"))
    else:
        rows.append(("      json.loads", us["loads"], "the same"))
        rows.append(("      body validation", us["request validation"], "nothing (1 comparison)"))
    if kind == "invalid":
        rows.append(("    problem+json Response (to_response)", us["problem"], "a 2-key dict"))
    else:
        rows += [
            ("    handler: generated call + handler + service", us["call"], ""),
            ("      the service itself", us["service"], "the same"),
            ("    render: negotiate, serialize, validate", us["render"], ""),
            ("      response body validation", us["response validation"], "nothing"),
            ("      json.dumps", us["dumps"], "the same, in to_dict"),
        ]
        if us["header validation"]:
            rows.append(("      response header validation", us["header validation"], "nothing"))
    validation = us["request validation"] + us["response validation"] + us["header validation"]
    rows.append(
        (
            "validation proper (request + response, all told)",
            validation,
            f"{validation / (us['ours'] - us['floor']):.0%} of the gap ours - floor "
            f"({us['ours'] - us['floor']:.1f})",
        )
    )
    return rows
