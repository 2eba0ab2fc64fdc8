"""boto3 clients, created on first use (never at import: a cold start that serves /docs pays nothing) and
shared by every store of the process (clients are thread-safe; creating one is not cheap).

Configuration comes from the environment: `AWS_REGION` (set by Lambda) or `AWS_DEFAULT_REGION`, and the
optional `AWS_ENDPOINT_URL` (a local DynamoDB/S3-compatible server such as moto's). Credentials follow
boto3's usual chain (the Lambda role when deployed).
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client

_lock = threading.Lock()
_clients: dict[tuple[str, str | None, str | None], Any] = {}


def settings() -> tuple[str | None, str | None]:
    """(region, endpoint URL) from the environment."""
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None
    endpoint = os.environ.get("AWS_ENDPOINT_URL") or None
    return region, endpoint


@overload
def client(service: Literal["dynamodb"]) -> DynamoDBClient: ...
@overload
def client(service: Literal["s3"]) -> S3Client: ...
def client(service: Literal["dynamodb", "s3"]) -> Any:
    """The process-wide client for `service` under the current region/endpoint settings."""
    region, endpoint = settings()
    cache_key = (service, region, endpoint)
    with _lock:
        found = _clients.get(cache_key)
        if found is None:
            found = _clients[cache_key] = _create(service, region, endpoint)
        return found


def trace_storage_calls() -> bool:
    """With `TRACING=xray` (the stages deployed with `xray: true`), every boto3 call becomes an X-Ray
    subsegment of the request's trace. aws_xray_sdk is imported only then. Whether tracing is on."""
    global _traced
    if os.environ.get("TRACING") != "xray":
        return False
    if not _traced:
        from aws_xray_sdk.core import patch  # only when tracing is on: nothing on a cold start otherwise

        patch(("botocore",))
        _traced = True
    return True


_traced = False


def _create(service: str, region: str | None, endpoint: str | None) -> Any:
    trace_storage_calls()
    import boto3  # deferred: ~100 ms of imports only a request that touches storage pays
    from botocore.config import Config

    config = Config(
        connect_timeout=3,
        read_timeout=10,
        retries={"max_attempts": 4, "mode": "standard"},
        max_pool_connections=32,
        # a local endpoint (http://127.0.0.1:port) has no per-bucket DNS names
        s3={"addressing_style": "path"} if endpoint else None,
    )
    # a Session per client: boto3's default session is not thread-safe to create clients from
    return boto3.session.Session().client(
        service,  # type: ignore[call-overload]  # the two literal services, typed by the overloads above
        region_name=region,
        endpoint_url=endpoint,
        config=config,
    )


def reset_clients() -> None:
    """Forget the cached clients (tests that change the endpoint between servers)."""
    with _lock:
        _clients.clear()
