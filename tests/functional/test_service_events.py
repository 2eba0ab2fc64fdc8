"""The non-HTTP handlers app.py registers, invoked through chalice's lambda and events test clients:
`on_image_uploaded` (S3 ObjectCreated in the images bucket) and `purge_deleted_items` (the schedule).
Table and bucket are inspected with boto3 clients on the moto server."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.functional.conftest import Storage
from tests.functional.support import Api, assert_problem, etag_of, png


def _s3_event(api: Api, storage: Storage, key: str) -> Any:
    event = api.client.events.generate_s3_event(bucket=storage.bucket or "", key=key)
    return api.client.lambda_.invoke("on_image_uploaded", event).payload


def _put_object(storage: Storage, key: str, data: bytes, content_type: str = "image/png") -> None:
    storage.s3().put_object(Bucket=storage.bucket, Key=key, Body=data, ContentType=content_type)


def _exists(storage: Storage, key: str) -> bool:
    try:
        storage.s3().head_object(Bucket=storage.bucket, Key=key)
    except ClientError as error:
        code = error.response["Error"]["Code"]
    else:
        return True
    assert code in ("404", "NoSuchKey"), code
    return False


def _table_mentions(storage: Storage, item_id: str) -> list[dict[str, Any]]:
    """Every table record that mentions `item_id` anywhere (whatever the key layout)."""
    found = []
    kwargs: dict[str, Any] = {"TableName": storage.table}
    while True:
        page = storage.dynamodb().scan(**kwargs)
        found += [r for r in page["Items"] if item_id in json.dumps(r, default=str)]
        if "LastEvaluatedKey" not in page:
            return found
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def test_an_object_put_straight_into_the_bucket_is_recorded(service: Api, storage: Storage) -> None:
    item = service.create_item()
    key = f"items/{item['id']}/{uuid.uuid4().hex}"
    data = png(777)
    _put_object(storage, key, data)
    payload = _s3_event(service, storage, key)
    assert payload == {"key": key, "recorded": True}
    reply = service.get(f"/items/{item['id']}")
    assert reply.json["image"] == {"content_type": "image/png", "size": 777}
    assert (reply.json["version"], reply.etag) == (2, '"2"')
    got = service.get(f"/items/{item['id']}/image", headers={"Accept": "image/png"})
    assert got.body == data
    # the same event again (S3 delivers at least once): nothing changes
    assert _s3_event(service, storage, key) == {"key": key, "recorded": False}
    assert service.get(f"/items/{item['id']}").json["version"] == 2


def test_the_event_of_an_upload_through_the_api_is_a_no_op(service: Api, storage: Storage) -> None:
    item = service.create_item()
    uploaded = service.call("PUT", f"/items/{item['id']}/image", body=png(), content_type="image/png")
    assert uploaded.status == 200
    [key] = storage.s3().list_objects_v2(Bucket=storage.bucket, Prefix=f"items/{item['id']}/")["Contents"]
    assert _s3_event(service, storage, key["Key"]) == {"key": key["Key"], "recorded": False}
    assert service.get(f"/items/{item['id']}").json == uploaded.json


def test_an_older_object_does_not_replace_the_current_image(service: Api, storage: Storage) -> None:
    item = service.create_item()
    uploaded = service.call("PUT", f"/items/{item['id']}/image", body=png(), content_type="image/png")
    stray = f"items/{item['id']}/{uuid.uuid4().hex}"
    _put_object(storage, stray, png(10))
    assert _s3_event(service, storage, stray)["recorded"] is False
    assert service.get(f"/items/{item['id']}").json == uploaded.json


def test_an_object_of_a_missing_item_is_deleted(service: Api, storage: Storage) -> None:
    key = f"items/{uuid.uuid4()}/{uuid.uuid4().hex}"
    _put_object(storage, key, png())
    assert _s3_event(service, storage, key) == {"key": key, "recorded": False}
    assert not _exists(storage, key)


def test_an_object_of_a_deleted_item_is_deleted(service: Api, storage: Storage) -> None:
    item = service.create_item()
    assert service.delete(f"/items/{item['id']}", headers={"If-Match": etag_of(item)}).status == 204
    key = f"items/{item['id']}/{uuid.uuid4().hex}"
    _put_object(storage, key, png())
    assert _s3_event(service, storage, key)["recorded"] is False
    assert not _exists(storage, key)


def test_event_for_a_vanished_object_or_a_key_outside_the_layout(service: Api, storage: Storage) -> None:
    item = service.create_item()
    gone = f"items/{item['id']}/{uuid.uuid4().hex}"
    assert _s3_event(service, storage, gone) == {"key": gone, "recorded": False}
    for foreign in ("items/readme.txt", f"items/{item['id']}/nested/{uuid.uuid4().hex}"):
        _put_object(storage, foreign, png())
        assert _s3_event(service, storage, foreign) == {"key": foreign, "recorded": False}
        assert _exists(storage, foreign), "not an image key: not the handler's to delete"
    assert service.get(f"/items/{item['id']}").json == item


def _purge(api: Api) -> Any:
    event = api.client.events.generate_cw_event(
        source="aws.events",
        detail_type="Scheduled Event",
        detail={},
        resources=["arn:aws:events:us-east-1:123456789012:rule/purge_deleted_items"],
    )
    return api.client.lambda_.invoke("purge_deleted_items", event).payload


@pytest.mark.parametrize(("days", "purged"), [("0", True), ("30", False)])
def test_purge_deleted_items(
    service: Api, storage: Storage, monkeypatch: pytest.MonkeyPatch, days: str, purged: bool
) -> None:
    doomed = service.create_item(name="doomed")
    live = service.create_item(name="live")
    image = service.call("PUT", f"/items/{doomed['id']}/image", body=png(), content_type="image/png")
    assert service.delete(f"/items/{doomed['id']}", headers={"If-Match": image.etag or ""}).status == 204
    assert _table_mentions(storage, doomed["id"]), "a soft-deleted item stays in the table until purged"
    monkeypatch.setenv("PURGE_AFTER_DAYS", days)

    payload = _purge(service)

    assert payload["purged"] == (1 if purged else 0)
    assert bool(_table_mentions(storage, doomed["id"])) is not purged
    listed = storage.s3().list_objects_v2(Bucket=storage.bucket, Prefix=f"items/{doomed['id']}/")
    assert ("Contents" in listed) is not purged
    assert_problem(service.get(f"/items/{doomed['id']}"), 404)
    assert service.get(f"/items/{live['id']}").json == live
    assert _table_mentions(storage, live["id"])


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(b"hello", "text/plain"), (b"", "image/png"), (png(), "application/octet-stream")],
    ids=["text", "empty", "untyped"],
)
def test_an_object_the_api_cannot_serve_is_not_recorded(
    service: Api, storage: Storage, data: bytes, content_type: str
) -> None:
    """Recording it would make every answer including the item break openapi.yaml (Image.content_type
    is image/png or image/jpeg, Image.size at least 1): a 500 on GET /items/{id} and on GET /items."""
    item = service.create_item()
    key = f"items/{item['id']}/{uuid.uuid4().hex}"
    _put_object(storage, key, data, content_type=content_type)
    assert _s3_event(service, storage, key) == {"key": key, "recorded": False}
    assert service.get(f"/items/{item['id']}").json == item
    assert service.get("/items").json["items"] == [item]
