# generated from openapi.yaml — do not edit
"""Chalice routes for Reference API 0.1.0: one thin view per route, all work in the runtime
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
    ("GET", "/health", "get_health", "getHealth", "/health"),
    ("GET", "/items", "list_items", "listItems", "/items"),
    ("POST", "/items", "create_item", "createItem", "/items"),
    ("GET", "/items/{item_id}", "get_item", "getItem", "/items/{item_id}"),
    ("PUT", "/items/{item_id}", "replace_item", "replaceItem", "/items/{item_id}"),
    ("DELETE", "/items/{item_id}", "delete_item", "deleteItem", "/items/{item_id}"),
)


@blueprint.route("/health", methods=["GET"], content_types=["*/*"])
def get_health() -> Response:
    return dispatch(
        blueprint.current_request,
        _PACKAGE,
        ("get_health",),
        {},
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


@docs_blueprint.route("/openapi.json", methods=["GET"])
def openapi_json() -> Response:
    return spec_response(_HERE / "openapi.json")


@docs_blueprint.route("/docs", methods=["GET"])
def docs() -> Response:
    return docs_page("Reference API")


@docs_blueprint.route("/docs/{asset}", methods=["GET"])
def docs_assets(asset: str) -> Response:
    return docs_asset(asset)
