"""GET /teams/{team_id}/assessments a page at a time: `limit`, `before`, and the `next` link."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import with_members


def store(client: TestClient, count: int, team_id: str = "nord") -> list[str]:
    """`count` assessments of the team, oldest first."""
    ids = []
    for n in range(count):
        profile = {"team_id": team_id, **with_members(3, {"functional_level": 20 + 10 * n})}
        answer = client.post("/api/v1/assessments", json=profile)
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    return ids


def ids_of(body: dict[str, Any]) -> list[str]:
    return [entry["id"] for entry in body["assessments"]]


def test_the_next_link_leads_through_every_page_to_the_first_assessment(
    client: TestClient,
) -> None:
    made = store(client, 5)

    pages = [client.get("/api/v1/teams/nord/assessments", params={"limit": 2}).json()]
    while pages[-1]["next"] is not None:
        pages.append(client.get(pages[-1]["next"]).json())

    assert [ids_of(page) for page in pages] == [made[4:2:-1], made[2:0:-1], made[0:1]]
    assert pages[0]["next"] == f"/api/v1/teams/nord/assessments?limit=2&before={made[3]}"


def test_the_next_page_is_also_in_the_link_header(client: TestClient) -> None:
    store(client, 3)

    first = client.get("/api/v1/teams/nord/assessments", params={"limit": 2})
    last = client.get(first.json()["next"])

    assert first.headers["link"] == f'<{first.json()["next"]}>; rel="next"'
    assert "link" not in last.headers
    assert last.json()["next"] is None


def test_the_next_link_keeps_the_organisation_asked_for(client: TestClient) -> None:
    store(client, 3)

    answer = client.get("/api/v1/teams/nord/assessments", params={"limit": 1, "org": "default"})

    assert "org=default" in answer.json()["next"]
    assert client.get(answer.json()["next"]).status_code == 200


def test_each_page_says_what_changed_in_its_oldest_entry(client: TestClient) -> None:
    store(client, 4)

    first = client.get("/api/v1/teams/nord/assessments", params={"limit": 2}).json()
    second = client.get(first["next"]).json()

    assert first["assessments"][-1]["changes"]["readiness_delta"] is not None
    assert second["assessments"][-1]["changes"] is None


def test_up_to_500_may_be_asked_for_and_100_come_by_default(client: TestClient) -> None:
    store(client, 1)

    most = client.get("/api/v1/teams/nord/assessments", params={"limit": 500})
    too_many = client.get("/api/v1/teams/nord/assessments", params={"limit": 501})

    assert most.status_code == 200
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["loc"] == ["query", "limit"]
    schema = client.get("/openapi.json").json()
    [limit] = [
        p
        for p in schema["paths"]["/api/v1/teams/{team_id}/assessments"]["get"]["parameters"]
        if p["name"] == "limit"
    ]
    assert (limit["schema"]["default"], limit["schema"]["maximum"]) == (100, 500)


def test_before_must_be_an_assessment_id(client: TestClient) -> None:
    store(client, 1)

    answer = client.get("/api/v1/teams/nord/assessments", params={"before": "a\x00b"})

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "before"]


def test_a_page_before_another_teams_assessment_is_404(client: TestClient) -> None:
    store(client, 2)
    [theirs] = store(client, 1, team_id="syd")

    answer = client.get("/api/v1/teams/nord/assessments", params={"before": theirs})

    assert answer.status_code == 404
    assert theirs in answer.json()["detail"]


def test_each_entry_still_shows_its_profile(client: TestClient) -> None:
    store(client, 3)

    entries = client.get("/api/v1/teams/nord/assessments", params={"limit": 2}).json()[
        "assessments"
    ]

    assert all(entry["profile"]["member_respondents"] == 3 for entry in entries)
    assert all(entry["profile"]["answers"] for entry in entries)
