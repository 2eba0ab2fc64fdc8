"""X-Ray tracing is switchable per stage: off, nothing is imported; on, boto3 calls become subsegments."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from chalicelib.storage import aws
from tests.helpers import REPO_ROOT


def _modules_after_a_client(env: dict[str, str]) -> list[str]:
    code = (
        "import json, sys\n"
        "from chalicelib.storage import aws\n"
        "aws.client('dynamodb')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('aws_xray_sdk'))))\n"
    )
    base = {
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "x",
        "AWS_SECRET_ACCESS_KEY": "y",
        "PATH": "",
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


def test_tracing_off_imports_nothing_of_xray() -> None:
    assert _modules_after_a_client({}) == []


def test_tracing_on_patches_botocore() -> None:
    modules = _modules_after_a_client({"TRACING": "xray", "AWS_XRAY_CONTEXT_MISSING": "IGNORE_ERROR"})
    assert "aws_xray_sdk.ext.botocore.patch" in modules


def test_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACING", raising=False)
    assert aws.trace_storage_calls() is False
