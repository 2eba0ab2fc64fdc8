"""Services: business rules over in-memory stores, with an injected clock (HTTP is tested in
tests/functional; the same stores on DynamoDB in tests/storage)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator

import pytest

from chalicelib.services import item_service, post_service, reset_services, user_service
from chalicelib.services.common import merge_patch
from chalicelib.services.items import ImageNotFound, ItemNotFound, ItemService, VersionConflict
from chalicelib.services.posts import CommentNotFound, NotAuthor, PostNotFound, PostService, UnknownAuthor
from chalicelib.services.search import search
from chalicelib.services.users import UserNotFound, UserService
from chalicelib.storage import (
    ITEMS,
    POSTS,
    USERS,
    InMemoryImageStore,
    InMemoryItemStore,
    InMemoryTable,
    comments_of,
    reset_memory_table,
)


def ticking() -> Callable[[], str]:
    """A clock one second later at every call."""
    counter: Iterator[int] = iter(range(1, 86_400))
    return lambda: (lambda n: f"2024-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000Z")(
        next(counter)
    )


@pytest.fixture
def table() -> InMemoryTable:
    return InMemoryTable()


@pytest.fixture
def items(table: InMemoryTable) -> ItemService:
    return ItemService(
        InMemoryItemStore(collection=ITEMS, table=table), clock=ticking(), images=InMemoryImageStore()
    )


@pytest.fixture
def users(table: InMemoryTable) -> UserService:
    return UserService(InMemoryItemStore(collection=USERS, table=table), clock=ticking())


@pytest.fixture
def posts(table: InMemoryTable, users: UserService) -> PostService:
    return PostService(
        InMemoryItemStore(collection=POSTS, table=table),
        lambda post_id: InMemoryItemStore(collection=comments_of(post_id), table=table),
        users.exists,
        clock=ticking(),
    )


# -- merge patch (RFC 7396 appendix A examples) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "patch", "result"),
    [
        ({"a": "b"}, {"a": "c"}, {"a": "c"}),
        ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
        ({"a": "b"}, {"a": None}, {}),
        ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
        ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
        ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
        ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
        ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
        (["a", "b"], ["c", "d"], ["c", "d"]),
        ({"a": "b"}, ["c"], ["c"]),
        ({"a": "foo"}, None, None),
        ({"a": "foo"}, "bar", "bar"),
        ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
        ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
        ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
    ],
)
def test_merge_patch_rfc7396_examples(target: object, patch: object, result: object) -> None:
    assert merge_patch(target, patch) == result


def test_merge_patch_does_not_mutate_its_inputs() -> None:
    target, patch = {"a": {"b": 1}}, {"a": {"c": 2}}
    merge_patch(target, patch)
    assert target == {"a": {"b": 1}}
    assert patch == {"a": {"c": 2}}


# -- items -------------------------------------------------------------------------------------------


def test_create_item_assigns_id_version_and_timestamps(items: ItemService) -> None:
    record, created = items.create_item({"name": "Lamp", "price": 2, "id": "forged", "version": 9})
    assert created
    assert uuid.UUID(record["id"]).version == 4
    assert record["version"] == 1
    assert record["created_at"] == record["updated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record["created_at"])
    assert record["tags"] == []


def test_create_item_with_the_same_idempotency_key_creates_one(items: ItemService) -> None:
    first, created = items.create_item({"name": "A", "price": 1}, idempotency_key="k")
    again, created_again = items.create_item({"name": "A", "price": 1}, idempotency_key="k")
    assert created
    assert not created_again
    assert again == first
    assert len(items.list_page(10).items) == 1


def test_replace_item_keeps_created_at_bumps_version_and_checks_it(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1, "description": "d"})
    replaced = items.replace_item(record["id"], {"name": "B", "price": 2}, expected_version=1)
    assert replaced["version"] == 2
    assert replaced["created_at"] == record["created_at"] != replaced["updated_at"]
    assert "description" not in replaced  # a replace, not a merge
    with pytest.raises(VersionConflict):
        items.replace_item(record["id"], {"name": "C", "price": 3}, expected_version=1)
    with pytest.raises(ItemNotFound):
        items.replace_item(str(uuid.uuid4()), {"name": "C", "price": 3})


def test_patch_item_merges_and_removes_with_null(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1, "description": "d", "tags": ["x"]})
    patched = items.patch_item(record["id"], {"description": None, "price": 5})
    assert patched["name"] == "A"
    assert patched["price"] == 5
    assert patched["tags"] == ["x"]
    assert "description" not in patched
    assert patched["version"] == 2


def test_patch_item_with_a_stale_version_conflicts_and_writes_nothing(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1})
    items.patch_item(record["id"], {"price": 2})
    with pytest.raises(VersionConflict):
        items.patch_item(record["id"], {"price": 3}, expected_version=1)
    assert items.get(record["id"])["price"] == 2


def test_delete_item_is_soft_and_versioned(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1})
    with pytest.raises(VersionConflict):
        items.delete_item(record["id"], expected_version=7)
    items.delete_item(record["id"], expected_version=1)
    with pytest.raises(ItemNotFound):
        items.get(record["id"])
    with pytest.raises(ItemNotFound):
        items.delete_item(record["id"])


def test_images_put_get_replace_delete(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1})
    with_image = items.put_image(record["id"], "image/png", b"png-1")
    assert with_image["image"]["size"] == 5
    assert with_image["version"] == 2
    first_key = with_image["image"]["key"]
    items.put_image(record["id"], "image/jpeg", b"jpeg-22")
    assert items.get_image(record["id"]) == ("image/jpeg", b"jpeg-22")
    assert items.images.get_image(first_key) is None  # the replaced blob is gone
    items.delete_image(record["id"])
    with pytest.raises(ImageNotFound):
        items.get_image(record["id"])
    with pytest.raises(ImageNotFound):
        items.delete_image(record["id"])


def test_uploaded_image_event_records_metadata_only_when_the_item_has_none(items: ItemService) -> None:
    record, _ = items.create_item({"name": "A", "price": 1})
    key = items.images.put_image(record["id"], "image/png", b"12345")
    recorded = items.record_uploaded_image(key, 5, "image/png")
    assert recorded is not None
    assert recorded["image"] == {"key": key, "content_type": "image/png", "size": 5}
    # the same event again (S3 delivers at least once): nothing to write
    assert items.record_uploaded_image(key, 5, "image/png") is None
    # an older upload's late event never replaces the current image
    other = items.images.put_image(record["id"], "image/jpeg", b"123")
    assert items.record_uploaded_image(other, 3, "image/jpeg") is None
    assert items.get(record["id"])["image"]["key"] == key


def test_uploaded_image_of_a_missing_item_is_deleted(items: ItemService) -> None:
    ghost = str(uuid.uuid4())
    key = items.images.put_image(ghost, "image/png", b"1")
    assert items.record_uploaded_image(key, 1, "image/png") is None
    assert items.images.get_image(key) is None
    assert items.record_uploaded_image("elsewhere/x.png", 1, "image/png") is None


def test_list_page_filters_and_pages(items: ItemService) -> None:
    for n in range(5):
        items.create_item({"name": f"lamp {n}", "price": n, "tags": ["even"] if n % 2 == 0 else []})
    page, cursor = items.list_page(2, tags=["even"])
    assert [r["name"] for r in page] == ["lamp 0", "lamp 2"]
    assert cursor is not None
    rest, end = items.list_page(2, cursor=cursor, tags=["even"])
    assert [r["name"] for r in rest] == ["lamp 4"]
    assert end is None
    assert [r["name"] for r in items.list_page(10, q="LAMP 3").items] == ["lamp 3"]


# -- users, posts, comments --------------------------------------------------------------------------


def test_users(users: UserService) -> None:
    user = users.create_user({"name": "Ada", "email": "ada@example.com", "id": "forged"})
    assert user["id"] != "forged"
    assert user["email"] == "ada@example.com"
    assert users.get_user(user["id"]) == user
    assert users.exists(user["id"])
    assert not users.exists(str(uuid.uuid4()))
    with pytest.raises(UserNotFound):
        users.get_user(str(uuid.uuid4()))


def test_only_registered_users_write(posts: PostService) -> None:
    with pytest.raises(UnknownAuthor):
        posts.create_post(str(uuid.uuid4()), {"title": "t", "body": "b"})


def test_only_the_author_changes_or_deletes_a_post(users: UserService, posts: PostService) -> None:
    ada = users.create_user({"name": "Ada", "email": "a@example.com"})["id"]
    bob = users.create_user({"name": "Bob", "email": "b@example.com"})["id"]
    post = posts.create_post(ada, {"title": "t", "body": "b"})
    assert post["author_id"] == ada
    assert post["version"] == 1
    with pytest.raises(NotAuthor):
        posts.patch_post(post["id"], bob, {"title": "mine now"})
    with pytest.raises(NotAuthor):
        posts.delete_post(post["id"], bob)
    patched = posts.patch_post(post["id"], ada, {"title": "t2"}, expected_version=1)
    assert patched["title"] == "t2"
    assert patched["body"] == "b"
    assert patched["author_id"] == ada
    with pytest.raises(VersionConflict):
        posts.delete_post(post["id"], ada, expected_version=1)
    posts.delete_post(post["id"], ada)
    with pytest.raises(PostNotFound):
        posts.get_post(post["id"])


def test_comments_belong_to_their_post_and_author(users: UserService, posts: PostService) -> None:
    ada = users.create_user({"name": "Ada", "email": "a@example.com"})["id"]
    bob = users.create_user({"name": "Bob", "email": "b@example.com"})["id"]
    first = posts.create_post(ada, {"title": "1", "body": "b"})["id"]
    second = posts.create_post(ada, {"title": "2", "body": "b"})["id"]
    text = posts.create_comment(first, bob, {"kind": "text", "text": "hi", "title": "ignored"})
    assert text["post_id"] == first
    assert text["author_id"] == bob
    assert "title" not in text
    assert [c["id"] for c in posts.list_comments(first, 10).items] == [text["id"]]
    assert posts.list_comments(second, 10).items == []
    with pytest.raises(CommentNotFound):
        posts.get_comment(second, text["id"])
    with pytest.raises(NotAuthor):
        posts.replace_comment(first, text["id"], ada, {"kind": "text", "text": "edited by ada"})
    link = posts.replace_comment(first, text["id"], bob, {"kind": "link", "url": "https://example.com"})
    assert link["kind"] == "link"
    assert "text" not in link
    assert link["version"] == 2
    with pytest.raises(NotAuthor):
        posts.delete_comment(first, text["id"], ada)
    posts.delete_comment(first, text["id"], bob, expected_version=2)
    with pytest.raises(CommentNotFound):
        posts.get_comment(first, text["id"])
    with pytest.raises(PostNotFound):
        posts.create_comment(str(uuid.uuid4()), bob, {"kind": "text", "text": "x"})


def test_search_across_items_and_posts(items: ItemService, users: UserService, posts: PostService) -> None:
    ada = users.create_user({"name": "Ada", "email": "a@example.com"})["id"]
    lamp, _ = items.create_item({"name": "Desk lamp", "price": 1})
    items.create_item({"name": "Chair", "price": 1})
    post = posts.create_post(ada, {"title": "On lamps", "body": "light"})
    hits = search("LAMP", ["items", "posts"], 10, items=items, posts=posts)
    assert hits == [
        {"type": "items", "id": lamp["id"], "title": "Desk lamp"},
        {"type": "posts", "id": post["id"], "title": "On lamps"},
    ]
    assert search("lamp", ["posts"], 10, items=items, posts=posts) == hits[1:]
    assert search("nothing", ["items", "posts"], 10, items=items, posts=posts) == []


# -- the process-wide services ---------------------------------------------------------------------------


def test_services_are_process_wide_until_reset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORAGE", "memory")
    reset_services()
    reset_memory_table()
    try:
        first = item_service()
        assert item_service() is first
        assert post_service() is post_service()
        assert user_service() is user_service()
        first.create_item({"name": "x", "price": 1})
        reset_services()
        assert item_service() is not first
        assert len(item_service().list_page(10).items) == 1  # same process-wide memory table
        reset_memory_table()
        reset_services()
        assert item_service().list_page(10).items == []
    finally:
        reset_services()
        reset_memory_table()
