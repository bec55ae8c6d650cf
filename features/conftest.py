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
from features.team import IncompleteScenario, Team, manager_items, phase_signs
from features.vocabulary import (
    CONDITIONS,
    CURRENT_STAGES,
    DIMENSIONS,
    GOALS,
    LEVEL_NOUNS,
    LEVELS,
    MODES,
    OWNERS,
    PLANS,
    SEVERITIES,
    STAGES,
    count,
    meaning,
    number,
)
from readiness import Assessment, NextStep
from readiness.rule import Rule

# A score as a scenario writes it: "80", or with a decimal comma, "57,5".
SCORE = r"\d+(?:,\d+)?"


def given_re(pattern: str) -> parsers.re:
    """A Given step that also reads after "att", as in "Givet att gruppen är i fas 2"."""
    return parsers.re(r"(?:att )?" + pattern)


@pytest.fixture
def team() -> Team:
    return Team()


@pytest.fixture
def named_step() -> NextStep | None:
    """The next step a scenario last named ("föreslår …", "första steget är …"); "det" refers to it."""
    return None


# Givet: the team -----------------------------------------------------------------------------


@given(given_re(r"(?:en grupp med|gruppen har) (?P<level>\S+) (?P<noun>funktionsnivå|kompetens)"))
def a_level_of(team: Team, level: str, noun: str) -> None:
    team.score(LEVEL_NOUNS[noun], meaning(LEVELS, level, "level"), exactly=False)


@given(given_re(r"arbetet kräver (?P<amount>mycket|lite) samarbete"))
def collaboration_needed(team: Team, amount: str) -> None:
    team.score("interdependence", LEVELS["hög" if amount == "mycket" else "låg"], exactly=False)


@given(given_re(r"chefen (?P<negation>är inte|inte är|är) redo att släppa kontrollen"))
def manager_readiness(team: Team, negation: str) -> None:
    team.score("manager_readiness", LEVELS["hög" if negation == "är" else "låg"], exactly=False)


@given(given_re(r"organisationen ger (?P<support>gott|svagt) stöd"))
def organisational_support(team: Team, support: str) -> None:
    team.score("org_support", LEVELS["hög" if support == "gott" else "låg"], exactly=False)


@given(given_re(r"gruppen är i fas (?P<phase>[1-4])"))
def in_phase(team: Team, phase: str) -> None:
    for dimension, value in phase_signs(int(phase)).items():
        team.score(dimension, value)


@given(given_re(rf"(?P<dimension>[^,]+?) är (?P<value>{SCORE}) av 100"))
def a_score_of(team: Team, dimension: str, value: str) -> None:
    team.score(meaning(DIMENSIONS, dimension, "dimension"), number(value))


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


@given(given_re(r"gruppen är (?P<size>\d+) personer"))
def team_size(team: Team, size: str) -> None:
    team.context["team_size"] = int(size)


@given(given_re(r"gruppen har arbetat tillsammans i (?P<months>\d+) (?:månad|månader)"))
def months_together(team: Team, months: str) -> None:
    team.context["months_together"] = int(months)


@given(given_re(r"chefen har svarat samma sak på nästan alla frågor"))
def answered_alike_almost_everywhere(team: Team) -> None:
    team.answered_alike(differing=1)


@given(given_re(r"chefen har gett samma svar på (?P<same>\d+) av (?P<asked>\d+) frågor"))
def answered_alike(team: Team, same: str, asked: str) -> None:
    if int(asked) != len(manager_items()):
        raise IncompleteScenario(f"the manager answers {len(manager_items())} items, not {asked}")
    team.answered_alike(differing=int(asked) - int(same))


@given(given_re(r"gruppen har omorganiserats nyligen"))
def reorganised(team: Team) -> None:
    team.context["reorganization"] = True


@given(given_re(r"(?P<percent>\d+) procent av gruppen är nya sedan sex månader"))
def new_members(team: Team, percent: str) -> None:
    team.context["new_members_share"] = int(percent) / 100


# Givet: the members' anonymous answers -------------------------------------------------------

MEMBERS = r"(?P<who>\S+) medarbetare har svarat"


@given(given_re(MEMBERS))
def members_answered(team: Team, who: str) -> None:
    team.members_answered(count(who))


@given(given_re(MEMBERS + r" och ser gruppen som chefen gör"))
def members_agree(team: Team, who: str) -> None:
    team.members_agree(count(who))


@given(given_re(MEMBERS + r" och ser gruppen i fas (?P<phase>[1-4])"))
def members_see_phase(team: Team, who: str, phase: str) -> None:
    team.members_see([phase_signs(int(phase)) for _ in range(count(who))])


@given(
    given_re(
        MEMBERS
        + rf" och ser (?P<dimension>[^,]+?) som (?P<values>{SCORE}(?:(?:, | och ){SCORE})*) av 100"
    )
)
def members_see_score(team: Team, who: str, dimension: str, values: str) -> None:
    scores = [number(v) for v in re.split(r", | och ", values)]
    if len(scores) == 1:
        scores *= count(who)
    assert len(scores) == count(who), f"{who} members answered, but {len(scores)} scores are given"
    dimension_id = meaning(DIMENSIONS, dimension, "dimension")
    team.members_see([{dimension_id: s} for s in scores])


@given(given_re(rf"medarbetarna ser (?P<dimension>[^,]+?) som (?P<value>{SCORE}) av 100"))
def all_members_see(team: Team, dimension: str, value: str) -> None:
    team.all_members_see({meaning(DIMENSIONS, dimension, "dimension"): number(value)})


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
    assert assessment.phase == int(phase), _why(assessment)


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
    assert found, f'"{title}" was not raised; it raised {[f.title for f in assessment.findings]}'
    if severity:
        assert found[0].severity == meaning(SEVERITIES, severity, "severity")


@then(
    parsers.re(
        r'(?:bedömningen föreslår|föreslår bedömningen) (?P<negation>inte )?"(?P<title>[^"]+)"'
    ),
    target_fixture="named_step",
)
def a_next_step(assessment: Assessment, negation: str | None, title: str) -> NextStep | None:
    _known_step(title)
    proposed = {s.title: s for s in assessment.next_steps}
    assert (title in proposed) != bool(negation), f"the next steps were {list(proposed)}"
    return proposed.get(title)


@then(
    parsers.re(r'(?:är första steget|första steget är) "(?P<title>[^"]+)"'),
    target_fixture="named_step",
)
def the_first_step(assessment: Assessment, title: str) -> NextStep:
    _known_step(title)
    first = _first(assessment)
    assert first.title == title, f"the plan is {_plan(assessment)}"
    return first


@then(parsers.re(r'"(?P<earlier>[^"]+)" kommer före "(?P<later>[^"]+)"'))
def comes_before(assessment: Assessment, earlier: str, later: str) -> None:
    priority = {s.title: s.priority for s in assessment.next_steps}
    for title in (earlier, later):
        assert title in priority, f'"{title}" is not proposed; the plan is {_plan(assessment)}'
    assert (priority[earlier] or 0) < (priority[later] or 0), f"the plan is {_plan(assessment)}"


WHICH = r"(?P<which>första steget|steget|det)"


@then(parsers.re(WHICH + r" leds av (?P<owner>.+)"))
@then(parsers.re(r"leds " + WHICH + r" av (?P<owner>.+)"))
def led_by(assessment: Assessment, named_step: NextStep | None, which: str, owner: str) -> None:
    step = _which(assessment, named_step, which)
    assert step.owner == meaning(OWNERS, owner, "owner"), f'"{step.title}" is led by {step.owner}'


@then(parsers.re(WHICH + r" ska vara klart inom (?P<days>\d+) dagar"))
def done_within(assessment: Assessment, named_step: NextStep | None, which: str, days: str) -> None:
    step = _which(assessment, named_step, which)
    assert step.within_days == int(days), f'"{step.title}" has {step.within_days} days'


@then(
    parsers.re(
        r"(?:varje steg säger|säger varje steg) vem som leder det, inom hur många dagar "
        r"och hur ni ser att det har fungerat"
    )
)
def every_step_is_planned(assessment: Assessment) -> None:
    steps = assessment.next_steps
    assert steps, "the assessment proposes no next steps"
    assert [s.priority for s in steps] == list(range(1, len(steps) + 1)), _plan(assessment)
    unplanned = [s.title for s in steps if not (s.owner and s.within_days and s.check)]
    assert not unplanned, f"without an owner, a time or a check: {unplanned}"


@then(parsers.re(r"(?:bedömningen ska göras om|ska bedömningen göras om) inom (?P<days>\d+) dagar"))
def reassess_within(assessment: Assessment, days: str) -> None:
    assert assessment.reassess_in_days == int(days)


@then(parsers.re(r"(?:blir gruppens beredskap|gruppens beredskap blir) (?P<value>\d+) av 100"))
def readiness_is(assessment: Assessment, value: str) -> None:
    assert assessment.readiness == int(value), _why(assessment)


@then(parsers.re(r"(?:begränsas gruppen|gruppen begränsas) av (?P<conditions>.+)"))
def limited_by(assessment: Assessment, conditions: str) -> None:
    named = {meaning(CONDITIONS, c, "condition") for c in re.split(r", | och ", conditions)}
    assert set(assessment.limiting) == named, f"the team is limited by {assessment.limiting}"


@then(parsers.re(r"används (?P<negation>inte )?medarbetarnas svar"))
@then(parsers.re(r"medarbetarnas svar används(?P<negation> inte)?"))
def members_used(assessment: Assessment, negation: str | None) -> None:
    assert assessment.members.used is not bool(negation)


@then(parsers.re(rf"räknas (?P<dimension>.+?) som (?P<value>{SCORE}) av 100"))
@then(parsers.re(rf"(?P<dimension>.+?) räknas som (?P<value>{SCORE}) av 100"))
def counted_as(assessment: Assessment, dimension: str, value: str) -> None:
    counted = assessment.dimensions[meaning(DIMENSIONS, dimension, "dimension")]
    assert counted == number(value), f"{dimension} counts as {counted}"


@then(
    parsers.re(
        r"(?:bedömningen visar|visar bedömningen) medarbetarnas bild av (?P<dimension>.+?) "
        rf"som (?P<value>{SCORE}) av 100"
    )
)
def members_view_shown(assessment: Assessment, dimension: str, value: str) -> None:
    shown = assessment.members.dimensions[meaning(DIMENSIONS, dimension, "dimension")]
    assert shown == number(value), f"the members' view of {dimension} is shown as {shown}"


@then(
    parsers.re(
        r"(?:bedömningen visar|visar bedömningen) (?P<dimension>.+?) sida vid sida: "
        rf"chefens bild (?P<manager>{SCORE}) och medarbetarnas (?P<members>{SCORE})"
    )
)
def views_side_by_side(assessment: Assessment, dimension: str, manager: str, members: str) -> None:
    view = assessment.views[meaning(DIMENSIONS, dimension, "dimension")]
    assert (view.manager, view.members) == (number(manager), number(members)), view


RESPONDENTS_SHOWN = r"(?P<shown>färre än \d+|\d+–\d+|\d+)"


@then(
    parsers.re(
        r"(?:bedömningen visar|visar bedömningen) inget om medarbetarnas svar "
        rf"utom att {RESPONDENTS_SHOWN} har svarat"
    )
)
def nothing_about_members_but_their_number(assessment: Assessment, shown: str) -> None:
    members = assessment.members
    assert members.respondents_shown == _shown(shown)
    assert (members.respondents, members.used, members.dimensions, members.gaps) == (
        0,
        False,
        {},
        {},
    )
    assert assessment.views == {}


@then(parsers.re(rf"(?:bedömningen visar|visar bedömningen) att {RESPONDENTS_SHOWN} har svarat"))
def respondents_shown_as(assessment: Assessment, shown: str) -> None:
    assert assessment.members.respondents_shown == _shown(shown)


def _shown(words: str) -> str:
    """How the contract writes a shown count: "färre än 3" is "<3"."""
    return words.replace("färre än ", "<")


def _why(assessment: Assessment) -> str:
    """What a reader needs when an outcome differs: the decision and the findings behind it."""
    findings = "".join(f"\n  [{f.caveat}] {f.title}: {f.message}" for f in assessment.findings)
    return (
        f"the assessment says {assessment.mode}, {assessment.rollout_stage}, phase "
        f"{assessment.phase}, readiness {assessment.readiness}:{findings}"
    )


def _plan(assessment: Assessment) -> list[str]:
    """The next steps in the order the plan gives them, for a message."""
    return [f"{s.priority}. {s.title}" for s in sorted(assessment.next_steps, key=_priority)]


def _priority(step: NextStep) -> int:
    return step.priority or 0


def _first(assessment: Assessment) -> NextStep:
    assert assessment.next_steps, "the assessment proposes no next steps"
    return min(assessment.next_steps, key=_priority)


def _which(assessment: Assessment, named: NextStep | None, which: str) -> NextStep:
    """The step "första steget", "steget" or "det" refers to."""
    if which == "första steget":
        return _first(assessment)
    assert named, (
        f'"{which}" refers to no step; name one first ("föreslår …", "första steget är …")'
    )
    return named


def _known_step(title: str) -> None:
    """A scenario can only quote a next step that some rule of the policy proposes."""
    known = {s.title("sv") for r in readiness.default_policy().rules for s in r.then.next_steps}
    assert title in known, f'no rule proposes "{title}"; the next steps are {sorted(known)}'


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
