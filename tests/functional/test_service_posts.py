"""Posts and comments (`/posts...`) through chalice's test client: authorship (403 for anyone but the
author, unknown authors refused), conditional writes, pagination, and the comment `oneOf` with its
`kind` discriminator (each variant's own violations, unknown kinds, a change of kind through PUT).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.functional.support import Api, as_user, assert_problem, etag_of, located, messages

MISSING = "00000000-0000-4000-8000-000000000000"
POST_READ_ONLY = ("author_id", "created_at", "id", "updated_at", "version")


@pytest.fixture
def people(service_any: Api) -> tuple[Api, str, str]:
    """The API, its author Ada and another user Grace."""
    ada = service_any.create_user("Ada", "ada@example.com")["id"]
    grace = service_any.create_user("Grace", "grace@example.com")["id"]
    return service_any, ada, grace


def _as(user: str, **headers: str) -> dict[str, str]:
    return as_user(user, **headers)


# -- posts ------------------------------------------------------------------------------------------------


def test_create_and_get_post(people: tuple[Api, str, str]) -> None:
    api, ada, _ = people
    reply = api.post("/posts", {"title": "Hello", "body": "The first post."}, headers=_as(ada))
    assert reply.status == 201
    post = reply.json
    assert reply.headers["location"] == f"/posts/{post['id']}"
    assert reply.etag == '"1"' == etag_of(post)
    assert {k: post[k] for k in ("author_id", "title", "body", "version")} == {
        "author_id": ada,
        "title": "Hello",
        "body": "The first post.",
        "version": 1,
    }
    fetched = api.get(reply.headers["location"])
    assert (fetched.status, fetched.json, fetched.etag) == (200, post, '"1"')


def test_create_post_errors(people: tuple[Api, str, str]) -> None:
    api, ada, _ = people
    unknown = api.post("/posts", {"title": "Hi", "body": "x"}, headers=_as(MISSING))
    assert_problem(unknown, 403)
    assert MISSING in unknown.json["detail"]
    assert_problem(api.post("/posts", {"title": "Hi", "body": "x"}, anonymous=True), 401)
    body = {"title": "", "body": "x", **dict.fromkeys(POST_READ_ONLY, "1")}
    assert located(api.post("/posts", body, headers=_as(ada))) == sorted(
        [("body", "/title", "minLength")] + [("body", f"/{n}", "readOnly") for n in POST_READ_ONLY]
    )
    assert_problem(api.call("POST", "/posts", body="hi", content_type="text/plain", headers=_as(ada)), 415)
    assert api.get("/posts").json == {"posts": [], "next_cursor": None}


def test_only_the_author_edits_a_post(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    post = api.create_post(ada)
    url = f"/posts/{post['id']}"
    forbidden = api.patch(url, {"title": "Mine now"}, headers=_as(grace))
    assert_problem(forbidden, 403)
    assert_problem(api.patch(url, {"title": "Mine now"}, headers=_as(MISSING)), 403)
    reply = api.patch(url, {"title": "Hello again"}, headers=_as(ada))
    assert reply.status == 200, reply
    assert (reply.json["title"], reply.json["body"], reply.etag) == ("Hello again", post["body"], '"2"')
    assert api.get(url).json == reply.json


def test_post_patch_errors_and_preconditions(people: tuple[Api, str, str]) -> None:
    api, ada, _ = people
    post = api.create_post(ada)
    url = f"/posts/{post['id']}"
    assert_problem(api.patch(f"/posts/{MISSING}", {"title": "x"}, headers=_as(ada)), 404)
    assert located(api.patch(url, {"title": "x", "author_id": ada}, headers=_as(ada))) == [
        ("body", "/author_id", "additionalProperties")
    ]
    assert_problem(api.patch(url, {}, headers=_as(ada)), 400)
    assert_problem(api.patch(url, {"title": "x"}, content_type="application/json", headers=_as(ada)), 415)
    assert api.patch(url, {"title": "v2"}, headers=_as(ada, **{"If-Match": '"1"'})).status == 200
    stale = api.patch(url, {"title": "v3"}, headers=_as(ada, **{"If-Match": '"1"'}))
    assert_problem(stale, 412)
    assert stale.etag == '"2"'
    assert api.patch(url, {"body": "new"}, headers=_as(ada, **{"If-Match": "*"})).etag == '"3"'
    assert api.get(url).json["title"] == "v2"


def test_only_the_author_deletes_a_post(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    post = api.create_post(ada)
    url = f"/posts/{post['id']}"
    assert_problem(api.delete(url, headers=_as(grace)), 403)
    assert_problem(api.delete(url, headers=_as(ada, **{"If-Match": '"9"'})), 412)
    assert_problem(api.delete(url, anonymous=True), 401)
    reply = api.delete(url, headers=_as(ada, **{"If-Match": '"1"'}))
    assert (reply.status, reply.body) == (204, b"")
    assert_problem(api.get(url), 404)
    assert_problem(api.delete(url, headers=_as(ada)), 404)
    assert_problem(api.get("/posts/not-a-uuid"), 400)


def test_list_posts_pages_in_creation_order(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    made = [api.create_post(ada if n % 2 else grace, title=f"post {n}")["id"] for n in range(7)]
    seen: list[str] = []
    url = "/posts?limit=3"
    while url:
        page = api.get(url).json
        assert len(page["posts"]) <= 3
        seen += [p["id"] for p in page["posts"]]
        url = f"/posts?limit=3&cursor={quote(page['next_cursor'], safe='')}" if page["next_cursor"] else ""
    assert seen == made
    assert located(api.get("/posts?limit=0")) == [("query", "/limit", "minimum")]
    assert located(api.get("/posts?cursor=bogus")) == [("query", "/cursor", "cursor")]


# -- comments ------------------------------------------------------------------------------------------------

TEXT = {"kind": "text", "text": "Nice post!"}
LINK = {"kind": "link", "url": "https://example.com/more", "title": "More on this"}
IMAGE = {"kind": "image", "image_url": "https://example.com/cat.png", "alt_text": "A cat"}


@pytest.mark.parametrize("data", [TEXT, LINK, IMAGE], ids=["text", "link", "image"])
def test_create_each_kind_of_comment(people: tuple[Api, str, str], data: dict[str, Any]) -> None:
    api, ada, grace = people
    post = api.create_post(ada)
    reply = api.post(f"/posts/{post['id']}/comments", data, headers=_as(grace))
    assert reply.status == 201, reply
    comment = reply.json
    assert reply.headers["location"] == f"/posts/{post['id']}/comments/{comment['id']}"
    assert reply.etag == '"1"'
    assert {k: v for k, v in comment.items() if k in data} == data
    assert set(comment) == {*data, "id", "post_id", "author_id", "version", "created_at", "updated_at"}
    assert (comment["post_id"], comment["author_id"]) == (post["id"], grace)
    fetched = api.get(reply.headers["location"])
    assert (fetched.json, fetched.etag) == (comment, '"1"')


def test_comment_variant_violations(service: Api) -> None:
    ada = service.create_user()["id"]
    post = service.create_post(ada)
    url = f"/posts/{post['id']}/comments"
    # a link comment judged as a link: its url is missing and `text` is not one of its properties
    reply = service.post(url, {"kind": "link", "text": "hi"}, headers=_as(ada))
    assert located(reply) == [("body", "", "required"), ("body", "/text", "unevaluatedProperties")]
    assert all(m.startswith("LinkComment: ") for m in messages(reply)), messages(reply)
    reply = service.post(
        url, {"kind": "image", "image_url": "not a uri", "alt_text": "x" * 501}, headers=_as(ada)
    )
    assert located(reply) == [("body", "/alt_text", "maxLength"), ("body", "/image_url", "format")]
    assert all(m.startswith("ImageComment: ") for m in messages(reply))
    reply = service.post(url, {"kind": "text", "text": ""}, headers=_as(ada))
    assert located(reply) == [("body", "/text", "minLength")]
    reply = service.post(url, {"kind": "video", "url": "https://example.com"}, headers=_as(ada))
    assert located(reply) == [("body", "/kind", "discriminator")]
    assert messages(reply) == [
        "unknown discriminator value 'video' for 'kind'; expected one of 'text', 'link', 'image'"
    ]
    reply = service.post(url, {"text": "no kind"}, headers=_as(ada))
    assert located(reply) == [("body", "", "required")]
    assert service.get(url).json == {"comments": [], "next_cursor": None}


def test_read_only_comment_fields_are_named_once(service: Api) -> None:
    ada = service.create_user()["id"]
    post = service.create_post(ada)
    body = {**TEXT, "id": MISSING, "version": 2}
    reply = service.post(f"/posts/{post['id']}/comments", body, headers=_as(ada))
    assert located(reply) == [("body", "/id", "readOnly"), ("body", "/version", "readOnly")]


def test_comment_create_errors(people: tuple[Api, str, str]) -> None:
    api, ada, _ = people
    post = api.create_post(ada)
    assert_problem(api.post(f"/posts/{MISSING}/comments", TEXT, headers=_as(ada)), 404)
    assert_problem(api.post(f"/posts/{post['id']}/comments", TEXT, headers=_as(MISSING)), 403)
    assert_problem(
        api.call(
            "POST", f"/posts/{post['id']}/comments", body="hi", content_type="text/plain", headers=_as(ada)
        ),
        415,
    )
    assert_problem(api.post(f"/posts/{post['id']}/comments", TEXT, anonymous=True), 401)


def test_comments_of_two_posts_are_isolated(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    first, second = api.create_post(ada, title="one"), api.create_post(grace, title="two")
    on_first = [api.create_comment(first["id"], grace, {"kind": "text", "text": f"c{n}"}) for n in range(5)]
    on_second = [api.create_comment(second["id"], ada, LINK)]

    def listed(post_id: str) -> list[str]:
        ids: list[str] = []
        url = f"/posts/{post_id}/comments?limit=2"
        while url:
            page = api.get(url).json
            ids += [c["id"] for c in page["comments"]]
            nxt = page["next_cursor"]
            url = f"/posts/{post_id}/comments?limit=2&cursor={quote(nxt, safe='')}" if nxt else ""
        return ids

    assert listed(first["id"]) == [c["id"] for c in on_first]
    assert listed(second["id"]) == [on_second[0]["id"]]
    # a comment is found only under its own post
    assert_problem(api.get(f"/posts/{second['id']}/comments/{on_first[0]['id']}"), 404)
    assert_problem(api.delete(f"/posts/{second['id']}/comments/{on_first[0]['id']}", headers=_as(grace)), 404)
    assert_problem(api.get(f"/posts/{MISSING}/comments"), 404)
    assert located(api.get(f"/posts/{first['id']}/comments?limit=101")) == [("query", "/limit", "maximum")]
    assert located(api.get(f"/posts/{first['id']}/comments?cursor=bogus")) == [("query", "/cursor", "cursor")]
    assert_problem(api.get(f"/posts/{first['id']}/comments/{MISSING}"), 404)
    assert located(api.get(f"/posts/{first['id']}/comments/xyz")) == [("path", "/comment_id", "format")]


def test_replace_comment_may_change_kind(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    post = api.create_post(ada)
    comment = api.create_comment(post["id"], grace, TEXT)
    url = f"/posts/{post['id']}/comments/{comment['id']}"
    reply = api.put(url, LINK, headers=_as(grace, **{"If-Match": etag_of(comment)}))
    assert reply.status == 200, reply
    changed = reply.json
    assert "text" not in changed
    assert {k: changed[k] for k in LINK} == LINK
    assert (changed["id"], changed["created_at"], changed["author_id"]) == (
        comment["id"],
        comment["created_at"],
        grace,
    )
    assert (changed["version"], reply.etag) == (2, '"2"')
    again = api.put(url, IMAGE, headers=_as(grace))
    assert (again.json["kind"], again.etag) == ("image", '"3"')
    assert api.get(url).json == again.json


def test_only_the_author_rewrites_or_deletes_a_comment(people: tuple[Api, str, str]) -> None:
    api, ada, grace = people
    post = api.create_post(ada)
    comment = api.create_comment(post["id"], grace, TEXT)
    url = f"/posts/{post['id']}/comments/{comment['id']}"
    # the post's author is not the comment's author
    assert_problem(api.put(url, {"kind": "text", "text": "edited"}, headers=_as(ada)), 403)
    assert_problem(api.delete(url, headers=_as(ada)), 403)
    assert_problem(api.put(url, TEXT, headers=_as(grace, **{"If-Match": '"5"'})), 412)
    stale = api.delete(url, headers=_as(grace, **{"If-Match": '"5"'}))
    assert_problem(stale, 412)
    assert stale.etag == '"1"'
    assert located(api.put(url, {"kind": "link"}, headers=_as(grace))) == [("body", "", "required")]
    assert_problem(api.put(f"/posts/{post['id']}/comments/{MISSING}", TEXT, headers=_as(grace)), 404)
    assert_problem(api.call("PUT", url, body="x", content_type="text/plain", headers=_as(grace)), 415)
    assert_problem(api.delete(url, anonymous=True), 401)
    assert_problem(api.put(url, TEXT, anonymous=True), 401)
    assert api.get(url).json == comment
    reply = api.delete(url, headers=_as(grace, **{"If-Match": "*"}))
    assert (reply.status, reply.body) == (204, b"")
    assert_problem(api.get(url), 404)
    assert api.get(f"/posts/{post['id']}/comments").json == {"comments": [], "next_cursor": None}


def test_a_cursor_only_pages_the_list_that_issued_it(people: tuple[Api, str, str]) -> None:
    api, ada, _ = people
    first, second = api.create_post(ada), api.create_post(ada)
    for post in (first, second):
        for n in range(2):
            api.create_comment(post["id"], ada, {"kind": "text", "text": f"c{n}"})
    api.create_item()
    api.create_item()
    posts = quote(api.get("/posts?limit=1").json["next_cursor"], safe="")
    items = quote(api.get("/items?limit=1").json["next_cursor"], safe="")
    comments = quote(api.get(f"/posts/{first['id']}/comments?limit=1").json["next_cursor"], safe="")
    for url in (
        f"/items?cursor={posts}",
        f"/posts?cursor={items}",
        f"/posts?cursor={comments}",
        f"/posts/{second['id']}/comments?cursor={comments}",
    ):
        assert located(api.get(url)) == [("query", "/cursor", "cursor")], url
