"""Concurrent writers through chalice's test client (one client per thread, released together by a
barrier) on DynamoDB: the same If-Match lets exactly one writer win, the same Idempotency-Key creates
one item. moto answers one request at a time, so the store's conditional writes, not luck, decide."""

from __future__ import annotations

import uuid
from collections import Counter

import pytest

from tests.functional.support import Api, Reply, as_user, etag_of, item_body, png, race

ROUNDS = 4


@pytest.mark.parametrize(
    "write",
    ["PUT", "PATCH", "DELETE", "PUT image"],
)
def test_two_writers_with_the_same_if_match_exactly_one_wins(service: Api, write: str) -> None:
    for round_ in range(ROUNDS):
        item = service.create_item(item_body(f"round {round_}"))
        url = f"/items/{item['id']}"
        tag = etag_of(item)

        def writer(n: int, url: str = url, tag: str = tag) -> Reply:
            api = service.fresh()
            headers = {"If-Match": tag}
            if write == "PUT":
                return api.put(url, item_body(f"writer {n}"), headers=headers)
            if write == "PATCH":
                return api.patch(url, {"name": f"writer {n}"}, headers=headers)
            if write == "DELETE":
                return api.delete(url, headers=headers)
            return api.call(
                "PUT", f"{url}/image", body=png(100 + n), content_type="image/png", headers=headers
            )

        replies = race([lambda: writer(0), lambda: writer(1)])
        statuses = sorted(r.status for r in replies)
        if write == "DELETE":
            # the loser finds the item gone: 404, as a DELETE after the DELETE would (the item is read
            # before its precondition is evaluated)
            assert statuses == [204, 404], replies
            assert service.get(url).status == 404
            continue
        assert statuses == [200, 412], replies
        winner = next(r for r in replies if r.status == 200)
        loser = next(r for r in replies if r.status == 412)
        assert winner.etag == '"2"'
        assert loser.etag == '"2"', "the 412 names the current ETag"
        current = service.get(url)
        assert current.json == winner.json, "the loser wrote nothing"


def test_concurrent_patches_with_if_match_star_are_all_applied(service: Api) -> None:
    """`If-Match: *` asks for any version: a merge patch that loses a race is re-applied, none is lost."""
    item = service.create_item()
    url = f"/items/{item['id']}"
    replies = race(
        [
            lambda n=n: service.fresh().patch(url, {"tags": [f"t{n}"]}, headers={"If-Match": "*"})
            for n in range(2)
        ]
    )
    assert sorted(r.status for r in replies) == [200, 200]
    assert service.get(url).json["version"] == 3


def test_concurrent_posts_with_the_same_idempotency_key_create_one_item(service: Api) -> None:
    for _ in range(ROUNDS):
        key = str(uuid.uuid4())
        replies = race(
            [lambda key=key: service.fresh().post("/items", item_body(), headers={"Idempotency-Key": key})]
            * 3
        )
        assert [r.status for r in replies] == [201, 201, 201], replies
        assert len({r.json["id"] for r in replies}) == 1
        assert len({r.body for r in replies}) == 1
        assert Counter(r.headers.get("idempotent-replayed") for r in replies) == {None: 1, "true": 2}
    assert len(service.get("/items").json["items"]) == ROUNDS


def test_concurrent_comment_rewrites_with_the_same_if_match(service: Api) -> None:
    ada = service.create_user()["id"]
    post = service.create_post(ada)
    comment = service.create_comment(post["id"], ada, {"kind": "text", "text": "v1"})
    url = f"/posts/{post['id']}/comments/{comment['id']}"
    headers = {**as_user(ada), "If-Match": etag_of(comment)}
    replies = race(
        [
            lambda n=n: service.fresh().put(url, {"kind": "text", "text": f"w{n}"}, headers=headers)
            for n in range(2)
        ]
    )
    assert sorted(r.status for r in replies) == [200, 412], replies
    assert service.get(url).json == next(r.json for r in replies if r.status == 200)


def test_concurrent_post_edits_with_the_same_if_match(service: Api) -> None:
    ada = service.create_user()["id"]
    post = service.create_post(ada)
    url = f"/posts/{post['id']}"
    headers = {**as_user(ada), "If-Match": etag_of(post)}
    replies = race(
        [lambda n=n: service.fresh().patch(url, {"title": f"w{n}"}, headers=headers) for n in range(2)]
    )
    assert sorted(r.status for r in replies) == [200, 412], replies
