"""Bad requests get a 4xx that says what was wrong and where; none of them gets a 500."""

import json
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.main import create_app
from api.settings import Settings
from tests.conftest import make_profile
from tests.support.accounts import as_user

JSON = {"content-type": "application/json"}


def test_malformed_json_is_422_naming_the_position(client: TestClient) -> None:
    answer = client.post("/api/v1/evaluate", content=b'{"answers": ', headers=JSON)

    assert answer.status_code == 422
    problem = answer.json()["detail"][0]
    assert problem["type"] == "json_invalid"
    assert problem["loc"] == ["body", 12]
    assert "not valid JSON" in problem["msg"]


def test_a_json_array_is_not_a_profile(client: TestClient) -> None:
    answer = client.post("/api/v1/evaluate", json=[1, 2, 3])

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]


def test_an_empty_body_is_422(client: TestClient) -> None:
    answer = client.post("/api/v1/assessments", content=b"", headers=JSON)

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]


def test_a_body_that_is_not_json_is_415(client: TestClient) -> None:
    body = json.dumps(make_profile())

    answer = client.post("/api/v1/evaluate", content=body, headers={"content-type": "text/plain"})

    assert answer.status_code == 415
    assert "application/json" in answer.json()["detail"]


def test_a_body_without_content_type_is_415(client: TestClient) -> None:
    answer = client.post("/api/v1/assessments", content=json.dumps(make_profile()))

    assert answer.status_code == 415


def test_a_body_over_the_limit_is_413_saying_the_limit(client: TestClient) -> None:
    body = b" " * 1_000_001

    answer = client.post("/api/v1/evaluate", content=body, headers=JSON)

    assert answer.status_code == 413
    assert "1,000,000" in answer.json()["detail"]


def test_a_streamed_body_over_the_limit_is_413_too(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(11):
            yield b" " * 100_000

    answer = client.post("/api/v1/assessments", content=chunks(), headers=JSON)

    assert answer.status_code == 413
    assert client.get("/api/v1/healthz").status_code == 200


def test_the_limit_comes_from_the_settings(tmp_path: Any) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/x.db", max_body_bytes=1_024))
    body = json.dumps(make_profile())
    assert len(body) > 1_024

    with TestClient(app) as client:
        answer = client.post("/api/v1/evaluate", content=body, headers=JSON)

    assert answer.status_code == 413


def test_deeply_nested_json_is_422_too_deep(client: TestClient) -> None:
    body = "[" * 100_000 + "]" * 100_000

    answer = client.post("/api/v1/evaluate", content=body, headers=JSON)

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "json_too_deep"


def test_json_that_python_cannot_read_is_never_a_bare_400(client: TestClient) -> None:
    bodies = [
        b'{"answers": {"fl_safe_to_err": ' + b"1" * 5_000 + b"}}",  # past Python's 4,300 digits
        b'{"answers": "\xff"}',  # not UTF-8
        b"[" * 5_000,  # deep, and not even closed
    ]

    for body in bodies:
        answer = client.post("/api/v1/evaluate", content=body, headers=JSON)

        assert answer.status_code == 422, (body[:40], answer.text)


def test_not_a_number_is_no_share_of_new_members(client: TestClient) -> None:
    body = json.dumps(make_profile()).replace(
        '"context": {', '"context": {"new_members_share": NaN, '
    )

    answer = client.post("/api/v1/assessments", content=body, headers=JSON)

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "context", "new_members_share"]


def test_an_unknown_path_under_the_api_is_a_json_404(client: TestClient) -> None:
    answer = client.get("/api/v1/nothing-here")

    assert answer.status_code == 404
    assert answer.json() == {"detail": "Not Found"}


def test_a_wrong_method_is_405(client: TestClient) -> None:
    answer = client.delete("/api/v1/evaluate")

    assert answer.status_code == 405


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
_profiles_gone_wrong = st.fixed_dictionaries(
    {},
    optional={
        "team_id": _json_values,
        "answers": st.dictionaries(st.sampled_from(sorted(make_profile()["answers"])), _json_values)
        | _json_values,
        "context": st.dictionaries(
            st.sampled_from(
                [
                    "goal_type",
                    "rollout_plan",
                    "current_stage",
                    "team_size",
                    "reorganization",
                    "new_members_share",
                    "x",
                ]
            ),
            _json_values,
        ),
        "member_answers": _json_values,
    },
)


@st.composite
def _a_good_profile_with_one_thing_changed(draw: st.DrawFn) -> dict[str, Any]:
    profile = make_profile()
    part = draw(st.sampled_from(["answers", "context"]))
    key = draw(st.sampled_from(sorted(profile[part])) | st.text(max_size=12))
    profile[part][key] = draw(_json_values)
    return profile


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_json_values | _profiles_gone_wrong | _a_good_profile_with_one_thing_changed())
def test_no_body_whatsoever_makes_the_service_answer_500(app: FastAPI, body: Any) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        as_user(client, "admin")
        evaluated = client.post("/api/v1/evaluate", content=json.dumps(body), headers=JSON)
        stored = client.post("/api/v1/assessments", content=json.dumps(body), headers=JSON)

    assert evaluated.status_code in (200, 422), evaluated.text
    assert stored.status_code in (201, 422), stored.text
