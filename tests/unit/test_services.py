"""ItemService: business rules over an ItemStore, with an injected clock."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator

import pytest

from chalicelib.services import item_service
from chalicelib.services.items import ItemNotFound, ItemService
from chalicelib.storage import InMemoryItemStore


def ticking(*stamps: str) -> Callable[[], str]:
    it: Iterator[str] = iter(stamps)
    return lambda: next(it)


T1, T2, T3, T4 = (f"2024-01-0{n}T00:00:00.000Z" for n in range(1, 5))


@pytest.fixture
def store() -> InMemoryItemStore:
    return InMemoryItemStore()


@pytest.fixture
def service(store: InMemoryItemStore) -> ItemService:
    return ItemService(store, clock=ticking(T1, T2, T3, T4))


def test_create_assigns_id_and_timestamps(service: ItemService, store: InMemoryItemStore) -> None:
    item = service.create({"name": "Lamp", "price": 24.5, "tags": ["home"]})
    assert uuid.UUID(item["id"]).version == 4
    assert str(uuid.UUID(item["id"])) == item["id"]
    assert dict(item) == {
        "id": item["id"],
        "name": "Lamp",
        "price": 24.5,
        "tags": ["home"],
        "created_at": T1,
        "updated_at": T1,
    }
    assert store.get(item["id"]) == item


def test_create_keeps_only_client_writable_fields(service: ItemService) -> None:
    item = service.create(
        {"name": "Lamp", "price": 1, "description": "d", "id": "mine", "created_at": "x", "colour": "red"}
    )
    assert item["id"] != "mine"
    assert dict(item) == {
        "id": item["id"],
        "name": "Lamp",
        "price": 1,
        "description": "d",
        "tags": [],
        "created_at": T1,
        "updated_at": T1,
    }


def test_create_gives_distinct_ids(store: InMemoryItemStore) -> None:
    service = ItemService(store, clock=lambda: T1)
    ids = {service.create({"name": str(n), "price": n})["id"] for n in range(50)}
    assert len(ids) == 50


def test_default_clock_is_utc_iso_milliseconds(store: InMemoryItemStore) -> None:
    item = ItemService(store).create({"name": "x", "price": 1})
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", item["created_at"])
    assert item["created_at"] == item["updated_at"]


def test_get(service: ItemService) -> None:
    item = service.create({"name": "Lamp", "price": 1})
    assert service.get(item["id"]) == item


def test_get_missing_raises(service: ItemService) -> None:
    with pytest.raises(ItemNotFound) as info:
        service.get("nope")
    assert info.value.item_id == "nope"
    assert isinstance(info.value, LookupError)


def test_replace_keeps_created_at_and_bumps_updated_at(
    service: ItemService, store: InMemoryItemStore
) -> None:
    item = service.create({"name": "Lamp", "price": 1, "description": "old", "tags": ["a"]})
    replaced = service.replace(item["id"], {"name": "Lamp 2", "price": 2})
    assert dict(replaced) == {
        "id": item["id"],
        "name": "Lamp 2",
        "price": 2,
        "tags": [],
        "created_at": T1,
        "updated_at": T2,
    }
    assert store.get(item["id"]) == replaced
    again = service.replace(item["id"], {"name": "Lamp 3", "price": 3, "tags": ["b"]})
    assert (again["created_at"], again["updated_at"], again["tags"]) == (T1, T3, ["b"])


def test_replace_cannot_change_the_id(service: ItemService) -> None:
    item = service.create({"name": "Lamp", "price": 1})
    replaced = service.replace(item["id"], {"name": "x", "price": 1, "id": "other", "created_at": "x"})
    assert (replaced["id"], replaced["created_at"]) == (item["id"], T1)
    assert [i["id"] for i in service.list(10)] == [item["id"]]


def test_replace_missing_raises_and_stores_nothing(service: ItemService, store: InMemoryItemStore) -> None:
    with pytest.raises(ItemNotFound) as info:
        service.replace("nope", {"name": "x", "price": 1})
    assert info.value.item_id == "nope"
    assert store.list(10) == []


def test_delete(service: ItemService) -> None:
    item = service.create({"name": "Lamp", "price": 1})
    service.delete(item["id"])
    with pytest.raises(ItemNotFound):
        service.get(item["id"])


def test_delete_missing_raises(service: ItemService) -> None:
    with pytest.raises(ItemNotFound) as info:
        service.delete("nope")
    assert info.value.item_id == "nope"
    item = service.create({"name": "Lamp", "price": 1})
    service.delete(item["id"])
    with pytest.raises(ItemNotFound):
        service.delete(item["id"])


def test_list_creation_order_limit_and_tag(store: InMemoryItemStore) -> None:
    service = ItemService(store, clock=lambda: T1)
    a = service.create({"name": "a", "price": 1, "tags": ["red"]})
    b = service.create({"name": "b", "price": 1, "tags": ["blue"]})
    c = service.create({"name": "c", "price": 1, "tags": ["red", "blue"]})
    service.replace(a["id"], {"name": "a2", "price": 1, "tags": ["red"]})  # keeps its place
    assert [i["name"] for i in service.list(10)] == ["a2", "b", "c"]
    assert [i["name"] for i in service.list(2)] == ["a2", "b"]
    assert [i["name"] for i in service.list(10, "red")] == ["a2", "c"]
    assert [i["name"] for i in service.list(1, "blue")] == ["b"]
    assert service.list(10, "green") == []
    assert [i["id"] for i in service.list(10)] == [a["id"], b["id"], c["id"]]


def test_returned_items_are_copies(service: ItemService) -> None:
    data = {"name": "Lamp", "price": 1, "tags": ["home"]}
    item = service.create(data)
    data["tags"].append("input-mutated")
    item["name"] = "mutated"
    fetched = service.get(item["id"])
    assert (fetched["name"], fetched["tags"]) == ("Lamp", ["home"])
    fetched["tags"].append("fetched-mutated")
    service.list(10)[0]["tags"].append("listed-mutated")
    replaced = service.replace(item["id"], {"name": "Lamp 2", "price": 2, "tags": ["a"]})
    replaced["tags"].append("replaced-mutated")
    assert service.get(item["id"])["tags"] == ["a"]


def test_healthy(service: ItemService) -> None:
    assert service.healthy() is True


def test_item_service_is_a_process_wide_singleton_until_cleared() -> None:
    item_service.cache_clear()
    try:
        first = item_service()
        assert item_service() is first
        first.create({"name": "x", "price": 1})
        item_service.cache_clear()
        assert item_service() is not first
        assert item_service().list(10) == []
    finally:
        item_service.cache_clear()
