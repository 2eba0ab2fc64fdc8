"""The ImageStore contract, run against InMemoryImageStore and S3ImageStore on a moto server."""

from __future__ import annotations

import pytest

from chalicelib.storage import ImageStore
from tests.storage.fakes import new_id


def test_put_then_get(images: ImageStore) -> None:
    item_id = new_id()
    data = bytes(range(256)) * 4
    key = images.put_image(item_id, "image/png", data)
    assert key.startswith(f"items/{item_id}/")
    assert images.get_image(key) == ("image/png", data)


def test_every_upload_gets_its_own_key(images: ImageStore) -> None:
    item_id = new_id()
    first = images.put_image(item_id, "image/png", b"one")
    second = images.put_image(item_id, "image/jpeg", b"two")
    assert first != second
    assert images.get_image(first) == ("image/png", b"one")
    assert images.get_image(second) == ("image/jpeg", b"two")


def test_large_and_empty_images(images: ImageStore) -> None:
    big = bytes(range(256)) * 8192  # 2 MiB
    assert images.get_image(images.put_image(new_id(), "application/octet-stream", big)) == (
        "application/octet-stream",
        big,
    )
    assert images.get_image(images.put_image(new_id(), "image/gif", b"")) == ("image/gif", b"")


def test_missing_keys(images: ImageStore) -> None:
    assert images.get_image(f"items/{new_id()}/nothing") is None
    images.delete_image(f"items/{new_id()}/nothing")  # no error


def test_delete_image(images: ImageStore) -> None:
    item_id = new_id()
    key = images.put_image(item_id, "image/png", b"x")
    other = images.put_image(item_id, "image/png", b"y")
    images.delete_image(key)
    assert images.get_image(key) is None
    assert images.get_image(other) == ("image/png", b"y")


def test_delete_images_removes_one_items_prefix(images: ImageStore) -> None:
    item_id, neighbour = new_id(), new_id()
    keys = [images.put_image(item_id, "image/png", bytes([n])) for n in range(3)]
    kept = images.put_image(neighbour, "image/png", b"n")
    assert images.delete_images(item_id) == 3
    assert all(images.get_image(key) is None for key in keys)
    assert images.get_image(kept) == ("image/png", b"n")
    assert images.delete_images(item_id) == 0


@pytest.mark.parametrize("bad", ["", "a/b", "a#b", "a b"])
def test_invalid_item_ids_are_refused(images: ImageStore, bad: str) -> None:
    with pytest.raises(ValueError, match="invalid item id"):
        images.put_image(bad, "image/png", b"x")
