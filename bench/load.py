"""Load test (`make load`): concurrent writers against `chalice local` on the local AWS stack.

Starts the stack `make run` starts (devtools/local_aws.py: moto with the `local` stage's table and bucket,
`chalice local --stage local`, STORAGE=dynamodb) on free ports, unless --url names a running server.
CLIENTS threads each send WRITES `POST /items`, every one with its own `Idempotency-Key`; every
RETRY_EVERY-th write is sent a second time with the same key (the answer must be the same item, marked
`Idempotent-Replayed: true`). Then every item is read back through `GET /items` pages (`limit`, `cursor`,
`next_cursor`) and the run fails unless each write is there exactly once: none lost, none duplicated.
Prints throughput (writes/s) and latency percentiles. Exit status 0 only if every check holds.

    .venv/bin/python bench/load.py [--clients 8] [--writes 500] [--retry-every 50] [--url URL]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.local_aws import (  # noqa: E402  # the repo root is on the path only from here
    chalice_local_command,
    free_port,
    local_stack,
    start_chalice_local,
    stop_process,
    tail,
    wait_until_answers,
)

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
PAGE_LIMIT = 100  # the spec's maximum `limit`
REQUEST_TIMEOUT = 30.0


def request(
    method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], Any]:
    data = None if body is None else json.dumps(body).encode()
    all_headers = {"Accept": "application/json", **(headers or {})}
    if data is not None:
        all_headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with _OPENER.open(req, timeout=REQUEST_TIMEOUT) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)  # seconds, every POST (retries included)
    created: dict[str, str] = field(default_factory=dict)  # Idempotency-Key -> item id
    names: dict[str, str] = field(default_factory=dict)  # item name -> Idempotency-Key
    failures: list[str] = field(default_factory=list)
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def writer(base: str, run: str, client: int, writes: int, retry_every: int, results: Results) -> None:
    for i in range(writes):
        key = f"{run}-{client}-{i}"
        name = f"load {client}-{i}"
        body = {"name": name, "price": i + 0.5, "tags": ["load", f"client-{client}"], "status": "active"}
        attempts = 2 if retry_every and i % retry_every == retry_every - 1 else 1
        first_id = None
        for attempt in range(attempts):
            started = time.perf_counter()
            try:
                status, headers, answer = request("POST", f"{base}/items", body, {"Idempotency-Key": key})
            except OSError as error:  # a timeout or a dropped connection is a failed write, not a dead thread
                status, headers, answer = 0, {}, repr(error)
            elapsed = time.perf_counter() - started
            with results.lock:
                results.latencies.append(elapsed)
            if status != 201 or not isinstance(answer, dict):
                with results.lock:
                    results.failures.append(f"POST {key} attempt {attempt + 1}: {status} {str(answer)[:200]}")
                break
            if attempt == 0:
                first_id = answer["id"]
                with results.lock:
                    results.created[key] = first_id
                    results.names[name] = key
            else:
                with results.lock:
                    results.retries += 1
                    if answer["id"] != first_id:
                        results.failures.append(
                            f"retry of {key} created {answer['id']}, first was {first_id}"
                        )
                    if headers.get("Idempotent-Replayed") != "true":
                        results.failures.append(f"retry of {key} not marked Idempotent-Replayed: true")


def list_all(base: str) -> tuple[list[dict[str, Any]], int, float]:
    """Every item through `GET /items` pages: (items, pages, seconds)."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    started = time.perf_counter()
    while True:
        url = f"{base}/items?limit={PAGE_LIMIT}" + (f"&cursor={quote(cursor, safe='')}" if cursor else "")
        status, _, page = request("GET", url)
        if status != 200 or not isinstance(page, dict):
            raise RuntimeError(f"GET {url}: {status} {str(page)[:300]}")
        pages += 1
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items, pages, time.perf_counter() - started
        if pages > 10_000:
            raise RuntimeError("more than 10,000 pages: the cursor does not advance")


def percentile(sorted_values: list[float], q: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


@contextlib.contextmanager
def server(url: str | None, log_dir: Path) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    with local_stack("local", log_dir=log_dir) as stack:
        port = free_port()
        log = log_dir / "chalice-local.log"
        with log.open("wb") as sink:
            process = start_chalice_local(
                stack, chalice_local_command("127.0.0.1", port, "local", autoreload=False), stdout=sink
            )
        try:
            base = f"http://127.0.0.1:{port}"
            try:
                wait_until_answers(f"{base}/health", process)
            except RuntimeError as error:
                raise SystemExit(f"chalice local: {error}\n{tail(log)}") from error
            print(f"chalice local on {base}, moto on {stack.moto.url} (STORAGE=dynamodb)", flush=True)
            yield base
        finally:
            stop_process(process, group=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--writes", type=int, default=500, help="distinct writes per client")
    parser.add_argument(
        "--retry-every", type=int, default=50, help="resend every Nth write with its key (0: never)"
    )
    parser.add_argument(
        "--url", help="use this running server (an empty store) instead of starting the stack"
    )
    args = parser.parse_args(argv)
    run = uuid.uuid4().hex[:8]
    log_dir = Path(ROOT / ".cache" / "load")
    log_dir.mkdir(parents=True, exist_ok=True)
    with server(args.url, log_dir) as base:
        results = Results()
        threads = [
            threading.Thread(target=writer, args=(base, run, c, args.writes, args.retry_every, results))
            for c in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        items, pages, list_seconds = list_all(base)

    expected = args.clients * args.writes
    ids = [item["id"] for item in items]
    ours = [item for item in items if item["name"] in results.names]
    problems = list(results.failures)
    if len(ids) != len(set(ids)):
        problems.append(f"the listing repeats {len(ids) - len(set(ids))} item(s)")
    if len(ours) != expected:
        problems.append(f"listed {len(ours)} of the {expected} items written")
    if {item["id"] for item in ours} != set(results.created.values()):
        missing = set(results.created.values()) - {item["id"] for item in ours}
        problems.append(f"{len(missing)} created item(s) missing from the listing")
    if len(set(results.created.values())) != len(results.created):
        problems.append("two idempotency keys answered with the same item")

    latencies = sorted(results.latencies)
    requests = len(latencies)
    print(
        f"writes: {args.clients} clients x {args.writes} POST /items = {expected} items, {results.retries} retries ({requests} requests) in {wall:.2f} s"
    )
    if latencies:
        print(
            f"throughput: {requests / wall:.1f} requests/s ({len(results.created) / wall:.1f} distinct writes/s)"
        )
        print(
            "latency ms: "
            + ", ".join(f"p{q} {percentile(latencies, q) * 1000:.1f}" for q in (50, 90, 99))
            + f", max {latencies[-1] * 1000:.1f}, mean {statistics.fmean(latencies) * 1000:.1f}"
        )
    print(f"listing: {len(items)} items in {pages} pages of {PAGE_LIMIT} in {list_seconds:.2f} s")
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        for problem in problems[:20]:
            print(f"  {problem}")
        return 1
    print(f"OK: every one of the {expected} writes listed exactly once; every retry replayed its item")
    return 0


if __name__ == "__main__":
    sys.exit(main())
