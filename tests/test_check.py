"""`rules check` finds what is wrong with a policy by running it, and calls the default policy clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from readiness import default_policy, load_policy
from readiness.check import check_policy, combinations, render_report

RULES = Path(__file__).resolve().parent.parent / "rules"


def policy_with(tmp_path: Path, file: str, rules: list[dict]) -> Path:  # type: ignore[type-arg]
    directory = Path(shutil.copytree(RULES, tmp_path / "rules"))
    path = directory / file
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {"rules": []}
    by_id = {r["id"]: r for r in data["rules"]}
    for rule in rules:
        by_id[rule["id"]] = {**by_id.get(rule["id"], {}), **rule}
    data["rules"] = list(by_id.values())
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory


def test_the_default_policy_is_clean_and_every_rule_fires_somewhere() -> None:
    report = check_policy(default_policy())

    assert report.clean, render_report(report, default_policy())
    assert report.combinations == len(list(combinations(default_policy())))
    assert min(report.fired.values()) > 0


def test_every_combination_is_consistent_about_members_and_phase() -> None:
    for facts in combinations(default_policy()):
        if facts["members_status"] != "used":
            assert facts["perception_gap"] == 0
        if facts["phase_reason"] != "scores":
            assert facts["phase"] == 1


def test_a_rule_that_can_never_fire_is_reported(tmp_path: Path) -> None:
    rules = policy_with(
        tmp_path,
        "c01-funktionsniva.yaml",
        [
            {
                "id": "functional-level-moderate",
                "when": {"functional_level": {"at_least": 70, "below": 60}},
            }
        ],
    )

    report = check_policy(load_policy(rules))

    assert report.never_fired == ["functional-level-moderate"]
    assert not report.clean


def test_two_rules_giving_different_advice_on_the_same_facts_are_a_contradiction(
    tmp_path: Path,
) -> None:
    rules = policy_with(
        tmp_path,
        "c04-mal.yaml",
        [{"id": "individual-goals-may-stay", "when": {"interdependence": {"below": 70}}}],
    )

    report = check_policy(load_policy(rules))

    assert [(c.first, c.second, c.advice) for c in report.contradictions] == [
        ("group-goals-needed", "individual-goals-may-stay", "goals")
    ]
    assert 60 <= report.contradictions[0].example["interdependence"] < 70
    assert "contradiction: group-goals-needed says goals=group" in render_report(
        report, load_policy(rules)
    )


def test_a_combination_without_a_next_step_is_reported(tmp_path: Path) -> None:
    directory = Path(shutil.copytree(RULES, tmp_path / "rules"))
    for name in ("c05-kontroll.yaml", "c06-faciliterande-roll.yaml", "c08-roller.yaml"):
        data = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
        data["rules"] = [r for r in data["rules"] if "mode" not in r["when"]]
        (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    report = check_policy(load_policy(directory))

    assert report.without_next_step
    assert (
        report.without_next_step[0]["functional_level"] >= 40
    )  # structuring still says what to build
