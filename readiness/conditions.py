"""The vocabulary rules are written in: the facts they may test and the operators they may use.

A rule's condition is a set of tests, all of which must hold. Each test compares one fact with
constants, so the rules split every fact's range into a few bands; `Bands` finds them, which lets
the engine cache decisions by band and lets `readiness rules check` visit every combination.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from readiness.limits import MAX_MEMBERS, MONTHS_TOGETHER, TEAM_SIZE
from readiness.operators import NUMERIC_ONLY, OPERATORS, Operator
from readiness.vocabulary import (
    CURRENT_STAGES,
    DIMENSIONS,
    MODES,
    STAGES,
)


@dataclass(frozen=True)
class FactSpec:
    """A fact rules may test: a number within `bounds`, or one of `choices`."""

    name: str
    description: str
    bounds: tuple[float, float] | None = None
    choices: tuple[Any, ...] = ()
    integer: bool = False
    optional: bool = False  # may be missing (not answered); a test on a missing fact never holds
    layer: str = "profile"  # "decision" facts exist only once the mode is decided

    @property
    def numeric(self) -> bool:
        return self.bounds is not None


FACTS: dict[str, FactSpec] = {
    **{d: FactSpec(d, f"dimension score 0–100 ({d})", (0, 100)) for d in DIMENSIONS},
    "phase": FactSpec("phase", "group development phase 1–4 (Wheelan)", (1, 4), integer=True),
    "phase_reason": FactSpec(
        "phase_reason",
        "why the group is in its phase: its scores, or a slide-back to phase 1",
        choices=("scores", "reorganization", "new_members"),
    ),
    "team_size": FactSpec(
        "team_size", "number of people in the group", TEAM_SIZE, integer=True, optional=True
    ),
    "months_together": FactSpec(
        "months_together",
        "months the group has worked together",
        MONTHS_TOGETHER,
        integer=True,
        optional=True,
    ),
    "goal_type": FactSpec(
        "goal_type", "kind of goals today", choices=("individual", "group", "mixed")
    ),
    "rollout_plan": FactSpec(
        "rollout_plan", "how the change is planned", choices=("stepwise", "big_launch", "undecided")
    ),
    "current_stage": FactSpec(
        "current_stage", "where the rollout stands today", choices=CURRENT_STAGES
    ),
    "members_status": FactSpec(
        "members_status",
        "whether members' anonymous answers are used",
        choices=("none", "below_threshold", "used"),
    ),
    "members_respondents": FactSpec(
        "members_respondents", "members who answered", (0, MAX_MEMBERS), integer=True
    ),
    "perception_gap": FactSpec(
        "perception_gap",
        "largest gap in points between the manager's and the members' view of the group",
        (0, 100),
    ),
    "manager_gap": FactSpec(
        "manager_gap",
        "gap in points between the manager's own view of their readiness and the members' view",
        (0, 100),
    ),
    "phase_split_gap": FactSpec(
        "phase_split_gap",
        "points between the two highest phase scores, when their phases are two or more apart",
        (0, 100),
        optional=True,
    ),
    "same_answer_share": FactSpec(
        "same_answer_share",
        "share in percent of the manager's answered items given the same value",
        (0, 100),
    ),
    "mode": FactSpec("mode", "the decided leadership mode", choices=MODES, layer="decision"),
    "rollout_stage": FactSpec(
        "rollout_stage", "the recommended rollout stage", choices=STAGES, layer="decision"
    ),
}


@dataclass(frozen=True)
class Comparison:
    """One comparison of a fact with a constant (or a list of constants for `in`/`not_in`)."""

    fact: str
    op: str
    value: Any

    @property
    def operator(self) -> Operator:
        """The operator's entry in readiness.operators.OPERATORS."""
        return OPERATORS[self.op]

    def holds(self, facts: Mapping[str, Any]) -> bool:
        """Whether the test passes on `facts`; never when the fact is missing."""
        return self.operator.holds(facts.get(self.fact), self.value)

    def constants(self) -> tuple[Any, ...]:
        """The constants the test compares with, one for most operators."""
        return tuple(self.value) if self.operator.takes_list else (self.value,)

    def describe(self) -> str:
        """The test as plain text: "functional_level < 40", "phase in {1, 2}"."""
        symbol = self.operator.symbol
        if self.operator.takes_list:
            return f"{self.fact} {symbol} {{{', '.join(str(v) for v in self.value)}}}"
        return f"{self.fact} {symbol} {self.value}"


def parse_tests(when: Mapping[str, Any]) -> list[Comparison]:
    """Turn a rule's `when:` mapping into tests, raising ValueError naming the fault."""
    if not isinstance(when, Mapping) or not when:
        raise ValueError("`when` must map at least one fact to a test")
    tests: list[Comparison] = []
    for fact, spec in when.items():
        if fact not in FACTS:
            raise ValueError(f"unknown fact {fact!r}; known facts: {', '.join(FACTS)}")
        comparisons = spec if isinstance(spec, Mapping) else {"is": spec}
        if not comparisons:
            raise ValueError(f"{fact}: no test given")
        for op, value in comparisons.items():
            tests.append(_checked(FACTS[fact], str(op), value))
    return tests


def _checked(fact: FactSpec, op: str, value: Any) -> Comparison:
    if op not in OPERATORS:
        raise ValueError(f"{fact.name}: unknown operator {op!r}; use one of {', '.join(OPERATORS)}")
    if OPERATORS[op].needs_number and not fact.numeric:
        others = [name for name in OPERATORS if name not in NUMERIC_ONLY]
        raise ValueError(
            f"{fact.name}: {op!r} needs a number fact; use {', '.join(others[:-1])} or {others[-1]}"
        )
    if OPERATORS[op].takes_list:
        if not isinstance(value, list) or not value:
            raise ValueError(f"{fact.name}: {op!r} needs a non-empty list")
        value = tuple(_constant(fact, v) for v in value)
    else:
        value = _constant(fact, value)
    return Comparison(fact.name, op, value)


def _constant(fact: FactSpec, value: Any) -> Any:
    if fact.numeric:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{fact.name}: {value!r} is not a number")
        low, high = fact.bounds or (value, value)
        if not low <= value <= high:
            raise ValueError(f"{fact.name}: {value} is outside {low:g}..{high:g}")
        return value
    if value not in fact.choices:
        allowed = ", ".join(str(c) for c in fact.choices)
        raise ValueError(f"{fact.name}: {value!r} is not one of {allowed}")
    return value


class Bands:
    """The bands the rules distinguish for each fact they test.

    Two values in the same band make every test on that fact come out the same, so the engine
    only ever needs a band's representative value: decisions become cacheable by band, and the
    policy checker can visit every combination of bands.
    """

    def __init__(self, tests: Iterable[Comparison]) -> None:
        self.tests: dict[str, list[Comparison]] = {}
        for test in tests:
            self.tests.setdefault(test.fact, []).append(test)
        self._cuts = {
            fact: sorted({float(c) for t in ts for c in t.constants()})
            for fact, ts in self.tests.items()
            if FACTS[fact].numeric
        }

    @property
    def facts(self) -> list[str]:
        """The facts some rule tests, in vocabulary order."""
        return [f for f in FACTS if f in self.tests]

    def canonical(self, fact: str, value: Any) -> Any:
        """The representative of `value`'s band (the value itself for choices and cut points)."""
        cuts = self._cuts.get(fact)
        if not cuts or value is None:
            return value
        for index, cut in enumerate(cuts):
            if value == cut:
                return cut
            if value < cut:
                return cut - 1 if index == 0 else (cuts[index - 1] + cut) / 2
        return cuts[-1] + 1

    def representatives(self, fact: str) -> list[Any]:
        """One value for each band of `fact`, bands that no test tells apart merged."""
        spec = FACTS[fact]
        candidates: list[Any]
        if spec.bounds is not None:
            low, high = spec.bounds
            if spec.integer and high - low <= 20:
                candidates = list(range(int(low), int(high) + 1))
            else:
                cuts = self._cuts.get(fact, [])
                candidates = [self.canonical(fact, v) for v in _numeric_candidates(cuts)]
                candidates = [v for v in candidates if low <= v <= high] or [low]
        else:
            candidates = list(spec.choices)
        if spec.optional:
            candidates.append(None)
        return self.distinct(fact, candidates)

    def distinct(self, fact: str, values: Iterable[Any]) -> list[Any]:
        """Keep the first of each group of values on which every test of `fact` agrees."""
        seen: dict[tuple[bool, ...], Any] = {}
        for value in values:
            signature = tuple(t.holds({fact: value}) for t in self.tests.get(fact, []))
            seen.setdefault(signature, value)
        return list(seen.values())


def _numeric_candidates(cuts: list[float]) -> list[float]:
    if not cuts:
        return [0.0]
    points = [cuts[0] - 1, *cuts, cuts[-1] + 1]
    points += [(a + b) / 2 for a, b in itertools.pairwise(cuts)]
    return sorted(points)
