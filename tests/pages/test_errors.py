"""An address nothing answers: the 404 page for a browser, JSON for a program."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.pages.conftest import page

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(database_url=f"sqlite:///{tmp_path / 'errors.db'}"))


def test_a_browser_at_an_unknown_address_gets_the_404_page_in_its_language(
    app: FastAPI,
) -> None:
    with TestClient(app) as client:
        answer = client.get("/no/such/page", headers={**BROWSER, "Accept-Language": "en"})

    assert answer.status_code == 404
    assert page(answer).find("h1").text() == "There is nothing here"


def test_a_program_at_an_unknown_address_keeps_the_json_answer(app: FastAPI) -> None:
    with TestClient(app) as client:
        under_api = client.get("/api/v1/nothing", headers=BROWSER)
        without_html = client.get("/no/such/page", headers={"Accept": "application/json"})

    assert (under_api.status_code, without_html.status_code) == (404, 404)
    assert under_api.json() == {"detail": "Not Found"}
    assert without_html.json() == {"detail": "Not Found"}


def test_other_http_errors_are_left_as_they_were(app: FastAPI) -> None:
    with TestClient(app) as client:
        answer = client.delete("/policy", headers=BROWSER)

    assert answer.status_code == 405
    assert answer.json() == {"detail": "Method Not Allowed"}
