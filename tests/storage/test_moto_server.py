"""tests/servers.py: the moto server starts on 127.0.0.1, answers, is stopped, and boto3 is pointed at
it with fake credentials only for as long as asked."""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

import pytest

from tests.servers import MotoServer, fake_aws_env, moto_server


def test_session_server_answers_on_loopback(moto: MotoServer) -> None:
    assert moto.url.startswith("http://127.0.0.1:")
    assert moto.process.poll() is None
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{moto.url}/moto-api/data.json", timeout=5) as response:
        assert response.status == 200


def test_a_server_is_stopped_when_the_block_ends(tmp_path: Path) -> None:
    with moto_server(log_dir=tmp_path) as server:
        assert server.process.poll() is None
        server.reset()
    assert server.process.poll() is not None
    with pytest.raises(RuntimeError, match="boom"), moto_server(log_dir=tmp_path) as failing:
        raise RuntimeError("boom")
    assert failing.process.poll() is not None


def test_fake_aws_env_sets_and_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_PROFILE", "someone-real")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREAL")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with fake_aws_env("http://127.0.0.1:1234"):
        assert os.environ["AWS_ENDPOINT_URL"] == "http://127.0.0.1:1234"
        assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
        assert "AWS_PROFILE" not in os.environ
        assert os.environ["AWS_SHARED_CREDENTIALS_FILE"] == os.devnull
        assert "127.0.0.1" in os.environ["NO_PROXY"]
    assert os.environ["AWS_PROFILE"] == "someone-real"
    assert os.environ["AWS_ACCESS_KEY_ID"] == "AKIAREAL"
    assert "AWS_ENDPOINT_URL" not in os.environ
