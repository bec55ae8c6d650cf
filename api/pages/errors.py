"""A 404 for a person: an address outside the API that nothing answers gets the 404 page.

Programs asking under /api keep FastAPI's JSON answer; so does anyone who does not accept HTML.
Register with ``app.add_exception_handler(StarletteHTTPException, page_or_json_error)``.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.pages.deps import page_lang
from api.pages.rendering import not_found_page


async def page_or_json_error(request: Request, error: Exception) -> Response:
    """The 404 page for a browser's unknown address; FastAPI's own answer for everything else."""
    assert isinstance(error, StarletteHTTPException)
    wants_page = (
        error.status_code == 404
        and request.method in ("GET", "HEAD")
        and not request.url.path.startswith(("/api/", "/static/"))
        and "text/html" in request.headers.get("accept", "")
    )
    if not wants_page:
        return await http_exception_handler(request, error)
    lang = page_lang(request.query_params.get("lang"), request.headers.get("accept-language"))
    return not_found_page(request, lang)
