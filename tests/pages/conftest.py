"""The real app on a SQLite file of its own per test, and forms filled in as a manager would."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import BrowserContext, Page, sync_playwright

from api.main import create_app
from api.settings import Settings
from tests.conftest import make_profile
from tests.pages.html import Element, parse
from tests.support.live_server import LiveServer, live_server


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(database_url=f"sqlite:///{tmp_path / 'pages.db'}"))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`readiness serve` on a fresh SQLite file."""
    folder = tmp_path_factory.mktemp("served")
    with live_server(f"sqlite:///{folder / 'browser.db'}", log_dir=folder) as running:
        yield running


@pytest.fixture
def browser_page(chromium: BrowserContext) -> Iterator[Page]:
    tab = chromium.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT
