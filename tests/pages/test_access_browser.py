"""A manager in a real browser signs in, reads their own team and nothing of another's, and a form
that comes without its CSRF token is refused and stores nothing (Chromium against `readiness serve`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from api.storage import Database
from tests.conftest import make_profile
from tests.support.accounts import make_user, token_for
from tests.support.live_server import LiveServer, live_server

EMAIL, PASSWORD = "chef.nord@example.test", "ett långt lösenord för nord"


@dataclass(frozen=True)
class Served:
    server: LiveServer
    manager_token: str
    own: str  # the id of an assessment of the manager's team "nord"
    others: str  # the id of an assessment of "syd", another manager's team

    @property
    def url(self) -> str:
        return self.server.url

    def count(self) -> int:
        """How many assessments "nord" has, as its manager reads them through the API."""
        with httpx.Client(base_url=self.url) as api:
            answer = api.get(
                "/api/v1/teams/nord/assessments?limit=100",
                headers={"Authorization": f"Bearer {self.manager_token}"},
            )
        assert answer.status_code == 200, answer.text
        return len(answer.json()["assessments"])


def _assess(url: str, token: str, team_id: str) -> str:
    with httpx.Client(base_url=url) as api:
        answer = api.post(
            "/api/v1/assessments",
            json={"team_id": team_id, **make_profile()},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 201, answer.text
    made: str = answer.json()["id"]
    return made


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Two managers, each of the team they assessed first."""
    folder = tmp_path_factory.mktemp("access")
    url = f"sqlite:///{folder / 'access.db'}"
    with live_server(url, log_dir=folder) as server:
        database = Database(url)
        try:
            manager = make_user(database, "manager", email=EMAIL, password=PASSWORD)
            other = make_user(database, "manager")
            manager_token = token_for(database, manager)
            own = _assess(server.url, manager_token, "nord")
            others = _assess(server.url, token_for(database, other), "syd")
        finally:
            database.dispose()
        yield Served(server, manager_token, own, others)


@pytest.fixture
def signed_in(browser_page: Page, served: Served) -> Iterator[Page]:
    """The manager, signed in through the sign-in form on the way to their team's report."""
    page = browser_page
    page.context.clear_cookies()
    page.goto(f"{served.url}/assessments/{served.own}")
    expect(page).to_have_url(re.compile(r"/sign-in\?next="))
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.sign-in").get_by_role("button").click()
    expect(page).to_have_url(re.compile(f"/assessments/{served.own}"))
    yield page
    page.context.clear_cookies()


def test_a_manager_signs_in_reads_their_team_and_finds_nothing_of_another(
    signed_in: Page, served: Served
) -> None:
    page = signed_in

    expect(page.locator(".report .eyebrow")).to_contain_text("nord")
    answers = {
        "their report": page.goto(f"{served.url}/assessments/{served.others}"),
        "their team": page.goto(f"{served.url}/teams/syd"),
        "own team": page.goto(f"{served.url}/teams/nord"),
    }

    statuses = {name: answer.status if answer else None for name, answer in answers.items()}
    assert statuses == {"their report": 404, "their team": 404, "own team": 200}
    page.goto(f"{served.url}/assessments/{served.others}")
    expect(page.locator("main h1")).to_have_text("Här finns ingenting")
    expect(page.locator("main")).not_to_contain_text("syd")


def _fill_in(page: Page) -> None:
    """Every answer and context choice of a strong team, and the team id "nord"."""
    profile: dict[str, Any] = make_profile()
    choices = {**profile["answers"], **profile["context"]}
    page.evaluate(
        """choices => { for (const [name, value] of Object.entries(choices)) {
             const input = document.querySelector(`input[name="${name}"][value="${value}"]`);
             if (input) input.checked = true;
           } }""",
        {name: str(value) for name, value in choices.items()},
    )
    page.locator("#input-team_id").fill("nord")


@pytest.mark.parametrize("csrf", ["wrong", None])
def test_a_form_with_a_wrong_or_no_csrf_token_is_refused_and_stores_nothing(
    signed_in: Page, served: Served, csrf: str | None
) -> None:
    page = signed_in
    before = served.count()
    page.goto(f"{served.url}/")
    _fill_in(page)
    hidden = page.locator("form.questionnaire input[name=csrf]")
    if csrf is None:
        hidden.evaluate("input => input.remove()")
    else:
        hidden.evaluate("(input, value) => { input.value = value; }", csrf)

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("form.questionnaire [type=submit]").click()

    assert posted.value.status == 403
    assert served.count() == before


def test_the_same_form_with_its_csrf_token_is_stored(signed_in: Page, served: Served) -> None:
    page = signed_in
    before = served.count()
    page.goto(f"{served.url}/")
    _fill_in(page)

    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("form.questionnaire [type=submit]").click()

    assert posted.value.status == 303
    expect(page).to_have_url(re.compile("/assessments/"))
    assert served.count() == before + 1
