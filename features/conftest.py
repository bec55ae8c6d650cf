"""The shared steps of the features: Swedish sentences about a team, turned into real answers.

Steps translate words into questionnaire answers (features/vocabulary.py, features/team.py), call
`readiness.assess` and compare what it says with what the scenario says. They hold no policy: every
expected outcome is written in the Gherkin. The hooks record which rules each scenario fired, for
the coverage tests in test_policy_coverage.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when
from pytest_bdd.parser import Feature, Scenario, Step

import readiness
from features import policy_record
from features.team import Team, phase_signs
from features.vocabulary import (
    CURRENT_STAGES,
    DIMENSIONS,
    GOALS,
    LEVEL_NOUNS,
    LEVELS,
    MODES,
    PLANS,
    SEVERITIES,
    STAGES,
    count,
    meaning,
)
from readiness import Assessment
from readiness.rule import Rule


def given_re(pattern: str) -> parsers.re:
    """A Given step that also reads after "att", as in "Givet att gruppen är i fas 2"."""
    return parsers.re(r"(?:att )?" + pattern)


@pytest.fixture
def team() -> Team:
    return Team()


# Givet: the team -----------------------------------------------------------------------------


@given(given_re(r"(?:en grupp med|gruppen har) (?P<level>\S+) (?P<noun>funktionsnivå|kompetens)"))
def a_level_of(team: Team, level: str, noun: str) -> None:
    team.score(LEVEL_NOUNS[noun], meaning(LEVELS, level, "level"))


@given(given_re(r"arbetet kräver (?P<amount>mycket|lite) samarbete"))
def collaboration_needed(team: Team, amount: str) -> None:
    team.score("interdependence", LEVELS["hög" if amount == "mycket" else "låg"])


@given(given_re(r"chefen (?P<negation>är inte|inte är|är) redo att släppa kontrollen"))
def manager_readiness(team: Team, negation: str) -> None:
    team.score("manager_readiness", LEVELS["hög" if negation == "är" else "låg"])


@given(given_re(r"organisationen ger (?P<support>gott|svagt) stöd"))
def organisational_support(team: Team, support: str) -> None:
    team.score("org_support", LEVELS["hög" if support == "gott" else "låg"])


@given(given_re(r"gruppen är i fas (?P<phase>[1-4])"))
def in_phase(team: Team, phase: str) -> None:
    for dimension, value in phase_signs(int(phase)).items():
        team.score(dimension, value)


@given(given_re(r"(?P<dimension>[^,]+?) är (?P<value>\d+) av 100"))
def a_score_of(team: Team, dimension: str, value: str) -> None:
    team.score(meaning(DIMENSIONS, dimension, "dimension"), int(value))


@given(
    given_re(
        r"tecknen på fas 1, 2, 3 och 4 är (?P<a>\d+), (?P<b>\d+), (?P<c>\d+) och (?P<d>\d+) av 100"
    )
)
def phase_signs_of(team: Team, a: str, b: str, c: str, d: str) -> None:
    for phase, value in enumerate((a, b, c, d), start=1):
        team.score(DIMENSIONS[f"tecknen på fas {phase}"], int(value))


@given(given_re(r"gruppen har (?P<goals>gruppmål|individuella mål|blandade mål)"))
def goals_of(team: Team, goals: str) -> None:
    team.context["goal_type"] = meaning(GOALS, goals, "kind of goals")


@given(given_re("(?P<plan>" + "|".join(map(re.escape, PLANS)) + ")"))
def rollout_plan(team: Team, plan: str) -> None:
    team.context["rollout_plan"] = meaning(PLANS, plan, "plan")


@given(given_re(r"gruppen (?:är i dag|i dag är|är) i steget (?P<stage>\S+)"))
def current_stage(team: Team, stage: str) -> None:
    team.context["current_stage"] = meaning(CURRENT_STAGES, stage, "stage")


@given(given_re(r"gruppen har omorganiserats nyligen"))
def reorganised(team: Team) -> None:
    team.context["reorganization"] = True


@given(given_re(r"(?P<percent>\d+) procent av gruppen är nya sedan sex månader"))
def new_members(team: Team, percent: str) -> None:
    team.context["new_members_share"] = int(percent) / 100


# Givet: the members' anonymous answers -------------------------------------------------------

MEMBERS = r"(?P<who>\S+) medarbetare har svarat och ser "


@given(given_re(MEMBERS + r"gruppen som chefen gör"))
def members_agree(team: Team, who: str) -> None:
    team.members_see([{} for _ in range(count(who))])


@given(given_re(MEMBERS + r"gruppen i fas (?P<phase>[1-4])"))
def members_see_phase(team: Team, who: str, phase: str) -> None:
    team.members_see([phase_signs(int(phase)) for _ in range(count(who))])


@given(given_re(MEMBERS + r"(?P<dimension>[^,]+?) som (?P<values>\d+(?:(?:, | och )\d+)*) av 100"))
def members_see_score(team: Team, who: str, dimension: str, values: str) -> None:
    scores = [int(v) for v in re.split(r", | och ", values)]
    if len(scores) == 1:
        scores *= count(who)
    assert len(scores) == count(who), f"{who} members answered, but {len(scores)} scores are given"
    dimension_id = meaning(DIMENSIONS, dimension, "dimension")
    team.members_see([{dimension_id: s} for s in scores])


# När --------------------------------------------------------------------------------------------


@when("bedömningen görs", target_fixture="assessment")
def assess_the_team(team: Team, request: pytest.FixtureRequest) -> Assessment:
    profile = team.profile()
    assessment = readiness.assess(profile, "sv")
    policy_record.remember(request.node, profile, assessment)
    return assessment


# Så ---------------------------------------------------------------------------------------------


@then(parsers.re(r"(?:blir läget|läget blir) (?P<mode>.+)"))
def the_mode_is(assessment: Assessment, mode: str) -> None:
    assert assessment.mode == meaning(MODES, mode, "mode"), _why(assessment)


@then(
    parsers.re(r"(?:blir det rekommenderade steget|det rekommenderade steget blir) (?P<stage>.+)")
)
def the_stage_is(assessment: Assessment, stage: str) -> None:
    assert assessment.rollout_stage == meaning(STAGES, stage, "stage"), _why(assessment)


@then(parsers.re(r"(?:bedöms gruppen|gruppen bedöms) vara i fas (?P<phase>[1-4])"))
def the_phase_is(assessment: Assessment, phase: str) -> None:
    assert assessment.phase == int(phase)


@then(
    parsers.re(
        r'(?:bedömningen tar|tar bedömningen) (?P<negation>inte )?upp "(?P<title>[^"]+)"'
        r"(?: som (?:ett|en) (?P<severity>\S+))?"
    )
)
def a_finding(
    assessment: Assessment, negation: str | None, title: str, severity: str | None
) -> None:
    rule = _rule_titled(title)
    found = [f for f in assessment.findings if f.rule == rule.id]
    if negation:
        assert not found, f'"{title}" was raised: {found[0].message if found else ""}'
        return
    assert found, f'"{title}" was not raised; it raised {[f.message for f in assessment.findings]}'
    if severity:
        assert found[0].severity == meaning(SEVERITIES, severity, "severity")


@then(
    parsers.re(
        r'(?:bedömningen föreslår|föreslår bedömningen) (?P<negation>inte )?"(?P<title>[^"]+)"'
    )
)
def a_next_step(assessment: Assessment, negation: str | None, title: str) -> None:
    known = {s.title("sv") for r in readiness.default_policy().rules for s in r.then.next_steps}
    assert title in known, f'no rule proposes "{title}"; the next steps are {sorted(known)}'
    proposed = [s.title for s in assessment.next_steps]
    assert (title in proposed) != bool(negation), f"the next steps were {proposed}"


@then(parsers.re(r"(?:bedömningen ska göras om|ska bedömningen göras om) inom (?P<days>\d+) dagar"))
def reassess_within(assessment: Assessment, days: str) -> None:
    assert assessment.reassess_in_days == int(days)


@then(parsers.re(r"används (?P<negation>inte )?medarbetarnas svar"))
@then(parsers.re(r"medarbetarnas svar används(?P<negation> inte)?"))
def members_used(assessment: Assessment, negation: str | None) -> None:
    assert assessment.members.used is not bool(negation)


@then(parsers.re(r"räknas (?P<dimension>.+?) som (?P<value>\d+) av 100"))
@then(parsers.re(r"(?P<dimension>.+?) räknas som (?P<value>\d+) av 100"))
def counted_as(assessment: Assessment, dimension: str, value: str) -> None:
    assert assessment.dimensions[meaning(DIMENSIONS, dimension, "dimension")] == int(value)


@then(
    parsers.re(
        r"(?:bedömningen visar|visar bedömningen) medarbetarnas bild av (?P<dimension>.+?) "
        r"som (?P<value>\d+) av 100"
    )
)
def members_view_shown(assessment: Assessment, dimension: str, value: str) -> None:
    assert assessment.members.dimensions[meaning(DIMENSIONS, dimension, "dimension")] == int(value)


@then(
    parsers.re(
        r"(?:bedömningen visar|visar bedömningen) inget om medarbetarnas svar "
        r"utom att (?P<who>\S+) har svarat"
    )
)
def nothing_about_members_but_their_number(assessment: Assessment, who: str) -> None:
    members = assessment.members
    assert members.respondents == count(who)
    assert (members.used, members.dimensions, members.gaps) == (False, {}, {})


def _why(assessment: Assessment) -> str:
    """What a reader needs when an outcome differs: the decision and the findings behind it."""
    findings = "".join(f"\n  [{f.caveat}] {f.message}" for f in assessment.findings)
    return f"the assessment says {assessment.mode}, {assessment.rollout_stage}:{findings}"


def _rule_titled(title: str) -> Rule:
    """The rule of the policy in force whose Swedish title the scenario quotes."""
    rules = {r.title("sv"): r for r in readiness.default_policy().rules if r.then.finding}
    assert title in rules, (
        f'no rule titled "{title}" raises a finding; those that do: {list(rules)}'
    )
    return rules[title]


# Hooks: what each scenario fired, for the coverage tests ----------------------------------------


def pytest_bdd_after_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    record = policy_record.record_of(request.config)
    record.runs.append(policy_record.scenario_run(request.node, feature, scenario))


def pytest_bdd_step_error(request: pytest.FixtureRequest, step: Step) -> None:
    policy_record.record_of(request.config).failed.add(request.node.nodeid)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The coverage tests judge what the scenarios fired, so they run after every scenario.
    items.sort(key=lambda item: Path(str(item.path)).name == "test_policy_coverage.py")
