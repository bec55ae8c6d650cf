"""`/teams/{team_id}`: a team over time, with a trend per dimension and what changed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from readiness import questionnaire
from tests.pages.conftest import form_for, page, submit
from tests.pages.html import Element


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
    assert [cell.text() for cell in functional[1:]] == ["30", "85", "+55 (bättre)"]


def test_the_history_lists_newest_first_with_what_changed(client: TestClient) -> None:
    assess_team(client, form_for({"functional_level": 30}), form_for({"functional_level": 85}))

    document = page(client.get("/teams/ekonomi-syd?lang=en"))

    first, second = document.find("ol", class_="history").elements()
    assert "Coaching leadership – on the way" in first.text()  # the group has not been heard
    assert (
        "Leadership: Structuring leadership – not now → Coaching leadership – on the way"
        in first.text()
    )
    assert "Resolved: Low functional level" in first.text()
    assert "The first assessment of this team." in second.text()


def delta_in(document: Element, title: str) -> Element:
    row = next(
        r for r in document.find("table", class_="trend").find_all("tr") if title in r.text()
    )
    return row.find("span", class_="delta")


def test_a_change_is_coloured_by_whether_it_is_better_for_the_team(client: TestClient) -> None:
    before = form_for({"phase_conflict": 60, "interdependence": 40, "competence": 85})
    after = form_for({"phase_conflict": 20, "interdependence": 80, "competence": 60})
    assess_team(client, before, after)
    titles = {d.id: d.title for d in questionnaire("en").dimensions}

    document = page(client.get("/teams/ekonomi-syd?lang=en"))

    fewer_conflicts = delta_in(document, titles["phase_conflict"])
    assert fewer_conflicts.attrs["class"] == "delta delta-better"
    assert fewer_conflicts.text() == "−40 (better)"
    assert delta_in(document, titles["competence"]).attrs["class"] == "delta delta-worse"
    more_interdependence = delta_in(document, titles["interdependence"])
    assert more_interdependence.attrs["class"] == "delta delta-neutral"  # neither good nor bad
    assert more_interdependence.text() == "+40"


def test_the_changes_since_the_assessment_before_are_coloured_the_same_way(
    client: TestClient,
) -> None:
    assess_team(client, form_for({"phase_dependency": 70}), form_for({"phase_dependency": 10}))

    document = page(client.get("/teams/ekonomi-syd"))

    latest = document.find("ol", class_="history").elements()[0]
    changes = latest.find("ul", class_="changes").text()
    assert "tecken på fas 1: tillhörighet och trygghet −60 (bättre)" in changes
    assert latest.find("span", class_="delta-better")


def test_an_unknown_team_is_a_404_page(client: TestClient) -> None:
    answer = client.get("/teams/nobody?lang=en")

    assert answer.status_code == 404
    assert page(answer).find("h1").text() == "There is nothing here"
