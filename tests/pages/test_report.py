"""`/assessments/{id}`: the report, in the language asked for, with its chart and checklist."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

import readiness
from api.pages.i18n import long_date
from tests.conftest import keep, make_profile, stored_assessment
from tests.pages.conftest import form_for, page, submit

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_report_names_the_mode_and_stage_in_plain_swedish(
    client: TestClient, report_url: str
) -> None:
    modes = readiness.default_policy().settings.modes

    document = page(client.get(report_url))

    assert document.find("html").attrs["lang"] == "sv"
    assert modes["co_leadership"].title("sv") in document.find("h1").text()
    assert (
        modes["co_leadership"].description("sv")
        in document.find("section", class_="verdict").text()
    )
    recommended = document.find("li", class_="is-recommended")
    assert "Bredda" in recommended.text()
    assert "Pilot" in document.find("li", class_="is-today").text()


def test_the_next_steps_are_a_checklist_with_their_caveats(
    client: TestClient, report_url: str
) -> None:
    expected = readiness.assess(make_profile(), "sv")

    document = page(client.get(report_url))

    checklist = document.find("ul", class_="checklist").find_all("li")
    assert [item.find("strong").text() for item in checklist] == [
        step.title for step in expected.next_steps
    ]
    assert all(item.find("span", class_="box") for item in checklist)
    assert "C6 · En faciliterande roll" in document.find("ul", class_="checklist").text()


def test_the_same_report_reads_in_english_and_decides_the_same(
    client: TestClient, report_url: str
) -> None:
    expected = readiness.assess(make_profile(), "en")

    document = page(client.get(report_url, headers={"Accept-Language": "en"}))

    assert document.find("html").attrs["lang"] == "en"
    assert "Trust-based co-leadership" in document.find("h1").text()
    text = document.text()
    assert all(step.title in text for step in expected.next_steps)
    assert "Leadership now" in text
    assert "Next steps" in text


def test_the_findings_say_why_with_severity_and_caveat(client: TestClient) -> None:
    answer = submit(client, form_for({"functional_level": 30}, rollout_plan="big_launch"), "en")

    document = page(client.get(answer.headers["location"]))

    findings = document.find("ul", class_="findings").find_all("li")
    heads = [f.find("p", class_="finding-head").text() for f in findings]
    assert "Blocker C1 · Sufficient functional level" in heads
    assert "Blocker C3 · Stepwise and co-created" in heads
    assert "Structuring leadership – not now" in document.find("h1").text()


def test_the_radar_chart_shows_the_nine_dimensions(client: TestClient, report_url: str) -> None:
    document = page(client.get(report_url))

    radar = document.find("svg", class_="radar")
    assert radar.attrs["role"] == "img"
    assert len(radar.find_all("circle", class_="radar-dot")) == 9
    assert len(radar.find_all("g", class_="radar-series")) == 1
    assert "Fas 1: Tillhörighet och trygghet" in radar.text()


def test_the_members_view_is_a_second_series_when_it_is_used(client: TestClient) -> None:
    profile = json.loads((EXAMPLES / "team-with-member-voices.json").read_text())
    stored = client.post("/api/v1/assessments", json=profile).json()

    document = page(client.get(f"/assessments/{stored['id']}?lang=en"))

    radar = document.find("svg", class_="radar")
    members = radar.find("g", class_="radar-secondary")
    assert len(members.find_all("circle")) == 7  # the group's dimensions, not the manager's own
    assert "Members' median" in radar.text()
    assert "4 members answered anonymously" in document.text()


def test_the_report_says_when_to_assess_again(client: TestClient, report_url: str) -> None:
    stored = client.get("/api/v1/assessments/" + report_url.rsplit("/", 1)[1]).json()
    days = stored["assessment"]["reassess_in_days"]
    due = datetime.fromisoformat(stored["created_at"]) + timedelta(days=days)

    document = page(client.get(report_url))

    assert long_date(due.date(), "sv") in document.find("section", class_="reassess").text()


def test_an_assessment_made_under_an_earlier_policy_is_shown_as_it_was_made(
    app: FastAPI, client: TestClient
) -> None:
    profile = readiness.parse_profile(make_profile())
    earlier = readiness.assess(profile, "sv").model_copy(update={"policy_version": "0ld0ld0ld0ld"})
    stored = stored_assessment(profile, earlier)
    keep(app.state.database.unit_of_work(), stored)

    document = page(client.get(f"/assessments/{stored.id}?lang=en"))

    assert document.find("article", class_="report").attrs["lang"] == "sv"
    assert "earlier policy" in document.find("p", class_="notice").text()
    assert "0ld0ld0ld0ld" in document.text()


def test_an_unknown_assessment_is_a_404_page_in_the_readers_language(client: TestClient) -> None:
    swedish = client.get("/assessments/no-such-id")
    english = client.get("/assessments/no-such-id?lang=en")

    assert (swedish.status_code, english.status_code) == (404, 404)
    assert page(swedish).find("h1").text() == "Här finns ingenting"
    assert page(english).find("h1").text() == "There is nothing here"


def test_printing_hides_the_navigation_and_the_form_controls(client: TestClient) -> None:
    css = client.get("/static/pages.css").text

    print_rules = css[css.index("@media print") :]
    assert ".site-header" in print_rules
    assert ".no-print" in print_rules
    assert "display: none" in print_rules
