"""Deploy checks: the packaged SAM template (built once per session, no AWS account) and the IAM policies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from devtools.local_aws import fake_aws_settings, with_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_TIMEOUT = 600  # seconds: chalice downloads the runtime wheels from PyPI on a fresh machine
STAGE = "prod"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "deploy: packages the app (chalice package) and lints the template")


@pytest.fixture(scope="session")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m devtools.package --stage prod --merge-template infra/resources.json OUT` (= make package),
    in a subprocess with fake credentials and a region: chalice loads the app with the stage's environment."""
    out = tmp_path_factory.mktemp("package") / STAGE
    env = with_settings(os.environ, fake_aws_settings("http://127.0.0.1:9"))  # never contacted
    env.pop("AWS_ENDPOINT_URL")
    command = [sys.executable, "-m", "devtools.package", "--stage", STAGE]
    command += ["--merge-template", str(ROOT / "infra" / "resources.json"), str(out)]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=PACKAGE_TIMEOUT, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def template(package_dir: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((package_dir / "sam.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="session")
def stage_config() -> dict[str, Any]:
    config: dict[str, Any] = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    return config
