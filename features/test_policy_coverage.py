"""Policy coverage: every rule of the policy in force is shown at work by a scenario of its caveat.

These tests judge what the scenarios fired, so they run after them (see conftest.py) and only when
the whole features suite ran: a partial run cannot know what the other features cover.
"""

from __future__ import annotations

import difflib
import json
import os

import pytest

import readiness
from features import policy_record
from features.feature_files import expected_runs
from features.policy_record import COVERAGE_FILE, UPDATE_VARIABLE, Record


@pytest.fixture
def whole_run(request: pytest.FixtureRequest) -> Record:
    record = policy_record.record_of(request.config)
    ran, expected = record.ran(), expected_runs()
    if ran < expected:
        pytest.skip(
            f"policy coverage is judged only when the whole features suite runs "
            f"({ran} of {expected} scenario runs here)"
        )
    return record


def test_every_rule_of_the_policy_is_fired_by_a_scenario_of_its_caveat(whole_run: Record) -> None:
    policy = readiness.default_policy()

    problems = policy_record.uncovered(whole_run.runs, policy)

    assert not problems, "rules without a scenario to document them:\n" + "\n".join(problems)


def test_every_threshold_has_an_outline_with_examples_on_both_sides(whole_run: Record) -> None:
    policy = readiness.default_policy()

    problems = policy_record.one_sided_thresholds(whole_run.runs, policy)

    assert not problems, "thresholds shown from one side only:\n" + "\n".join(problems)


def test_the_committed_coverage_record_is_what_the_scenarios_fired(whole_run: Record) -> None:
    found = policy_record.covering(whole_run.runs, readiness.default_policy())
    if os.environ.get(UPDATE_VARIABLE) == "1":
        assert not whole_run.failed, "some scenarios failed; fix them before refreshing coverage"
        policy_record.write(found)

    committed = policy_record.read_committed()

    assert committed == found, (
        f"{COVERAGE_FILE.name} is not what the scenarios fired; if the change is meant, refresh it "
        f"with `{UPDATE_VARIABLE}=1 pytest features/` and commit it:\n" + _diff(committed, found)
    )


def _diff(committed: dict[str, list[str]] | None, found: dict[str, list[str]]) -> str:
    def lines(data: object) -> list[str]:
        return json.dumps(data, ensure_ascii=False, indent=2).splitlines()

    return "\n".join(
        difflib.unified_diff(lines(committed), lines(found), "committed", "found", lineterm="")
    )
