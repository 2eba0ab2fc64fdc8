"""Item images (`/items/{item_id}/image`): PNG and JPEG bytes stored in S3 (the moto server's bucket,
inspected with a boto3 client), size limit, type checks, conditional uploads, download, delete."""

from __future__ import annotations

import pytest

from tests.functional.conftest import Storage
from tests.functional.support import Api, assert_problem, etag_of, item_body, jpeg, located, png

MISSING = "00000000-0000-4000-8000-000000000000"


def _objects(storage: Storage, item_id: str) -> dict[str, tuple[int, str]]:
    """The bucket's objects under items/<id>/: key -> (size, content type)."""
    s3 = storage.s3()
    listed = s3.list_objects_v2(Bucket=storage.bucket, Prefix=f"items/{item_id}/")
    found = {}
    for obj in listed.get("Contents", []):
        head = s3.head_object(Bucket=storage.bucket, Key=obj["Key"])
        found[obj["Key"]] = (obj["Size"], head["ContentType"])
    return found


def test_upload_png_then_download_it(service: Api, storage: Storage) -> None:
    item = service.create_item()
    data = png(300)
    reply = service.call("PUT", f"/items/{item['id']}/image", body=data, content_type="image/png")
    assert reply.status == 200, reply
    updated = reply.json
    assert updated["image"] == {"content_type": "image/png", "size": 300}
    assert (updated["version"], reply.etag) == (2, '"2"')
    assert service.get(f"/items/{item['id']}").json == updated

    objects = _objects(storage, item["id"])
    assert list(objects.values()) == [(300, "image/png")]
    key = next(iter(objects))
    assert storage.s3().get_object(Bucket=storage.bucket, Key=key)["Body"].read() == data

    got = service.get(f"/items/{item['id']}/image", headers={"Accept": "image/png"})
    assert (got.status, got.content_type, got.body) == (200, "image/png", data)
    assert_problem(service.get(f"/items/{item['id']}/image", headers={"Accept": "application/json"}), 406)


def test_replacing_with_jpeg_drops_the_png(service: Api, storage: Storage) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}/image"
    first = service.call(
        "PUT", url, body=png(), content_type="image/png", headers={"If-Match": etag_of(item)}
    )
    assert first.status == 200
    data = jpeg(1000)
    second = service.call(
        "PUT", url, body=data, content_type="image/jpeg", headers={"If-Match": first.etag or ""}
    )
    assert second.status == 200, second
    assert second.json["image"] == {"content_type": "image/jpeg", "size": 1000}
    assert list(_objects(storage, item["id"]).values()) == [(1000, "image/jpeg")]
    got = service.get(url, headers={"Accept": "image/jpeg"})
    assert (got.status, got.content_type, got.body) == (200, "image/jpeg", data)
    # API Gateway sends binary only to an Accept naming the binary type (README: Writing handlers)
    refused = service.get(url, headers={"Accept": "image/*"})
    assert_problem(refused, 400)
    assert "Accept" in refused.json["detail"]


def test_upload_refusals(service: Api, storage: Storage, monkeypatch: pytest.MonkeyPatch) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}/image"
    monkeypatch.setenv("MAX_IMAGE_BYTES", "100")
    too_big = service.call("PUT", url, body=png(101), content_type="image/png")
    assert_problem(too_big, 413, detail="The image is 101 bytes; at most 100 are accepted.")
    assert service.call("PUT", url, body=png(100), content_type="image/png").status == 200
    monkeypatch.delenv("MAX_IMAGE_BYTES")

    liar = service.call("PUT", url, body=jpeg(), content_type="image/png")
    assert located(liar) == [("body", "", "contentMediaType")]
    assert liar.json["errors"][0]["message"] == "the bytes are not a image/png image"
    assert located(service.call("PUT", url, body=b"GIF89a....", content_type="image/jpeg")) == [
        ("body", "", "contentMediaType")
    ]
    gif = service.call("PUT", url, body=b"GIF89a" + bytes(20), content_type="image/gif")
    assert_problem(gif, 415)
    assert "image/png" in gif.json["detail"]
    assert_problem(
        service.call("PUT", url, body=png(), content_type="image/png", headers={"If-Match": '"1"'}), 412
    )
    assert_problem(service.call("PUT", f"/items/{MISSING}/image", body=png(), content_type="image/png"), 404)
    assert located(service.call("PUT", "/items/x/image", body=png(), content_type="image/png")) == [
        ("path", "/item_id", "format")
    ]
    # only the 100-byte upload landed
    assert service.get(f"/items/{item['id']}").json["image"] == {"content_type": "image/png", "size": 100}
    assert list(_objects(storage, item["id"]).values()) == [(100, "image/png")]


def test_delete_image(service: Api, storage: Storage) -> None:
    item = service.create_item()
    url = f"/items/{item['id']}/image"
    assert_problem(service.get(url, headers={"Accept": "image/png"}), 404)
    assert_problem(service.delete(url), 404)
    uploaded = service.call("PUT", url, body=png(), content_type="image/png")
    assert_problem(service.delete(url, headers={"If-Match": '"1"'}), 412)
    reply = service.delete(url, headers={"If-Match": uploaded.etag or ""})
    assert (reply.status, reply.body) == (204, b"")
    assert_problem(
        service.get(url, headers={"Accept": "image/png"}), 404, detail=f"Item {item['id']!r} has no image."
    )
    after = service.get(f"/items/{item['id']}")
    assert "image" not in after.json
    assert after.etag == '"3"'
    assert _objects(storage, item["id"]) == {}
    assert_problem(service.delete(url), 404)
    assert_problem(service.delete(f"/items/{MISSING}/image"), 404)
    assert located(service.delete("/items/x/image")) == [("path", "/item_id", "format")]
    assert_problem(service.get(f"/items/{MISSING}/image", headers={"Accept": "image/png"}), 404)


def test_image_survives_item_edits(service_any: Api) -> None:
    api = service_any
    item = api.create_item()
    data = png(200)
    uploaded = api.call("PUT", f"/items/{item['id']}/image", body=data, content_type="image/png")
    patched = api.patch(
        f"/items/{item['id']}", {"name": "Renamed"}, headers={"If-Match": uploaded.etag or ""}
    )
    assert patched.json["image"] == {"content_type": "image/png", "size": 200}
    replaced = api.put(
        f"/items/{item['id']}", item_body("Replaced"), headers={"If-Match": patched.etag or ""}
    )
    assert replaced.json["image"] == {"content_type": "image/png", "size": 200}
    assert api.get(f"/items/{item['id']}/image", headers={"Accept": "image/png"}).body == data
