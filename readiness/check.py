"""`readiness rules check`: validate the policy by evaluating it, not by reading it.

The engine is run over the combinations of the bands, phases and context values the rules
distinguish (readiness.conditions.Bands), and the checker reports rules that never fire,
combinations that end without a mode or without a next step, and contradictions: two rules that
fire on the same facts and give different advice under the same name.

The full product of every fact's bands runs into millions, so the facts are split into groups
that cannot influence one another, and each group's product is evaluated on its own:

- every fact a rule that caps or holds the decision tests, every fact a rule on the decided mode
  or stage tests, and the current stage form the *decision* group;
- a rule with next steps or advice joins the facts it tests into one group (a rule with only a
  finding joins nothing: it matters only that it can fire).

A rule on the profile fires on its own facts alone, and the decision depends only on the decision
group, so what fires for a whole profile is the union of what fires in each group. A rule never
fires anywhere exactly when it fires in no group; two rules with advice under the same name are
always in one group; and some profile has no next step exactly when every group has a
combination without one.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from readiness.conditions import FACTS
from readiness.engine import engine_for
from readiness.errors import EngineError
from readiness.policy import Policy
from readiness.rule import Rule
from readiness.vocabulary import CURRENT_STAGES

MAX_EXAMPLES = 5
# Facts that hang together and are enumerated as one bundle, so no impossible combination is tried.
_PHASE = ("phase", "phase_reason")
_MEMBERS = ("members_status", "members_respondents", "perception_gap", "manager_gap")
_STAGE = ("current_stage",)

Values = list[dict[str, Any]]


@dataclass(frozen=True)
class Bundle:
    """Facts enumerated together, and every combination of their bands worth trying."""

    facts: tuple[str, ...]
    values: Values


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
    groups: int = 0
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


def bundles(policy: Policy) -> list[Bundle]:
    """The bundles of facts the policy tests, each with its combinations, the current stage last."""
    bands = policy.bands
    tested = set(bands.facts)
    found: list[Bundle] = []
    if tested & set(_PHASE):
        phases = bands.representatives("phase") if "phase" in tested else [3]
        reasons = bands.representatives("phase_reason") if "phase_reason" in tested else ["scores"]
        found.append(
            Bundle(
                _PHASE,
                [{"phase": p, "phase_reason": "scores"} for p in phases]
                + [{"phase": 1, "phase_reason": r} for r in reasons if r != "scores"],
            )
        )
    if tested & set(_MEMBERS):
        found.append(Bundle(_MEMBERS, _members_values(policy)))
    for name in bands.facts:
        if name not in (*_PHASE, *_MEMBERS, *_STAGE) and FACTS[name].layer == "profile":
            found.append(Bundle((name,), [{name: v} for v in bands.representatives(name)]))
    found.append(Bundle(_STAGE, [{"current_stage": stage} for stage in CURRENT_STAGES]))
    return found


def combinations(policy: Policy, among: Sequence[Bundle] | None = None) -> Iterator[dict[str, Any]]:
    """Every combination of the bundles' bands (default: all of the policy's), as engine facts.

    The full product of a real policy runs into millions: for a sample, see `sample`.
    """
    for parts in itertools.product(*(b.values for b in (among or bundles(policy)))):
        facts: dict[str, Any] = {}
        for part in parts:
            facts.update(part)
        yield facts


def sample(policy: Policy, count: int, seed: int = 0) -> list[dict[str, Any]]:
    """`count` combinations of the whole product drawn at random, reproducibly."""
    chance = random.Random(seed)
    found = bundles(policy)
    return [{k: v for b in found for k, v in chance.choice(b.values).items()} for _ in range(count)]


def _members_values(policy: Policy) -> Values:
    bands = policy.bands
    threshold = policy.settings.anonymity_threshold
    respondents = [r for r in bands.representatives("members_respondents") if r is not None]
    gaps = bands.representatives("perception_gap")
    manager_gaps = bands.representatives("manager_gap")
    quiet = {"perception_gap": 0.0, "manager_gap": 0.0}
    group = [{"members_status": "none", "members_respondents": 0, **quiet}]
    group += [
        {"members_status": "below_threshold", "members_respondents": n, **quiet}
        for n in sorted({max(1, min(r, threshold - 1)) for r in respondents} | {threshold - 1})
    ]
    group += [
        {"members_status": "used", "members_respondents": n, "perception_gap": g, "manager_gap": m}
        for n in sorted({max(threshold, r) for r in respondents} | {threshold})
        for g in gaps
        for m in manager_gaps
    ]
    tested = set(bands.facts)
    keys = [
        tuple(sorted((k, bands.canonical(k, v)) for k, v in part.items() if k in tested))
        for part in group
    ]
    return [part for i, part in enumerate(group) if keys[i] not in keys[:i]]


@dataclass(frozen=True)
class Group:
    """Bundles whose combinations are evaluated together, and the rules they decide alone."""

    bundles: tuple[Bundle, ...]
    rules: frozenset[str]
    decision: bool
    only_fires: bool = False  # a finding-only rule across groups: checked only for firing

    @property
    def size(self) -> int:
        size = 1
        for bundle in self.bundles:
            size *= len(bundle.values)
        return size


def groups(policy: Policy) -> list[Group]:
    """The policy's facts split into groups that cannot influence one another (see the module)."""
    found = bundles(policy)
    of_fact = {fact: i for i, bundle in enumerate(found) for fact in bundle.facts}
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(indices: Sequence[int]) -> None:
        for i in indices[1:]:
            parent[root(i)] = root(indices[0])

    def tested(rule: Rule) -> list[int]:
        return sorted({of_fact[t.fact] for t in rule.when if t.fact in of_fact})

    stage = of_fact["current_stage"]
    for rule in policy.rules:
        if _decisive(rule):
            join([stage, *tested(rule)])
        elif rule.then.next_steps or rule.then.advice:
            join(tested(rule))
    members: dict[int, list[int]] = {}
    for i in range(len(found)):
        members.setdefault(root(i), []).append(i)
    result = []
    for indices in members.values():
        facts = {fact for i in indices for fact in found[i].facts}
        is_decision = root(stage) == root(indices[0])
        owned = frozenset(
            rule.id
            for rule in policy.rules
            if (is_decision or not _decisive(rule))
            and {t.fact for t in rule.when if t.fact in of_fact} <= facts
            and (is_decision or any(t.fact in facts for t in rule.when))
        )
        result.append(Group(tuple(found[i] for i in indices), owned, is_decision))
    # A rule with only a finding may test facts of several groups: whether it can fire at all is
    # checked on the product of its own bundles, which decides nothing else.
    owned_somewhere = {rule_id for group in result for rule_id in group.rules}
    for rule in policy.rules:
        if rule.id not in owned_somewhere:
            indices = tested(rule)
            result.append(
                Group(
                    tuple(found[i] for i in indices), frozenset({rule.id}), False, only_fires=True
                )
            )
    # The decision group first: its examples are the ones a reader most needs.
    return sorted(result, key=lambda g: not g.decision)


def _decisive(rule: Rule) -> bool:
    then = rule.then
    return rule.layer == "decision" or bool(then.mode_cap or then.stage_cap or then.hold_stage)


def check_policy(policy: Policy) -> CheckReport:
    """Evaluate every group's combinations and report what is wrong with the policy."""
    engine = engine_for(policy)
    parts = groups(policy)
    report = CheckReport(fired=dict.fromkeys(policy.by_id, 0), groups=len(parts))
    seen_contradictions: set[tuple[str, str, str]] = set()
    stepless: list[dict[str, Any] | None] = []
    started = time.perf_counter()
    for group in parts:
        without_steps: dict[str, Any] | None = None
        for facts in combinations(policy, group.bundles):
            report.combinations += 1
            evaluated = {"current_stage": "none", **facts}
            try:
                outcome = engine.evaluate(evaluated)
            except EngineError as error:
                if len(report.without_mode) < MAX_EXAMPLES:
                    report.without_mode.append((evaluated, str(error)))
                continue
            rules = [policy.by_id[r] for r in outcome.fired if r in group.rules]
            for rule in rules:
                report.fired[rule.id] += 1
            if without_steps is None and not any(rule.then.next_steps for rule in rules):
                without_steps = facts
            _contradictions(rules, evaluated, report, seen_contradictions)
        if not group.only_fires:
            stepless.append(without_steps)
    if all(example is not None for example in stepless):
        merged: dict[str, Any] = {}
        for example in stepless:
            merged.update(example or {})
        report.without_next_step.append(merged)
    report.seconds = time.perf_counter() - started
    report.never_fired = [rule_id for rule_id, count in report.fired.items() if count == 0]
    return report


def _contradictions(
    rules: Sequence[Rule],
    facts: dict[str, Any],
    report: CheckReport,
    seen: set[tuple[str, str, str]],
) -> None:
    advice: dict[str, tuple[str, str]] = {}
    for rule in rules:
        for name, value in rule.then.advice.items():
            earlier = advice.setdefault(name, (rule.id, value))
            if earlier[1] != value and (earlier[0], rule.id, name) not in seen:
                seen.add((earlier[0], rule.id, name))
                report.contradictions.append(
                    Contradiction(earlier[0], rule.id, name, (earlier[1], value), facts)
                )


def render_report(report: CheckReport, policy: Policy) -> str:
    """The check's findings as text, one problem per line, ending with the verdict."""
    lines = [
        f"Policy {policy.version}: {len(policy.rules)} rules, {report.combinations} combinations "
        f"in {report.groups} independent groups evaluated in {report.seconds:.1f} s "
        f"({report.combinations / max(report.seconds, 1e-9):,.0f}/s).",
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
