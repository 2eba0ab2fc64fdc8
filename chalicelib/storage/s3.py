"""Image bytes in S3 through boto3: `items/<item id>/<random hex>`, one fresh key per upload.

The item record points at the current key (`image.key`, written by a conditional `set_image`), so an
upload that loses its race is deleted without ever replacing what readers see. Content type is stored on
the object. Imported only when STORAGE=dynamodb; the client is created on first use.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.storage import aws
from chalicelib.storage.common import image_prefix

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef

#: The bucket, as CloudFormation properties (docs/STORAGE.md); bootstrap.py creates it bare for tests.
BUCKET_PROPERTIES = {
    "PublicAccessBlockConfiguration": {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    },
    "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    "BucketEncryption": {
        "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
    },
}


class S3ImageStore:
    def __init__(self, bucket: str, *, client: S3Client | None = None) -> None:
        if not bucket:
            raise ValueError("S3ImageStore needs a bucket name (BUCKET_NAME)")
        self.bucket = bucket
        self._client = client

    @property
    def client(self) -> S3Client:
        if self._client is None:
            self._client = aws.client("s3")
        return self._client

    def put_image(self, item_id: str, content_type: str, data: bytes) -> str:
        key = image_prefix(item_id) + uuid.uuid4().hex
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)
        return key

    def get_image(self, key: str) -> tuple[str, bytes] | None:
        try:
            found = self.client.get_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"NoSuchKey", "404"}:
                return None
            raise
        with found["Body"] as body:
            return found.get("ContentType", "application/octet-stream"), body.read()

    def delete_image(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def delete_images(self, item_id: str) -> int:
        deleted = 0
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=image_prefix(item_id)
        )
        for page in pages:
            keys: list[ObjectIdentifierTypeDef] = [
                {"Key": entry["Key"]} for entry in page.get("Contents", []) if "Key" in entry
            ]
            if keys:  # at most 1000 per page, the DeleteObjects limit
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
                deleted += len(keys)
        return deleted


def store_from_env() -> S3ImageStore:
    """The store for BUCKET_NAME (no AWS call here)."""
    bucket = os.environ.get("BUCKET_NAME", "")
    if not bucket:
        raise ValueError("STORAGE=dynamodb needs BUCKET_NAME (the S3 bucket of item images)")
    return S3ImageStore(bucket)
