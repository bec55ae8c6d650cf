"""/docs is served by the service itself: no CDN, no inline script or style, every file it names.

The browser test (Swagger UI actually renders with the network blocked) is in
tests/pages/test_docs_browser.py, beside the other Chromium tests and their fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.docs import ASSETS, ASSETS_URL, install_docs


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    text: str = ""


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text directly inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Tag] = []
        self._open: Tag | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = Tag(tag, {name: value or "" for name, value in attrs})
        self.found.append(self._open)

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text += data

    def named(self, name: str) -> list[Tag]:
        return [tag for tag in self.found if tag.name == name]


def tags_of(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def references(tags: Tags) -> list[str]:
    return [tag.attrs[a] for tag in tags.found for a in ("src", "href") if a in tag.attrs]


def small_app() -> FastAPI:
    """An app made the way the lead wires the service: FastAPI's own docs off, ours installed."""
    app = FastAPI(title="docs test", docs_url=None, redoc_url=None)

    @app.post("/api/v1/evaluate")
    def evaluate() -> dict[str, str]:
        return {}

    install_docs(app)
    return app


@pytest.fixture
def docs_client() -> Iterator[TestClient]:
    with TestClient(small_app()) as client:
        yield client


def test_docs_is_an_html_page_that_starts_swagger_ui_on_the_openapi_document(
    docs_client: TestClient,
) -> None:
    answer = docs_client.get("/docs")

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    [root] = [tag for tag in tags_of(answer.text).found if tag.attrs.get("id") == "swagger-ui"]
    assert root.attrs["data-openapi-url"] == "/openapi.json"


def test_docs_names_only_files_of_this_host(docs_client: TestClient) -> None:
    page = docs_client.get("/docs").text

    refs = references(tags_of(page))

    assert refs
    assert all(ref.startswith("/") and not ref.startswith("//") for ref in refs), refs
    assert "http://" not in page
    assert "https://" not in page


def test_docs_has_no_inline_script_or_style(docs_client: TestClient) -> None:
    tags = tags_of(docs_client.get("/docs").text)

    scripts = tags.named("script")

    assert len(scripts) == 2
    assert all(script.attrs.get("src") and not script.text.strip() for script in scripts)
    assert tags.named("style") == []
    assert [t.name for t in tags.found if "style" in t.attrs] == []
    assert [(t.name, a) for t in tags.found for a in t.attrs if a.startswith("on")] == []


@pytest.mark.parametrize(
    ("suffix", "media_types"),
    [
        (".css", {"text/css"}),
        (".js", {"text/javascript", "application/javascript"}),
        (".png", {"image/png"}),
    ],
)
def test_every_file_docs_names_is_served_with_its_type(
    docs_client: TestClient, suffix: str, media_types: set[str]
) -> None:
    refs = [
        ref for ref in references(tags_of(docs_client.get("/docs").text)) if ref.endswith(suffix)
    ]

    assert refs
    for ref in refs:
        answer = docs_client.get(ref)
        assert answer.status_code == 200, ref
        assert answer.headers["content-type"].split(";")[0] in media_types, ref
        assert answer.content, ref


def test_swagger_ui_starts_from_a_script_file_that_reads_the_data_attribute(
    docs_client: TestClient,
) -> None:
    scripts = [tag.attrs["src"] for tag in tags_of(docs_client.get("/docs").text).named("script")]

    init = docs_client.get(scripts[-1])

    assert not scripts[-1].startswith(ASSETS_URL)
    assert "data-openapi-url" in init.text
    assert "validatorUrl: null" in init.text  # else Swagger UI calls validator.swagger.io


def test_only_the_swagger_ui_files_the_page_names_are_served(docs_client: TestClient) -> None:
    named = set(references(tags_of(docs_client.get("/docs").text)))

    served = {f"{ASSETS_URL}/{name}" for name in ASSETS}

    assert served <= named
    assert docs_client.get(f"{ASSETS_URL}/redoc.standalone.js").status_code == 404


def test_docs_behind_a_path_prefix_names_its_files_under_that_prefix() -> None:
    with TestClient(small_app(), root_path="/readiness") as client:
        tags = tags_of(client.get("/docs").text)

    [root] = [tag for tag in tags.found if tag.attrs.get("id") == "swagger-ui"]
    assert root.attrs["data-openapi-url"] == "/readiness/openapi.json"
    assert all(ref.startswith("/readiness/") for ref in references(tags))


def test_install_docs_refuses_an_app_that_still_has_fastapis_docs() -> None:
    with pytest.raises(ValueError, match="docs_url=None"):
        install_docs(FastAPI())


def test_install_docs_refuses_an_app_without_an_openapi_document() -> None:
    with pytest.raises(ValueError, match="openapi_url"):
        install_docs(FastAPI(docs_url=None, openapi_url=None))


# NEEDS THE LEAD'S WIRING in api/main.py (FastAPI(..., docs_url=None, redoc_url=None) and
# install_docs(app)); until then the real app serves FastAPI's CDN page and this test fails.
def test_the_real_service_serves_the_offline_docs(client: TestClient) -> None:
    answer = client.get("/docs")

    assert answer.status_code == 200
    tags = tags_of(answer.text)
    [root] = [tag for tag in tags.found if tag.attrs.get("id") == "swagger-ui"]
    assert root.attrs["data-openapi-url"] == "/openapi.json"
    assert "https://" not in answer.text
    for ref in references(tags):
        assert client.get(ref).status_code == 200, ref
    assert client.get("/redoc").status_code == 404
