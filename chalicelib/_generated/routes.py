# generated from openapi.yaml — do not edit
"""Chalice routes for Reference API 0.2.0: one thin view per route, all work in the runtime
pipeline (chalicelib.runtime.pipeline). Operation modules are imported on first use."""

# Every module-level name a view uses starts with "_": view functions and path variables never do,
# so a spec can name an operation or a parameter anything without shadowing them.
# The docs views import chalicelib.runtime.docs (html, pathlib) when first called: not on a cold start.
from chalice import Blueprint as _Blueprint
from chalice import Response as _Response

from chalicelib.runtime.pipeline import dispatch as _dispatch

_PACKAGE = __name__.rpartition(".")[0]

blueprint = _bp = _Blueprint(__name__)
docs_blueprint = _docs_bp = _Blueprint(__name__ + ".docs")

#: Media types API Gateway must treat as binary (base64): `app.api.binary_types.extend(BINARY_TYPES)`.
BINARY_TYPES: tuple[str, ...] = (
    "image/png",
    "image/jpeg",
)

#: (method, Chalice route, operation module, operationId, spec path), one row per operation.
OPERATIONS: tuple[tuple[str, str, str, str | None, str], ...] = (
    ("GET", "/", "get_index", "getIndex", "/"),
    ("GET", "/health", "get_health", "getHealth", "/health"),
    ("GET", "/items", "list_items", "listItems", "/items"),
    ("POST", "/items", "create_item", "createItem", "/items"),
    ("GET", "/items/{item_id}", "get_item", "getItem", "/items/{item_id}"),
    ("PUT", "/items/{item_id}", "replace_item", "replaceItem", "/items/{item_id}"),
    ("DELETE", "/items/{item_id}", "delete_item", "deleteItem", "/items/{item_id}"),
    ("PATCH", "/items/{item_id}", "update_item", "updateItem", "/items/{item_id}"),
    ("GET", "/items/{item_id}/image", "get_item_image", "getItemImage", "/items/{item_id}/image"),
    ("PUT", "/items/{item_id}/image", "put_item_image", "putItemImage", "/items/{item_id}/image"),
    ("DELETE", "/items/{item_id}/image", "delete_item_image", "deleteItemImage", "/items/{item_id}/image"),
    ("POST", "/users", "create_user", "createUser", "/users"),
    ("GET", "/users/me", "get_current_user", "getCurrentUser", "/users/me"),
    ("GET", "/users/{user_id}", "get_user", "getUser", "/users/{user_id}"),
    ("GET", "/posts", "list_posts", "listPosts", "/posts"),
    ("POST", "/posts", "create_post", "createPost", "/posts"),
    ("GET", "/posts/{post_id}", "get_post", "getPost", "/posts/{post_id}"),
    ("DELETE", "/posts/{post_id}", "delete_post", "deletePost", "/posts/{post_id}"),
    ("PATCH", "/posts/{post_id}", "update_post", "updatePost", "/posts/{post_id}"),
    ("GET", "/posts/{post_id}/comments", "list_comments", "listComments", "/posts/{post_id}/comments"),
    ("POST", "/posts/{post_id}/comments", "create_comment", "createComment", "/posts/{post_id}/comments"),
    (
        "GET",
        "/posts/{post_id}/comments/{comment_id}",
        "get_comment",
        "getComment",
        "/posts/{post_id}/comments/{comment_id}",
    ),
    (
        "PUT",
        "/posts/{post_id}/comments/{comment_id}",
        "replace_comment",
        "replaceComment",
        "/posts/{post_id}/comments/{comment_id}",
    ),
    (
        "DELETE",
        "/posts/{post_id}/comments/{comment_id}",
        "delete_comment",
        "deleteComment",
        "/posts/{post_id}/comments/{comment_id}",
    ),
    ("GET", "/search", "search", "search", "/search"),
    ("POST", "/admin/purge", "purge_deleted_items", "purgeDeletedItems", "/admin/purge"),
)

#: CORS (chalicelib.runtime.cors), per Chalice route: (methods, request headers read, response headers).
CORS_PATHS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "/": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/admin/purge": (
        (
            "POST",
            "OPTIONS",
        ),
        (
            "Authorization",
            "X-API-Key",
        ),
        ("WWW-Authenticate",),
    ),
    "/health": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/items": (
        (
            "GET",
            "POST",
            "OPTIONS",
        ),
        (
            "Authorization",
            "Idempotency-Key",
        ),
        (
            "ETag",
            "Idempotent-Replayed",
            "Location",
            "WWW-Authenticate",
        ),
    ),
    "/items/{item_id}": (
        (
            "GET",
            "PUT",
            "PATCH",
            "DELETE",
            "OPTIONS",
        ),
        (
            "Authorization",
            "If-Match",
        ),
        (
            "ETag",
            "WWW-Authenticate",
        ),
    ),
    "/items/{item_id}/image": (
        (
            "GET",
            "PUT",
            "DELETE",
            "OPTIONS",
        ),
        (
            "Authorization",
            "If-Match",
        ),
        (
            "ETag",
            "WWW-Authenticate",
        ),
    ),
    "/posts": (
        (
            "GET",
            "POST",
            "OPTIONS",
        ),
        ("Authorization",),
        (
            "ETag",
            "Location",
            "WWW-Authenticate",
        ),
    ),
    "/posts/{post_id}": (
        (
            "GET",
            "PATCH",
            "DELETE",
            "OPTIONS",
        ),
        (
            "Authorization",
            "If-Match",
        ),
        (
            "ETag",
            "WWW-Authenticate",
        ),
    ),
    "/posts/{post_id}/comments": (
        (
            "GET",
            "POST",
            "OPTIONS",
        ),
        ("Authorization",),
        (
            "ETag",
            "Location",
            "WWW-Authenticate",
        ),
    ),
    "/posts/{post_id}/comments/{comment_id}": (
        (
            "GET",
            "PUT",
            "DELETE",
            "OPTIONS",
        ),
        (
            "Authorization",
            "If-Match",
        ),
        (
            "ETag",
            "WWW-Authenticate",
        ),
    ),
    "/search": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/users": (
        (
            "POST",
            "OPTIONS",
        ),
        ("Authorization",),
        (
            "Location",
            "WWW-Authenticate",
        ),
    ),
    "/users/me": (
        (
            "GET",
            "OPTIONS",
        ),
        ("Authorization",),
        ("WWW-Authenticate",),
    ),
    "/users/{user_id}": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
}


@_bp.route("/", methods=["GET"], content_types=["*/*"])
def get_index() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_index",),
        {},
    )


@_bp.route("/health", methods=["GET"], content_types=["*/*"])
def get_health() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_health",),
        {},
    )


@_bp.route("/items", methods=["GET"], content_types=["*/*"])
def list_items() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("list_items",),
        {},
    )


@_bp.route("/items", methods=["POST"], content_types=["*/*"])
def create_item() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("create_item",),
        {},
    )


@_bp.route("/items/{item_id}", methods=["GET"], content_types=["*/*"])
def get_item(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_item",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}", methods=["PUT"], content_types=["*/*"])
def replace_item(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("replace_item",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}", methods=["DELETE"], content_types=["*/*"])
def delete_item(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("delete_item",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}", methods=["PATCH"], content_types=["*/*"])
def update_item(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("update_item",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}/image", methods=["GET"], content_types=["*/*"])
def get_item_image(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_item_image",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}/image", methods=["PUT"], content_types=["*/*"])
def put_item_image(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("put_item_image",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/items/{item_id}/image", methods=["DELETE"], content_types=["*/*"])
def delete_item_image(item_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("delete_item_image",),
        {
            "item_id": item_id,
        },
    )


@_bp.route("/users", methods=["POST"], content_types=["*/*"])
def create_user() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("create_user",),
        {},
    )


@_bp.route("/users/me", methods=["GET"], content_types=["*/*"])
def get_current_user() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_current_user",),
        {},
    )


@_bp.route("/users/{user_id}", methods=["GET"], content_types=["*/*"])
def get_user(user_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_user",),
        {
            "user_id": user_id,
        },
    )


@_bp.route("/posts", methods=["GET"], content_types=["*/*"])
def list_posts() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("list_posts",),
        {},
    )


@_bp.route("/posts", methods=["POST"], content_types=["*/*"])
def create_post() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("create_post",),
        {},
    )


@_bp.route("/posts/{post_id}", methods=["GET"], content_types=["*/*"])
def get_post(post_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_post",),
        {
            "post_id": post_id,
        },
    )


@_bp.route("/posts/{post_id}", methods=["DELETE"], content_types=["*/*"])
def delete_post(post_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("delete_post",),
        {
            "post_id": post_id,
        },
    )


@_bp.route("/posts/{post_id}", methods=["PATCH"], content_types=["*/*"])
def update_post(post_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("update_post",),
        {
            "post_id": post_id,
        },
    )


@_bp.route("/posts/{post_id}/comments", methods=["GET"], content_types=["*/*"])
def list_comments(post_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("list_comments",),
        {
            "post_id": post_id,
        },
    )


@_bp.route("/posts/{post_id}/comments", methods=["POST"], content_types=["*/*"])
def create_comment(post_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("create_comment",),
        {
            "post_id": post_id,
        },
    )


@_bp.route("/posts/{post_id}/comments/{comment_id}", methods=["GET"], content_types=["*/*"])
def get_comment(post_id: str, comment_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_comment",),
        {
            "post_id": post_id,
            "comment_id": comment_id,
        },
    )


@_bp.route("/posts/{post_id}/comments/{comment_id}", methods=["PUT"], content_types=["*/*"])
def replace_comment(post_id: str, comment_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("replace_comment",),
        {
            "post_id": post_id,
            "comment_id": comment_id,
        },
    )


@_bp.route("/posts/{post_id}/comments/{comment_id}", methods=["DELETE"], content_types=["*/*"])
def delete_comment(post_id: str, comment_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("delete_comment",),
        {
            "post_id": post_id,
            "comment_id": comment_id,
        },
    )


@_bp.route("/search", methods=["GET"], content_types=["*/*"])
def search() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("search",),
        {},
    )


@_bp.route("/admin/purge", methods=["POST"], content_types=["*/*"])
def purge_deleted_items() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("purge_deleted_items",),
        {},
    )


@_bp.route("/", methods=["OPTIONS"], content_types=["*/*"])
def _options_1(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/admin/purge", methods=["OPTIONS"], content_types=["*/*"])
def _options_2(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "POST, OPTIONS"})


@_bp.route("/health", methods=["OPTIONS"], content_types=["*/*"])
def _options_3(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/items", methods=["OPTIONS"], content_types=["*/*"])
def _options_4(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, POST, OPTIONS"})


@_bp.route("/items/{item_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_5(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PUT, PATCH, DELETE, OPTIONS"})


@_bp.route("/items/{item_id}/image", methods=["OPTIONS"], content_types=["*/*"])
def _options_6(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PUT, DELETE, OPTIONS"})


@_bp.route("/posts", methods=["OPTIONS"], content_types=["*/*"])
def _options_7(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, POST, OPTIONS"})


@_bp.route("/posts/{post_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_8(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PATCH, DELETE, OPTIONS"})


@_bp.route("/posts/{post_id}/comments", methods=["OPTIONS"], content_types=["*/*"])
def _options_9(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, POST, OPTIONS"})


@_bp.route("/posts/{post_id}/comments/{comment_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_10(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PUT, DELETE, OPTIONS"})


@_bp.route("/search", methods=["OPTIONS"], content_types=["*/*"])
def _options_11(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/users", methods=["OPTIONS"], content_types=["*/*"])
def _options_12(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "POST, OPTIONS"})


@_bp.route("/users/me", methods=["OPTIONS"], content_types=["*/*"])
def _options_13(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/users/{user_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_14(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_docs_bp.route("/openapi.json", methods=["GET"])
def _openapi_json() -> _Response:
    from pathlib import Path

    from chalicelib.runtime import docs

    return docs.spec_response(Path(__file__).resolve().parent / "openapi.json")


@_docs_bp.route("/docs", methods=["GET"])
def _docs_page() -> _Response:
    from chalicelib.runtime import docs

    return docs.docs_page("Reference API")


@_docs_bp.route("/docs/{asset}", methods=["GET"])
def _docs_asset(asset: str) -> _Response:
    from chalicelib.runtime import docs

    return docs.docs_asset(asset)
