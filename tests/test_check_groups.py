"""The checker splits the facts into groups that cannot influence one another. That must find
exactly what evaluating the whole product finds: checked against brute force on small policies."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import Policy, load_policy
from readiness.check import check_policy, combinations, groups
from readiness.engine import engine_for

RULES = Path(__file__).resolve().parent.parent / "rules"


def step(name: str) -> dict[str, Any]:
    text = {"sv": name, "en": name}
    return {
        "id": name,
        "title": text,
        "detail": text,
        "owner": "manager",
        "within_days": 30,
        "check": text,
    }


def finding(severity: str = "info") -> dict[str, Any]:
    return {"severity": severity, "message": {"sv": "fynd", "en": "finding"}}


def rule(rule_id: str, when: dict[str, Any], **then: Any) -> dict[str, Any]:
    return {
        "id": rule_id,
        "caveat": "C1",
        "title": {"sv": rule_id, "en": rule_id},
        "when": when,
        "then": then,
    }


def policy_of(tmp_path: Path, rules: list[dict[str, Any]]) -> Policy:
    directory = tmp_path / "rules"
    directory.mkdir()
    shutil.copy(RULES / "policy.yaml", directory)
    text = yaml.safe_dump({"rules": rules}, allow_unicode=True)
    (directory / "c01-test.yaml").write_text(text, encoding="utf-8")
    return load_policy(directory)


def brute_force(policy: Policy) -> tuple[set[str], bool, set[tuple[str, str]]]:
    """What fires, whether some profile has no next step, and which advice clashes: by brute force."""
    engine = engine_for(policy)
    fired: set[str] = set()
    stepless = False
    clashes: set[tuple[str, str]] = set()
    for facts in combinations(policy):
        rules = [policy.by_id[r] for r in engine.evaluate(facts).fired]
        fired |= {r.id for r in rules}
        stepless |= not any(r.then.next_steps for r in rules)
        for first, second in itertools.combinations(rules, 2):
            for name, value in first.then.advice.items():
                if second.then.advice.get(name, value) != value:
                    clashes.add((first.id, second.id))
    return fired, stepless, clashes


POLICIES: dict[str, list[dict[str, Any]]] = {
    "a cap, a rule on the decision, a step apart and a finding across groups": [
        rule("low", {"functional_level": {"below": 40}}, mode_cap="structuring"),
        rule("pilot-only", {"rollout_plan": "big_launch"}, stage_cap="pilot"),
        rule("on-mode", {"mode": "coaching"}, next_steps=[step("coach-step")]),
        rule("big-team", {"team_size": {"at_least": 10}}, next_steps=[step("split-step")]),
        rule("early", {"months_together": {"below": 3}, "phase": 4}, finding=finding()),
        rule("not-now", {"mode": "structuring"}, next_steps=[step("not-now-step")]),
    ],
    "advice that clashes only together with a fact of another rule": [
        rule(
            "needs",
            {"interdependence": {"at_least": 60}, "goal_type": "individual"},
            advice={"goals": "group"},
            next_steps=[step("goals-step")],
        ),
        rule(
            "may-stay",
            {"interdependence": {"below": 70}},
            advice={"goals": "individual"},
            finding=finding(),
        ),
        rule("competence", {"competence": {"below": 40}}, mode_cap="coaching"),
    ],
    "a hold and a rule that can never fire": [
        rule(
            "slide",
            {"phase_reason": {"in": ["reorganization"]}},
            mode_cap="coaching",
            hold_stage=True,
            next_steps=[step("slide-step")],
        ),
        rule("never", {"phase": 2, "phase_reason": "reorganization"}, finding=finding()),
        rule(
            "members",
            {"members_status": "used", "perception_gap": {"at_least": 25}},
            next_steps=[step("gap-step")],
        ),
    ],
}


@pytest.mark.parametrize("name", POLICIES)
def test_checking_by_groups_finds_what_checking_the_whole_product_finds(
    tmp_path: Path, name: str
) -> None:
    policy = policy_of(tmp_path, POLICIES[name])
    fired, stepless, clashes = brute_force(policy)

    report = check_policy(policy)

    assert {r for r, count in report.fired.items() if count} == fired
    assert bool(report.without_next_step) == stepless
    assert {(c.first, c.second) for c in report.contradictions} == clashes
    assert report.combinations <= len(list(combinations(policy)))


def test_a_rule_with_steps_joins_its_facts_into_one_group(tmp_path: Path) -> None:
    policy = policy_of(
        tmp_path,
        POLICIES["a cap, a rule on the decision, a step apart and a finding across groups"],
    )

    found = groups(policy)

    decision = next(g for g in found if g.decision)
    facts = {fact for bundle in decision.bundles for fact in bundle.facts}
    assert {"functional_level", "rollout_plan", "current_stage"} <= facts
    assert "team_size" not in facts
    assert any(g.rules == {"big-team"} for g in found)
    assert any(g.only_fires and g.rules == {"early"} for g in found)
