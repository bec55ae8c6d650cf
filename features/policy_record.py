"""What the scenarios exercised: the rules each fired in its real assessments, and what that covers.

A rule is covered by the scenarios that fired it in a feature documenting its caveat (tagged @C1 …
@C10), so `readiness rules` points a reader to where the rule is explained, not to every scenario
that happens to fire it. Nothing is judged unless every scenario of every feature ran.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.parser import Feature, Scenario

from features.feature_files import FEATURES_DIR
from readiness import Assessment, Policy, parse_profile
from readiness.operators import NUMERIC_ONLY
from readiness.questionnaire import load_questionnaire
from readiness.scoring import score
from readiness.vocabulary import CAVEATS

COVERAGE_FILE = FEATURES_DIR / "coverage.json"
UPDATE_VARIABLE = "READINESS_UPDATE_COVERAGE"
# Five items per dimension give scores in steps of 5: the closest two examples can sit to a
# threshold, one on each side. A dimension answered on fewer items has coarser steps (see near).
NEAR = 5.0


@dataclass(frozen=True)
class ScenarioRun:
    """One executed scenario, or one example of an outline, and what its assessments fired."""

    nodeid: str
    name: str  # "<Feature name>: <scenario name>", as coverage.json lists it
    place: tuple[str, int]  # feature file and line: the order the listing follows
    caveats: frozenset[str]
    outline: bool
    profiles: tuple[Mapping[str, Any], ...]
    fired: tuple[str, ...]


@dataclass
class Record:
    """Every scenario run of this pytest session, and which of them failed."""

    runs: list[ScenarioRun] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)

    def ran(self) -> int:
        return len({run.nodeid for run in self.runs})


RECORD = pytest.StashKey[Record]()
ASSESSED = pytest.StashKey[list[tuple[Mapping[str, Any], Assessment]]]()


def record_of(config: pytest.Config) -> Record:
    """The session's record, kept on the pytest config."""
    return config.stash.setdefault(RECORD, Record())


def remember(item: pytest.Item, profile: Mapping[str, Any], assessment: Assessment) -> None:
    """Note an assessment made while `item` runs; the scenario's run is recorded when it ends."""
    item.stash.setdefault(ASSESSED, []).append((profile, assessment))


def scenario_run(item: pytest.Item, feature: Feature, scenario: Scenario) -> ScenarioRun:
    assessed = item.stash.get(ASSESSED, [])
    callspec = getattr(item, "callspec", None)
    return ScenarioRun(
        nodeid=item.nodeid,
        name=f"{feature.name}: {scenario.name}",
        place=(Path(feature.filename).relative_to(FEATURES_DIR).as_posix(), scenario.line_number),
        caveats=frozenset(m.name for m in item.iter_markers() if m.name in CAVEATS),
        outline=bool(callspec and callspec.params.get("_pytest_bdd_example")),
        profiles=tuple(profile for profile, _ in assessed),
        fired=tuple(dict.fromkeys(r for _, a in assessed for r in a.fired_rules)),
    )


def covering(runs: Iterable[ScenarioRun], policy: Policy) -> dict[str, list[str]]:
    """Rule id -> the scenarios in its caveat's features that fired it, keys in policy order."""
    ordered = sorted(runs, key=lambda run: run.place)
    return {
        rule.id: list(
            dict.fromkeys(
                run.name for run in ordered if rule.id in run.fired and rule.caveat in run.caveats
            )
        )
        for rule in policy.rules
    }


def uncovered(runs: list[ScenarioRun], policy: Policy) -> list[str]:
    """A line for every rule no scenario of its caveat's features fired, saying what did fire it."""
    covered = covering(runs, policy)
    problems = []
    for rule in policy.rules:
        if covered[rule.id]:
            continue
        elsewhere = sorted({run.name for run in runs if rule.id in run.fired})
        problems.append(
            f"{rule.id} ({rule.caveat}) is fired by no scenario"
            if not elsewhere
            else f"{rule.id} ({rule.caveat}) is fired only outside the @{rule.caveat} features, "
            f"by: {'; '.join(elsewhere)}"
        )
    return problems


def one_sided_thresholds(runs: list[ScenarioRun], policy: Policy) -> list[str]:
    """A line for every numeric threshold no outline of its caveat's features shows from both sides."""
    facts = _facts_by_run(runs, policy)
    outlines: dict[str, list[ScenarioRun]] = {}
    for run in runs:
        if run.outline:
            outlines.setdefault(run.name, []).append(run)
    problems = []
    for rule in policy.rules:
        for test in (t for t in rule.when if t.op in NUMERIC_ONLY):
            sides = [
                {
                    test.holds(f)
                    for run in examples
                    for f in facts[run.nodeid]
                    if f.get(test.fact) is not None
                    and abs(f[test.fact] - test.value) <= near(test.fact)
                }
                for examples in outlines.values()
                if rule.caveat in examples[0].caveats
            ]
            if {True, False} not in sides:
                problems.append(
                    f"{rule.id} ({rule.caveat}): no Scenariomall in a @{rule.caveat} feature has "
                    f"examples within {near(test.fact):.3g} points on both sides of {test.describe()}"
                )
    return problems


def near(fact: str) -> float:
    """How close to a threshold on `fact` an example must be: one step of its scale.

    A dimension answered on n items moves in steps of 100 / (4 n): 5 points for five items, 8.3
    for three. Whoever answers it on more items sets the step; other facts use NEAR.
    """
    dimension = load_questionnaire().by_id.get(fact)
    if dimension is None:
        return NEAR
    items = max(len(dimension.items_of("manager")), len(dimension.items_of("members")))
    return max(NEAR, 100 / (4 * items))


def _facts_by_run(runs: list[ScenarioRun], policy: Policy) -> dict[str, list[dict[str, Any]]]:
    """The facts the engine decided on, per run, as the library computes them."""
    source, threshold = load_questionnaire(), policy.settings.anonymity_threshold
    return {
        run.nodeid: [score(parse_profile(p), source, threshold).facts for p in run.profiles]
        for run in runs
    }


def read_committed(path: Path = COVERAGE_FILE) -> dict[str, list[str]] | None:
    try:
        data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return data


def write(coverage: Mapping[str, list[str]], path: Path = COVERAGE_FILE) -> None:
    path.write_text(json.dumps(coverage, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
