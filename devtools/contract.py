"""`make contract`: the schemathesis CLI (4.x) against a stage, checking it keeps openapi.yaml (issue 8).

    python -m devtools.contract [--url https://.../dev] [--seed 8] [--max-examples 25]
                                [--report reports/contract-junit.xml]

Without --url it starts the local stage exactly as `make run` does (devtools/local_aws.py: moto with the
stage's table and bucket, `chalice local --stage local`), on a free port, and stops it afterwards, even when
the run fails or is interrupted. Credentials: a token from devtools/mint_token.py for the local stage (user
DEFAULT_SUBJECT, registered first with POST /users), an `admin`-scoped token of the same user and the
stage's operator key for POST /admin/purge.

With --url (a deployed stage) the tokens come from the environment: API_TOKEN (required: a user token of
the stage's identity provider), API_ADMIN_TOKEN and API_KEY (an `admin`-scoped token and an operator key).
Without both of the latter, POST /admin/purge is excluded from the run (it cannot be called) and the run
says so.

Settings shared with the in-process suite (auth, checks' documented exceptions) are in
devtools/schemathesis.toml; docs/CONTRACT.md describes the run. Exit status: schemathesis's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "devtools" / "schemathesis.toml"
DEFAULT_REPORT = ROOT / "reports" / "contract-junit.xml"
DEFAULT_SEED = 8
DEFAULT_MAX_EXAMPLES = 25
PURGE = "purgeDeletedItems"

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def register_user(base: str, token: str) -> int:
    """POST /users as the token's subject; 201 (registered now) or 409 (already) are both fine."""
    request = urllib.request.Request(  # noqa: S310  # the stage under test
        f"{base}/users",
        data=json.dumps({"name": "Contract Tester", "email": "contract@example.com"}).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with _OPENER.open(request, timeout=30) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = int(error.code)
    if status not in (201, 409):
        raise SystemExit(f"registering the contract user at {base}/users answered {status}")
    return status


@contextlib.contextmanager
def local_stage(stage: str = "local") -> Iterator[str]:
    """The local stage as `make run` starts it (moto + `chalice local`) on a free port; its base URL."""
    from devtools.local_aws import (
        chalice_local_command,
        free_port,
        local_stack,
        start_chalice_local,
        stop_process,
        tail,
        wait_until_answers,
    )

    log_dir = Path(tempfile.mkdtemp(prefix="contract-"))
    log = log_dir / "chalice-local.log"
    with local_stack(stage, log_dir=log_dir) as stack:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = chalice_local_command("127.0.0.1", port, stage, autoreload=False)
        with log.open("wb") as sink:
            process = start_chalice_local(stack, command, stdout=sink)
        try:
            try:
                wait_until_answers(f"{base}/health", process, timeout=60)
            except RuntimeError as exc:
                raise SystemExit(f"the local stage did not start: {exc}\n{tail(log)}") from None
            print(f"local stage on {base} (moto {stack.moto.url}); log: {log}", flush=True)
            yield base
        finally:
            stop_process(process, group=True)


def schemathesis_command(
    base: str, *, seed: int, max_examples: int, report: Path, exclude_purge: bool, workers: int
) -> list[str]:
    command = [str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(CONFIG), "run"]
    command += [str(SPEC), "--url", base]
    command += ["--checks", "all", "--mode", "all", "--phases", "examples,coverage,fuzzing,stateful"]
    command += ["--seed", str(seed), "--max-examples", str(max_examples), "--generation-database", "none"]
    command += ["--workers", str(workers), "--report", "junit", "--report-junit-path", str(report)]
    command += ["--no-color"]
    # unsupported_method sends TRACE & co to every path. The app answers 405 with Allow (the in-process suite
    # checks that), but in front of it `chalice local`'s HTTP server answers 501 to methods it has no
    # handler for and API Gateway answers 404 (MISSING_AUTHENTICATION_TOKEN, infra/resources.json): neither
    # is the application's answer, and neither can be changed by it.
    command += ["--exclude-checks", "unsupported_method"]
    if exclude_purge:
        command += ["--exclude-operation-id", PURGE]
    return command


def run(args: argparse.Namespace) -> int:
    report = Path(args.report).resolve()
    report.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    with contextlib.ExitStack() as stack:
        if args.url:
            base = args.url.rstrip("/")
            token = os.environ.get("API_TOKEN")
            if not token:
                raise SystemExit("API_TOKEN is not set: a user token of that stage's identity provider")
            admin_token, api_key = os.environ.get("API_ADMIN_TOKEN"), os.environ.get("API_KEY")
            exclude_purge = not (admin_token and api_key)
            if exclude_purge:
                print(
                    f"API_ADMIN_TOKEN and API_KEY are not both set: {PURGE} (POST /admin/purge) is excluded",
                    flush=True,
                )
        else:
            from devtools.mint_token import DEFAULT_SUBJECT, mint, stage_env

            base = stack.enter_context(local_stage())
            settings = stage_env("local")
            token = mint(settings, DEFAULT_SUBJECT, ttl=7200)
            admin_token = mint(settings, DEFAULT_SUBJECT, ("admin",), ttl=7200)
            api_key = (settings.get("ADMIN_API_KEYS") or "").split(",")[0].strip()
            exclude_purge = False
        register_user(base, token)
        env.update(
            CONTRACT_TOKEN=token,
            CONTRACT_ADMIN_TOKEN=admin_token or "",
            CONTRACT_API_KEY=api_key or "",
            NO_PROXY=",".join(filter(None, [env.get("NO_PROXY"), "127.0.0.1", "localhost"])),
        )
        command = schemathesis_command(
            base,
            seed=args.seed,
            max_examples=args.max_examples,
            report=report,
            exclude_purge=exclude_purge,
            workers=args.workers,
        )
        shown = " ".join(command)
        print(f"$ {shown}", flush=True)
        status = subprocess.call(command, cwd=ROOT, env=env)
        print(f"JUnit report: {report}", flush=True)
        return status
    return 1  # unreachable: the with block returns


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.contract", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default="", help="a deployed stage's base URL (default: start the local one)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--max-examples", type=int, default=DEFAULT_MAX_EXAMPLES, help="per operation")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--report", default=str(DEFAULT_REPORT), help="JUnit XML report path")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
