"""Ids no database can take, in every address with a path parameter: never a 5xx.

A NUL byte is the sharpest: PostgreSQL refuses it in any text value, so an id that reaches a
query with one fails there (SQLite takes it), and the same address must answer alike on both. Each
id is validated before the database sees it: the pages answer their 404 page, the API 422 (or
404 where the id is well-formed and names nothing).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.head import install_head
from api.main import create_app
from api.security import install_security_headers
from api.settings import Settings
from tests.support.accounts import as_user

# As they stand in the address, percent-encoded where they must be.
HOSTILE = {
    "nul": "%00",
    "nul inside": "a%00b",
    "invalid utf-8": "%ff",
    "10,000 characters": "a" * 10_000,
    "encoded parent": "..%2f..%2fetc%2fpasswd",
    "encoded parent, last": "..%2f",
    "unicode letters": "Kundtjänst-Nörd",
    "other scripts": "营销团队",
}
HTML = {"accept": "text/html,application/xhtml+xml"}
# An address that ends in a slash once decoded ("/teams/../") is redirected without it, as every
# address is: to "/teams/..", which a client resolves to "/" before asking. Not followed here.
SLASH_REDIRECT = 307

PAGES = ("/assessments/{}", "/teams/{}")
# Method, address, and the body a well-formed request would carry (so that only the id is wrong).
API: tuple[tuple[str, str, dict[str, str] | None], ...] = (
    ("GET", "/api/v1/assessments/{}", None),
    ("GET", "/api/v1/teams/{}/assessments", None),
    ("PUT", "/api/v1/teams/{}", {"name": "Kundtjänst"}),
    ("GET", "/api/v1/organisations/{}/units", None),
    ("POST", "/api/v1/organisations/{}/units", {"id": "hr", "name": "HR"}),
)
STATIC = ("/static/{}", "/docs/assets/{}", "/docs/static/{}")
ENDS_IN_SLASH = "encoded parent, last"


def wired(app: FastAPI) -> FastAPI:
    """`app` with the security headers and HEAD; both calls do nothing once api.main makes them."""
    install_head(app)
    install_security_headers(app)
    return app


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """The app on an empty database of each kind (SQLite and PostgreSQL), as an admin."""
    with TestClient(wired(create_app(Settings(database_url=database_url)))) as client:
        as_user(client, "admin")
        yield client


def _unexpected(answers: dict[str, int], allowed: set[int]) -> dict[str, int]:
    return {
        asked: status
        for asked, status in answers.items()
        if status not in allowed
        and not (asked.endswith(ENDS_IN_SLASH) and status == SLASH_REDIRECT)
    }


def test_the_pages_answer_their_404_page_for_any_id(client: TestClient) -> None:
    answers: dict[str, int] = {}
    for page in PAGES:
        for name, value in HOSTILE.items():
            for method in ("GET", "HEAD"):
                answer = client.request(
                    method, page.format(value), headers=HTML, follow_redirects=False
                )
                answers[f"{method} {page.format(name)}"] = answer.status_code
                if method == "GET" and answer.status_code == 404:
                    assert answer.headers["content-type"].startswith("text/html")

    assert _unexpected(answers, {404}) == {}


def test_the_api_answers_422_or_404_for_any_id(client: TestClient) -> None:
    answers: dict[str, int] = {}
    for method, address, body in API:
        for name, value in HOSTILE.items():
            answer = client.request(
                method, address.format(value), json=body, follow_redirects=False
            )
            answers[f"{method} {address.format(name)}"] = answer.status_code
            if answer.status_code in (404, 422):
                assert answer.headers["content-type"] == "application/json", answer.text[:200]

    # A well-formed team id names a team the PUT registers: that is its job, not an error.
    registered = {f"PUT /api/v1/teams/{name}" for name in ("unicode letters", "other scripts")}
    assert {a: s for a, s in answers.items() if a in registered} == dict.fromkeys(registered, 200)
    others = {a: s for a, s in answers.items() if a not in registered}
    assert _unexpected(others, {404, 422}) == {}


def test_the_static_files_answer_404_for_any_name(client: TestClient) -> None:
    answers = {
        f"{method} {folder.format(name)}": client.request(
            method, folder.format(value), follow_redirects=False
        ).status_code
        for folder in STATIC
        for name, value in HOSTILE.items()
        for method in ("GET", "HEAD")
    }

    assert _unexpected(answers, {404}) == {}
