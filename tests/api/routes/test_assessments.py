import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from readiness import assess
from tests.conftest import make_profile

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def test_storing_an_assessment_answers_201_with_its_id_and_location(client: TestClient) -> None:
    profile = {"team_id": "nord", **make_profile()}

    answer = client.post("/api/v1/assessments", json=profile)

    assert answer.status_code == 201
    body = answer.json()
    assert answer.headers["location"] == f"/api/v1/assessments/{body['id']}"
    assert body["team_id"] == "nord"
    assert body["org_id"] == "default"
    assert body["assessment"] == assess(profile).model_dump(mode="json")


def test_a_stored_assessment_reads_back_as_it_was_stored(
    client: TestClient, stored: dict[str, Any]
) -> None:
    answer = client.get(f"/api/v1/assessments/{stored['id']}")

    assert answer.status_code == 200
    assert answer.json() == stored


def test_a_stored_assessment_keeps_its_input_language_policy_and_time(
    client: TestClient,
) -> None:
    profile = make_profile({"competence": 30})

    body = client.post("/api/v1/assessments", params={"lang": "en"}, json=profile).json()
    read = client.get(f"/api/v1/assessments/{body['id']}").json()

    assert read["lang"] == "en"
    assert read["assessment"]["lang"] == "en"
    assert read["profile"]["answers"] == profile["answers"]
    assert read["policy_version"] == read["assessment"]["policy_version"]
    assert read["created_at"].endswith(("Z", "+00:00"))


def test_two_stored_assessments_get_different_ids(client: TestClient) -> None:
    first = client.post("/api/v1/assessments", json=make_profile()).json()

    second = client.post("/api/v1/assessments", json=make_profile()).json()

    assert first["id"] != second["id"]


def test_an_unknown_assessment_id_is_404(client: TestClient) -> None:
    answer = client.get("/api/v1/assessments/5b0ed2a4-33c6-4b86-9c8a-3d1d5c0a6b7e")

    assert answer.status_code == 404
    assert "5b0ed2a4-33c6-4b86-9c8a-3d1d5c0a6b7e" in answer.json()["detail"]


def test_an_id_that_cannot_be_an_assessment_id_is_rejected_by_name(client: TestClient) -> None:
    answer = client.get("/api/v1/assessments/not-an-id")

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "assessment_id"]


def test_a_rejected_profile_stores_nothing(client: TestClient) -> None:
    profile = {"team_id": "nord", **make_profile(goal_type="everything")}

    answer = client.post("/api/v1/assessments", json=profile)

    assert answer.status_code == 422
    assert client.get("/api/v1/teams/nord/assessments").status_code == 404


def test_no_answer_about_a_stored_assessment_repeats_one_members_answers(
    client: TestClient,
) -> None:
    profile = json.loads((EXAMPLES / "team-with-member-voices.json").read_text())
    marker = {"fl_safe_to_err": 1, "fl_goals_described_alike": 1, "fl_decisions_followed": 1}
    profile["member_answers"].append(marker)

    created = client.post("/api/v1/assessments", json=profile)
    read = client.get(created.headers["location"])
    history = client.get(f"/api/v1/teams/{profile['team_id']}/assessments")

    assert created.status_code == 201
    for answer in (created, read, history):
        assert "member_answers" not in answer.text
    assert read.json()["profile"]["member_respondents"] == len(profile["member_answers"])


def test_a_stored_assessment_is_read_in_the_language_asked_for(client: TestClient) -> None:
    profile = make_profile({"functional_level": 20})
    made = client.post("/api/v1/assessments", params={"lang": "en"}, json=profile).json()

    swedish = client.get(f"/api/v1/assessments/{made['id']}", params={"lang": "sv"}).json()
    by_header = client.get(
        f"/api/v1/assessments/{made['id']}", headers={"Accept-Language": "sv-SE,sv;q=0.9"}
    ).json()

    assert swedish["lang"] == swedish["assessment"]["lang"] == "sv"
    assert swedish["assessment"] == assess(profile, "sv").model_dump(mode="json")
    assert by_header["assessment"] == swedish["assessment"]
    assert swedish["id"] == made["id"]


def test_a_language_we_do_not_speak_is_rejected_by_name(
    client: TestClient, stored: dict[str, Any]
) -> None:
    answer = client.get(f"/api/v1/assessments/{stored['id']}", params={"lang": "fr"})

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "lang"]
