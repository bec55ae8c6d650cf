"""The text report (`readiness assess --format text`): the page's order, in 80 columns."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

import readiness
from readiness import Assessment
from readiness.builder import member_answers_for
from readiness.report import number, render_text
from readiness.vocabulary import LANGS, Lang
from tests.conftest import STRONG, make_profile

MANAGER: dict[str, float] = {"manager_readiness": 80, "functional_level": 55, "phase_conflict": 55}
MEMBERS: dict[str, float] = {"manager_readiness": 40, "functional_level": 45, "competence": 60}
CONTEXT = {"rollout_plan": "big_launch", "team_size": 12, "current_stage": "none"}


def full_profile(members: int = 4) -> dict[str, Any]:
    """A team with much to do, its manager seeing their own leadership far more kindly."""
    return {
        **make_profile(MANAGER, **CONTEXT),
        "team_id": "kundtjanst-nord",
        "member_answers": [member_answers_for({**STRONG, **MEMBERS})] * members,
    }


def text_of(profile: dict[str, Any], lang: Lang) -> str:
    return render_text(readiness.assess(profile, lang), readiness.default_policy())


def line_index(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines) if line.startswith(start))


def test_the_report_reads_in_the_pages_order() -> None:
    lines = text_of(full_profile(), "sv").splitlines()

    order = [
        line_index(lines, heading)
        for heading in (
            "Ledarskap nu:",
            "Rekommenderat steg:",
            "Begränsas av:",
            "Nästa steg",
            "De första 30 dagarna",
            "Varför",
            "Dimensioner",
            "Gruppens fas",
            "Gör om bedömningen",
        )
    ]

    assert order == sorted(order)


def test_it_leads_with_what_limits_the_team_the_swedish_way() -> None:
    text = text_of(full_profile(), "sv")

    assert "Rekommenderat steg: Pilot (i dag: inte påbörjat)" in text
    assert "Begränsas av: Chefens beredskap 40\n" in text  # the members' 41.7 in 5-point steps
    assert "Beredskap: 40/100 (det svagaste villkoret)" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_line_is_wider_than_80_columns(lang: Lang) -> None:
    for profile in (full_profile(), full_profile(members=0), make_profile()):
        text = text_of(profile, lang)

        assert max(len(line) for line in text.splitlines()) <= 80


def test_the_plan_is_grouped_by_when_with_owner_and_check() -> None:
    assessment = readiness.assess(full_profile(), "sv")

    text = render_text(assessment, readiness.default_policy())

    plan = text[text.index("Nästa steg") : text.index("Varför")]
    periods = sorted({step.within_days or 0 for step in assessment.next_steps})
    headings = ["De första 30 dagarna", *(f"Dag {a + 1}–{b}" for a, b in pairwise(periods))]
    assert [line for line in plan.strip().splitlines() if not line.startswith(" ")][1:] == headings
    ordered = sorted(assessment.next_steps, key=lambda s: (s.within_days, s.priority))
    positions = [plan.index(f"[ ] {step.title}") for step in ordered]
    assert positions == sorted(positions)
    launch = plan.index("Gör om planen till ett stegvis införande")
    assert plan[launch:].splitlines()[1].strip() == "Ansvarig: HR"
    assert plan.count("Så vet ni att det fungerar:") == len(assessment.next_steps)


def test_the_findings_carry_their_titles_blockers_first() -> None:
    text = text_of(full_profile(), "en")

    findings = text[text.index("\nWhy\n") : text.index("\nDimensions")].splitlines()[2:]
    assert findings[0].startswith("  [BLOCKER] C3 Launch plan: one big launch:")


def test_both_views_stand_side_by_side_when_the_members_answers_are_used() -> None:
    assessment = readiness.assess(full_profile(), "en")
    view = assessment.views["manager_readiness"]

    text = render_text(assessment, readiness.default_policy())

    assert re.search(r"^Dimensions \(0–100\) +Used Manager Members$", text, re.MULTILINE)
    row = next(line for line in text.splitlines() if line.startswith("  The manager's readiness"))
    assert row.split()[3:6] == ["40", "83.3", "40"]
    assert (view.manager, view.members) == (83.3, 40.0)


def test_without_the_members_there_is_one_column() -> None:
    text = text_of(full_profile(members=0), "en")

    assert "\nDimensions (0–100)\n" in text
    assert "Manager Members" not in text


def test_the_phase_profile_marks_the_groups_phase_and_english_says_phase() -> None:
    text = text_of(full_profile(), "en")

    phases = text[text.index("The group's phase") :].splitlines()
    assert phases[4].startswith("> Phase 4: Work and productivity")
    assert "The group is in phase 4: Work and productivity." in text
    assert not re.search(r"\bstage [1-4]\b", text, re.IGNORECASE)


def test_swedish_writes_decimals_with_a_comma() -> None:
    text = text_of(full_profile(), "sv")

    body = text[: text.index("Policyversion")]  # the version line names questionnaire 2027.1
    assert "83,3" in body  # the manager's own view of their readiness
    assert re.findall(r"\d\.\d", body) == []


def test_an_assessment_made_under_policy_1_is_written_as_it_was_made() -> None:
    data = readiness.assess(make_profile(), "sv").model_dump()
    for key in ("limiting", "views"):
        del data[key]
    for step in data["next_steps"]:
        for key in ("priority", "owner", "within_days", "check"):
            del step[key]
    for finding in data["findings"]:
        del finding["title"]
    made = Assessment.model_validate({**data, "readiness": 76})

    text = render_text(made, readiness.default_policy())

    assert "Begränsas av" not in text
    assert "Beredskap: 76/100\n" in text
    assert "Fas: 4 – Arbete och produktivitet" in text
    assert f"  [ ] {made.next_steps[0].title} ({made.next_steps[0].caveat})" in text
    assert "Ansvarig" not in text


@settings(max_examples=300)
@given(
    value=st.one_of(
        st.floats(min_value=-1e7, max_value=1e7, allow_nan=False),
        st.integers(min_value=-(10**7), max_value=10**7),
        st.sampled_from([0.0, -0.0, 0.05, 0.15, 62.25, 99.95, 1234.55, -0.04, 0.04]),
    ),
    lang=st.sampled_from(LANGS),
)
def test_a_figure_is_written_as_babel_writes_it_whether_kept_or_not(
    value: float, lang: Lang
) -> None:
    expected = format_decimal(round(value, 1), format="#,##0.#", locale=lang)

    assert number(value, lang) == expected  # the first time, written
    assert number(value, lang) == expected  # the next, kept


def test_figures_are_written_the_readers_way() -> None:
    assert [number(v, "sv") for v in (52.5, 40.0, 62.26, 1234.5)] == [
        "52,5",
        "40",
        "62,3",
        "1\xa0234,5",
    ]
    assert [number(v, "en") for v in (52.5, 40.0, 62.26, 1234.5)] == [
        "52.5",
        "40",
        "62.3",
        "1,234.5",
    ]
