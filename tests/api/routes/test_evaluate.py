from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.storage.tables import AssessmentRow
from readiness import assess
from tests.conftest import make_profile


def _stored_rows(app: FastAPI) -> int:
    with app.state.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AssessmentRow)) or 0)


def test_evaluating_a_profile_answers_what_the_library_decides(client: TestClient) -> None:
    profile = make_profile({"functional_level": 30})

    answer = client.post("/api/v1/evaluate", json=profile)

    assert answer.status_code == 200
    assert answer.json() == assess(profile).model_dump(mode="json")
    assert answer.json()["mode"] == "structuring"


def test_evaluating_stores_nothing(app: FastAPI, client: TestClient) -> None:
    client.post("/api/v1/evaluate", json=make_profile())

    assert _stored_rows(app) == 0


def test_evaluation_messages_follow_the_requested_language(client: TestClient) -> None:
    profile = make_profile({"manager_readiness": 30})

    english = client.post("/api/v1/evaluate", params={"lang": "en"}, json=profile).json()
    swedish = client.post("/api/v1/evaluate", json=profile).json()

    assert english["lang"] == "en"
    assert swedish["lang"] == "sv"
    assert english["findings"] == assess(profile, "en").model_dump(mode="json")["findings"]
    assert english["findings"] != swedish["findings"]


def test_an_answer_outside_the_scale_is_rejected_at_that_item(client: TestClient) -> None:
    profile = make_profile()
    item = next(iter(profile["answers"]))
    profile["answers"][item] = 7

    answer = client.post("/api/v1/evaluate", json=profile)

    assert answer.status_code == 422
    problem = answer.json()["detail"][0]
    assert problem["loc"] == ["body", "answers", item]
    assert problem["type"] == "answer_out_of_scale"
    assert "1" in problem["msg"]
    assert "5" in problem["msg"]


def test_a_dimension_with_too_few_answers_is_rejected_by_name(client: TestClient) -> None:
    profile = make_profile()
    profile["answers"] = {k: v for k, v in profile["answers"].items() if not k.startswith("fl_")}

    answer = client.post("/api/v1/evaluate", json=profile)

    assert answer.status_code == 422
    locs = [problem["loc"] for problem in answer.json()["detail"]]
    assert ["body", "answers", "functional_level"] in locs


def test_an_unknown_context_value_is_rejected_at_that_field(client: TestClient) -> None:
    profile = make_profile(rollout_plan="overnight")

    answer = client.post("/api/v1/evaluate", json=profile)

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "context", "rollout_plan"]


def test_a_rejected_profile_is_not_echoed_back(client: TestClient) -> None:
    profile = make_profile(team_size=1)

    answer = client.post("/api/v1/evaluate", json=profile)

    assert answer.status_code == 422
    assert set(answer.json()["detail"][0]) == {"loc", "msg", "type"}
