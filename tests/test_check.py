"""`rules check` finds what is wrong with a policy by running it, and calls the default policy clean.

Checking the default policy runs the engine over every combination of each independent group of
facts, some 40,000 uncached evaluations: that is done once for the module. The faults are planted in small policies
made of a few of the real rule files, which the checker runs through in milliseconds.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import Policy, default_policy, load_policy
from readiness.check import CheckReport, check_policy, combinations, groups, render_report

RULES = Path(__file__).resolve().parent.parent / "rules"
Rules = list[dict[str, Any]]


@pytest.fixture(scope="module")
def default_report() -> CheckReport:
    return check_policy(default_policy())


def rules_in(file: str) -> Rules:
    """The rules of one file of the default policy, as plain data."""
    rules: Rules = yaml.safe_load((RULES / file).read_text(encoding="utf-8"))["rules"]
    return rules


def changed(rules: Rules, *changes: dict[str, Any]) -> Rules:
    """`rules` with each change merged into the rule of the same id (or added)."""
    by_id = {rule["id"]: rule for rule in rules}
    for change in changes:
        by_id[change["id"]] = {**by_id.get(change["id"], {}), **change}
    return list(by_id.values())


def small_policy(tmp_path: Path, files: dict[str, Rules]) -> Policy:
    """The default policy's settings with only these rule files."""
    directory = tmp_path / "rules"
    directory.mkdir()
    shutil.copy(RULES / "policy.yaml", directory)
    for name, rules in files.items():
        text = yaml.safe_dump({"rules": rules}, allow_unicode=True)
        (directory / name).write_text(text, encoding="utf-8")
    return load_policy(directory)


@pytest.mark.slow
def test_the_default_policy_is_clean(default_report: CheckReport) -> None:
    assert default_report.clean, render_report(default_report, default_policy())


@pytest.mark.slow
def test_the_check_evaluates_every_combination_and_every_default_rule_fires_somewhere(
    default_report: CheckReport,
) -> None:
    assert default_report.combinations == sum(g.size for g in groups(default_policy()))
    assert default_report.combinations < len(list(combinations(default_policy()))) / 10
    assert min(default_report.fired.values()) > 0


def test_every_combination_is_consistent_about_members_and_phase() -> None:
    for facts in combinations(default_policy()):
        if facts["members_status"] != "used":
            assert facts["perception_gap"] == 0
        if facts["phase_reason"] != "scores":
            assert facts["phase"] == 1


def test_a_rule_that_can_never_fire_is_reported(tmp_path: Path) -> None:
    impossible = {
        "id": "functional-level-moderate",
        "when": {"functional_level": {"at_least": 70, "below": 60}},
    }
    policy = small_policy(
        tmp_path,
        {"c01-funktionsniva.yaml": changed(rules_in("c01-funktionsniva.yaml"), impossible)},
    )

    report = check_policy(policy)

    assert report.never_fired == ["functional-level-moderate"]
    assert not report.clean


def test_two_rules_giving_different_advice_on_the_same_facts_are_a_contradiction(
    tmp_path: Path,
) -> None:
    overlapping = {"id": "individual-goals-may-stay", "when": {"interdependence": {"below": 70}}}
    policy = small_policy(
        tmp_path, {"c04-mal.yaml": changed(rules_in("c04-mal.yaml"), overlapping)}
    )

    report = check_policy(policy)

    assert [(c.first, c.second, c.advice) for c in report.contradictions] == [
        ("individual-goals-may-stay", "group-goals-needed", "goals")
    ]
    assert 60 <= report.contradictions[0].example["interdependence"] < 70
    assert "contradiction: individual-goals-may-stay says goals=individual" in render_report(
        report, policy
    )


def test_a_combination_without_a_next_step_is_reported(tmp_path: Path) -> None:
    files = {name: rules_in(name) for name in ("c01-funktionsniva.yaml", "c07-inte-nu.yaml")}
    for name in ("c05-kontroll.yaml", "c06-faciliterande-roll.yaml", "c08-roller.yaml"):
        files[name] = [rule for rule in rules_in(name) if "mode" not in rule["when"]]

    report = check_policy(small_policy(tmp_path, files))

    assert report.without_next_step
    assert (
        report.without_next_step[0]["functional_level"] >= 40
    )  # structuring still says what to build
