"""`readiness rules check`: validate the policy by evaluating it, not by reading it.

The engine is run over every combination of the bands, phases and context values the rules
distinguish (readiness.conditions.Bands), and the checker reports rules that never fire,
combinations that end without a mode or without a next step, and contradictions: two rules that
fire on the same facts and give different advice under the same name.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from readiness.conditions import FACTS
from readiness.engine import engine_for
from readiness.errors import EngineError
from readiness.policy import Policy
from readiness.vocabulary import CURRENT_STAGES

MAX_EXAMPLES = 5
# Facts that hang together and are enumerated as a group, so no impossible combination is tried.
_PHASE = ("phase", "phase_reason")
_MEMBERS = ("members_status", "members_respondents", "perception_gap")


@dataclass(frozen=True)
class Contradiction:
    first: str
    second: str
    advice: str
    values: tuple[str, str]
    example: dict[str, Any]


@dataclass
class CheckReport:
    combinations: int = 0
    seconds: float = 0.0
    fired: dict[str, int] = field(default_factory=dict)
    never_fired: list[str] = field(default_factory=list)
    without_mode: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    without_next_step: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (
            self.never_fired or self.without_mode or self.without_next_step or self.contradictions
        )


def combinations(policy: Policy) -> Iterator[dict[str, Any]]:
    """Every combination of bands the policy distinguishes, as engine facts."""
    bands = policy.bands
    groups: list[list[dict[str, Any]]] = []
    tested = set(bands.facts)
    if tested & set(_PHASE):
        phases = bands.representatives("phase") if "phase" in tested else [3]
        reasons = bands.representatives("phase_reason") if "phase_reason" in tested else ["scores"]
        groups.append(
            [{"phase": p, "phase_reason": "scores"} for p in phases]
            + [{"phase": 1, "phase_reason": r} for r in reasons if r != "scores"]
        )
    if tested & set(_MEMBERS):
        groups.append(_members_group(policy))
    for name in bands.facts:
        if name not in _PHASE and name not in _MEMBERS and FACTS[name].layer == "profile":
            groups.append([{name: value} for value in bands.representatives(name)])
    groups.append([{"current_stage": stage} for stage in CURRENT_STAGES])
    for parts in itertools.product(*groups):
        facts: dict[str, Any] = {}
        for part in parts:
            facts.update(part)
        yield facts


def _members_group(policy: Policy) -> list[dict[str, Any]]:
    bands = policy.bands
    threshold = policy.settings.anonymity_threshold
    respondents = [r for r in bands.representatives("members_respondents") if r is not None]
    gaps = bands.representatives("perception_gap")
    group = [{"members_status": "none", "members_respondents": 0, "perception_gap": 0.0}]
    group += [
        {"members_status": "below_threshold", "members_respondents": n, "perception_gap": 0.0}
        for n in sorted({max(1, min(r, threshold - 1)) for r in respondents} | {threshold - 1})
    ]
    group += [
        {"members_status": "used", "members_respondents": n, "perception_gap": g}
        for n in sorted({max(threshold, r) for r in respondents} | {threshold})
        for g in gaps
    ]
    tested = set(bands.facts)
    keys = [
        tuple(sorted((k, bands.canonical(k, v)) for k, v in part.items() if k in tested))
        for part in group
    ]
    return [part for i, part in enumerate(group) if keys[i] not in keys[:i]]


def check_policy(policy: Policy) -> CheckReport:
    """Run the engine over every combination and report what is wrong with the policy."""
    engine = engine_for(policy)
    report = CheckReport(fired=dict.fromkeys(policy.by_id, 0))
    seen_contradictions: set[tuple[str, str, str]] = set()
    started = time.perf_counter()
    for facts in combinations(policy):
        report.combinations += 1
        try:
            outcome = engine.evaluate(facts)
        except EngineError as error:
            if len(report.without_mode) < MAX_EXAMPLES:
                report.without_mode.append((facts, str(error)))
            continue
        rules = [policy.by_id[r] for r in outcome.fired]
        for rule in rules:
            report.fired[rule.id] += 1
        if (
            not any(rule.then.next_steps for rule in rules)
            and len(report.without_next_step) < MAX_EXAMPLES
        ):
            report.without_next_step.append(facts)
        advice: dict[str, tuple[str, str]] = {}
        for rule in rules:
            for name, value in rule.then.advice.items():
                earlier = advice.setdefault(name, (rule.id, value))
                if earlier[1] != value and (earlier[0], rule.id, name) not in seen_contradictions:
                    seen_contradictions.add((earlier[0], rule.id, name))
                    report.contradictions.append(
                        Contradiction(earlier[0], rule.id, name, (earlier[1], value), facts)
                    )
    report.seconds = time.perf_counter() - started
    report.never_fired = [rule_id for rule_id, count in report.fired.items() if count == 0]
    return report


def render_report(report: CheckReport, policy: Policy) -> str:
    """The check's findings as text, one problem per line, ending with the verdict."""
    lines = [
        f"Policy {policy.version}: {len(policy.rules)} rules, {report.combinations} combinations "
        f"evaluated in {report.seconds:.1f} s ({report.combinations / max(report.seconds, 1e-9):,.0f}/s).",
    ]
    lines += [f"never fires: {rule_id} ({policy.files[rule_id]})" for rule_id in report.never_fired]
    lines += [f"no mode for {_facts(facts)}: {error}" for facts, error in report.without_mode]
    lines += [f"no next step for {_facts(facts)}" for facts in report.without_next_step]
    lines += [
        f"contradiction: {c.first} says {c.advice}={c.values[0]} but {c.second} says "
        f"{c.advice}={c.values[1]}, e.g. for {_facts(c.example)}"
        for c in report.contradictions
    ]
    lines.append("clean" if report.clean else "NOT clean")
    return "\n".join(lines) + "\n"


def _facts(facts: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in facts.items())
