"""`GET /openapi.json` and `GET /docs`: the bundled spec and an offline Swagger UI page.

The Swagger UI assets come from the pinned npm package `swagger-ui-dist` (see package.json), copied into
`chalicelib/_static/swagger-ui/` by `make assets`, so the page needs no CDN.
"""

from __future__ import annotations

import html
from pathlib import Path

from chalice import Response

from chalicelib.runtime.problem import ProblemError

STATIC = Path(__file__).resolve().parent.parent / "_static" / "swagger-ui"
_ASSETS = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
}
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({{url: "openapi.json", dom_id: "#swagger-ui", deepLinking: true}});
</script>
</body>
</html>
"""


def spec_response(spec_path: Path) -> Response:
    return Response(
        body=spec_path.read_text(encoding="utf-8"),
        status_code=200,
        headers={"Content-Type": "application/json"},
    )


def docs_page(title: str) -> Response:
    # Relative URLs: the page works under an API Gateway stage prefix (/dev/docs) and locally (/docs).
    return Response(
        body=_PAGE.format(title=html.escape(title)),
        status_code=200,
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


def docs_asset(name: str) -> Response:
    content_type = _ASSETS.get(name)
    path = STATIC / name
    if content_type is None:
        return ProblemError.not_found(f"No docs asset named {name!r}.").to_response()
    if not path.is_file():
        return ProblemError(503, "The docs assets are not installed: run `make assets`.").to_response()
    return Response(
        body=path.read_text(encoding="utf-8"),
        status_code=200,
        headers={"Content-Type": content_type, "Cache-Control": "public, max-age=86400"},
    )
