"""`make package`: chalice's SAM template merged with infra/resources.json is one deployable template.

cfn-lint passes on it (SAM transform included), and it declares what the code needs: the table exactly
as chalicelib.storage.dynamodb defines it, a private encrypted bucket, the stage's environment, the
reviewed policy file on every function, the spec's binary media types and problem+json gateway answers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.deploy


def _resources(template: dict[str, Any], kind: str) -> dict[str, Any]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def test_cfn_lint_passes(package_dir: Path) -> None:
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    result = subprocess.run(
        [str(cfn_lint), str(package_dir / "sam.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"cfn-lint:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.strip() == ""  # no error, no warning, no informational finding


def test_one_template_with_the_app_and_its_storage(template: dict[str, Any]) -> None:
    assert template["Transform"] == "AWS::Serverless-2016-10-31"
    assert {"RestAPI", "APIHandler", "ItemsTable", "ImagesBucket"} <= set(template["Resources"])
    assert _resources(template, "AWS::DynamoDB::Table").keys() == {"ItemsTable"}
    assert _resources(template, "AWS::S3::Bucket").keys() == {"ImagesBucket"}


def test_table_is_the_storage_definition(template: dict[str, Any]) -> None:
    """Key schema, attributes, GSIs, billing and TTL exactly as bootstrap.py creates the table locally."""
    from chalicelib.storage.dynamodb import TABLE_DEFINITION, TTL_ATTRIBUTE

    table = template["Resources"]["ItemsTable"]
    properties = table["Properties"]
    for key, value in TABLE_DEFINITION.items():
        assert properties[key] == value, key
    assert properties["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert properties["TableName"] == "reference-api-prod-items"
    # data outlives a stack deletion or a replacement by mistake
    assert table["DeletionPolicy"] == table["UpdateReplacePolicy"] == "Retain"
    assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert properties["DeletionProtectionEnabled"] is True


def test_bucket_is_private_and_encrypted(template: dict[str, Any]) -> None:
    from chalicelib.storage.s3 import BUCKET_PROPERTIES

    bucket = template["Resources"]["ImagesBucket"]
    for key, value in BUCKET_PROPERTIES.items():
        assert bucket["Properties"][key] == value, key
    assert bucket["Properties"]["BucketName"] == "reference-api-prod-images"
    assert bucket["DeletionPolicy"] == "Retain"
    policy = template["Resources"]["ImagesBucketPolicy"]["Properties"]["PolicyDocument"]
    assert [s["Condition"] for s in policy["Statement"] if s["Effect"] == "Deny"] == [
        {"Bool": {"aws:SecureTransport": "false"}}
    ]


def test_functions_run_with_the_reviewed_policy_file(
    template: dict[str, Any], stage_config: dict[str, Any]
) -> None:
    assert stage_config["autogen_policy"] is False
    policy = json.loads((ROOT / ".chalice" / stage_config["stages"]["prod"]["iam_policy_file"]).read_text())
    functions = _resources(template, "AWS::Serverless::Function")
    assert functions
    for name, function in functions.items():
        assert "Policies" not in function["Properties"], name  # no SAM policy templates besides the file
        role = function["Properties"]["Role"]
        assert set(role) == {"Fn::GetAtt"}, name
        role_resource = template["Resources"][role["Fn::GetAtt"][0]]
        assert role_resource["Type"] == "AWS::IAM::Role"
        assert [p["PolicyDocument"] for p in role_resource["Properties"]["Policies"]] == [policy], name
        assert "ManagedPolicyArns" not in role_resource["Properties"], name


def test_functions_get_the_stage_environment(template: dict[str, Any]) -> None:
    tables = template["Resources"]["ItemsTable"]["Properties"]["TableName"]
    buckets = template["Resources"]["ImagesBucket"]["Properties"]["BucketName"]
    for name, function in _resources(template, "AWS::Serverless::Function").items():
        variables = function["Properties"]["Environment"]["Variables"]
        assert variables["STORAGE"] == "dynamodb", name
        assert variables["TABLE_NAME"] == tables, name
        assert variables["BUCKET_NAME"] == buckets, name
        assert variables["RESPONSE_VALIDATION"] == "log-only", name
        assert int(variables["PURGE_AFTER_DAYS"]) > 0, name
        assert int(variables["MAX_IMAGE_BYTES"]) == 5 * 1024 * 1024, name
        # a CloudFormation dynamic reference, resolved at deploy time: no secret in the repository
        assert (
            variables["CURSOR_SECRET"]
            == "{{resolve:secretsmanager:reference-api/prod/cursor-secret:SecretString}}"
        )
        assert "AWS_ENDPOINT_URL" not in variables, name  # the real endpoints
        assert not {"AWS_REGION", "AWS_DEFAULT_REGION"} & set(variables), name  # reserved by Lambda


def test_s3_events_come_from_the_template_bucket(template: dict[str, Any]) -> None:
    for name, function in _resources(template, "AWS::Serverless::Function").items():
        for event in function["Properties"].get("Events", {}).values():
            if event["Type"] == "S3":
                assert event["Properties"]["Bucket"] == {"Ref": "ImagesBucket"}, name


def test_s3_handler_of_another_bucket_is_refused() -> None:
    from types import SimpleNamespace

    from devtools.package import _s3_event

    generator = SimpleNamespace(_config=SimpleNamespace(environment_variables={"BUCKET_NAME": "ours"}))
    with pytest.raises(ValueError, match="'theirs'"):
        _s3_event(generator, SimpleNamespace(bucket="theirs"), {"Resources": {}})


def test_binary_media_types_cover_the_spec(template: dict[str, Any]) -> None:
    from app import app

    body = template["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]
    declared = set(body["x-amazon-apigateway-binary-media-types"])
    assert set(app.api.binary_types) <= declared
    assert {"image/png", "image/jpeg"} <= declared  # item images


def test_gateway_errors_are_problem_json(template: dict[str, Any]) -> None:
    body = template["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]
    responses = body["x-amazon-apigateway-gateway-responses"]
    assert {"MISSING_AUTHENTICATION_TOKEN", "DEFAULT_4XX", "DEFAULT_5XX"} <= set(responses)
    for kind, response in responses.items():
        assert response["responseParameters"] == {
            "gatewayresponse.header.Content-Type": "'application/problem+json'"
        }, kind
        problem = json.loads(response["responseTemplates"]["application/json"])
        assert problem["status"] == int(response["statusCode"]), kind
        assert problem["type"] == "about:blank", kind
        assert problem["title"], kind
        assert problem["errors"] == [], kind
    # an unknown path reaches no route: API Gateway calls it a missing token (403); the spec says 404
    assert responses["MISSING_AUTHENTICATION_TOKEN"]["statusCode"] == "404"
    assert json.loads(responses["MISSING_AUTHENTICATION_TOKEN"]["responseTemplates"]["application/json"]) == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "errors": [],
    }
