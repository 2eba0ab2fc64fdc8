"""Between collections: one table (DynamoDB, or an InMemoryTable) holds items, users, posts and the
comments of every post, and no store ever sees another collection's records, lists, idempotency keys,
tombstones or cursors. Each test runs on both implementations (`stores` opens any collection on one
shared table); the factory and the collection definitions are tested at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any

import pytest

from chalicelib.storage import (
    ITEMS,
    POSTS,
    USERS,
    AlreadyExists,
    Collection,
    InMemoryItemStore,
    InMemoryTable,
    InvalidCursor,
    ItemStore,
    NotFound,
    comments_of,
    make_item_store,
    make_store,
    memory_table,
    reset_memory_table,
)
from tests.storage.fakes import FakeClock, ids, item, searchable

Open = Callable[[Collection], ItemStore]

A, B = comments_of("post-a"), comments_of("post-b")
EVERY = (ITEMS, USERS, POSTS, A, B)


@pytest.fixture(params=["memory", "dynamodb"])
def stores(request: pytest.FixtureRequest, clock: FakeClock) -> Open:
    """Opens a store of any collection; all of them on one table (a fresh one per test)."""
    if request.param == "memory":
        table = InMemoryTable()
        return lambda collection: InMemoryItemStore(collection=collection, table=table, clock=clock)
    from chalicelib.storage.dynamodb import DynamoItemStore

    name = request.getfixturevalue("table_name")
    return lambda collection: DynamoItemStore(name, collection=collection, clock=clock)


# -- records ------------------------------------------------------------------------------------------


def test_one_id_in_every_collection_is_a_record_each(stores: Open) -> None:
    by_collection = {c: stores(c) for c in EVERY}
    for n, store in enumerate(by_collection.values()):
        record, created = store.create(item("same", name=f"record {n}"))
        assert (created, record["version"]) == (True, 1)
    for n, store in enumerate(by_collection.values()):
        assert store.get("same") == {**item("same", name=f"record {n}"), "version": 1}
        with pytest.raises(AlreadyExists):  # taken within its own collection only
            store.create(item("same"))
    by_collection[POSTS].replace("same", item("same", name="changed"), expected_version=1)
    by_collection[A].set_image("same", "k", "image/png", 1)
    assert by_collection[B].delete("same", expected_version=1) is True
    found = {c.list_partition: stores(c).get("same") for c in EVERY}
    assert {k: (v or {}).get("name") for k, v in found.items()} == {
        "ITEMS": "record 0",
        "USERS": "record 1",
        "POSTS": "changed",
        "POST#post-a#COMMENTS": "record 3",
        "POST#post-b#COMMENTS": None,  # deleted in B only
    }
    assert [(v or {}).get("version") for v in found.values()] == [1, 1, 2, 2, None]
    assert "image" in (found["POST#post-a#COMMENTS"] or {})
    with pytest.raises(NotFound):
        stores(B).replace("same", item("same"))
    assert stores(ITEMS).delete("same") is True
    assert stores(USERS).get("same") is not None


def test_a_store_reaches_only_ids_of_its_collection(stores: Open) -> None:
    posts = stores(POSTS)
    post, _ = posts.create(item())
    for other in (ITEMS, USERS, A):
        store = stores(other)
        assert store.get(post["id"]) is None
        assert store.delete(post["id"]) is False
        with pytest.raises(NotFound):
            store.replace(post["id"], item(post["id"]))
        with pytest.raises(NotFound):
            store.set_image(post["id"], "k", "image/png", 1)
    assert posts.get(post["id"]) == post


def test_two_stores_over_one_collection_see_the_same_records(stores: Open) -> None:
    first, second = stores(A), stores(comments_of("post-a"))
    created = [first.create(item())[0] for _ in range(3)]
    assert ids(second.list_page(10).items) == ids(created)
    page = first.list_page(2)
    assert page.next_cursor is not None
    assert ids(second.list_page(2, page.next_cursor).items) == ids(created[2:])  # cursors travel too
    second.replace(created[0]["id"], item(created[0]["id"], name="via second"))
    assert (first.get(created[0]["id"]) or {}).get("name") == "via second"


# -- lists and cursors ------------------------------------------------------------------------------------


def test_lists_are_per_collection(stores: Open) -> None:
    created: dict[str, list[str]] = {}
    for round_ in range(3):  # interleaved creation
        for collection in EVERY:
            record, _ = stores(collection).create(
                item(f"{collection.list_partition}-{round_}".replace("#", "-"))
            )
            created.setdefault(collection.list_partition, []).append(record["id"])
    for collection in EVERY:
        store = stores(collection)
        assert ids(store.list_page(10).items) == created[collection.list_partition]
        first = store.list_page(2)
        assert first.next_cursor is not None
        rest = store.list_page(2, first.next_cursor)
        assert (ids(rest.items), rest.next_cursor) == (created[collection.list_partition][2:], None)
    stores(A).delete(created["POST#post-a#COMMENTS"][0])
    assert ids(stores(A).list_page(10).items) == created["POST#post-a#COMMENTS"][1:]
    assert ids(stores(B).list_page(10).items) == created["POST#post-b#COMMENTS"]


def test_cursors_are_bound_to_their_list(stores: Open) -> None:
    """A cursor for the comments of post A is refused by the comments of post B, by the posts and by
    the items (and the other way round), even when those lists have records."""
    for collection in EVERY:
        store = stores(collection)
        for n in range(3):
            store.create(item(f"r{n}"))
    cursors = {c.list_partition: stores(c).list_page(1).next_cursor for c in EVERY}
    assert all(cursors.values())
    for issuer, cursor in cursors.items():
        for collection in EVERY:
            store = stores(collection)
            if collection.list_partition == issuer:
                assert ids(store.list_page(1, cursor).items) == ["r1"]
            else:
                with pytest.raises(InvalidCursor):
                    store.list_page(1, cursor)


def test_q_searches_the_collection_search_fields(stores: Open) -> None:
    items, posts = stores(ITEMS), stores(POSTS)
    in_name, _ = items.create({"id": "i1", "name": "Lamp", "title": "x"})
    in_description, _ = items.create({"id": "i2", "name": "x", "description": "a LAMP"})
    items.create({"id": "i3", "name": "x", "title": "lamp", "body": "lamp"})  # not searched in items
    in_title, _ = posts.create({"id": "p1", "title": "Lamp", "name": "x"})
    in_body, _ = posts.create({"id": "p2", "title": "x", "body": "my lamp"})
    posts.create({"id": "p3", "title": "x", "name": "lamp", "description": "lamp"})  # not searched in posts
    assert ids(items.list_page(10, q="lamp").items) == ids([in_name, in_description])
    assert ids(posts.list_page(10, q="lamp").items) == ids([in_title, in_body])
    posts.replace("p1", {"title": "Desk", "body": "lamp again"})
    assert ids(posts.list_page(10, q="LAMP").items) == ["p1", "p2"]
    assert ids(posts.list_page(10, q="desk").items) == ["p1"]
    posts.replace("p1", {"name": "desk lamp"})  # title and body gone: the search copies go too
    assert ids(posts.list_page(10, q="lamp").items) == ["p2"]
    comments = stores(A)
    comments.create({"id": "c1", "kind": "link", "url": "https://x", **searchable(A, "x", "Lamp site")})
    comments.create({"id": "c2", "kind": "image", "image_url": "https://x", "alt_text": "A lamp"})
    comments.create({"id": "c3", "kind": "link", "url": "https://lamp"})
    assert ids(comments.list_page(10, q="lamp").items) == ["c1", "c2"]


def test_filters_work_in_every_collection(stores: Open) -> None:
    for collection in (USERS, A):
        store = stores(collection)
        store.create(item("a", tags=["x", "y"], status="on"))
        store.create(item("b", tags=["x"], status="off"))
        assert ids(store.list_page(10, tags=["x"]).items) == ["a", "b"]
        assert ids(store.list_page(10, tags=["x", "y"], status="on").items) == ["a"]
        assert ids(
            store.list_page(1, tags=["x"], cursor=store.list_page(1, tags=["x"]).next_cursor).items
        ) == ["b"]


# -- idempotency and purge ----------------------------------------------------------------------------


def test_idempotency_keys_are_per_collection(stores: Open) -> None:
    firsts = {}
    for collection in EVERY:
        record, created = stores(collection).create(item(), idempotency_key="same key")
        assert created is True
        firsts[collection.list_partition] = record
    assert len({r["id"] for r in firsts.values()}) == len(EVERY)
    for collection in EVERY:  # each collection replays its own first record
        assert stores(collection).create(item(), idempotency_key="same key") == (
            firsts[collection.list_partition],
            False,
        )


def test_purge_is_per_collection(stores: Open, clock: FakeClock) -> None:
    for collection in EVERY:
        store = stores(collection)
        store.create(item("gone"))
        store.create(item("kept"))
        assert store.delete("gone") is True
    cutoff = clock.advance(seconds=1)
    purged: list[str] = []
    assert stores(POSTS).purge_deleted(cutoff, purged.append) == 1
    assert purged == ["gone"]  # on_purged gets the record id
    assert stores(POSTS).create(item("gone"))[1] is True  # purged: the id is free again
    for collection in (ITEMS, USERS, A, B):  # the others' tombstones are untouched
        with pytest.raises(AlreadyExists):
            stores(collection).create(item("gone"))
    assert stores(A).purge_deleted(cutoff) == 1
    assert stores(A).create(item("gone"))[1] is True
    with pytest.raises(AlreadyExists):
        stores(B).create(item("gone"))
    assert [stores(c).purge_deleted(cutoff) for c in (ITEMS, USERS, POSTS, A, B)] == [1, 1, 0, 0, 1]
    for collection in EVERY:
        assert ids(stores(collection).list_page(10).items) == (
            ["kept", "gone"] if collection in (POSTS, A) else ["kept"]
        )


# -- the in-memory table and the factory ----------------------------------------------------------------


def test_default_in_memory_stores_are_private() -> None:
    first, second = InMemoryItemStore(), InMemoryItemStore()
    first.create(item("a"))
    assert second.get("a") is None
    assert InMemoryItemStore(collection=POSTS).list_page(10).items == []


def test_make_store_in_memory_shares_one_process_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORAGE", "memory")
    reset_memory_table()
    try:
        make_store(comments_of("p1")).create(item("c"))
        make_store(POSTS).create(item("p"))
        assert ids(make_store(comments_of("p1")).list_page(10).items) == ["c"]  # a new store per request
        assert make_store(comments_of("p2")).list_page(10).items == []
        assert make_store(POSTS, "memory").get("p") is not None
        assert make_store(POSTS).get("c") is None
        make_item_store().create(item("i"))
        assert make_store(ITEMS).get("i") is not None  # make_item_store() is make_store(ITEMS)
        store: Any = make_store(USERS)
        assert store.table is memory_table()
        reset_memory_table()
        assert make_store(POSTS).get("p") is None
        assert make_store(ITEMS).list_page(10).items == []
        assert memory_table() is not store.table
    finally:
        reset_memory_table()


# -- collections ------------------------------------------------------------------------------------------


def test_the_collections() -> None:
    assert (ITEMS.name, ITEMS.key_prefix, ITEMS.sort_key, ITEMS.list_partition) == (
        "items",
        "ITEM#",
        "ITEM",
        "ITEMS",
    )
    assert (USERS.key_prefix, USERS.sort_key, USERS.list_partition) == ("USER#", "USER", "USERS")
    assert (POSTS.key_prefix, POSTS.sort_key, POSTS.list_partition) == ("POST#", "POST", "POSTS")
    assert ITEMS.search_fields == USERS.search_fields == ("name", "description")
    assert POSTS.search_fields == ("title", "body")
    assert [c.purge_partition for c in (ITEMS, POSTS, A)] == [
        "DELETED#ITEMS",
        "DELETED#POSTS",
        "DELETED#POST#post-a#COMMENTS",
    ]
    comments = comments_of("p1")
    assert (comments.name, comments.key_prefix, comments.sort_key, comments.list_partition) == (
        "comments",
        "COMMENT#",
        "POST#p1",
        "POST#p1#COMMENTS",
    )
    assert comments == comments_of("p1") != comments_of("p2")
    assert len({comments, comments_of("p1"), ITEMS, Collection("items", "ITEM#", "ITEMS")}) == 2
    with pytest.raises(FrozenInstanceError):
        ITEMS.name = "other"  # frozen: assigning is the point of the test


@pytest.mark.parametrize("bad", ["", "a#b", "a/b", "a b", None, 5])
def test_comments_of_an_invalid_post_id(bad: Any) -> None:
    with pytest.raises(ValueError, match="invalid post id"):
        comments_of(bad)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", "X#", "XS"), "name"),
        (("x", "X", "XS"), "key_prefix"),
        (("x", "x#", "XS"), "key_prefix"),
        (("x", "X#Y#", "XS"), "key_prefix"),
        (("x", "IDEMPOTENCY#", "XS"), "reserved"),
        (("x", "X#", ""), "list_partition"),
        (("x", "X#", "XS", ()), "search_fields"),
        (("x", "X#", "XS", ["name"]), "search_fields"),
        (("x", "X#", "XS", ("name", "name")), "search_fields"),
        (("x", "X#", "XS", ("Name",)), "search_fields"),
        (("x", "X#", "XS", ("a.b",)), "search_fields"),
    ],
)
def test_invalid_collections_are_refused(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Collection(*args)
