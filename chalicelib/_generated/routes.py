# generated from openapi.yaml — do not edit
"""Chalice routes for Reference API 0.1.0: one thin view per route, all work in the runtime
pipeline (chalicelib.runtime.pipeline). Operation modules are imported on first use."""

# Every module-level name a view uses starts with "_": view functions and path variables never do,
# so a spec can name an operation or a parameter anything without shadowing them.
from pathlib import Path as _Path

from chalice import Blueprint as _Blueprint
from chalice import Response as _Response

from chalicelib.runtime import docs as _docs
from chalicelib.runtime.pipeline import dispatch as _dispatch

_PACKAGE = __name__.rpartition(".")[0]
_HERE = _Path(__file__).resolve().parent

blueprint = _bp = _Blueprint(__name__)
docs_blueprint = _docs_bp = _Blueprint(__name__ + ".docs")

#: Media types API Gateway must treat as binary (base64): `app.api.binary_types.extend(BINARY_TYPES)`.
BINARY_TYPES: tuple[str, ...] = ()

#: (method, Chalice route, operation module, operationId, spec path), one row per operation.
OPERATIONS: tuple[tuple[str, str, str, str | None, str], ...] = (
    ("GET", "/health", "get_health", "getHealth", "/health"),
    ("GET", "/items", "list_items", "listItems", "/items"),
    ("POST", "/items", "create_item", "createItem", "/items"),
    ("GET", "/items/{item_id}", "get_item", "getItem", "/items/{item_id}"),
    ("PUT", "/items/{item_id}", "replace_item", "replaceItem", "/items/{item_id}"),
    ("DELETE", "/items/{item_id}", "delete_item", "deleteItem", "/items/{item_id}"),
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


@_docs_bp.route("/openapi.json", methods=["GET"])
def _openapi_json() -> _Response:
    return _docs.spec_response(_HERE / "openapi.json")


@_docs_bp.route("/docs", methods=["GET"])
def _docs_page() -> _Response:
    return _docs.docs_page("Reference API")


@_docs_bp.route("/docs/{asset}", methods=["GET"])
def _docs_asset(asset: str) -> _Response:
    return _docs.docs_asset(asset)
