"""The survey rounds' API: open, list and close; members answer on the pages behind the link."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.logs import redacted_path
from api.storage import Database
from readiness.builder import member_answers_for
from readiness.questionnaire import load_questionnaire
from tests.conftest import STRONG, make_profile
from tests.pages.conftest import page
from tests.support.accounts import anonymous, as_user


@pytest.fixture
def manager(app: FastAPI, anonymous_client: TestClient) -> TestClient:
    """The manager of team nord, by API token (and session cookie, for the pages)."""
    client = TestClient(app)
    as_user(client, "manager", teams=["nord"])
    return client


def opened(client: TestClient, **body: Any) -> dict[str, Any]:
    answer = client.post("/api/v1/teams/nord/rounds", json=body)
    assert answer.status_code == 201, answer.text
    made: dict[str, Any] = answer.json()
    return made


def answer_through(app: FastAPI, link: str, answers: dict[str, int]) -> int:
    """One member answers on their own device (a client of its own) through the link."""
    with TestClient(app) as phone:
        page = phone.get(link)
        if page.status_code != 200:
            return page.status_code
        anonymous(phone)
        return phone.post(link, data={k: str(v) for k, v in answers.items()}).status_code


def test_a_manager_opens_a_round_and_gets_the_link_and_its_deadline(manager: TestClient) -> None:
    before = datetime.now(UTC)

    made = opened(manager, days=7)

    assert (made["team_id"], made["open"], made["answers_shown"]) == ("nord", True, "<3")
    assert made["link"].startswith("http://testserver/s/")
    deadline = datetime.fromisoformat(made["deadline"])
    assert before + timedelta(days=7) <= deadline <= datetime.now(UTC) + timedelta(days=7)
    assert made["used"] is False
    assert made["closed_at"] is None


def test_a_round_without_days_stays_open_14_days(manager: TestClient) -> None:
    made = opened(manager)

    opened_at = datetime.fromisoformat(made["opened_at"])
    assert datetime.fromisoformat(made["deadline"]) - opened_at == timedelta(days=14)


@pytest.mark.parametrize("days", [0, 61, "many"])
def test_days_outside_1_to_60_are_refused_naming_the_field(manager: TestClient, days: Any) -> None:
    answer = manager.post("/api/v1/teams/nord/rounds", json={"days": days})

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "days"]


def test_a_second_open_round_is_a_conflict(manager: TestClient) -> None:
    opened(manager)

    answer = manager.post("/api/v1/teams/nord/rounds", json={})

    assert answer.status_code == 409


def test_the_list_shows_the_answers_only_as_a_coarse_count(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    for _ in range(4):
        assert answer_through(app, made["link"], member_answers_for(STRONG)) == 200

    (listed,) = manager.get("/api/v1/teams/nord/rounds").json()

    assert listed["answers_shown"] == "3–4"
    assert listed["link"] == made["link"]
    assert "fl_safe_to_err" not in str(listed)


def test_closing_deletes_the_answers_and_the_next_assessment_takes_the_aggregate(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    for _ in range(3):
        answer_through(app, made["link"], member_answers_for({**STRONG, "functional_level": 50}))

    closed = manager.post(f"/api/v1/rounds/{made['id']}/close")
    stored = manager.post("/api/v1/assessments", json={"team_id": "nord", **make_profile()})
    listed = manager.get("/api/v1/teams/nord/rounds").json()

    assert closed.status_code == 200
    assert (closed.json()["open"], closed.json()["link"], closed.json()["answers_shown"]) == (
        False,
        None,
        "3–4",
    )
    database: Database = app.state.database
    with database.engine.connect() as connection:
        query = text("SELECT count(*) FROM survey_answers WHERE round_id = :id")
        assert connection.execute(query, {"id": made["id"]}).scalar_one() == 0
    assessment = stored.json()["assessment"]
    members = assessment["members"]
    assert (members["used"], members["respondents_shown"], members["respondents"]) == (
        True,
        "3–4",
        3,
    )
    assert assessment["views"]["functional_level"]["members"] == 50.0
    assert stored.json()["profile"]["member_respondents"] == 3
    assert listed[0]["used"] is True
    assert answer_through(app, made["link"], member_answers_for(STRONG)) == 404


def test_closing_twice_answers_the_same_round(manager: TestClient) -> None:
    made = opened(manager)

    first = manager.post(f"/api/v1/rounds/{made['id']}/close").json()
    again = manager.post(f"/api/v1/rounds/{made['id']}/close").json()

    assert again == first


def test_a_team_or_round_the_caller_may_not_see_is_404(
    app: FastAPI, manager: TestClient, anonymous_client: TestClient
) -> None:
    made = opened(manager)
    other = TestClient(app)
    as_user(other, "manager", teams=["syd"])

    for answer in (
        other.post("/api/v1/teams/nord/rounds", json={}),
        other.get("/api/v1/teams/nord/rounds"),
        other.post(f"/api/v1/rounds/{made['id']}/close"),
        manager.post("/api/v1/rounds/no-such-round/close"),
        manager.get("/api/v1/teams/no-such-team/rounds"),
    ):
        assert answer.status_code == 404, answer.request.url
    assert anonymous_client.get("/api/v1/teams/nord/rounds").status_code == 401
    assert manager.get("/api/v1/teams/nord/rounds").json()[0]["open"] is True


def test_hr_of_the_organisation_sees_and_closes_the_teams_rounds(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    hr = TestClient(app)
    as_user(hr, "hr")

    assert [r["id"] for r in hr.get("/api/v1/teams/nord/rounds").json()] == [made["id"]]
    assert hr.post(f"/api/v1/rounds/{made['id']}/close").status_code == 200


def test_the_request_log_never_writes_a_survey_path_or_its_token(
    app: FastAPI, manager: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    made = opened(manager)
    token = made["link"].rsplit("/", 1)[1]

    with caplog.at_level(logging.INFO, logger="readiness.request"):
        answer_through(app, made["link"], member_answers_for(STRONG))
        manager.get("/api/v1/teams/nord/rounds")

    lines = [r.getMessage() for r in caplog.records if r.name == "readiness.request"]
    assert any("/api/v1/teams/nord/rounds" in line for line in lines)  # others are logged
    assert not any("/s/" in line or token.split(".")[1] in line for line in lines)


# The pages: the team page's section and the members' survey ----------------------------------


def member_path(made: dict[str, Any]) -> str:
    return "/s/" + made["link"].rsplit("/", 1)[1]


def phone(app: FastAPI) -> TestClient:
    """A member's phone: its own cookies, over HTTPS as a real link is (Secure cookies come back)."""
    return TestClient(app, base_url="https://testserver")


def test_the_survey_has_only_the_members_items_by_dimension_in_swedish_unless_the_link_says_en(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    source = load_questionnaire()
    theirs = {i.id for d in source.dimensions for i in d.items_of("members")}

    with phone(app) as device:
        swedish = page(device.get(member_path(made), headers={"Accept-Language": "en-GB,en"}))
        english = page(device.get(member_path(made), params={"lang": "en"}))

    radios = {i.attrs["name"] for i in swedish.find_all("input", type="radio")}
    assert radios == theirs
    assert swedish.find("html").attrs["lang"] == "sv"
    assert swedish.find("h1").text() == "Hur ser du på er grupp?"
    titles = [f.find("h2").text() for f in swedish.find_all("fieldset", class_="dimension")]
    assert len(titles) == len([d for d in source.dimensions if d.items_of("members")])
    assert english.find("h1").text() == "How do you see your group?"
    assert not swedish.find_all("a", class_="brand")  # no way into the manager's pages
    assert swedish.find("input", type="hidden").attrs["name"] == "csrf"


def test_a_half_answered_dimension_is_shown_again_at_the_dimension_and_nothing_is_kept(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    first_competence = load_questionnaire().by_id["competence"].items[0].id

    with phone(app) as device:
        form = page(device.get(member_path(made)))
        csrf = form.find("input", type="hidden").attrs["value"]
        answer = device.post(member_path(made), data={"csrf": csrf, first_competence: "4"})

    assert answer.status_code == 422
    shown = page(answer)
    assert shown.find("fieldset", id="dimension-competence").attrs["class"].endswith("has-error")
    assert "minst 3" in shown.find("div", class_="error-summary").text()
    assert 'value="4" checked' in answer.text  # the answer given is kept
    assert manager.get("/api/v1/teams/nord/rounds").json()[0]["answers_shown"] == "<3"


def test_a_device_answers_once_and_the_second_time_is_told_kindly(
    app: FastAPI, manager: TestClient
) -> None:
    made = opened(manager)
    answers = {k: str(v) for k, v in member_answers_for(STRONG).items()}

    with phone(app) as device:
        csrf = page(device.get(member_path(made))).find("input", type="hidden").attrs["value"]
        first = device.post(member_path(made), data={"csrf": csrf, **answers})
        again = device.post(member_path(made), data={"csrf": csrf, **answers})
        revisit = device.get(member_path(made))

    assert first.status_code == 200
    cookie = first.headers["set-cookie"].lower()
    assert f"path={member_path(made).lower()}" in cookie
    assert all(part in cookie for part in ("httponly", "samesite=strict", "secure", "max-age="))
    max_age = int(cookie.split("max-age=")[1].split(";")[0])
    assert 13 * 86400 < max_age <= 14 * 86400  # until the deadline
    assert again.status_code == 409
    assert "redan svarat från den här enheten" in again.text
    assert "redan svarat" in revisit.text
    with phone(app) as other:  # another phone answers as usual
        csrf = page(other.get(member_path(made))).find("input", type="hidden").attrs["value"]
        assert other.post(member_path(made), data={"csrf": csrf, **answers}).status_code == 200
    assert manager.get("/api/v1/teams/nord/rounds").json()[0]["answers_shown"] == "<3"  # 2


def test_a_survey_form_without_its_csrf_field_is_refused(app: FastAPI, manager: TestClient) -> None:
    made = opened(manager)
    answers = {k: str(v) for k, v in member_answers_for(STRONG).items()}

    with phone(app) as device:
        device.get(member_path(made))
        answer = device.post(member_path(made), data=answers)

    assert answer.status_code == 403


def test_a_wrong_link_shows_the_closed_page(app: FastAPI, manager: TestClient) -> None:
    made = opened(manager)
    forged = member_path(made)[:-4] + "AAAA"

    with phone(app) as device:
        answer = device.get(forged)

    assert answer.status_code == 404
    assert "Den här enkäten är stängd" in answer.text


def test_the_team_page_opens_shows_and_closes_a_round(app: FastAPI, manager: TestClient) -> None:
    manager.post("/api/v1/assessments", json={"team_id": "nord", **make_profile()})

    opened_page = manager.post("/teams/nord/rounds", data={"days": "10"}, follow_redirects=True)
    section = page(opened_page).find("section", id="member-survey")
    link = section.find("a", class_="survey-link").attrs["href"]
    close = section.find(
        "form",
        action="/rounds/"
        + manager.get("/api/v1/teams/nord/rounds").json()[0]["id"]
        + "/close?lang=sv",
    )
    closed_page = manager.post(close.attrs["action"], data={}, follow_redirects=True)

    assert opened_page.status_code == 200
    assert "/s/" in link
    assert section.find("svg", class_="qr")  # the QR code, inline
    assert "Svar hittills: färre än 3" in section.text()
    assert close.find("input", type="hidden").attrs["name"] == "csrf"
    closed = page(closed_page).find("section", id="member-survey")
    assert "Stängda omgångar" in closed.text()
    assert not closed.find_all("a", class_="survey-link")
    assert closed.find("form", class_="open-round")  # a new round may be opened again


def test_the_team_page_refuses_days_outside_1_to_60(app: FastAPI, manager: TestClient) -> None:
    manager.post("/api/v1/assessments", json={"team_id": "nord", **make_profile()})

    answer = manager.post("/teams/nord/rounds", data={"days": "90"}, follow_redirects=True)

    assert "1 till 60" in page(answer).find("section", id="member-survey").text()
    assert manager.get("/api/v1/teams/nord/rounds").json() == []


@pytest.mark.parametrize(
    ("path", "root", "shown"),
    [
        ("/s/abc.def", "", "/s/…"),
        ("/app/s/abc.def", "/app", "/app/s/…"),
        ("/api/v1/teams/nord/rounds", "", "/api/v1/teams/nord/rounds"),
        ("/sign-in", "", "/sign-in"),
    ],
)
def test_an_error_logged_on_a_survey_page_names_no_token(path: str, root: str, shown: str) -> None:
    assert redacted_path(path, root) == shown
