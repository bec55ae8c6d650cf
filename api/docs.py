"""The interactive API documentation at /docs, served entirely by the service itself.

FastAPI's own /docs loads Swagger UI from a CDN and is blank without the internet. Here the page,
Swagger UI's files and the start-up script all come from this host, and the page has no inline
script or style, so a strict Content-Security-Policy (``script-src 'self'``) does not break it.
Create the app with ``docs_url=None, redoc_url=None``, then call ``install_docs(app)``.

Swagger UI's files are those the `fastapi-offline` package ships (Swagger UI 5); none of its code
runs. `swagger-ui-bundle` ships Swagger UI 4, which cannot read the OpenAPI 3.1 document FastAPI
writes: it shows "Unable to render this definition".
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import Scope

DOCS_URL = "/docs"
ASSETS_URL = f"{DOCS_URL}/assets"
OWN_URL = f"{DOCS_URL}/static"
OWN_DIR = Path(__file__).resolve().parent / "docs_static"
SWAGGER_UI_DIR = Path(str(files("fastapi_offline") / "static"))
# The package's folder also holds ReDoc, which nothing here uses: serve only what the page names.
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "favicon.png"})


class SwaggerAssets(StaticFiles):
    """Swagger UI's files that the page uses; anything else in the package is a 404."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path not in ASSETS:
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)


def install_docs(app: FastAPI) -> None:
    """Serve GET /docs, Swagger UI's files under /docs/assets and the start-up script on `app`."""
    if app.openapi_url is None:
        raise ValueError("the docs need the OpenAPI document: create the app with an openapi_url")
    if app.docs_url == DOCS_URL:
        # Both would answer /docs and FastAPI's, which needs the CDN, would win.
        raise ValueError("create the app with docs_url=None before install_docs")
    openapi_url = app.openapi_url

    @app.get(DOCS_URL, include_in_schema=False, response_class=HTMLResponse)
    def docs_page(request: Request) -> HTMLResponse:
        # Behind a proxy that strips a prefix, every address on the page needs that prefix back.
        root = str(request.scope.get("root_path", "")).rstrip("/")
        return HTMLResponse(docs_html(app.title, root, openapi_url))

    app.mount(ASSETS_URL, SwaggerAssets(directory=SWAGGER_UI_DIR), name="docs-assets")
    app.mount(OWN_URL, StaticFiles(directory=OWN_DIR), name="docs-static")


def docs_html(title: str, root: str, openapi_url: str) -> str:
    """The page: Swagger UI's files and the start-up script, with the document's address as data."""
    assets, own = escape(root + ASSETS_URL), escape(root + OWN_URL)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)} – API documentation</title>
  <link rel="stylesheet" href="{assets}/swagger-ui.css">
  <link rel="stylesheet" href="{own}/docs.css">
  <link rel="icon" type="image/png" href="{assets}/favicon.png">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="{escape(root + openapi_url)}"></div>
  <noscript>
    <p>The interactive documentation needs JavaScript. The API is described in
    <a href="{escape(root + openapi_url)}">the OpenAPI document</a>.</p>
  </noscript>
  <script src="{assets}/swagger-ui-bundle.js"></script>
  <script src="{own}/swagger-init.js"></script>
</body>
</html>
"""
