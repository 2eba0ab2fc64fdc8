# generated from baseline.yaml — do not edit
"""Chalice routes for Codegen Baseline 1.2.3: one thin view per route, all work in the runtime
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
BINARY_TYPES: tuple[str, ...] = ()

#: (method, Chalice route, operation module, operationId, spec path), one row per operation.
OPERATIONS: tuple[tuple[str, str, str, str | None, str], ...] = (
    ("GET", "/items", "list_items", "listItems", "/items"),
    ("POST", "/items", "create_item", "createItem", "/items"),
    ("GET", "/items/{item_id}", "get_item", "getItem", "/items/{item_id}"),
    ("PUT", "/items/{item_id}", "replace_item", "replaceItem", "/items/{item_id}"),
    ("DELETE", "/items/{item_id}", "delete_item", "deleteItem", "/items/{item_id}"),
    ("GET", "/posts/{seg1}", "get_posts_post_id_json", None, "/posts/{post_id}.json"),
    ("GET", "/users/{user_id}", "get_user", "getUser", "/users/{user-id}"),
    ("PATCH", "/users/{user_id}", "update_user", "updateUser", "/users/{user-id}"),
    ("GET", "/tree/{node_id}", "get_tree", "getTree", "/tree/{node_id}"),
    ("POST", "/shapes", "measure_shape", "measureShape", "/shapes"),
)

#: CORS (chalicelib.runtime.cors), per Chalice route: (methods, request headers read, response headers).
CORS_PATHS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "/items": (
        (
            "GET",
            "POST",
            "OPTIONS",
        ),
        ("X-Request-Id",),
        ("Location",),
    ),
    "/items/{item_id}": (
        (
            "GET",
            "PUT",
            "DELETE",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/posts/{seg1}": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/shapes": (
        (
            "POST",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/tree/{node_id}": (
        (
            "GET",
            "OPTIONS",
        ),
        (),
        (),
    ),
    "/users/{user_id}": (
        (
            "GET",
            "PATCH",
            "OPTIONS",
        ),
        (),
        (),
    ),
}


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


@_bp.route("/posts/{seg1}", methods=["GET"], content_types=["*/*"])
def get_posts_post_id_json(seg1: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_posts_post_id_json",),
        {
            "seg1": seg1,
        },
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


@_bp.route("/users/{user_id}", methods=["PATCH"], content_types=["*/*"])
def update_user(user_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("update_user",),
        {
            "user_id": user_id,
        },
    )


@_bp.route("/tree/{node_id}", methods=["GET"], content_types=["*/*"])
def get_tree(node_id: str) -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("get_tree",),
        {
            "node_id": node_id,
        },
    )


@_bp.route("/shapes", methods=["POST"], content_types=["*/*"])
def measure_shape() -> _Response:
    return _dispatch(
        _bp.current_request,
        _PACKAGE,
        ("measure_shape",),
        {},
    )


@_bp.route("/items", methods=["OPTIONS"], content_types=["*/*"])
def _options_1(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, POST, OPTIONS"})


@_bp.route("/items/{item_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_2(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PUT, DELETE, OPTIONS"})


@_bp.route("/posts/{seg1}", methods=["OPTIONS"], content_types=["*/*"])
def _options_3(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/shapes", methods=["OPTIONS"], content_types=["*/*"])
def _options_4(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "POST, OPTIONS"})


@_bp.route("/tree/{node_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_5(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, OPTIONS"})


@_bp.route("/users/{user_id}", methods=["OPTIONS"], content_types=["*/*"])
def _options_6(**_variables: str) -> _Response:
    # preflights are answered by the CORS middleware (chalicelib.runtime.cors); this lists the methods
    return _Response(body="", status_code=204, headers={"Allow": "GET, PATCH, OPTIONS"})


@_docs_bp.route("/openapi.json", methods=["GET"])
def _openapi_json() -> _Response:
    from pathlib import Path

    from chalicelib.runtime import docs

    return docs.spec_response(Path(__file__).resolve().parent / "openapi.json")


@_docs_bp.route("/docs", methods=["GET"])
def _docs_page() -> _Response:
    from chalicelib.runtime import docs

    return docs.docs_page("Codegen Baseline")


@_docs_bp.route("/docs/{asset}", methods=["GET"])
def _docs_asset(asset: str) -> _Response:
    from chalicelib.runtime import docs

    return docs.docs_asset(asset)
