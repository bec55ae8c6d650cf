"""A member survey round end to end in Chromium at 375×667, against `readiness serve`.

A manager signs in and opens a round on the team page; three phones (three browser contexts of
their own) answer through the link; a second answer from a phone that has answered is refused;
the manager closes the round and the team's next assessment uses the members' figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from api.storage import Database
from readiness.builder import member_answers_for
from tests.conftest import STRONG, make_profile
from tests.pages.conftest import sign_in
from tests.support.accounts import make_user, token_for
from tests.support.live_server import LiveServer, live_server

EMAIL, PASSWORD = "chef.nord@example.test", "ett långt lösenord för nord"
PHONE = {"width": 375, "height": 667}
MIN_TAP = 44  # px: the smallest comfortable tap target


@dataclass(frozen=True)
class Served:
    server: LiveServer
    token: str  # the manager's API token

    @property
    def url(self) -> str:
        return self.server.url

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        with httpx.Client(base_url=self.url) as client:
            answer = client.request(
                method, path, headers={"Authorization": f"Bearer {self.token}"}, **kwargs
            )
        assert answer.is_success, answer.text
        return answer.json()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A manager who has assessed "nord" once, without the members: the team page exists."""
    folder = tmp_path_factory.mktemp("survey")
    url = f"sqlite:///{folder / 'survey.db'}"
    with live_server(url, log_dir=folder) as server:
        database = Database(url)
        try:
            manager = make_user(database, "manager", email=EMAIL, password=PASSWORD)
            made = Served(server, token_for(database, manager))
        finally:
            database.dispose()
        made.api("POST", "/api/v1/assessments", json={"team_id": "nord", **make_profile()})
        yield made


def device(chromium: BrowserContext, *, phone: bool = True) -> BrowserContext:
    """A browser of its own (its own cookies), 375×667, in Swedish: a phone, touch and all, or
    a narrow desktop window for the manager."""
    assert chromium.browser is not None
    return chromium.browser.new_context(
        viewport=PHONE, locale="sv-SE", is_mobile=phone, has_touch=phone
    )


def watch_console(page: Page, problems: list[str]) -> None:
    """Collect what the browser complains of (a style or script the CSP refused, say)."""
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type in ("error", "warning") else None
        ),
    )


def answer_survey(page: Page, answers: dict[str, int]) -> None:
    """Tap an answer for each item as a member would (unanswered items are left alone)."""
    for item, value in answers.items():
        page.locator(f"label.scale-option:has(input[name='{item}'][value='{value}'])").tap()


def test_a_manager_runs_a_member_round_with_three_phones_end_to_end(
    chromium: BrowserContext, served: Served, test_output: Path
) -> None:
    manager_context = device(chromium, phone=False)
    phones = [device(chromium) for _ in range(3)]
    problems: list[str] = []
    try:
        # The manager signs in and opens a round on the team page.
        manager = manager_context.new_page()
        sign_in(manager, served.url, EMAIL, PASSWORD)
        manager.goto(f"{served.url}/teams/nord")
        section = manager.locator("#member-survey")
        section.get_by_role("button", name="Öppna en omgång av medarbetarenkäten").click()
        expect(section.locator(".notice")).to_contain_text("Omgången är öppen")
        link = section.locator("a.survey-link").get_attribute("href")
        assert link is not None
        assert link.startswith(f"{served.url}/s/")
        expect(section.locator("svg.qr")).to_be_visible()
        expect(section).to_contain_text("Svar hittills: färre än 3")
        manager.screenshot(path=test_output / "survey-team-page.png", full_page=True)

        # Three phones answer: one all of it, one skips a part, one answers two parts only.
        seen = member_answers_for({**STRONG, "functional_level": 50})
        everything = dict(seen)
        no_competence = {k: v for k, v in seen.items() if not k.startswith("co_")}
        two_parts = {k: v for k, v in seen.items() if k.startswith(("fl_", "in_"))}
        second_tab = phones[0].new_page()  # the first phone has the survey open twice
        second_tab.goto(link)
        for number, (phone, answers) in enumerate(
            zip(phones, [everything, no_competence, two_parts], strict=True)
        ):
            page = phone.new_page()
            watch_console(page, problems)
            page.goto(link)
            expect(page.locator("h1")).to_have_text("Hur ser du på er grupp?")
            if number == 0:
                page.screenshot(path=test_output / "survey-375.png")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            options = page.locator("label.scale-option").all()
            assert min(o.bounding_box()["height"] for o in options[:12]) >= MIN_TAP  # type: ignore[index]
            answer_survey(page, answers)
            page.get_by_role("button", name="Skicka mina svar").tap()
            expect(page.locator("h1")).to_have_text("Tack för dina svar")
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        # A fourth answer from a phone that has answered is refused, kindly; nothing is kept.
        answer_survey(second_tab, two_parts)
        with second_tab.expect_response(lambda r: r.request.method == "POST") as posted:
            second_tab.get_by_role("button", name="Skicka mina svar").tap()
        assert posted.value.status == 409
        expect(second_tab.locator("h1")).to_have_text("Du har redan svarat från den här enheten")
        second_tab.goto(link)
        expect(second_tab.locator("h1")).to_have_text("Du har redan svarat från den här enheten")
        (listed,) = served.api("GET", "/api/v1/teams/nord/rounds")
        assert listed["answers_shown"] == "3–4"

        # The manager sees only "3–4", closes the round, and the next assessment takes it.
        manager.goto(f"{served.url}/teams/nord")
        expect(section).to_contain_text("Svar hittills: 3–4")
        section.get_by_role("button", name="Stäng omgången nu").click()
        expect(section.locator(".notice")).to_contain_text("Omgången är stängd")
        expect(section.locator("table.rounds tbody tr")).to_have_count(1)
        expect(section.locator("table.rounds tbody tr")).to_contain_text("3–4")
        stored = served.api(
            "POST", "/api/v1/assessments", json={"team_id": "nord", **make_profile()}
        )
        members = stored["assessment"]["members"]
        assert (members["used"], members["respondents_shown"]) == (True, "3–4")
        assert stored["assessment"]["views"]["functional_level"]["members"] == 50.0
        manager.goto(f"{served.url}/assessments/{stored['id']}")
        expect(manager.locator("section.reassess")).to_contain_text(
            "3–4 medarbetare har svarat anonymt"
        )
        manager.goto(f"{served.url}/teams/nord")
        expect(section.locator("table.rounds tbody tr")).to_contain_text("ja")
        for phone in phones[1:]:  # the link is closed now
            page = phone.new_page()
            page.goto(link)
            expect(page.locator("h1")).to_have_text("Den här enkäten är stängd")
        assert [p for p in problems if "Content Security Policy" in p] == []
    finally:
        for context in (manager_context, *phones):
            context.close()


def test_the_request_log_of_the_server_never_names_a_survey_path(served: Served) -> None:
    rounds = served.api("GET", "/api/v1/teams/nord/rounds")
    made = next((r for r in rounds if r["open"]), None) or served.api(
        "POST", "/api/v1/teams/nord/rounds", json={}
    )
    token = made["link"].rsplit("/", 1)[1]
    with httpx.Client() as member:
        assert member.get(made["link"]).status_code == 200
        assert member.get(f"{served.url}/s/{token}x").status_code == 404

    log = served.server.output()

    assert "POST /api/v1/teams/nord/rounds" in log or "GET /api/v1/teams/nord/rounds" in log
    assert "/s/" not in log
    assert token.rsplit(".", 1)[1] not in log
