"""Stored assessments are history: every reader shows one made under an earlier questionnaire,
even when items it answered have since been renamed or removed."""

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from api.storage.tables import AssessmentRow
from tests.conftest import with_members


def _as_if_made_under_an_earlier_questionnaire(app: FastAPI, assessment_id: str) -> None:
    with app.state.database.session() as session, session.begin():
        row = session.scalar(select(AssessmentRow).where(AssessmentRow.id == assessment_id))
        assert row is not None
        answers = dict(row.profile["answers"])
        answers["fl_asked_differently_then"] = answers.pop("fl_safe_to_err")
        document = {**row.assessment, "questionnaire_version": "2025.9"}
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id)
            .values(
                profile={**row.profile, "answers": answers},
                assessment=document,
                questionnaire_version="2025.9",
            )
        )


def test_every_reader_shows_an_assessment_whose_items_were_renamed_since(
    app: FastAPI, client: TestClient, stored: dict[str, Any]
) -> None:
    _as_if_made_under_an_earlier_questionnaire(app, stored["id"])

    api_read = client.get(f"/api/v1/assessments/{stored['id']}", params={"lang": "en"})
    api_history = client.get("/api/v1/teams/nord/assessments")
    report = client.get(f"/assessments/{stored['id']}", params={"lang": "en"})
    team_page = client.get("/teams/nord")

    assert [r.status_code for r in (api_read, api_history, report, team_page)] == [200] * 4
    body = api_read.json()
    assert body["questionnaire_version"] == body["assessment"]["questionnaire_version"] == "2025.9"
    assert "fl_asked_differently_then" in body["profile"]["answers"]
    assert body["lang"] == stored["lang"]  # as it was made, not decided again in English
    assert body["assessment"]["findings"] == stored["assessment"]["findings"]
    assert api_history.json()["assessments"][0]["id"] == stored["id"]


def as_made_under_policy_1(assessment: dict[str, Any]) -> dict[str, Any]:
    """An assessment document as policy 1 made it: without the fields policy 2 added."""
    old = {k: v for k, v in assessment.items() if k not in ("limiting", "views")}
    old["findings"] = [{k: v for k, v in f.items() if k != "title"} for f in old["findings"]]
    old["next_steps"] = [
        {k: v for k, v in s.items() if k not in ("priority", "owner", "within_days", "check")}
        for s in old["next_steps"]
    ]
    old["policy_version"] = "0ld0ld0ld0ld"
    return old


def test_an_assessment_stored_under_policy_1_reads_back_exactly_as_it_was_made(
    app: FastAPI, client: TestClient, stored: dict[str, Any]
) -> None:
    document = as_made_under_policy_1(stored["assessment"])
    with app.state.database.session() as session, session.begin():
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == stored["id"])
            .values(assessment=document, policy_version="0ld0ld0ld0ld")
        )

    read = client.get(f"/api/v1/assessments/{stored['id']}", params={"lang": "en"}).json()
    history = client.get("/api/v1/teams/nord/assessments").json()
    report = client.get(f"/assessments/{stored['id']}")

    assert read["assessment"] == document
    assert history["assessments"][0]["assessment"] == document
    assert report.status_code == 200


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_no_member_answer_is_stored_only_their_aggregate(
    app: FastAPI, client: TestClient, count: int
) -> None:
    profile = {"team_id": "nord", **with_members(count, members={"functional_level": 50})}

    created = client.post("/api/v1/assessments", json=profile)

    with app.state.database.session() as session:
        documents = session.execute(select(AssessmentRow.profile, AssessmentRow.assessment)).all()
    ((stored_profile, stored_assessment),) = documents
    assert created.status_code == 201
    assert "member_answers" not in stored_profile
    assert stored_profile["members"]["respondents"] == count
    used = count >= 3
    assert bool(stored_profile["members"]["medians"]) == used
    assert bool(stored_assessment["members"]["dimensions"]) == used
    in_english = client.get(f"/api/v1/assessments/{created.json()['id']}", params={"lang": "en"})
    assert in_english.json()["assessment"]["mode"] == created.json()["assessment"]["mode"]
    assert in_english.json()["lang"] == "en"
