"""THE FLOOR: the same service on bare Chalice, with no validation at all — the cost floor.

The same routes, service calls and JSON answers as the generated app's handlers (a page of items with
`next_cursor`; a create answered 201 with `Location` and `ETag`, the record shown through the same field
list), idiomatic Chalice: dict bodies serialized by Chalice itself. It validates nothing: query values
are read as they come, the body is parsed and handed to the service. The invalid-body kind is told apart
by one field check (`price` below 0), which stands for "this request is bad" and answers a small 400 —
the cheapest possible rejection, not validation. It imports no generated code.

Credentials: `POST /items` needs a bearer JWT (issue 7), and verifying it is the service's behaviour, not
validation, so the floor does it too, with the same function ours runs (`chalicelib.runtime.security.
verify_jwt`: PyJWT, signature, exp, iss, aud), before reading the body as ours does; a missing or refused
token answers a small 401. The module is imported on the first POST only (ours does not load PyJWT for a
GET either), so the floor's cold start (a GET) does not import `chalicelib.runtime`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chalice import Chalice, Response

from chalicelib.services import item_service

app = Chalice(app_name="floor")
# what chalicelib/handlers/items.py shows of a stored record (its _API_FIELDS and defaults)
_FIELDS = ("id", "name", "description", "price", "tags", "status", "version", "created_at", "updated_at")


def _view(record: Mapping[str, Any]) -> dict[str, Any]:
    view = {k: record[k] for k in _FIELDS if k in record}
    view.setdefault("tags", [])
    view.setdefault("status", "active")
    return view


@app.route("/items", methods=["GET"])
def list_items() -> Response:
    query = app.current_request.query_params or {}
    limit = int(query.get("limit", 20))
    tags = query.getlist("tag") if "tag" in query else None  # type: ignore[attr-defined]  # chalice MultiDict
    records, next_cursor = item_service().list_page(limit, cursor=query.get("cursor"), tags=tags)
    return Response(
        body={"items": [_view(r) for r in records], "next_cursor": next_cursor},
        status_code=200,
        headers={"Content-Type": "application/json"},
    )


_UNAUTHORIZED = {"title": "Unauthorized", "status": 401}


@app.route("/items", methods=["POST"])
def create_item() -> Response:
    from chalicelib.runtime.security import Invalid, verify_jwt

    request = app.current_request
    scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
    try:
        if scheme.lower() != "bearer" or not token:
            raise Invalid("no bearer token")
        verify_jwt(token.strip())
    except Invalid:
        return Response(
            body=_UNAUTHORIZED,
            status_code=401,
            headers={"Content-Type": "application/problem+json", "WWW-Authenticate": 'Bearer realm="api"'},
        )
    body = request.json_body
    price = body.get("price") if isinstance(body, dict) else None
    if not isinstance(price, int | float) or price < 0:
        return Response(
            body={"title": "Bad Request", "status": 400},
            status_code=400,
            headers={"Content-Type": "application/problem+json"},
        )
    record, _ = item_service().create_item(body, idempotency_key=request.headers.get("idempotency-key"))
    path = str(request.context.get("path") or request.path)
    headers = {
        "Location": f"{path.rstrip('/')}/{record['id']}",
        "ETag": f'"{int(record["version"])}"',
        "Content-Type": "application/json",
    }
    return Response(body=_view(record), status_code=201, headers=headers)
