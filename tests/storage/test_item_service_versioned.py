"""ItemService over both storage stacks (memory, and DynamoDB + S3 on moto): what the handlers call for
ETags/If-Match, Idempotency-Key, cursors, filters and images."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from chalicelib.services.items import (
    ImageNotFound,
    InvalidCursor,
    ItemNotFound,
    ItemService,
    VersionConflict,
)
from chalicelib.storage import ImageStore, InMemoryImageStore, InMemoryItemStore, ItemStore
from tests.storage.fakes import FakeClock, ids


def ticking() -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield f"2030-01-01T00:00:{n:02d}.000Z"


@pytest.fixture(params=["memory", "aws"])
def stack(request: pytest.FixtureRequest, clock: FakeClock) -> tuple[ItemStore, ImageStore]:
    if request.param == "memory":
        return InMemoryItemStore(clock=clock), InMemoryImageStore()
    from chalicelib.storage.dynamodb import DynamoItemStore
    from chalicelib.storage.s3 import S3ImageStore

    table, bucket = request.getfixturevalue("table_name"), request.getfixturevalue("bucket_name")
    return DynamoItemStore(table, clock=clock), S3ImageStore(bucket)


@pytest.fixture
def service(stack: tuple[ItemStore, ImageStore]) -> ItemService:
    stamps = ticking()
    return ItemService(stack[0], clock=lambda: next(stamps), images=stack[1])


@pytest.fixture
def images(stack: tuple[ItemStore, ImageStore]) -> ImageStore:
    return stack[1]


def test_create_item_with_an_idempotency_key(service: ItemService) -> None:
    body = {"name": "Lamp", "price": 24.5, "status": "active", "colour": "dropped"}
    first, created = service.create_item(body, idempotency_key="k")
    assert created is True
    assert dict(first) == {
        "id": first["id"],
        "name": "Lamp",
        "price": 24.5,
        "status": "active",
        "tags": [],
        "created_at": "2030-01-01T00:00:01.000Z",
        "updated_at": "2030-01-01T00:00:01.000Z",
        "version": 1,
    }
    assert service.create_item(body, idempotency_key="k") == (first, False)
    assert ids(service.list_page(10).items) == [first["id"]]


def test_replace_item_with_expected_version(service: ItemService) -> None:
    item, _ = service.create_item({"name": "Lamp", "price": 1, "description": "old"})
    replaced = service.replace_item(item["id"], {"name": "Lamp 2", "price": 2}, expected_version=1)
    assert (replaced["version"], replaced["created_at"], replaced["updated_at"]) == (
        2,
        item["created_at"],
        "2030-01-01T00:00:02.000Z",
    )
    assert "description" not in replaced
    with pytest.raises(VersionConflict) as info:
        service.replace_item(item["id"], {"name": "lost", "price": 3}, expected_version=1)
    assert (info.value.expected, info.value.actual) == (1, 2)
    with pytest.raises(ItemNotFound):
        service.replace_item("00000000-0000-4000-8000-000000000000", {"name": "x", "price": 1})


def test_delete_item(service: ItemService) -> None:
    item, _ = service.create_item({"name": "Lamp", "price": 1})
    with pytest.raises(VersionConflict):
        service.delete_item(item["id"], expected_version=5)
    service.delete_item(item["id"], expected_version=1)
    with pytest.raises(ItemNotFound):
        service.get(item["id"])
    with pytest.raises(ItemNotFound):
        service.delete_item(item["id"])


def test_list_page(service: ItemService) -> None:
    made = [
        service.create_item({"name": f"n{i}", "price": i, "tags": ["even"] if i % 2 == 0 else []})[0]
        for i in range(5)
    ]
    page = service.list_page(2, tags=["even"])
    assert ids(page.items) == [made[0]["id"], made[2]["id"]]
    assert page.next_cursor is not None
    rest = service.list_page(2, cursor=page.next_cursor, tags=["even"])
    assert (ids(rest.items), rest.next_cursor) == ([made[4]["id"]], None)
    assert ids(service.list_page(10, q="N3").items) == [made[3]["id"]]
    with pytest.raises(InvalidCursor):
        service.list_page(2, cursor="forged")


def test_images(service: ItemService, images: ImageStore) -> None:
    item, _ = service.create_item({"name": "Lamp", "price": 1})
    with pytest.raises(ImageNotFound):
        service.get_image(item["id"])
    first = service.put_image(item["id"], "image/png", b"png bytes", expected_version=1)
    assert first["version"] == 2
    assert first["image"]["content_type"] == "image/png"
    assert first["image"]["size"] == 9
    assert service.get_image(item["id"]) == ("image/png", b"png bytes")
    second = service.put_image(item["id"], "image/jpeg", b"jpeg")
    assert service.get_image(item["id"]) == ("image/jpeg", b"jpeg")
    assert images.get_image(first["image"]["key"]) is None  # the replaced blob is gone
    with pytest.raises(VersionConflict):  # a losing upload leaves nothing behind
        service.put_image(item["id"], "image/gif", b"gif", expected_version=1)
    assert service.get_image(item["id"]) == ("image/jpeg", b"jpeg")
    cleared = service.delete_image(item["id"], expected_version=second["version"])
    assert "image" not in cleared
    assert images.get_image(second["image"]["key"]) is None
    with pytest.raises(ImageNotFound):
        service.get_image(item["id"])
    with pytest.raises(ImageNotFound):
        service.delete_image(item["id"])
    assert images.delete_images(item["id"]) == 0  # no orphan blob anywhere
    with pytest.raises(ItemNotFound):
        service.put_image("00000000-0000-4000-8000-000000000000", "image/png", b"x")


def test_purge_deleted_drops_images(service: ItemService, images: ImageStore, clock: FakeClock) -> None:
    item, _ = service.create_item({"name": "Lamp", "price": 1})
    key = service.put_image(item["id"], "image/png", b"x")["image"]["key"]
    service.delete_item(item["id"])
    assert images.get_image(key) == ("image/png", b"x")  # soft delete keeps it
    assert service.purge_deleted(clock.now + timedelta(days=1)) == 1
    assert images.get_image(key) is None


def test_writes_without_a_version_round_trip(service: ItemService) -> None:
    """Without If-Match on either stack: get and list return what the writes returned, and every write
    still bumps the version."""
    item, created = service.create_item({"name": "Lamp", "price": 1, "tags": ["a"]})
    assert (created, item["version"]) == (True, 1)
    assert service.get(item["id"]) == item
    assert service.list_page(10).items == [item]
    assert service.list_page(10, tags=["a"]).items == [item]
    replaced = service.replace_item(item["id"], {"name": "Lamp 2", "price": 2})
    assert (replaced["version"], replaced["name"], replaced["tags"]) == (2, "Lamp 2", [])
    assert service.get(item["id"]) == replaced
    service.delete_item(item["id"])
    with pytest.raises(ItemNotFound):
        service.delete_item(item["id"])
    assert service.list_page(10) == ([], None)
    assert service.healthy() is True


def test_the_image_store_follows_storage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORAGE", "memory")
    service = ItemService(InMemoryItemStore())
    assert isinstance(service.images, InMemoryImageStore)
    assert service.images is service.images
