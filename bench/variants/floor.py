"""THE FLOOR: the same service on bare Chalice, with no validation at all — the cost floor.

The same routes and JSON answers as the generated app (200 list, 201 + Location for a create), idiomatic
Chalice: dict bodies serialized by Chalice itself. It validates nothing: query values are read as they
come, the body is parsed and handed to the service. The invalid-body kind is told apart by one field check
(`price` below 0), which stands for "this request is bad" and answers a small 400 — the cheapest possible
rejection, not validation.
"""

from __future__ import annotations

from chalice import Chalice, Response

from chalicelib.services import item_service

app = Chalice(app_name="floor")


@app.route("/items", methods=["GET"])
def list_items() -> Response:
    query = app.current_request.query_params or {}
    limit = int(query.get("limit", 20))
    return Response(
        body={"items": item_service().list(limit, query.get("tag"))},
        status_code=200,
        headers={"Content-Type": "application/json"},
    )


@app.route("/items", methods=["POST"])
def create_item() -> Response:
    request = app.current_request
    body = request.json_body
    price = body.get("price") if isinstance(body, dict) else None
    if not isinstance(price, int | float) or price < 0:
        return Response(
            body={"title": "Bad Request", "status": 400},
            status_code=400,
            headers={"Content-Type": "application/problem+json"},
        )
    item = item_service().create(body)
    path = str(request.context.get("path") or request.path)
    headers = {"Location": f"{path.rstrip('/')}/{item['id']}", "Content-Type": "application/json"}
    return Response(body=item, status_code=201, headers=headers)
