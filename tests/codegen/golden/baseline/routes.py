# generated from baseline.yaml — do not edit
"""Chalice routes for Codegen Baseline 1.2.3: one thin view per route, all work in the runtime
pipeline (chalicelib.runtime.pipeline). Operation modules are imported on first use."""

from pathlib import Path

from chalice import Blueprint, Response

from chalicelib.runtime.docs import docs_asset, docs_page, spec_response
from chalicelib.runtime.pipeline import dispatch

_PACKAGE = __name__.rpartition(".")[0]
_HERE = Path(__file__).resolve().parent

blueprint = Blueprint(__name__)
docs_blueprint = Blueprint(__name__ + ".docs")

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


@blueprint.route("/items", methods=["GET"], content_types=["*/*"])
def list_items() -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("list_items",),
        {},
    )


@blueprint.route("/items", methods=["POST"], content_types=["*/*"])
def create_item() -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("create_item",),
        {},
    )


@blueprint.route("/items/{item_id}", methods=["GET"], content_types=["*/*"])
def get_item(item_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("get_item",),
        {
            "item_id": item_id,
        },
    )


@blueprint.route("/items/{item_id}", methods=["PUT"], content_types=["*/*"])
def replace_item(item_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("replace_item",),
        {
            "item_id": item_id,
        },
    )


@blueprint.route("/items/{item_id}", methods=["DELETE"], content_types=["*/*"])
def delete_item(item_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("delete_item",),
        {
            "item_id": item_id,
        },
    )


@blueprint.route("/posts/{seg1}", methods=["GET"], content_types=["*/*"])
def get_posts_post_id_json(seg1: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("get_posts_post_id_json",),
        {
            "seg1": seg1,
        },
    )


@blueprint.route("/users/{user_id}", methods=["GET"], content_types=["*/*"])
def get_user(user_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("get_user",),
        {
            "user_id": user_id,
        },
    )


@blueprint.route("/users/{user_id}", methods=["PATCH"], content_types=["*/*"])
def update_user(user_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("update_user",),
        {
            "user_id": user_id,
        },
    )


@blueprint.route("/tree/{node_id}", methods=["GET"], content_types=["*/*"])
def get_tree(node_id: str) -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("get_tree",),
        {
            "node_id": node_id,
        },
    )


@blueprint.route("/shapes", methods=["POST"], content_types=["*/*"])
def measure_shape() -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("measure_shape",),
        {},
    )


@docs_blueprint.route("/openapi.json", methods=["GET"])
def openapi_json() -> Response:
    return spec_response(_HERE / "openapi.json")


@docs_blueprint.route("/docs", methods=["GET"])
def docs() -> Response:
    return docs_page("Codegen Baseline")


@docs_blueprint.route("/docs/{asset}", methods=["GET"])
def docs_assets(asset: str) -> Response:
    return docs_asset(asset)
