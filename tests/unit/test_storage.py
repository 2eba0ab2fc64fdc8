"""InMemoryItemStore and the store factory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from chalicelib.storage import (
    AlreadyExists,
    InMemoryItemStore,
    NotFound,
    make_item_store,
    reset_memory_table,
)


def item(item_id: str, *tags: str, **extra: object) -> dict[str, object]:
    return {"id": item_id, "name": f"item {item_id}", "price": 1, "tags": list(tags), **extra}


def stored(item_id: str, *tags: str, version: int = 1, **extra: object) -> dict[str, object]:
    """`item(...)` as the store returns it: with its version."""
    return {**item(item_id, *tags, **extra), "version": version}


def ids(store: InMemoryItemStore, limit: int = 10, **filters: object) -> list[str]:
    return [i["id"] for i in store.list_page(limit, **filters).items]


@pytest.fixture
def store() -> InMemoryItemStore:
    return InMemoryItemStore()


def test_create_then_get(store: InMemoryItemStore) -> None:
    assert store.create(item("a", "red")) == (stored("a", "red"), True)
    assert store.get("a") == stored("a", "red")
    assert store.get("b") is None


def test_replace_replaces_fields(store: InMemoryItemStore) -> None:
    store.create(item("a", "red"))
    assert store.replace("a", item("a", "blue", description="new")) == stored(
        "a", "blue", version=2, description="new"
    )
    assert store.get("a") == stored("a", "blue", version=2, description="new")
    assert store.list_page(10).items == [stored("a", "blue", version=2, description="new")]
    with pytest.raises(NotFound):  # replace never creates
        store.replace("b", item("b"))


def test_delete(store: InMemoryItemStore) -> None:
    store.create(item("a"))
    store.create(item("b"))
    assert store.delete("a") is True
    assert store.get("a") is None
    assert store.delete("a") is False
    assert store.delete("never") is False
    assert store.list_page(10).items == [stored("b")]


def test_list_in_creation_order(store: InMemoryItemStore) -> None:
    for name in ("c", "a", "b"):
        store.create(item(name))
    assert ids(store) == ["c", "a", "b"]


def test_replacing_keeps_creation_position(store: InMemoryItemStore) -> None:
    for name in ("a", "b", "c"):
        store.create(item(name))
    store.replace("a", item("a", "new"))
    assert ids(store) == ["a", "b", "c"]


def test_recreating_after_delete_and_purge_goes_last(store: InMemoryItemStore) -> None:
    for name in ("a", "b"):
        store.create(item(name))
    store.delete("a")
    with pytest.raises(AlreadyExists):  # a soft-deleted id stays taken until purged
        store.create(item("a"))
    assert store.purge_deleted(datetime.now(UTC) + timedelta(days=1)) == 1
    store.create(item("a"))
    assert ids(store) == ["b", "a"]


@pytest.mark.parametrize(
    ("limit", "expected"), [(1, ["a"]), (2, ["a", "b"]), (3, ["a", "b", "c"]), (99, ["a", "b", "c"])]
)
def test_list_limit(store: InMemoryItemStore, limit: int, expected: list[str]) -> None:
    for name in ("a", "b", "c"):
        store.create(item(name))
    page = store.list_page(limit)
    assert [i["id"] for i in page.items] == expected
    assert (page.next_cursor is None) == (limit >= 3)


def test_list_limit_zero_is_refused(store: InMemoryItemStore) -> None:
    with pytest.raises(ValueError, match="limit"):
        store.list_page(0)


def test_list_tag_filter_applies_before_limit(store: InMemoryItemStore) -> None:
    store.create(item("a", "red"))
    store.create(item("b", "blue"))
    store.create(item("c", "red", "blue"))
    store.create(item("d", "red"))
    store.create({"id": "e", "name": "no tags key", "price": 1})
    assert ids(store, tags=["red"]) == ["a", "c", "d"]
    assert ids(store, 2, tags=["red"]) == ["a", "c"]
    assert ids(store, tags=["blue"]) == ["b", "c"]
    assert ids(store, tags=["green"]) == []
    assert ids(store) == ["a", "b", "c", "d", "e"]
    # a tag matches whole tags only, not substrings
    assert ids(store, tags=["re"]) == []


def test_mutating_a_stored_dict_does_not_change_the_store(store: InMemoryItemStore) -> None:
    original = item("a", "red")
    store.create(original)
    original["name"] = "changed"
    original["tags"].append("blue")
    assert store.get("a") == stored("a", "red")


def test_mutating_returned_records_does_not_change_the_store(store: InMemoryItemStore) -> None:
    created, _ = store.create(item("a", "red"))
    created["tags"].append("created")
    got = store.get("a")
    assert got is not None
    got["name"] = "changed"
    got["tags"].append("blue")
    listed = store.list_page(10).items
    listed[0]["tags"].append("green")
    listed[0]["price"] = 99
    listed.clear()
    assert store.get("a") == stored("a", "red")
    assert store.list_page(10).items == [stored("a", "red")]


def test_ping(store: InMemoryItemStore) -> None:
    assert store.ping() is True


def test_make_item_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORAGE", raising=False)
    assert isinstance(make_item_store(), InMemoryItemStore)
    assert isinstance(make_item_store("memory"), InMemoryItemStore)
    monkeypatch.setenv("STORAGE", "memory")
    assert isinstance(make_item_store(), InMemoryItemStore)
    # every call is a store over the one process-wide memory table, until it is reset
    reset_memory_table()
    try:
        make_item_store().create(item("a"))
        assert make_item_store().get("a") == stored("a")
        reset_memory_table()
        assert make_item_store().get("a") is None
    finally:
        reset_memory_table()


def test_make_item_store_unknown_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"^unknown STORAGE 'dynamo': expected one of 'memory', 'dynamodb'$"):
        make_item_store("dynamo")
    monkeypatch.setenv("STORAGE", "redis")
    with pytest.raises(ValueError, match=r"^unknown STORAGE 'redis': expected one of 'memory', 'dynamodb'$"):
        make_item_store()


def test_an_unresolved_cursor_secret_reference_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.storage.common import default_cursor_secret

    monkeypatch.setenv(
        "CURSOR_SECRET", "{{resolve:secretsmanager:reference-api/prod/cursor-secret:SecretString}}"
    )
    with pytest.raises(RuntimeError, match="unresolved CloudFormation reference"):
        default_cursor_secret()
    monkeypatch.setenv("CURSOR_SECRET", "a-real-secret")
    assert default_cursor_secret() == b"a-real-secret"
