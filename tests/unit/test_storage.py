"""InMemoryItemStore and the store factory."""

from __future__ import annotations

import pytest

from chalicelib.storage import InMemoryItemStore, make_item_store, reset_memory_table


def item(item_id: str, *tags: str, **extra: object) -> dict[str, object]:
    return {"id": item_id, "name": f"item {item_id}", "price": 1, "tags": list(tags), **extra}


@pytest.fixture
def store() -> InMemoryItemStore:
    return InMemoryItemStore()


def test_put_then_get(store: InMemoryItemStore) -> None:
    store.put(item("a", "red"))
    assert store.get("a") == item("a", "red")
    assert store.get("b") is None


def test_put_replaces_existing(store: InMemoryItemStore) -> None:
    store.put(item("a", "red"))
    store.put(item("a", "blue", description="new"))
    assert store.get("a") == item("a", "blue", description="new")
    assert store.list(10) == [item("a", "blue", description="new")]


def test_delete(store: InMemoryItemStore) -> None:
    store.put(item("a"))
    store.put(item("b"))
    assert store.delete("a") is True
    assert store.get("a") is None
    assert store.delete("a") is False
    assert store.delete("never") is False
    assert store.list(10) == [item("b")]


def test_list_in_creation_order(store: InMemoryItemStore) -> None:
    for name in ("c", "a", "b"):
        store.put(item(name))
    assert [i["id"] for i in store.list(10)] == ["c", "a", "b"]


def test_replacing_keeps_creation_position(store: InMemoryItemStore) -> None:
    for name in ("a", "b", "c"):
        store.put(item(name))
    store.put(item("a", "new"))
    assert [i["id"] for i in store.list(10)] == ["a", "b", "c"]


def test_recreating_after_delete_goes_last(store: InMemoryItemStore) -> None:
    for name in ("a", "b"):
        store.put(item(name))
    store.delete("a")
    store.put(item("a"))
    assert [i["id"] for i in store.list(10)] == ["b", "a"]


@pytest.mark.parametrize(
    ("limit", "expected"), [(0, []), (1, ["a"]), (2, ["a", "b"]), (3, ["a", "b", "c"]), (99, ["a", "b", "c"])]
)
def test_list_limit(store: InMemoryItemStore, limit: int, expected: list[str]) -> None:
    for name in ("a", "b", "c"):
        store.put(item(name))
    assert [i["id"] for i in store.list(limit)] == expected


def test_list_tag_filter_applies_before_limit(store: InMemoryItemStore) -> None:
    store.put(item("a", "red"))
    store.put(item("b", "blue"))
    store.put(item("c", "red", "blue"))
    store.put(item("d", "red"))
    store.put({"id": "e", "name": "no tags key", "price": 1})
    assert [i["id"] for i in store.list(10, "red")] == ["a", "c", "d"]
    assert [i["id"] for i in store.list(2, "red")] == ["a", "c"]
    assert [i["id"] for i in store.list(10, "blue")] == ["b", "c"]
    assert store.list(10, "green") == []
    assert [i["id"] for i in store.list(10)] == ["a", "b", "c", "d", "e"]
    # a tag matches whole tags only, not substrings
    assert store.list(10, "re") == []


def test_mutating_a_stored_dict_does_not_change_the_store(store: InMemoryItemStore) -> None:
    original = item("a", "red")
    store.put(original)
    original["name"] = "changed"
    original["tags"].append("blue")
    assert store.get("a") == item("a", "red")


def test_mutating_returned_records_does_not_change_the_store(store: InMemoryItemStore) -> None:
    store.put(item("a", "red"))
    got = store.get("a")
    assert got is not None
    got["name"] = "changed"
    got["tags"].append("blue")
    listed = store.list(10)
    listed[0]["tags"].append("green")
    listed[0]["price"] = 99
    listed.clear()
    assert store.get("a") == item("a", "red")
    assert store.list(10) == [item("a", "red")]


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
        make_item_store().put(item("a"))
        assert make_item_store().get("a") == item("a")
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
