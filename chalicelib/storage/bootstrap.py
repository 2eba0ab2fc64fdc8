"""Create the items table and the images bucket when missing (idempotent): local servers and tests.

Deployed stages get them from CloudFormation (docs/STORAGE.md has the snippet built from the same
definitions). `python -m chalicelib.storage.bootstrap` uses TABLE_NAME, BUCKET_NAME, AWS_ENDPOINT_URL and
AWS_REGION / AWS_DEFAULT_REGION.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.storage import aws
from chalicelib.storage.dynamodb import TABLE_DEFINITION, TTL_ATTRIBUTE

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client


def ensure_table(table_name: str, client: DynamoDBClient | None = None) -> bool:
    """Create the table (and enable TTL on idempotency markers) unless it exists; whether it was created."""
    client = client or aws.client("dynamodb")
    try:
        client.create_table(TableName=table_name, **TABLE_DEFINITION)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "ResourceInUseException":
            raise
        return False
    client.get_waiter("table_exists").wait(TableName=table_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    client.update_time_to_live(
        TableName=table_name, TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE}
    )
    return True


def ensure_bucket(bucket: str, client: S3Client | None = None) -> bool:
    """Create the bucket unless this account already owns it; whether it was created."""
    client = client or aws.client("s3")
    region = client.meta.region_name
    try:
        client.head_bucket(Bucket=bucket)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in {"404", "NoSuchBucket"}:
            raise
    else:
        return False  # (us-east-1 would answer CreateBucket on an owned bucket with a plain success)
    try:
        if region in (None, "us-east-1"):
            client.create_bucket(Bucket=bucket)
        else:
            client.create_bucket(
                Bucket=bucket,
                CreateBucketConfiguration={"LocationConstraint": region},  # type: ignore[typeddict-item]  # any region name is valid here; the stubs list only literals
            )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") != "BucketAlreadyOwnedByYou":
            raise
        return False
    return True


def ensure_storage() -> None:
    """Table TABLE_NAME and bucket BUCKET_NAME, from the environment."""
    ensure_table(os.environ["TABLE_NAME"])
    ensure_bucket(os.environ["BUCKET_NAME"])


if __name__ == "__main__":
    ensure_storage()
    print(f"table {os.environ['TABLE_NAME']} and bucket {os.environ['BUCKET_NAME']} are ready")
