"""The ItemStore contract, run against every implementation (`store` is parametrized in conftest.py:
InMemoryItemStore and DynamoItemStore on a moto server, each serving items and posts). No boto3 call is
mocked. test_collections.py covers what is between collections."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.storage import (
    ITEMS,
    AlreadyExists,
    Collection,
    InvalidCursor,
    ItemStore,
    NotFound,
    VersionConflict,
)
from chalicelib.storage.common import encode_cursor
from tests.storage.fakes import FakeClock, ids, item, new_id, race, searchable

# -- create / get -----------------------------------------------------------------------------------


def test_create_then_get(store: ItemStore) -> None:
    given = item(description="Desk lamp", tags=["home", "light"])
    record, created = store.create(given)
    assert created is True
    assert record == {**given, "version": 1}
    assert store.get(given["id"]) == record
    assert store.get(new_id()) is None


def test_create_ignores_managed_fields(store: ItemStore) -> None:
    given = item(version=7, image={"key": "x", "content_type": "image/png", "size": 1}, deleted_at="x")
    record, _ = store.create(given)
    assert record == {"id": given["id"], "name": "Lamp", "price": 24.5, "tags": [], "version": 1}
    assert store.get(given["id"]) == record


def test_create_existing_id_raises(store: ItemStore) -> None:
    first, _ = store.create(item("same"))
    with pytest.raises(AlreadyExists) as info:
        store.create(item("same", name="other"))
    assert info.value.item_id == "same"
    assert store.get("same") == first


@pytest.mark.parametrize("bad", ["", "a#b", "a/b", "a b", None, 5])
def test_create_refuses_invalid_ids(store: ItemStore, bad: Any) -> None:
    with pytest.raises(ValueError, match="invalid item id"):
        store.create({"id": bad, "name": "x"})
    assert store.list_page(10).items == []


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_refused(store: ItemStore, bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        store.create(item(price=bad))
    record, _ = store.create(item())
    with pytest.raises(ValueError, match="finite"):
        store.replace(record["id"], item(record["id"], extra={"nested": [bad]}))
    assert store.get(record["id"]) == record


def test_lookups_of_impossible_ids_find_nothing(store: ItemStore) -> None:
    assert store.get("a#b") is None
    assert store.delete("a/b") is False
    with pytest.raises(NotFound):
        store.replace("a b", {"name": "x"})


def test_records_are_copies(store: ItemStore) -> None:
    given = item(tags=["home"], extra={"nested": [1]})
    record, _ = store.create(given)
    given["tags"].append("input")
    record["tags"].append("output")
    fetched = store.get(given["id"])
    assert fetched is not None
    fetched["extra"]["nested"].append(2)
    store.list_page(10).items[0]["tags"].append("listed")
    assert store.get(given["id"]) == {**item(given["id"], tags=["home"], extra={"nested": [1]}), "version": 1}


# -- numbers -----------------------------------------------------------------------------------------


def test_numbers_round_trip_with_their_types(store: ItemStore) -> None:
    fields = {
        "price": 24.5,
        "count": 3,
        "zero": 0,
        "negative": -7,
        "big": 2**53 + 1,
        "tenth": 0.1,
        "small": 1.5e-7,
        "flag": True,
        "off": False,
        "nothing": None,
        "text": "Zoë ☃",
        "empty": "",
        "nested": {"ints": [1, 2, 3], "floats": [1.25, -0.5], "deep": {"n": 10, "x": 2.75}},
        "empty_list": [],
        "empty_map": {},
    }
    record, _ = store.create(item(**fields))
    for found in (record, store.get(record["id"]), store.list_page(1).items[0]):
        assert found is not None
        assert found == {**item(record["id"], **fields), "version": 1}
        assert type(found["price"]) is float
        assert type(found["count"]) is int
        assert type(found["big"]) is int
        assert type(found["flag"]) is bool
        assert type(found["nested"]["ints"][0]) is int
        assert type(found["nested"]["floats"][0]) is float
        assert type(found["nested"]["deep"]["x"]) is float
        assert type(found["version"]) is int


# -- replace and versions -----------------------------------------------------------------------------


def test_replace_bumps_version_and_replaces_fields(store: ItemStore) -> None:
    record, _ = store.create(item(description="old", tags=["a"]))
    item_id = record["id"]
    replaced = store.replace(item_id, {"id": item_id, "name": "Lamp 2", "price": 2})
    assert replaced == {"id": item_id, "name": "Lamp 2", "price": 2, "version": 2}
    assert store.get(item_id) == replaced
    again = store.replace(item_id, {"name": "Lamp 3", "price": 3, "version": 99}, expected_version=2)
    assert again == {"id": item_id, "name": "Lamp 3", "price": 3, "version": 3}


def test_replace_with_a_stale_version_changes_nothing(store: ItemStore) -> None:
    record, _ = store.create(item())
    store.replace(record["id"], item(record["id"], name="second"))
    current = store.get(record["id"])
    for stale in (0, 1, 3, -1):
        with pytest.raises(VersionConflict) as info:
            store.replace(record["id"], item(record["id"], name="lost"), expected_version=stale)
        assert (info.value.item_id, info.value.expected, info.value.actual) == (record["id"], stale, 2)
    assert store.get(record["id"]) == current


def test_replace_missing_or_deleted_raises_not_found(store: ItemStore) -> None:
    for expected in (None, 1):
        with pytest.raises(NotFound) as info:
            store.replace("nope", item("nope"), expected_version=expected)
        assert info.value.item_id == "nope"
    record, _ = store.create(item())
    assert store.delete(record["id"]) is True
    for expected in (None, 1, 2):
        with pytest.raises(NotFound):
            store.replace(record["id"], item(record["id"]), expected_version=expected)
    assert store.get(record["id"]) is None


def test_replace_refuses_another_id(store: ItemStore) -> None:
    record, _ = store.create(item())
    with pytest.raises(ValueError, match="does not match"):
        store.replace(record["id"], item("other"))
    assert store.get(record["id"]) == record


def test_replace_keeps_the_image(store: ItemStore) -> None:
    record, _ = store.create(item())
    with_image = store.set_image(record["id"], "items/x/1", "image/png", 3)
    replaced = store.replace(record["id"], item(record["id"], name="new"), expected_version=2)
    assert (
        replaced["image"]
        == with_image["image"]
        == {"key": "items/x/1", "content_type": "image/png", "size": 3}
    )
    assert replaced["version"] == 3


@pytest.mark.parametrize("round_", range(5))
def test_racing_writers_with_the_same_version_exactly_one_wins(store: ItemStore, round_: int) -> None:
    record, _ = store.create(item())
    item_id = record["id"]
    for _ in range(round_):  # start each round from a different version
        store.replace(item_id, item(item_id))
    expected = round_ + 1
    results = race(
        8, lambda i: store.replace(item_id, item(item_id, name=f"writer {i}"), expected_version=expected)
    )
    winners = [(i, r) for i, r in enumerate(results) if not isinstance(r, Exception)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1, results
    assert all(isinstance(r, VersionConflict) and r.actual == expected + 1 for r in losers), losers
    (winner, written), stored = winners[0], store.get(item_id)
    assert written == stored
    assert stored is not None
    assert (stored["name"], stored["version"]) == (f"writer {winner}", expected + 1)


def test_racing_delete_and_replace_exactly_one_wins(store: ItemStore) -> None:
    for _ in range(3):
        record, _ = store.create(item())
        item_id = record["id"]

        def work(i: int, item_id: str = item_id) -> Any:
            if i % 2:
                return store.delete(item_id, expected_version=1)
            return store.replace(item_id, item(item_id), expected_version=1)

        results = race(6, work)
        succeeded = [r for r in results if r is True or isinstance(r, dict)]
        assert len(succeeded) == 1, results
        # losers: a stale version, or (after a winning delete) no item any more
        losers = [r for r in results if not (r is True or isinstance(r, dict))]
        assert all(r is False or isinstance(r, VersionConflict | NotFound) for r in losers), results


def test_unconditional_writes_never_lose_an_increment(store: ItemStore) -> None:
    record, _ = store.create(item())
    results = race(8, lambda i: store.replace(record["id"], item(record["id"], name=f"w{i}")))
    assert not [r for r in results if isinstance(r, Exception)]
    assert sorted(r["version"] for r in results) == list(range(2, 10))
    stored = store.get(record["id"])
    assert stored is not None
    assert stored["version"] == 9


# -- idempotency ------------------------------------------------------------------------------------


def test_same_idempotency_key_creates_once(store: ItemStore) -> None:
    first, created = store.create(item(name="first"), idempotency_key="key-1")
    assert created is True
    again, created_again = store.create(item(name="retry, other body"), idempotency_key="key-1")
    assert created_again is False
    assert again == first
    assert ids(store.list_page(10).items) == [first["id"]]
    other, created_other = store.create(item(name="other"), idempotency_key="key-2")
    assert created_other is True
    assert other["id"] != first["id"]
    plain, _ = store.create(item())
    assert ids(store.list_page(10).items) == [first["id"], other["id"], plain["id"]]


def test_replay_returns_the_first_record_even_after_changes(store: ItemStore) -> None:
    first, _ = store.create(item(name="first"), idempotency_key="k")
    store.replace(first["id"], item(first["id"], name="changed"))
    assert store.create(item(), idempotency_key="k") == (first, False)
    store.delete(first["id"])
    assert store.create(item(), idempotency_key="k") == (first, False)
    assert store.list_page(10).items == []


def test_idempotency_keys_expire(clock: FakeClock, store: ItemStore) -> None:
    first, _ = store.create(item(), idempotency_key="k")
    clock.advance(hours=23, minutes=59)
    assert store.create(item(), idempotency_key="k") == (first, False)
    clock.advance(minutes=2)
    second, created = store.create(item(name="after expiry"), idempotency_key="k")
    assert created is True
    assert second["id"] != first["id"]
    assert store.create(item(), idempotency_key="k") == (second, False)


def test_concurrent_retries_with_one_key_create_one_item(store: ItemStore) -> None:
    for attempt in range(3):
        key = f"race-{attempt}"
        results = race(8, lambda i, key=key: store.create(item(name=f"retry {i}"), idempotency_key=key))
        assert not [r for r in results if isinstance(r, Exception)], results
        assert sum(created for _, created in results) == 1
        assert len({r["id"] for r, _ in results}) == 1
    assert len(store.list_page(100).items) == 3


def test_idempotency_key_must_be_a_non_empty_string(store: ItemStore) -> None:
    with pytest.raises(ValueError, match="idempotency_key"):
        store.create(item(), idempotency_key="")
    assert store.list_page(10).items == []


# -- soft delete and purge -----------------------------------------------------------------------------


def test_soft_delete(store: ItemStore) -> None:
    keep, _ = store.create(item())
    gone, _ = store.create(item())
    with pytest.raises(VersionConflict) as info:
        store.delete(gone["id"], expected_version=2)
    assert (info.value.expected, info.value.actual) == (2, 1)
    assert store.delete(gone["id"], expected_version=1) is True
    assert store.get(gone["id"]) is None
    assert ids(store.list_page(10).items) == [keep["id"]]
    assert store.delete(gone["id"]) is False
    assert store.delete(gone["id"], expected_version=2) is False
    assert store.delete("never") is False
    with pytest.raises(NotFound):
        store.set_image(gone["id"], "k", "image/png", 1)
    with pytest.raises(NotFound):
        store.clear_image(gone["id"])
    with pytest.raises(AlreadyExists):  # soft-deleted ids stay taken until purged
        store.create(item(gone["id"]))


def test_purge_hard_deletes_items_soft_deleted_before_the_cutoff(clock: FakeClock, store: ItemStore) -> None:
    live, _ = store.create(item())
    old = [store.create(item())[0] for _ in range(3)]
    recent, _ = store.create(item())
    for record in old:
        store.delete(record["id"])
        clock.advance(seconds=1)
    cutoff = clock.advance(hours=1)
    store.delete(recent["id"])  # at exactly the cutoff: not older than it
    purged: list[str] = []
    assert store.purge_deleted(cutoff, purged.append) == 3
    assert sorted(purged) == sorted(ids(old))
    assert store.purge_deleted(cutoff) == 0
    assert store.purge_deleted(cutoff + timedelta(milliseconds=1)) == 1
    assert ids(store.list_page(10).items) == [live["id"]]
    for record in old:  # gone for good: the id can be used again
        assert store.create(item(record["id"]))[1] is True


def test_purge_needs_an_aware_datetime(store: ItemStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.purge_deleted(datetime(2030, 1, 1))


def test_purge_accepts_any_timezone(clock: FakeClock, store: ItemStore) -> None:
    record, _ = store.create(item())
    store.delete(record["id"])
    cutoff = (clock.now + timedelta(seconds=1)).astimezone(datetime.now(UTC).astimezone().tzinfo)
    assert store.purge_deleted(cutoff) == 1


# -- images (metadata) -------------------------------------------------------------------------------


def test_set_and_clear_image(store: ItemStore) -> None:
    record, _ = store.create(item())
    item_id = record["id"]
    with_image = store.set_image(item_id, f"items/{item_id}/a", "image/png", 1234, expected_version=1)
    assert with_image == {
        **record,
        "version": 2,
        "image": {"key": f"items/{item_id}/a", "content_type": "image/png", "size": 1234},
    }
    assert store.get(item_id) == with_image
    with pytest.raises(VersionConflict):
        store.set_image(item_id, "other", "image/gif", 1, expected_version=1)
    with pytest.raises(VersionConflict):
        store.clear_image(item_id, expected_version=1)
    cleared = store.clear_image(item_id, expected_version=2)
    assert cleared == {**record, "version": 3}
    assert store.get(item_id) == cleared
    with pytest.raises(NotFound):
        store.set_image("nope", "k", "image/png", 1)


# -- list ----------------------------------------------------------------------------------------------


def test_list_in_creation_order_with_filters(store: ItemStore, collection: Collection) -> None:
    def text(first: str, second: str | None = None) -> dict[str, str]:
        return searchable(collection, first, second)

    a, _ = store.create(item(**text("Desk Lamp"), tags=["home", "light"], status="active"))
    b, _ = store.create(item(**text("Chair", "A LAMP-shaped chair"), tags=["home"], status="draft"))
    c, _ = store.create(item(**text("Bulb"), tags=["light"], status="active"))
    d, _ = store.create(item(**text("Table"), status="active"))
    e, _ = store.create({"id": new_id(), **text("no tags, no status")})
    assert ids(store.list_page(10).items) == ids([a, b, c, d, e])
    assert ids(store.list_page(10, tags=["home"]).items) == ids([a, b])
    assert ids(store.list_page(10, tags=["home", "light"]).items) == ids([a])
    assert ids(store.list_page(10, tags=["light", "light"]).items) == ids([a, c])
    assert store.list_page(10, tags=["hom"]).items == []  # whole tags only
    assert ids(store.list_page(10, status="active").items) == ids([a, c, d])
    assert store.list_page(10, status="Active").items == []  # status is exact
    assert ids(store.list_page(10, q="lamp").items) == ids([a, b])  # either search field, any case
    assert ids(store.list_page(10, q="LAMP-SH").items) == ids([b])
    assert ids(store.list_page(10, q="").items) == ids([a, b, c, d, e])  # empty q: no filter
    assert ids(store.list_page(10, tags=[]).items) == ids([a, b, c, d, e])
    assert ids(store.list_page(10, tags=["light"], status="active", q="BULB").items) == ids([c])
    assert store.list_page(10, tags=["home"], status="active", q="chair") == ([], None)
    store.delete(a["id"])
    assert ids(store.list_page(10, q="lamp").items) == ids([b])


def test_list_unicode_case_insensitive_search(store: ItemStore, collection: Collection) -> None:
    s, _ = store.create(item(**searchable(collection, "Straße")))
    g, _ = store.create(item(**searchable(collection, "x", "ΣΊΣΥΦΟΣ")))
    assert ids(store.list_page(10, q="STRASSE").items) == ids([s])
    assert ids(store.list_page(10, q="σίσυφος").items) == ids([g])


def test_list_next_cursor_is_none_exactly_at_the_end(store: ItemStore) -> None:
    assert store.list_page(5) == ([], None)
    created = [store.create(item())[0] for _ in range(4)]
    page = store.list_page(4)
    assert (ids(page.items), page.next_cursor) == (ids(created), None)
    first = store.list_page(3)
    assert ids(first.items) == ids(created[:3])
    assert first.next_cursor is not None
    second = store.list_page(3, first.next_cursor)
    assert (ids(second.items), second.next_cursor) == (ids(created[3:]), None)


@pytest.mark.parametrize("bad", [0, -1, True, 1.5])
def test_list_limit_must_be_a_positive_int(store: ItemStore, bad: Any) -> None:
    with pytest.raises(ValueError, match="limit"):
        store.list_page(bad)


def test_list_filter_arguments_are_checked(store: ItemStore) -> None:
    with pytest.raises(TypeError):
        store.list_page(10, tags="home")
    with pytest.raises(ValueError, match="tags"):
        store.list_page(10, tags=[""])


def _page_through(store: ItemStore, limit: int, **filters: Any) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        records, cursor = store.list_page(limit, cursor, **filters)
        pages.append(ids(records))
        if cursor is None:
            return pages
        assert len(pages) < 1000, "paging does not end"


@pytest.mark.parametrize("collection", [ITEMS], ids=["items"])  # the slowest test: one collection is enough
def test_paging_through_250_items_returns_each_exactly_once(store: ItemStore, collection: Collection) -> None:
    created = [
        store.create(item(**searchable(collection, f"item {n}"), tags=["third"] if n % 3 == 0 else []))[0]
        for n in range(250)
    ]
    every, thirds = ids(created), ids(created[::3])
    for limit in (1, 7, 50, 100, 249, 250, 1000):
        pages = _page_through(store, limit)
        assert all(len(page) == limit for page in pages[:-1]), limit  # every page but the last is full
        assert 1 <= len(pages[-1]) <= limit
        assert [i for page in pages for i in page] == every, limit
    for limit in (2, 9, 100):  # a filter: DynamoDB's Limit applies before it, pages must still fill
        pages = _page_through(store, limit, tags=["third"])
        assert all(len(page) == limit for page in pages[:-1]), limit
        assert [i for page in pages for i in page] == thirds, limit
    pages = _page_through(store, 10, q="ITEM 24")  # item 24, item 240..249
    assert [i for page in pages for i in page] == [every[24], *every[240:250]]


def test_paging_survives_writes_between_pages(store: ItemStore) -> None:
    created = ids(store.create(item())[0] for _ in range(30))
    first = store.list_page(10)
    assert ids(first.items) == created[:10]
    store.delete(created[9])  # the item the cursor points at
    store.delete(created[15])
    store.replace(created[20], item(created[20], name="changed"))  # keeps its place
    late, _ = store.create(item())
    seen = [*ids(first.items)]
    cursor = first.next_cursor
    while cursor is not None:
        records, cursor = store.list_page(10, cursor)
        seen.extend(ids(records))
    expected = [i for i in created if i != created[15]] + [late["id"]]
    assert seen == expected
    assert Counter(seen).most_common(1)[0][1] == 1


def test_garbage_and_tampered_cursors_raise_invalid_cursor(store: ItemStore) -> None:
    for _ in range(3):
        store.create(item())
    cursor = store.list_page(1).next_cursor
    assert cursor is not None
    body, _, mac = cursor.partition(".")
    flip = {"A": "B", "B": "A"}
    tampered = [
        "",
        "garbage",
        "not.base64!",
        ".",
        f"{body}.",
        f".{mac}",
        f"{body}x.{mac}",
        f"{body}.{mac}x",
        f"{body[:-1]}{flip.get(body[-1], 'A')}.{mac}",  # last character: maybe only its unused bits
        f"{body}.{mac[:-1]}{flip.get(mac[-1], 'A')}",
        f"{body[:5]}{flip.get(body[5], 'A')}{body[6:]}.{mac}",  # a character inside the JSON
        f"{body}.{mac[:5]}{flip.get(mac[5], 'A')}{mac[6:]}",
        cursor + cursor,
        "x" * 5000,
        "é.é",
        encode_cursor("memory" if "memory" not in type(store).__name__.lower() else "dynamodb", {}, b"x"),
    ]
    for bad in tampered:
        with pytest.raises(InvalidCursor):
            store.list_page(1, bad)
    assert isinstance(InvalidCursor("x"), ValueError)
    assert len(store.list_page(1, cursor).items) == 1  # the genuine one still works


def test_well_signed_cursors_with_foreign_positions_are_refused(
    store: ItemStore, collection: Collection
) -> None:
    """Even with the signing key (the default one is in the source), a cursor must carry a position this
    store could have issued, in this collection's list: nothing else reaches DynamoDB."""
    from chalicelib.storage.common import default_cursor_secret

    secret = default_cursor_secret()
    record, _ = store.create(item())
    kind = "memory" if type(store).__name__ == "InMemoryItemStore" else "dynamodb"
    pk, sk, lp = collection.key_prefix + "a", collection.sort_key, collection.list_partition
    order = "00000000000000000001#a"
    positions: list[dict[str, Any]] = [
        {},
        {"seq": 0},
        {"list": lp, "seq": -1},
        {"list": lp, "seq": "1"},
        {"list": lp, "seq": True},
        {"list": lp, "seq": 1, "extra": 1},
        {"list": "OTHER", "seq": 0},
        {"list": f"{lp}#", "seq": 0},
        {"PK": pk, "SK": sk, "ListPK": lp, "ListSK": "x#a"},
        {"PK": collection.key_prefix + "b", "SK": sk, "ListPK": lp, "ListSK": order},
        {"PK": "IDEMPOTENCY#a", "SK": sk, "ListPK": lp, "ListSK": order},
        {"PK": pk, "SK": sk, "ListPK": "OTHER", "ListSK": order},
        {"PK": pk, "SK": "OTHER", "ListPK": lp, "ListSK": order},
        {"PK": "OTHER#a", "SK": sk, "ListPK": lp, "ListSK": order},
        {"PK": pk, "SK": sk, "ListPK": lp, "ListSK": 1},
    ]
    for position in positions:
        with pytest.raises(InvalidCursor):
            store.list_page(1, encode_cursor(kind, position, secret))
    # the same shapes with this list's values are accepted: the refusals above are about the values
    genuine = (
        {"list": lp, "seq": 0} if kind == "memory" else {"PK": pk, "SK": sk, "ListPK": lp, "ListSK": order}
    )
    assert ids(store.list_page(1, encode_cursor(kind, genuine, secret)).items) == [record["id"]]


def test_cursors_are_signed_with_cursor_secret(monkeypatch: pytest.MonkeyPatch, store: ItemStore) -> None:
    for _ in range(2):
        store.create(item())
    cursor = store.list_page(1).next_cursor
    kind = "memory" if type(store).__name__ == "InMemoryItemStore" else "dynamodb"
    from chalicelib.storage.common import decode_cursor, default_cursor_secret

    position = decode_cursor(cursor, kind, default_cursor_secret())
    with pytest.raises(InvalidCursor, match="signature"):
        store.list_page(1, encode_cursor(kind, position, b"another secret"))
    monkeypatch.setenv("CURSOR_SECRET", "s3cret")
    assert default_cursor_secret() == b"s3cret"


def test_ping(store: ItemStore) -> None:
    assert store.ping() is True


# -- creation order across writes ----------------------------------------------------------------------


def test_replace_keeps_the_place_and_an_id_created_again_after_purge_goes_last(
    clock: FakeClock, store: ItemStore
) -> None:
    store.create(item("a", tags=["red"]))
    store.create(item("b", tags=[]))
    store.replace("a", item("a", name="a2", tags=["red"]))  # keeps its place
    assert ids(store.list_page(10).items) == ["a", "b"]
    assert ids(store.list_page(10, tags=["red"]).items) == ["a"]
    assert store.delete("a") is True
    assert store.purge_deleted(clock.advance(seconds=1)) == 1
    again, created = store.create(item("a", name="a3"))  # created again: last, at version 1
    assert (created, again["version"]) == (True, 1)
    assert ids(store.list_page(10).items) == ["b", "a"]


def test_only_the_canonical_spelling_of_a_cursor_is_accepted(store: ItemStore) -> None:
    """The MAC is 16 bytes = 22 base64 characters, whose last one carries 4 bits base64 ignores: a
    cursor with those bits set decodes to the same bytes, and is refused all the same."""
    import base64
    import string

    for _ in range(2):
        store.create(item())
    cursor = store.list_page(1).next_cursor
    assert cursor is not None
    body, _, mac = cursor.partition(".")
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    twin = mac[:-1] + alphabet[alphabet.index(mac[-1]) ^ 1]
    assert base64.urlsafe_b64decode(twin + "==") == base64.urlsafe_b64decode(mac + "==")
    with pytest.raises(InvalidCursor):
        store.list_page(1, f"{body}.{twin}")
