"""The real app on a SQLite file of its own per test, and forms filled in as a manager would."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import BrowserContext, Cookie, Page, sync_playwright

from api.main import create_app
from api.settings import Settings
from api.storage import Database
from readiness.usecases import accounts
from tests.conftest import make_profile
from tests.pages.html import Element, parse
from tests.support.accounts import anonymous, as_user, token_for
from tests.support.live_server import LiveServer, live_server


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(database_url=f"sqlite:///{tmp_path / 'pages.db'}"))


@pytest.fixture
def anonymous_client(app: FastAPI) -> Iterator[TestClient]:
    """A visitor who has not signed in but has loaded a form (an anonymous session, so its posts
    carry a CSRF token as a browser's would); this client also runs the app."""
    with TestClient(app) as client:
        anonymous(client)
        yield client


@pytest.fixture
def client(app: FastAPI, anonymous_client: TestClient) -> TestClient:
    """An admin signed in: a real session cookie for the pages, a real API token for the API,
    and the session's CSRF token in every form it posts (tests.support.accounts)."""
    client = TestClient(app)
    as_user(client, "admin")
    return client


def form_for(scores: dict[str, float] | None = None, **context: Any) -> dict[str, str]:
    """The questionnaire form as a browser posts it, for a profile of the given scores."""
    profile = make_profile(scores, **context)
    form = {item: str(answer) for item, answer in profile["answers"].items()}
    for name, value in profile["context"].items():
        form[name] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return form


def submit(client: TestClient, form: dict[str, str], lang: str = "sv") -> httpx.Response:
    """Post the form as the page does, without following the redirect to the report."""
    answer: httpx.Response = client.post(f"/?lang={lang}", data=form, follow_redirects=False)
    return answer


def page(answer: httpx.Response) -> Element:
    """The page of an HTML answer, parsed."""
    assert answer.headers["content-type"].startswith("text/html"), answer.text[:200]
    return parse(answer.text)


@pytest.fixture
def report_url(client: TestClient) -> str:
    """The report of a strong team piloting stepwise, stored through the form in Swedish."""
    answer = submit(client, {**form_for(), "team_id": "kundtjanst-nord"})
    assert answer.status_code == 303, answer.text
    return answer.headers["location"].split("?")[0]


# Browser tests: Debian's Chromium driven by Playwright against `readiness serve` on 127.0.0.1.

CHROMIUM = Path("/usr/bin/chromium")
# As root, without a network: no sandbox, and none of Chromium's own background connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What `readiness serve` prints on stderr at its first start (readiness_cli.users).
FIRST_ADMIN = re.compile(r"sign in at \S+ as (?P<email>\S+) with the password (?P<password>\S+)")
TEST_OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def browser_required() -> bool:
    return bool(os.environ.get("READINESS_REQUIRE_BROWSER") or os.environ.get("CI"))


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """One Chromium with a fresh profile, speaking Swedish as a Swedish manager's browser does."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            locale="sv-SE",
            viewport={"width": 1100, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def served_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The database of the module's `readiness serve`, a fresh SQLite file."""
    return f"sqlite:///{tmp_path_factory.mktemp('served') / 'browser.db'}"


@pytest.fixture(scope="module")
def server(served_database: str) -> Iterator[LiveServer]:
    """`readiness serve` on a fresh SQLite file."""
    folder = Path(served_database.removeprefix("sqlite:///")).parent
    with live_server(served_database, log_dir=folder) as running:
        yield running


@dataclass(frozen=True)
class FirstAdmin:
    email: str
    password: str


@pytest.fixture(scope="module")
def first_admin(server: LiveServer) -> FirstAdmin:
    """The admin `readiness serve` made at its first start, as it told the operator on stderr."""
    told = FIRST_ADMIN.search(server.output())
    assert told, f"no first admin in the output of readiness serve:\n{server.output()}"
    return FirstAdmin(told["email"], told["password"])


@pytest.fixture(scope="module")
def api_headers(
    server: LiveServer, served_database: str, first_admin: FirstAdmin
) -> dict[str, str]:
    """The Authorization header of an API token of the first admin, for calls to the API."""
    database = Database(served_database)
    try:
        admin = accounts.user_by_email(database.unit_of_work(), first_admin.email)
        return {"Authorization": f"Bearer {token_for(database, admin)}"}
    finally:
        database.dispose()


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    """Sign in through the sign-in page, in Swedish, as a person would."""
    page.goto(f"{url}/sign-in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{url}/?lang=sv")


@pytest.fixture(scope="module")
def admin_cookies(
    chromium: BrowserContext, server: LiveServer, first_admin: FirstAdmin
) -> list[Cookie]:
    """The cookies of the first admin signed in through the sign-in page, once per server."""
    chromium.clear_cookies()
    tab = chromium.new_page()
    try:
        sign_in(tab, server.url, first_admin.email, first_admin.password)
    finally:
        tab.close()
    return chromium.cookies(server.url)


@pytest.fixture
def browser_page(
    chromium: BrowserContext, admin_cookies: list[Cookie], api_headers: dict[str, str]
) -> Iterator[Page]:
    """A tab of the first admin: signed in to the pages, with an API token for `page.request`
    (the pages never read a token, the API never a cookie)."""
    chromium.clear_cookies()
    chromium.add_cookies(admin_cookies)  # type: ignore[arg-type]
    chromium.set_extra_http_headers(api_headers)
    tab = chromium.new_page()
    yield tab
    tab.close()


@pytest.fixture
def anonymous_page(chromium: BrowserContext, server: LiveServer) -> Iterator[Page]:
    """A tab of someone who has not signed in: no cookie, no token."""
    chromium.clear_cookies()
    chromium.set_extra_http_headers({})
    tab = chromium.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT
