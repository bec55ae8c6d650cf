"""`/teams/{team_id}` shows the newest page of the history, and links the older one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from readiness.usecases.teams import DEFAULT_HISTORY
from tests.conftest import make_profile
from tests.pages.conftest import page
from tests.pages.html import Element
from tests.support.accounts import as_user

STORED = DEFAULT_HISTORY + 2


@pytest.fixture
def admin(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        as_user(client)
        yield client


@pytest.fixture
def made(admin: TestClient) -> list[str]:
    """The ids of the team's assessments, oldest first: two more than a page holds."""
    ids = []
    for _ in range(STORED):
        answer = admin.post("/api/v1/assessments", json={**make_profile(), "team_id": "nord"})
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    return ids


def shown(document: Element) -> list[str]:
    """The ids of the assessments the page lists, in its order."""
    links = document.find("ol", class_="history").find_all("a")
    return [link.attrs["href"].split("?")[0].rsplit("/", 1)[1] for link in links]


def test_the_newest_page_links_to_the_older_assessments(admin: TestClient, made: list[str]) -> None:
    newest = page(admin.get("/teams/nord?lang=en"))
    older_link = newest.find("nav", class_="pager").find("a", rel="next")
    older = page(admin.get(older_link.attrs["href"]))

    assert shown(newest) == made[::-1][:DEFAULT_HISTORY]
    assert shown(older) == made[1::-1]
    assert older_link.attrs["href"].endswith("lang=en")
    assert "Older assessments, from" in older.find("p", class_="lead").text()
    assert older.find("nav", class_="pager").find_all("a", rel="next") == []
    assert older.find("nav", class_="pager").find("a").text() == "Newest assessments"


def test_a_page_before_what_cannot_be_an_assessment_is_not_found(
    admin: TestClient, made: list[str]
) -> None:
    assert admin.get("/teams/nord", params={"before": "a\x00b"}).status_code == 404
    assert admin.get("/teams/nord", params={"before": made[0]}).status_code == 404  # none older
