"""The fixed vocabulary of the domain (docs/contract.md §3 and §5): dimensions, modes, stages, caveats.

The words are code; everything said about them (texts, thresholds, rules) is data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar

V = TypeVar("V")

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
DEFAULT_LANG: Lang = "sv"

DIMENSIONS: tuple[str, ...] = (
    "functional_level",
    "competence",
    "interdependence",
    "manager_readiness",
    "org_support",
    "phase_dependency",
    "phase_conflict",
    "phase_trust",
    "phase_work",
)
DIMENSION_RANK = {dimension: place for place, dimension in enumerate(DIMENSIONS)}


def in_order(mapping: Mapping[str, V], rank: Mapping[str, int]) -> dict[str, V]:
    """`mapping` with its keys in the order `rank` gives them, any other key after those, by name.

    A document lists its dimensions, items and context in the questionnaire's order, and must
    read back so from any database: PostgreSQL's jsonb keeps an object's keys in an order of its
    own (shorter keys first), so what was stored there comes back shuffled. A key no longer
    asked for (a retired dimension or item) comes last.
    """
    last = len(rank)
    ranks = [rank.get(key, last) for key in mapping]
    if last not in ranks and ranks == sorted(ranks):  # in order already: the common case
        return dict(mapping)
    keys = sorted(mapping, key=lambda key: (rank.get(key, last), key))
    return {key: mapping[key] for key in keys}


PHASE_DIMENSIONS: tuple[str, ...] = (
    "phase_dependency",
    "phase_conflict",
    "phase_trust",
    "phase_work",
)
# Readiness is the weakest of the conditions that must all hold for the group and its manager to
# carry co-leadership; interdependence says which goals fit, the phases say when.
READINESS_DIMENSIONS: tuple[str, ...] = (
    "functional_level",
    "competence",
    "manager_readiness",
    "org_support",
)

Mode = Literal["structuring", "coaching", "co_leadership"]
MODES: tuple[Mode, ...] = ("structuring", "coaching", "co_leadership")  # lowest first

Stage = Literal["prepare", "pilot", "expand", "sustain"]
STAGES: tuple[Stage, ...] = ("prepare", "pilot", "expand", "sustain")

CurrentStage = Literal["none", "pilot", "expand", "sustain"]
CURRENT_STAGES: tuple[CurrentStage, ...] = ("none", "pilot", "expand", "sustain")

# How far each mode may take the rollout (docs/contract.md §5.2).
MODE_MAX_STAGE: dict[Mode, Stage] = {
    "structuring": "prepare",
    "coaching": "pilot",
    "co_leadership": "sustain",
}

Severity = Literal["blocker", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("blocker", "warning", "info")

# Who carries out a next step, and how soon.
Owner = Literal["manager", "group", "manager_and_group", "hr", "senior_management"]
OWNERS: tuple[Owner, ...] = ("manager", "group", "manager_and_group", "hr", "senior_management")
WithinDays = Literal[30, 60, 90]

GoalType = Literal["individual", "group", "mixed"]
RolloutPlan = Literal["stepwise", "big_launch", "undecided"]
PhaseReason = Literal["scores", "reorganization", "new_members"]
MembersStatus = Literal["none", "below_threshold", "used"]

CAVEATS: tuple[str, ...] = tuple(f"C{n}" for n in range(1, 11))


def stage_of_current(current: CurrentStage) -> Stage:
    """A team that has not started (`none`) stands at `prepare`."""
    return "prepare" if current == "none" else current
