"""`/teams/{team_id}`: a team over time, with a trend per dimension and what changed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from readiness import questionnaire
from tests.pages.conftest import form_for, page, submit


def assess_team(client: TestClient, *profiles: dict[str, str]) -> None:
    for form in profiles:
        assert submit(client, {**form, "team_id": "ekonomi-syd"}).status_code == 303


def test_the_history_shows_a_trend_for_readiness_and_every_dimension(client: TestClient) -> None:
    assess_team(client, form_for({"functional_level": 30}), form_for({"functional_level": 85}))

    document = page(client.get("/teams/ekonomi-syd"))

    rows = document.find("table", class_="trend").find("tbody").find_all("tr")
    titles = [row.find("th").text() for row in rows]
    assert titles == ["Beredskap", *(d.title for d in questionnaire("sv").dimensions)]
    assert all(row.find("svg", class_="sparkline") for row in rows)
    functional = rows[1].find_all("td")
    assert [cell.text() for cell in functional[1:]] == ["30", "85", "+55"]


def test_the_history_lists_newest_first_with_what_changed(client: TestClient) -> None:
    assess_team(client, form_for({"functional_level": 30}), form_for({"functional_level": 85}))

    document = page(client.get("/teams/ekonomi-syd?lang=en"))

    first, second = document.find("ol", class_="history").elements()
    assert "Trust-based co-leadership" in first.text()
    assert (
        "Leadership: Structuring leadership – not now → Trust-based co-leadership" in first.text()
    )
    assert "Resolved: Low functional level" in first.text()
    assert "The first assessment of this team." in second.text()


def test_an_unknown_team_is_a_404_page(client: TestClient) -> None:
    answer = client.get("/teams/nobody?lang=en")

    assert answer.status_code == 404
    assert page(answer).find("h1").text() == "There is nothing here"
