"""Local stand-ins for AWS services for any test folder: re-exported from devtools/local_aws.py, the one
implementation `make run`, the tests and `make load` share.

`moto_server()` starts moto's server mode (DynamoDB, S3 and the rest of AWS's wire protocols, state in
memory) as a subprocess on 127.0.0.1 and a free port, requests served one at a time, waits (bounded)
until it answers, yields a `MotoServer` and always stops it. `fake_aws_env(url)` points boto3 at it with
fake credentials; real ones are never read (no profile, no config files).

    from tests.servers import fake_aws_env, moto_server

    with moto_server() as server, fake_aws_env(server.url):
        ...  # boto3 clients created here talk to the local server
"""

from __future__ import annotations

from devtools.local_aws import (
    REGION,
    STARTUP_TIMEOUT,
    STOP_TIMEOUT,
    MotoServer,
    fake_aws_env,
    fake_aws_settings,
    free_port,
    moto_server,
)

__all__ = [
    "REGION",
    "STARTUP_TIMEOUT",
    "STOP_TIMEOUT",
    "MotoServer",
    "fake_aws_env",
    "fake_aws_settings",
    "free_port",
    "moto_server",
]
