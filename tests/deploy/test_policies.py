"""The IAM policy files grant what the shipped code calls, on the stage's own resources, and nothing else.

The boto3 calls are found in the source (every `<...>client.<method>(...)` call and every
`get_paginator("<operation>")` in the modules of app.py and chalicelib/ that import boto3, botocore or
chalicelib.storage.aws), so a new call without its permission, or a
permission no call needs any more, fails here rather than in a deployed Lambda.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("local", "dev", "prod")
# bootstrap.py creates the table and bucket on local servers and in tests; deployed stages get them from
# CloudFormation (infra/resources.json) and the functions never call it.
NOT_IN_LAMBDA = {ROOT / "chalicelib" / "storage" / "bootstrap.py"}

#: boto3 method (or paginated operation) -> the IAM actions it needs
ACTIONS: dict[str, set[str]] = {
    "get_item": {"dynamodb:GetItem"},
    "put_item": {"dynamodb:PutItem"},
    "update_item": {"dynamodb:UpdateItem"},
    "delete_item": {"dynamodb:DeleteItem"},
    "query": {"dynamodb:Query"},
    "scan": {"dynamodb:Scan"},
    "batch_get_item": {"dynamodb:BatchGetItem"},
    "batch_write_item": {"dynamodb:BatchWriteItem"},
    "describe_table": {"dynamodb:DescribeTable"},
    "get_object": {"s3:GetObject"},
    "head_object": {"s3:GetObject"},
    "put_object": {"s3:PutObject"},
    "copy_object": {"s3:GetObject", "s3:PutObject"},
    "delete_object": {"s3:DeleteObject"},
    "delete_objects": {"s3:DeleteObject"},  # DeleteObjects is authorized per object as DeleteObject
    "list_objects_v2": {"s3:ListBucket"},
    "list_objects": {"s3:ListBucket"},
    "head_bucket": {"s3:ListBucket"},
}
# TransactWriteItems has no IAM action of its own: each item in it is authorized as its own write.
TRANSACT_ITEM_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}
LOG_ACTIONS = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}
# X-Ray's write actions have no resource-level permissions: "*" is the only resource AWS accepts for them.
XRAY_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


def _traced(stage: str) -> bool:
    return bool(_config()["stages"][stage].get("xray"))


def _is_client(node: ast.expr) -> bool:
    """`client`, `self.client`, `self._client`, `aws.client("s3")`..."""
    if isinstance(node, ast.Name):
        return node.id in {"client", "_client"}
    if isinstance(node, ast.Attribute):
        return node.attr in {"client", "_client"}
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute | ast.Name) and _is_client(node.func)
    return False


def _calls(path: Path) -> list[tuple[str, set[str]]]:
    """(what, actions) for every boto3 client call in `path`."""
    found: list[tuple[str, set[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and _is_client(node.func.value)
        ):
            continue
        method = node.func.attr
        where = f"{path.relative_to(ROOT)}:{node.lineno} {method}"
        if method in {"get_paginator", "get_waiter"}:
            argument = node.args[0] if node.args else None
            assert isinstance(argument, ast.Constant), f"{where}: name the operation with a literal"
            method = str(argument.value)
        if method == "transact_write_items":
            kinds = {
                key.value
                for sub in ast.walk(node)
                if isinstance(sub, ast.Dict)
                for key in sub.keys
                if isinstance(key, ast.Constant) and key.value in TRANSACT_ITEM_ACTIONS
            }
            assert kinds, f"{where}: TransactItems must be literal dicts ({{'Put': ...}}) to be checked"
            found.append((where, {TRANSACT_ITEM_ACTIONS[k] for k in kinds}))
            continue
        assert method in ACTIONS, (
            f"{where}: unknown boto3 call; add its IAM actions to ACTIONS and the policies"
        )
        found.append((where, ACTIONS[method]))
    return found


def _uses_boto3(path: Path) -> bool:
    """The module makes boto3 clients: imports boto3 or chalicelib.storage.aws (whose `client()` it is)."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
    return any(
        name.split(".")[0] in {"boto3", "botocore"} or name == "chalicelib.storage.aws" for name in imported
    )


def _shipped_calls() -> list[tuple[str, set[str]]]:
    files = [ROOT / "app.py", *sorted((ROOT / "chalicelib").rglob("*.py"))]
    return [
        call for path in files if path not in NOT_IN_LAMBDA and _uses_boto3(path) for call in _calls(path)
    ]


def _config() -> dict[str, Any]:
    config: dict[str, Any] = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    return config


def _policy(stage: str) -> dict[str, Any]:
    policy: dict[str, Any] = json.loads(
        (ROOT / ".chalice" / _config()["stages"][stage]["iam_policy_file"]).read_text(encoding="utf-8")
    )
    return policy


def _names(stage: str) -> tuple[str, str]:
    config = _config()
    variables = {**config["environment_variables"], **config["stages"][stage]["environment_variables"]}
    return variables["TABLE_NAME"], variables["BUCKET_NAME"]


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def test_the_scan_finds_the_storage_calls() -> None:
    methods = {where.rsplit(" ", 1)[1] for where, _ in _shipped_calls()}
    assert {"get_item", "put_item", "update_item", "query", "transact_write_items", "put_object"} <= methods


def test_every_stage_has_its_own_policy_file() -> None:
    config = _config()
    assert config["autogen_policy"] is False
    assert {stage: config["stages"][stage]["iam_policy_file"] for stage in STAGES} == {
        stage: f"policy-{stage}.json" for stage in STAGES
    }


@pytest.mark.parametrize("stage", STAGES)
def test_policy_grants_exactly_what_the_code_calls(stage: str) -> None:
    needed = set().union(*(actions for _, actions in _shipped_calls()))
    statements = _policy(stage)["Statement"]
    assert all(s["Effect"] == "Allow" and "NotAction" not in s and "NotResource" not in s for s in statements)
    granted = {action for s in statements for action in _as_list(s["Action"])}
    tracing = XRAY_ACTIONS if _traced(stage) else set()
    assert granted - LOG_ACTIONS - tracing == needed
    assert granted >= LOG_ACTIONS | tracing
    assert not any("*" in action for action in granted)


@pytest.mark.parametrize("stage", STAGES)
def test_policy_names_only_the_stage_resources(stage: str) -> None:
    table, bucket = _names(stage)
    allowed = {
        "dynamodb": {f"arn:aws:dynamodb:*:*:table/{table}", f"arn:aws:dynamodb:*:*:table/{table}/index/*"},
        "s3-object": {f"arn:aws:s3:::{bucket}/items/*"},
        "s3-bucket": {f"arn:aws:s3:::{bucket}"},
        "logs": {
            f"arn:aws:logs:*:*:log-group:/aws/lambda/reference-api-{stage}-*",
            f"arn:aws:logs:*:*:log-group:/aws/lambda/reference-api-{stage}-*:log-stream:*",
        },
    }
    for statement in _policy(stage)["Statement"]:
        actions = set(_as_list(statement["Action"]))
        resources = set(_as_list(statement["Resource"]))
        if actions == XRAY_ACTIONS and _traced(stage):
            assert resources == {"*"}
            continue
        assert "*" not in resources
        if actions <= LOG_ACTIONS:
            assert resources <= allowed["logs"]
        elif all(a.startswith("dynamodb:") for a in actions):
            assert resources <= allowed["dynamodb"]
        elif actions == {"s3:ListBucket"}:
            assert resources <= allowed["s3-bucket"]
            assert statement["Condition"] == {"StringLike": {"s3:prefix": ["items/*"]}}
        else:
            assert all(a.startswith("s3:") for a in actions), actions
            assert resources <= allowed["s3-object"]
