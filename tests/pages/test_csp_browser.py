"""Every page, and /docs, under the strict Content-Security-Policy in Chromium: nothing refused.

The policy allows no inline script or style, not even an SVG's style attribute; a page that used
one would lose it in the browser without a word in any server-side test. Chromium reports each
refusal as a `securitypolicyviolation` event, recorded here by a script Playwright adds before
the page's own (the page's policy does not apply to it), and as a console message. A page that
cannot be framed is tried in a frame too.

NEEDS THE LEAD'S WIRING in api/main.py (install_head and install_security_headers): these tests
drive `readiness serve`, which runs api.main.create_app; until then no policy is sent at all.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from api.security import CONTENT_SECURITY_POLICY
from readiness.builder import member_answers_for
from tests.conftest import STRONG, make_profile
from tests.support.live_server import LiveServer

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"} ${event.sample || ""}`
  );
}, true);
"""
# Members who see the manager's leadership less kindly: the report shows both views everywhere.
WITH_MEMBERS = {
    **make_profile({"manager_readiness": 80, "phase_conflict": 55}, rollout_plan="big_launch"),
    "team_id": "kundtjanst-nord",
    "member_answers": [member_answers_for({**STRONG, "manager_readiness": 40})] * 4,
}
# Each page, and what shows that it has rendered (for /docs: Swagger UI has drawn the API).
PAGES = {
    "questionnaire": ("/", "form.questionnaire"),
    "questionnaire in English": ("/?lang=en", "form.questionnaire"),
    "report": ("/assessments/{assessment_id}", "svg.radar"),
    "team history": ("/teams/kundtjanst-nord", "svg.sparkline"),
    "portfolio": ("/portfolio", "main h1"),
    "team list": ("/teams", "main h1"),
    "rollout waves": ("/waves", "main h1"),
    "policy": ("/policy", "main h1"),
    "not found": ("/nowhere", "main h1"),
    "docs": ("/docs", ".opblock"),
}


@pytest.fixture(scope="module")
def assessment_id(server: LiveServer, api_headers: dict[str, str]) -> str:
    """A team assessed twice, the second time with its members: a history and a full report."""
    with httpx.Client(base_url=server.url, headers=api_headers) as api:
        for profile in ({**make_profile(), "team_id": "kundtjanst-nord"}, WITH_MEMBERS):
            answer = api.post("/api/v1/assessments", json=profile)
            assert answer.status_code == 201, answer.text
    stored: str = answer.json()["id"]
    return stored


@pytest.fixture
def watched(browser_page: Page) -> tuple[Page, list[str]]:
    """The tab, and the policy's complaints on its console."""
    complaints: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            complaints.append(message.text)

    browser_page.add_init_script(RECORD_VIOLATIONS)
    browser_page.on("console", note)
    return browser_page, complaints


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("window.__violations")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_the_page_renders_under_the_policy_with_nothing_refused(
    watched: tuple[Page, list[str]], server: LiveServer, assessment_id: str, name: str
) -> None:
    page, complaints = watched
    address, rendered = PAGES[name]

    answer = page.goto(server.url + address.format(assessment_id=assessment_id))

    assert answer is not None
    assert answer.headers.get("content-security-policy") == CONTENT_SECURITY_POLICY
    expect(page.locator(rendered).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert complaints == []


def test_a_report_shows_its_bars_without_an_inline_style(
    watched: tuple[Page, list[str]], server: LiveServer, assessment_id: str
) -> None:
    page, complaints = watched

    page.goto(f"{server.url}/assessments/{assessment_id}")

    bars: list[dict[str, Any]] = page.eval_on_selector_all(
        ".bar rect",
        """rects => rects.map(r => ({
            width: r.getBoundingClientRect().width,
            height: r.getBoundingClientRect().height,
            fill: getComputedStyle(r).fill,
        }))""",
    )
    assert bars, "no bars"
    assert all(bar["width"] > 0 and bar["height"] > 0 for bar in bars), bars
    assert all(bar["fill"] != "rgb(0, 0, 0)" for bar in bars), bars  # the stylesheet's colour
    assert page.locator("[style]").count() == 0
    assert violations(page) == []
    assert complaints == []


def test_the_recorder_sees_a_refusal(watched: tuple[Page, list[str]], server: LiveServer) -> None:
    # The control: without it, an empty list could mean that nothing was listening.
    page, complaints = watched
    page.goto(f"{server.url}/policy")

    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")

    expect(page.locator("p[style]")).to_have_count(1)
    page.wait_for_function("window.__violations.length > 0", timeout=5_000)
    assert violations(page)[0].startswith("style-src-attr refused inline")
    assert any("style-src" in complaint for complaint in complaints)


def test_a_page_cannot_be_framed(
    watched: tuple[Page, list[str]], server: LiveServer, assessment_id: str
) -> None:
    page, complaints = watched
    report = f"{server.url}/assessments/{assessment_id}"

    answer = page.request.get(report)
    page.set_content(f'<iframe src="{report}" title="framed"></iframe>')
    for _ in range(50):  # Chromium says so on the console once it has refused the frame
        if any("frame-ancestors" in complaint for complaint in complaints):
            break
        page.wait_for_timeout(100)

    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    framed = page.frame_locator("iframe").locator("svg.radar")
    expect(framed).to_have_count(0)
    assert any("frame-ancestors" in complaint for complaint in complaints), complaints
