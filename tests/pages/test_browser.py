"""A manager in a real browser: Chromium, driven by Playwright, against `readiness serve`."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

import readiness
from readiness.builder import member_answers_for
from tests.conftest import STRONG, make_profile
from tests.support.live_server import LiveServer

# A team on the way: a moderate functional level, a manager still holding on, individual goals
# for work that needs collaboration. The report then has something to say under every heading.
SCORES: dict[str, float] = {"functional_level": 55, "manager_readiness": 45}
CONTEXT = {"goal_type": "individual", "rollout_plan": "stepwise", "current_stage": "none"}
KEYBOARD_ITEM = "co_knowledge_to_decide"
# The fullest report: four members who see the manager's leadership far less kindly than the
# manager does, signs of conflict, a big launch, a large group, individual goals: ten steps.
FULL = {
    **make_profile(
        {"manager_readiness": 80, "functional_level": 55, "phase_conflict": 55},
        rollout_plan="big_launch",
        team_size=12,
        current_stage="none",
        goal_type="individual",
    ),
    "team_id": "kundtjanst-nord",
    "member_answers": [
        member_answers_for(
            {**STRONG, "manager_readiness": 40, "functional_level": 45, "competence": 60}
        )
    ]
    * 4,
}


def answer_items(page: Page, answers: dict[str, int], *, keyboard: str | None = None) -> None:
    """Choose each answer by its label, as a person reads it; `keyboard` by the arrow keys."""
    labels = readiness.questionnaire("sv").scale.labels
    for item, value in answers.items():
        group = page.locator(f"#item-{item}")
        if item == keyboard:
            group.get_by_role("radio").first.focus()
            page.keyboard.press("Space")
            for _ in range(value - 1):
                page.keyboard.press("ArrowRight")
        else:
            group.get_by_label(f"{value} {labels[value]}", exact=True).check()


def choose_context(page: Page, context: dict[str, str]) -> None:
    fields = {f.id: f for f in readiness.questionnaire("sv").context_fields}
    for name, value in context.items():
        label = next(c.label for c in fields[name].choices if c.value == value)
        page.locator(f"#field-{name}").get_by_label(label, exact=True).check()


def checked_radios(page: Page) -> dict[str, str]:
    pairs = page.eval_on_selector_all(
        "input[type=radio]:checked", "inputs => inputs.map(i => [i.name, i.value])"
    )
    return dict(pairs)


def test_a_manager_fills_in_the_questionnaire_in_swedish_and_reads_the_report(
    browser_page: Page, server: LiveServer, test_output: Path
) -> None:
    answers = make_profile(SCORES)["answers"]
    expected = readiness.assess({"answers": answers, "context": CONTEXT}, "sv")
    policy = readiness.default_policy().settings

    browser_page.goto(f"{server.url}/")
    answer_items(browser_page, answers, keyboard=KEYBOARD_ITEM)
    choose_context(browser_page, CONTEXT)
    browser_page.get_by_label("Grupp-id (frivilligt)").fill("kundtjanst-nord")
    expect(browser_page.locator(f"#item-{KEYBOARD_ITEM} input:checked")).to_have_value(
        str(answers[KEYBOARD_ITEM])
    )
    browser_page.get_by_role("button", name="Visa bedömningen").click()

    browser_page.wait_for_url("**/assessments/**")
    expect(browser_page.locator("html")).to_have_attribute("lang", "sv")
    expect(browser_page.locator("h1")).to_contain_text(policy.modes[expected.mode].title("sv"))
    recommended = policy.stages[expected.rollout_stage].title("sv")
    expect(browser_page.locator(".stage.is-recommended")).to_contain_text(recommended)
    expect(browser_page.locator(".limited-by")).to_contain_text("Begränsas av")
    steps = browser_page.locator(".plan-step .step-title")
    in_order = sorted(expected.next_steps, key=lambda s: (s.within_days or 0, s.priority or 0))
    expect(steps).to_have_text([step.title for step in in_order])
    browser_page.screenshot(path=test_output / "report-sv.png", full_page=True)


def test_the_report_switches_to_english_on_the_same_page(
    browser_page: Page, server: LiveServer, test_output: Path
) -> None:
    profile = {"team_id": "ekonomi-syd", **make_profile(SCORES, **CONTEXT)}
    stored = browser_page.request.post(f"{server.url}/api/v1/assessments", data=profile).json()
    expected = readiness.assess(profile, "en")
    browser_page.goto(f"{server.url}/assessments/{stored['id']}")

    browser_page.get_by_role("link", name="English").click()

    browser_page.wait_for_url(f"**/assessments/{stored['id']}?lang=en")
    expect(browser_page.locator("html")).to_have_attribute("lang", "en")
    mode = readiness.default_policy().settings.modes[expected.mode].title("en")
    expect(browser_page.locator("h1")).to_contain_text(mode)
    expect(browser_page.locator("#steps-title")).to_have_text("Next steps")
    expect(browser_page.locator(".period").first).to_contain_text("First 30 days")
    first = min(expected.next_steps, key=lambda s: (s.within_days or 0, s.priority or 0))
    expect(browser_page.locator(".plan-step .step-title").first).to_have_text(first.title)
    browser_page.screenshot(path=test_output / "report-en.png", full_page=True)


def test_a_missing_answer_is_shown_at_its_item_with_the_other_answers_kept(
    browser_page: Page, server: LiveServer
) -> None:
    answers = make_profile(SCORES)["answers"]
    missing = "in_affects_others"
    given = {item: value for item, value in answers.items() if item != missing}
    browser_page.goto(f"{server.url}/")
    answer_items(browser_page, given)
    choose_context(browser_page, CONTEXT)

    browser_page.get_by_role("button", name="Visa bedömningen").click()

    summary = browser_page.locator("#error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").click()
    item = browser_page.locator(f"#item-{missing}")
    expect(item).to_be_in_viewport()
    expect(item.locator(".error-message")).to_have_text("Fel: Välj ett svar, eller ”Vet inte”.")
    expected = {item: str(value) for item, value in given.items()} | CONTEXT
    assert checked_radios(browser_page) == expected | {"reorganization": "no"}


def pdf_pages(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it: one `/Type /Page` object each."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_full_report_prints_on_at_most_two_pages_without_the_navigation(
    browser_page: Page, server: LiveServer, test_output: Path
) -> None:
    stored = browser_page.request.post(f"{server.url}/api/v1/assessments", data=FULL).json()
    assert len(stored["assessment"]["next_steps"]) >= 10
    assert stored["assessment"]["views"]
    browser_page.goto(f"{server.url}/assessments/{stored['id']}")
    browser_page.screenshot(path=test_output / "report.png", full_page=True)

    browser_page.emulate_media(media="print")
    pdf = browser_page.pdf(path=test_output / "report.pdf", format="A4")

    expect(browser_page.locator(".site-header")).to_be_hidden()
    expect(browser_page.locator(".report-meta .no-print")).to_be_hidden()
    expect(browser_page.locator(".plan")).to_have_count(2)
    expect(browser_page.locator("svg.phases")).to_be_visible()
    assert 1 <= pdf_pages(pdf) <= 2


def test_a_keyboard_user_can_skip_to_the_content(browser_page: Page, server: LiveServer) -> None:
    browser_page.goto(f"{server.url}/")

    browser_page.keyboard.press("Tab")

    skip = browser_page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    browser_page.keyboard.press("Enter")
    expect(browser_page.locator("main")).to_be_focused()
