"""`/assessments/{id}`: the report, leading with the decision and what limits the team, then the plan.

Also: both views side by side when the members' answers are used, the phase profile apart from
the radar, Swedish decimals, no raw codes, and an assessment of policy 1 shown as it was made.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import readiness
from api.pages.i18n import long_date
from readiness import Assessment
from readiness.builder import member_answers_for
from readiness.report import by_severity
from tests.conftest import STRONG, keep, make_profile, stored_assessment
from tests.pages.conftest import form_for, page, submit
from tests.pages.html import Element

# A team with much to do: a manager who sees their own leadership far more kindly than the members
# do, a moderate functional level, signs of conflict, a big launch planned, a large group and
# individual goals for work that needs collaboration.
MANAGER: dict[str, float] = {"manager_readiness": 80, "functional_level": 55, "phase_conflict": 55}
MEMBERS: dict[str, float] = {"manager_readiness": 40, "functional_level": 45, "competence": 60}
CONTEXT = {
    "rollout_plan": "big_launch",
    "team_size": 12,
    "current_stage": "none",
    "goal_type": "individual",
}
OWNERS_EN = {"The manager", "The group", "Manager and group", "HR", "Senior management"}
OWNERS_SV = {"Chefen", "Gruppen", "Chefen och gruppen", "HR", "Ledningen"}


def full_profile(members: int = 4) -> dict[str, Any]:
    """The team above, with `members` members' anonymous answers."""
    return {
        **make_profile(MANAGER, **CONTEXT),
        "team_id": "kundtjanst-nord",
        "member_answers": [member_answers_for({**STRONG, **MEMBERS})] * members,
    }


def store(client: TestClient, profile: dict[str, Any]) -> dict[str, Any]:
    """The profile assessed and stored through the API: its id, time and assessment."""
    answer = client.post("/api/v1/assessments", json=profile)
    assert answer.status_code == 201, answer.text
    stored: dict[str, Any] = answer.json()
    return stored


@pytest.fixture
def full(client: TestClient) -> dict[str, Any]:
    return store(client, full_profile())


def report(client: TestClient, stored: dict[str, Any], lang: str = "sv") -> Element:
    return page(client.get(f"/assessments/{stored['id']}?lang={lang}"))


def section_order(document: Element) -> list[str]:
    classes = [s.attrs.get("class", "").split()[0] for s in document.find_all("section")]
    return [c for c in classes if c != "rollout"]


def test_the_report_leads_with_the_decision_and_what_limits_the_team(
    client: TestClient, full: dict[str, Any]
) -> None:
    assessment = Assessment.model_validate(full["assessment"])
    policy = readiness.default_policy().settings

    document = report(client, full)

    assert section_order(document) == [
        "verdict",
        "next-steps",
        "why",
        "chart",
        "phase-profile",
        "reassess",
    ]
    verdict = document.find("section", class_="verdict")
    assert policy.modes[assessment.mode].title("sv") in verdict.find("h1").text()
    assert "Pilot (i dag: Förbereda)" in verdict.text()
    assert assessment.limiting == ["manager_readiness"]
    limited = verdict.find("div", class_="limited-by").text()
    assert limited == "Begränsas av Chefens beredskap 40"  # the members' 41.7, in steps of 5


def test_readiness_is_shown_as_the_weakest_link_not_as_an_average(
    client: TestClient, full: dict[str, Any]
) -> None:
    dimensions = full["assessment"]["dimensions"]

    document = report(client, full, "en")

    conditions = document.find("ul", class_="conditions").find_all("li")
    assert [c.find("span", class_="condition-title").text() for c in conditions] == [
        "The group's functional level",
        "Competence and willingness to take responsibility",
        "The manager's readiness",
        "Support from the organisation",
    ]
    weakest = document.find("li", class_="is-limiting")
    assert weakest.text() == "The manager's readiness 40"
    readiness_text = document.find("section", class_="verdict").text()
    assert f"{full['assessment']['readiness']} / 100 – the weakest link" in readiness_text
    assert full["assessment"]["readiness"] == round(
        min(
            dimensions[d]
            for d in ("functional_level", "competence", "manager_readiness", "org_support")
        )
    )


def test_the_next_steps_are_a_dated_plan_by_when_in_priority_order(
    client: TestClient, full: dict[str, Any]
) -> None:
    steps = full["assessment"]["next_steps"]
    created = datetime.fromisoformat(full["created_at"])

    document = report(client, full)

    section = document.find("section", class_="next-steps")
    headings = [h.text() for h in section.find_all("h3", class_="period")]
    periods = sorted({s["within_days"] for s in steps})
    assert headings[0].startswith("De första 30 dagarna · senast")
    assert all(
        long_date((created + timedelta(days=days)).date(), "sv") in heading
        for days, heading in zip(periods, headings, strict=True)
    )
    shown = [item.find("strong").text() for item in section.find_all("li", class_="plan-step")]
    in_order = sorted(steps, key=lambda s: (s["within_days"], s["priority"]))
    assert shown == [s["title"] for s in in_order]
    assert len(shown) >= 10


def test_each_step_says_who_carries_it_and_how_to_know_it_worked(
    client: TestClient, full: dict[str, Any]
) -> None:
    document = report(client, full)

    for item, step in zip(
        document.find_all("li", class_="plan-step"),
        sorted(full["assessment"]["next_steps"], key=lambda s: (s["within_days"], s["priority"])),
        strict=True,
    ):
        owner = item.find("span", class_="owner").text().removeprefix("Ansvarig: ")
        assert owner in OWNERS_SV
        assert item.find("p", class_="step-check").text() == (
            f"Så vet ni att det fungerar: {step['check']}"
        )
    launch = document.find("ol", class_="plan").find_all("li")[0]
    assert "Ansvarig: HR" in launch.text()  # the big launch is HR's to replace, not the manager's


def test_the_same_report_reads_in_english_and_decides_the_same(
    client: TestClient, full: dict[str, Any]
) -> None:
    expected = readiness.assess(full_profile(), "en")

    document = report(client, full, "en")

    assert document.find("html").attrs["lang"] == "en"
    text = document.text()
    assert all(step.title in text for step in expected.next_steps)
    assert "Limited by The manager's readiness 40" in text
    assert document.find("h3", class_="period").text().startswith("First 30 days · by")
    owners = {s.text().removeprefix("Owner: ") for s in document.find_all("span", class_="owner")}
    assert owners <= OWNERS_EN
    assert "How you will know it worked:" in text


def test_the_findings_are_labelled_by_their_title_with_severity_and_caveat(
    client: TestClient,
) -> None:
    answer = submit(client, form_for({"functional_level": 30}, rollout_plan="big_launch"), "en")
    policy = readiness.default_policy()

    document = page(client.get(answer.headers["location"]))

    findings = document.find("ul", class_="findings").find_all("li")
    heads = [f.find("p", class_="finding-head").text() for f in findings]
    launch = policy.by_id["big-launch"].title("en")
    assert f"Blocker {launch} C3 · Stepwise and co-created" in heads
    severities = [head.split()[0] for head in heads]
    assert severities == sorted(severities, key=["Blocker", "Warning", "Note"].index)
    assert "Structuring leadership – not now" in document.find("h1").text()


def test_both_views_stand_side_by_side_when_the_members_answers_are_used(
    client: TestClient, full: dict[str, Any]
) -> None:
    views = full["assessment"]["views"]
    manager = views["manager_readiness"]

    document = report(client, full, "en")

    table = document.find("table", class_="scores")
    assert [th.text() for th in table.find("thead").find_all("th")] == [
        "Dimension",
        "Used",
        "Manager",
        "Members",
    ]
    row = next(r for r in table.find_all("tr") if "The manager's readiness" in r.text())
    assert [td.text() for td in row.find_all("td")] == [
        "40",
        f"{manager['manager']:g}",
        f"{manager['members']:g}",
    ]
    radar = document.find("svg", class_="radar")
    assert radar.find("g", class_="radar-secondary")  # the manager's view
    assert radar.find("g", class_="radar-tertiary")  # the members' median
    assert "The manager's view" in radar.text()
    assert "Members' median" in radar.text()


def test_the_radar_has_the_five_dimensions_and_the_phases_are_drawn_apart(
    client: TestClient, full: dict[str, Any]
) -> None:
    document = report(client, full)

    radar = document.find("svg", class_="radar")
    primary = radar.find("g", class_="radar-primary")
    assert len(primary.find_all("circle", class_="radar-dot")) == 5
    assert not any("Fas" in label.text() for label in radar.find_all("text", class_="radar-label"))
    phases = document.find("section", class_="phase-profile").find("svg", class_="phases")
    assert len(phases.find_all("rect", class_="phase-bar")) == 4 + 1  # and one in the legend
    current = phases.find("g", class_="phase-current")
    assert current.find("text", class_="phase-name").text() == "Fas 4 · här är gruppen"
    assert "Fas 2: Opposition och konflikt 55" in phases.find("desc").text()


def test_without_the_members_there_is_one_view_and_it_says_why(client: TestClient) -> None:
    stored = store(client, full_profile(members=2))

    document = report(client, stored, "en")

    table = document.find("table", class_="scores")
    assert [th.text() for th in table.find("thead").find_all("th")] == ["Dimension", "Score"]
    assert len(document.find("svg", class_="radar").find_all("g", class_="radar-series")) == 1
    assert not document.find("svg", class_="phases").find_all("circle", class_="phase-members")
    assert "Fewer than 3 members answered anonymously" in document.text()
    assert not re.search(r"\b2 members", document.text())  # below the threshold, not even the count


def test_swedish_numbers_have_a_decimal_comma_everywhere_on_the_page(
    client: TestClient, full: dict[str, Any]
) -> None:
    document = report(client, full)

    article = document.find("article", class_="report")
    text = " ".join(
        child.text() for child in article.elements() if child.tag != "footer"
    )  # the footer names versions, such as questionnaire 2027.1
    assert "83,3" in text  # the manager's own view of their readiness
    assert re.findall(r"\d\.\d", text) == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_shows_no_raw_codes(client: TestClient, full: dict[str, Any], lang: str) -> None:
    codes = {
        "manager_and_group",
        "senior_management",
        "within_days",
        "big_launch",
        "co_leadership",
        *full["assessment"]["dimensions"],
        *(step["id"] for step in full["assessment"]["next_steps"]),
    }

    text = report(client, full, lang).find("main").text()

    assert [code for code in codes if code in text] == []
    if lang == "en":
        assert not re.search(r"\bstage [1-4]\b", text, re.IGNORECASE)  # Wheelan's are phases


def test_the_report_says_when_to_assess_again(client: TestClient, full: dict[str, Any]) -> None:
    days = full["assessment"]["reassess_in_days"]
    due = datetime.fromisoformat(full["created_at"]) + timedelta(days=days)

    document = report(client, full)

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


def policy_1_document(assessment: Assessment) -> Assessment:
    """`assessment` as policy 1 stored it: without the fields policy 2 added."""
    data = assessment.model_dump()
    for key in ("limiting", "views"):
        del data[key]
    for finding in data["findings"]:
        del finding["title"]
    for step in data["next_steps"]:
        for key in ("priority", "owner", "within_days", "check"):
            del step[key]
    data.update(policy_version="p0l1cy0ne000", questionnaire_version="2026.1")
    data["readiness"] = 72  # policy 1's mean of the conditions
    return Assessment.model_validate(data)


def test_an_assessment_stored_under_policy_1_keeps_its_checklist_and_its_nine_axes(
    app: FastAPI, client: TestClient
) -> None:
    profile = full_profile()
    made = policy_1_document(readiness.assess(profile, "sv"))
    stored = stored_assessment(profile, made, policy_version="p0l1cy0ne000")
    keep(app.state.database.unit_of_work(), stored)

    document = page(client.get(f"/assessments/{stored.id}"))

    checklist = document.find("ul", class_="checklist").find_all("li")
    assert [item.find("strong").text() for item in checklist] == [
        step.title for step in made.next_steps
    ]
    assert not document.find_all("ol", class_="plan")
    assert not document.find_all("div", class_="limited-by")
    assert not document.find_all("section", class_="phase-profile")
    verdict = document.find("section", class_="verdict").text()
    assert "Beredskap 72 / 100" in verdict
    radar = document.find("svg", class_="radar")
    assert len(radar.find("g", class_="radar-primary").find_all("circle")) == 9
    assert "Fas 1: Tillhörighet och trygghet" in radar.text()
    heads = [p.text() for p in document.find_all("p", class_="finding-head")]
    assert heads == [
        f"{ {'blocker': 'Hinder', 'warning': 'Varning', 'info': 'Notera'}[f.severity] } "
        f"{f.caveat} · {readiness.default_policy().settings.caveats[f.caveat].title('sv')}"
        for f in by_severity(made.findings)
    ]


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
