from fastapi.testclient import TestClient

from tests.conftest import with_members


def _store(client: TestClient, team_id: str, **scores: float) -> str:
    profile = {"team_id": team_id, **with_members(3, scores)}
    answer = client.post("/api/v1/assessments", json=profile)
    assert answer.status_code == 201, answer.text
    identifier: str = answer.json()["id"]
    return identifier


def test_a_teams_history_is_newest_first(client: TestClient) -> None:
    ids = [_store(client, "nord", functional_level=score) for score in (30, 50, 85)]

    answer = client.get("/api/v1/teams/nord/assessments")

    assert answer.status_code == 200
    assert [entry["id"] for entry in answer.json()["assessments"]] == ids[::-1]


def test_each_entry_says_what_changed_since_the_one_before(client: TestClient) -> None:
    _store(client, "nord", functional_level=30)
    _store(client, "nord", functional_level=85)

    newest, oldest = client.get("/api/v1/teams/nord/assessments").json()["assessments"]

    assert oldest["changes"] is None
    change = newest["changes"]
    assert (change["mode_from"], change["mode_to"]) == ("structuring", "co_leadership")
    assert change["dimensions"]["functional_level"] == 55.0
    assert "functional-level-low" in change["findings_resolved"]
    assert change["policy_changed"] is False


def test_a_history_holds_only_that_teams_assessments(client: TestClient) -> None:
    _store(client, "nord")
    other = _store(client, "syd")

    history = client.get("/api/v1/teams/syd/assessments").json()

    assert [entry["id"] for entry in history["assessments"]] == [other]
    assert history["team_id"] == "syd"


def test_a_limited_history_still_says_what_changed_in_its_oldest_entry(
    client: TestClient,
) -> None:
    for score in (30, 50, 85):
        _store(client, "nord", functional_level=score)

    entries = client.get("/api/v1/teams/nord/assessments", params={"limit": 2}).json()[
        "assessments"
    ]

    assert len(entries) == 2
    assert entries[-1]["changes"]["mode_from"] == "structuring"


def test_a_team_without_assessments_is_404(client: TestClient) -> None:
    answer = client.get("/api/v1/teams/nobody/assessments")

    assert answer.status_code == 404
    assert "nobody" in answer.json()["detail"]


def test_a_team_id_that_no_profile_could_carry_is_rejected_by_name(client: TestClient) -> None:
    answer = client.get("/api/v1/teams/-no%20such/assessments")

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "team_id"]


def test_a_limit_outside_1_to_100_is_rejected_by_name(client: TestClient) -> None:
    _store(client, "nord")

    answer = client.get("/api/v1/teams/nord/assessments", params={"limit": 0})

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "limit"]
