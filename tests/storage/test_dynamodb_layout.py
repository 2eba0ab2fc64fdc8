"""What only the AWS implementations have: the table and bucket definitions (and their copy in
docs/STORAGE.md), the stored attribute layout, configuration from the environment and lazy clients."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from chalicelib.storage import (
    ITEMS,
    POSTS,
    USERS,
    InMemoryImageStore,
    InMemoryItemStore,
    VersionConflict,
    comments_of,
    make_image_store,
    make_item_store,
    make_store,
)
from tests.storage.fakes import FakeClock, ids, item

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dynamo(table_name: str, clock: FakeClock) -> Any:
    from chalicelib.storage.dynamodb import DynamoItemStore

    return DynamoItemStore(table_name, clock=clock)


def raw(store: Any, pk: str, sk: str = "ITEM") -> dict[str, Any] | None:
    found: dict[str, Any] | None = store.client.get_item(
        TableName=store.table_name, Key={"PK": {"S": pk}, "SK": {"S": sk}}, ConsistentRead=True
    ).get("Item")
    return found


# -- bootstrap ---------------------------------------------------------------------------------------


def test_bootstrap_is_idempotent_and_creates_the_defined_table(aws_env: str) -> None:
    from chalicelib.storage import aws
    from chalicelib.storage.bootstrap import ensure_bucket, ensure_table
    from chalicelib.storage.dynamodb import TABLE_DEFINITION, TTL_ATTRIBUTE

    name = f"bootstrap-{uuid.uuid4().hex[:8]}"
    assert ensure_table(name) is True
    assert ensure_table(name) is False
    client = aws.client("dynamodb")
    table = client.describe_table(TableName=name)["Table"]
    assert table["TableStatus"] == "ACTIVE"
    assert table["KeySchema"] == TABLE_DEFINITION["KeySchema"]
    assert sorted(table["AttributeDefinitions"], key=str) == sorted(
        TABLE_DEFINITION["AttributeDefinitions"], key=str
    )
    assert {
        index["IndexName"]: (index["KeySchema"], index["Projection"]["ProjectionType"])
        for index in table["GlobalSecondaryIndexes"]
    } == {
        index["IndexName"]: (index["KeySchema"], index["Projection"]["ProjectionType"])
        for index in TABLE_DEFINITION["GlobalSecondaryIndexes"]
    }
    ttl = client.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    assert (ttl.get("TimeToLiveStatus"), ttl.get("AttributeName")) == ("ENABLED", TTL_ATTRIBUTE)
    assert ensure_bucket(name) is True
    assert ensure_bucket(name) is False


def test_bootstrap_command_uses_the_environment(aws_env: str) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "TABLE_NAME": name, "BUCKET_NAME": name}
    for _ in range(2):  # idempotent
        done = subprocess.run(
            [sys.executable, "-m", "chalicelib.storage.bootstrap"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"table {name} and bucket {name} are ready"


# -- the stored layout --------------------------------------------------------------------------------


def test_item_layout(dynamo: Any) -> None:
    dynamo.create(item("abc", name="Desk LAMP", description="Brass", price=24.5, count=3))
    stored = raw(dynamo, "ITEM#abc")
    assert stored is not None
    assert stored["data"]["M"]["price"] == {"N": "24.5"}  # written from Decimal(str(24.5)): exact digits
    assert stored["data"]["M"]["count"] == {"N": "3"}
    assert stored["version"] == {"N": "1"}
    assert stored["ListPK"] == {"S": "ITEMS"}
    assert re.fullmatch(r"\d{20}#abc", stored["ListSK"]["S"])
    assert (stored["SearchName"], stored["SearchDescription"]) == ({"S": "desk lamp"}, {"S": "brass"})
    assert "PurgePK" not in stored
    assert "deleted_at" not in stored
    dynamo.replace("abc", {"name": "Chair"})
    stored = raw(dynamo, "ITEM#abc")
    assert stored is not None
    assert stored["SearchName"] == {"S": "chair"}
    assert "SearchDescription" not in stored


def test_creation_order_keys_increase(dynamo: Any) -> None:
    for n in range(20):
        dynamo.create(item(f"i{n}"))
    keys = [raw(dynamo, f"ITEM#i{n}")["ListSK"]["S"] for n in range(20)]
    assert keys == sorted(keys)
    assert len(set(keys)) == 20


def test_soft_delete_moves_the_item_between_sparse_indexes(dynamo: Any, clock: FakeClock) -> None:
    dynamo.create(item("abc"))
    assert dynamo.delete("abc") is True
    stored = raw(dynamo, "ITEM#abc")
    assert stored is not None
    assert "ListPK" not in stored
    assert "ListSK" not in stored
    assert stored["deleted_at"] == {"S": "2030-01-01T00:00:00.000Z"}
    assert (stored["PurgePK"], stored["PurgeSK"]) == (
        {"S": "DELETED#ITEMS"},
        {"S": "2030-01-01T00:00:00.000Z#abc"},
    )
    assert stored["version"] == {"N": "2"}
    listed = dynamo.client.query(
        TableName=dynamo.table_name,
        IndexName="ByCreation",
        KeyConditionExpression="ListPK = :p",
        ExpressionAttributeValues={":p": {"S": "ITEMS"}},
    )
    assert listed["Items"] == []


COLLECTIONS = {
    "items": (ITEMS, "ITEM#x", "ITEM", "ITEMS", ("SearchName", "SearchDescription"), "IDEMPOTENCY"),
    "users": (USERS, "USER#x", "USER", "USERS", ("SearchName", "SearchDescription"), "IDEMPOTENCY#USERS"),
    "posts": (POSTS, "POST#x", "POST", "POSTS", ("SearchTitle", "SearchBody"), "IDEMPOTENCY#POSTS"),
    "comments": (
        comments_of("p1"),
        "COMMENT#x",
        "POST#p1",
        "POST#p1#COMMENTS",
        ("SearchText", "SearchTitle", "SearchAlt_text"),
        "IDEMPOTENCY#POST#p1#COMMENTS",
    ),
}


@pytest.mark.parametrize("name", COLLECTIONS)
def test_layout_of_each_collection(table_name: str, clock: FakeClock, name: str) -> None:
    from chalicelib.storage.dynamodb import DynamoItemStore

    collection, pk, sk, list_pk, search_attributes, marker_sk = COLLECTIONS[name]
    store = DynamoItemStore(table_name, collection=collection, clock=clock)
    fields = {field: field.upper() for field in collection.search_fields}
    store.create({"id": "x", **fields, "other": "Not Searched"}, idempotency_key="k")
    stored = raw(store, pk, sk)
    assert stored is not None
    assert stored["data"]["M"]["other"] == {"S": "Not Searched"}
    assert stored["ListPK"] == {"S": list_pk}
    assert re.fullmatch(r"\d{20}#x", stored["ListSK"]["S"])
    search = {k: v for k, v in stored.items() if k.startswith("Search")}
    assert search == {
        attribute: {"S": field.casefold()}
        for attribute, field in zip(search_attributes, collection.search_fields, strict=True)
    }
    marker = raw(store, "IDEMPOTENCY#" + hashlib.sha256(b"k").hexdigest(), marker_sk)
    assert marker is not None
    assert marker["ItemId"] == {"S": "x"}
    assert store.delete("x") is True
    stored = raw(store, pk, sk)
    assert stored is not None
    assert (stored["PurgePK"], stored["PurgeSK"]) == (
        {"S": f"DELETED#{list_pk}"},
        {"S": "2030-01-01T00:00:00.000Z#x"},
    )
    assert "ListPK" not in stored
    assert store.purge_deleted(clock.advance(seconds=1)) == 1
    assert raw(store, pk, sk) is None


def test_items_soft_deleted_before_collections_are_still_purged(dynamo: Any, clock: FakeClock) -> None:
    """Tombstones written before the purge partition became per collection sit in `DELETED`: the
    items' purge reads that partition too (and only the items' purge)."""
    from chalicelib.storage.dynamodb import DynamoItemStore

    dynamo.create(item("old"))
    dynamo.delete("old")
    dynamo.client.update_item(  # as the pre-collection code wrote it
        TableName=dynamo.table_name,
        Key={"PK": {"S": "ITEM#old"}, "SK": {"S": "ITEM"}},
        UpdateExpression="SET PurgePK = :p",
        ExpressionAttributeValues={":p": {"S": "DELETED"}},
    )
    cutoff = clock.advance(seconds=1)
    posts = DynamoItemStore(dynamo.table_name, collection=POSTS, clock=clock)
    assert posts.purge_deleted(cutoff) == 0
    purged: list[str] = []
    assert dynamo.purge_deleted(cutoff, purged.append) == 1
    assert purged == ["old"]
    assert raw(dynamo, "ITEM#old") is None


def test_records_without_a_version_are_still_readable_and_writable(dynamo: Any) -> None:
    """The removed unversioned `put` wrote records without `version`; a table may still hold some. They
    read without one, match `expected_version=0`, and their next write makes them version 1."""
    for n, item_id in enumerate(("old", "older")):
        dynamo.client.put_item(  # as `put` wrote a new record
            TableName=dynamo.table_name,
            Item={
                "PK": {"S": f"ITEM#{item_id}"},
                "SK": {"S": "ITEM"},
                "data": {"M": {"id": {"S": item_id}, "name": {"S": "Lamp"}, "tags": {"L": []}}},
                "ListPK": {"S": "ITEMS"},
                "ListSK": {"S": f"{n:020d}#{item_id}"},
                "SearchName": {"S": "lamp"},
            },
        )
    record = {"id": "old", "name": "Lamp", "tags": []}
    assert dynamo.get("old") == record
    assert dynamo.list_page(10, q="LAMP").items == [record, {**record, "id": "older"}]
    with pytest.raises(VersionConflict) as info:
        dynamo.replace("old", {"name": "Chair"}, expected_version=1)
    assert (info.value.expected, info.value.actual) == (1, 0)
    assert dynamo.replace("old", {"name": "Chair"}, expected_version=0) == {
        "id": "old",
        "name": "Chair",
        "version": 1,
    }
    with pytest.raises(VersionConflict):
        dynamo.replace("old", {"name": "lost"}, expected_version=0)
    assert dynamo.set_image("older", "items/older/a", "image/png", 1)["version"] == 1  # no expected version
    assert raw(dynamo, "ITEM#older")["version"] == {"N": "1"}


def test_idempotency_marker(dynamo: Any, clock: FakeClock) -> None:
    record, _ = dynamo.create(item("abc"), idempotency_key="retry-me")
    marker = raw(dynamo, "IDEMPOTENCY#" + hashlib.sha256(b"retry-me").hexdigest(), "IDEMPOTENCY")
    assert marker is not None
    assert marker["ItemId"] == {"S": "abc"}
    assert int(marker["ExpiresAt"]["N"]) == int(clock.now.timestamp()) + 24 * 3600
    assert marker["Snapshot"]["M"]["version"] == {"N": "1"}
    assert dynamo.list_page(10).items == [record]  # markers never show up in lists


def test_number_conversion_helpers() -> None:
    from chalicelib.storage.dynamodb import deserialize, serialize

    assert serialize(24.5) == {"N": "24.5"}
    assert serialize(0.1) == {"N": "0.1"}
    assert serialize(3) == {"N": "3"}
    assert serialize(True) == {"BOOL": True}
    assert serialize({"a": [1.5]}) == {"M": {"a": {"L": [{"N": "1.5"}]}}}
    assert deserialize({"N": "3"}) == 3
    assert type(deserialize({"N": "3"})) is int
    assert type(deserialize({"N": "3.0"})) is float
    assert deserialize({"N": "1E+2"}) == 100
    assert type(deserialize({"N": "24.50"})) is float
    assert deserialize({"NS": ["2", "1"]}) == [1, 2]
    assert deserialize({"B": b"\x00"}) == b"\x00"
    with pytest.raises(ValueError, match="finite"):
        serialize(float("nan"))
    assert Decimal(str(24.5)) == Decimal("24.5")


# -- configuration and clients --------------------------------------------------------------------------


def test_factories_pick_by_storage(monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.storage.dynamodb import DynamoItemStore
    from chalicelib.storage.s3 import S3ImageStore

    monkeypatch.delenv("STORAGE", raising=False)
    assert isinstance(make_item_store(), InMemoryItemStore)
    assert isinstance(make_image_store(), InMemoryImageStore)
    assert isinstance(make_store(POSTS), InMemoryItemStore)
    monkeypatch.setenv("STORAGE", "dynamodb")
    monkeypatch.setenv("TABLE_NAME", "prod-items")
    monkeypatch.setenv("BUCKET_NAME", "prod-images")
    store = make_item_store()
    assert isinstance(store, DynamoItemStore)
    assert (store.table_name, store.collection) == ("prod-items", ITEMS)
    for collection in (ITEMS, USERS, POSTS, comments_of("p1")):
        made = make_store(collection)
        assert isinstance(made, DynamoItemStore)
        assert (made.table_name, made.collection, made._client) == ("prod-items", collection, None)
    assert isinstance(make_store(POSTS, "memory"), InMemoryItemStore)
    images = make_image_store()
    assert isinstance(images, S3ImageStore)
    assert images.bucket == "prod-images"
    assert (store._client, images._client) == (None, None)  # no client before the first request
    monkeypatch.delenv("TABLE_NAME")
    monkeypatch.delenv("BUCKET_NAME")
    with pytest.raises(ValueError, match="TABLE_NAME"):
        make_item_store()
    with pytest.raises(ValueError, match="TABLE_NAME"):
        make_store(USERS)
    with pytest.raises(ValueError, match="BUCKET_NAME"):
        make_image_store()


def test_unknown_storage_kind_names_both_kinds() -> None:
    for factory in (make_item_store, make_image_store, lambda kind: make_store(POSTS, kind)):
        with pytest.raises(
            ValueError, match=r"^unknown STORAGE 'redis': expected one of 'memory', 'dynamodb'$"
        ):
            factory("redis")


def test_memory_storage_never_imports_boto3() -> None:
    probe = (
        "import sys; from chalicelib.storage import POSTS, make_item_store, make_image_store, make_store; "
        "make_item_store('memory'); make_image_store('memory'); make_store(POSTS, 'memory').list_page(1); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'boto3', 'botocore'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_clients_are_cached_per_endpoint(aws_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.storage import aws

    first = aws.client("dynamodb")
    assert aws.client("dynamodb") is first
    assert first.meta.endpoint_url == aws_env
    assert first.meta.region_name == "us-east-1"
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    other = aws.client("dynamodb")
    assert other is not first
    assert (other.meta.endpoint_url, other.meta.region_name) == ("http://127.0.0.1:9", "eu-west-1")


def test_stores_of_every_collection_share_the_process_client(
    table_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORAGE", "dynamodb")
    monkeypatch.setenv("TABLE_NAME", table_name)
    stores: list[Any] = [make_store(c) for c in (ITEMS, USERS, POSTS, comments_of("p1"), comments_of("p2"))]
    for store in stores:
        store.create(item("same"))
    assert len({id(store.client) for store in stores}) == 1
    assert [ids(make_store(c).list_page(10).items) for c in (ITEMS, POSTS, comments_of("p2"))] == [
        ["same"]
    ] * 3


def test_ping_reports_a_missing_table(aws_env: str) -> None:
    from chalicelib.storage.dynamodb import DynamoItemStore

    assert DynamoItemStore("no-such-table").ping() is False


# -- docs/STORAGE.md carries the same definitions -------------------------------------------------------


def _cloudformation() -> dict[str, Any]:
    text = (ROOT / "docs" / "STORAGE.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- cloudformation -->\s*```yaml\n(.*?)```", text, re.DOTALL)
    assert block, "docs/STORAGE.md lost its CloudFormation snippet"
    template: dict[str, Any] = yaml.safe_load(block.group(1))
    return template


def test_docs_cloudformation_matches_the_code() -> None:
    from chalicelib.storage.dynamodb import TABLE_DEFINITION, TTL_ATTRIBUTE
    from chalicelib.storage.s3 import BUCKET_PROPERTIES

    resources = _cloudformation()["Resources"]
    table = resources["ItemsTable"]
    assert table["Type"] == "AWS::DynamoDB::Table"
    properties = dict(table["Properties"])
    assert properties.pop("TimeToLiveSpecification") == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    for extra in (
        "TableName",
        "PointInTimeRecoverySpecification",
        "DeletionProtectionEnabled",
        "SSESpecification",
    ):
        properties.pop(extra, None)
    assert json.loads(json.dumps(properties)) == TABLE_DEFINITION
    bucket = resources["ImagesBucket"]
    assert bucket["Type"] == "AWS::S3::Bucket"
    assert {k: v for k, v in bucket["Properties"].items() if k != "BucketName"} == BUCKET_PROPERTIES
