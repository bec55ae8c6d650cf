"""/docs in Chromium with nothing but 127.0.0.1 reachable: Swagger UI renders every operation.

NEEDS THE LEAD'S WIRING in api/main.py (FastAPI(..., docs_url=None, redoc_url=None) and
install_docs(app)): `readiness serve` runs api.main.create_app, whose /docs until then is
FastAPI's page that loads Swagger UI from a CDN, so this test fails until it is wired.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, Route, expect

from tests.support.live_server import LiveServer

METHODS = ("get", "post", "put", "patch", "delete")
LOCAL_HOSTS = ("127.0.0.1",)


def test_the_docs_render_every_operation_without_the_internet(
    browser_page: Page, server: LiveServer
) -> None:
    elsewhere: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort("internetdisconnected")

    def note_failure(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    browser_page.route("**/*", only_local)
    browser_page.on("response", note_failure)
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    document: dict[str, Any] = browser_page.request.get(f"{server.url}/openapi.json").json()
    operations = {
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in METHODS
    }

    browser_page.goto(f"{server.url}/docs")

    assert elsewhere == []  # first, so that a page that needs the internet says so at once
    expect(
        browser_page.locator('.opblock-summary-path[data-path="/api/v1/evaluate"]')
    ).to_be_visible()
    blocks = browser_page.locator(".opblock")
    expect(blocks).to_have_count(len(operations))
    shown = {
        (method.strip().upper(), path)
        for method, path in blocks.evaluate_all(
            """blocks => blocks.map(b => [
                b.querySelector('.opblock-summary-method').textContent,
                b.querySelector('.opblock-summary-path').dataset.path,
            ])"""
        )
    }
    assert shown == operations
    assert elsewhere == []
    assert failed == []
    assert errors == []
