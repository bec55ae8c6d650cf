"""The team a scenario describes, built up step by step and turned into a real team profile.

Scores become questionnaire answers through `readiness.builder.answers_for`; members' views are
kept as differences from the manager's and resolved only when the profile is built, so the order
of the steps does not change what a member sees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import readiness
from features.vocabulary import STRONG_SIGNS, WEAK_SIGNS
from readiness.builder import answers_for, expressible
from readiness.vocabulary import DIMENSIONS, PHASE_DIMENSIONS


class IncompleteScenario(ValueError):
    """The scenario leaves part of the team unsaid, so a reader could not predict its outcome."""


def phase_signs(phase: int) -> dict[str, float]:
    """Scores that put a group in `phase`: strong signs of that phase, weak signs of the others."""
    return {
        d: STRONG_SIGNS if n == phase else WEAK_SIGNS for n, d in enumerate(PHASE_DIMENSIONS, 1)
    }


@dataclass
class Team:
    """The manager's view as scores, the context, and each answering member's differing view."""

    scores: dict[str, float] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    members: list[dict[str, float]] = field(default_factory=list)

    def score(self, dimension: str, value: float) -> None:
        self.scores[dimension] = _expressible(dimension, value)

    def members_see(self, views: list[dict[str, float]]) -> None:
        """Members answered; each sees the group as the manager does except where `views` says.

        A second step about the same members adds to what they see; a different head count is
        a contradiction in the scenario.
        """
        for view in views:
            for dimension, value in view.items():
                view[dimension] = _expressible(dimension, value)
        if not self.members:
            self.members = [dict(v) for v in views]
        elif len(views) != len(self.members):
            raise IncompleteScenario(
                f"the scenario says {len(views)} members answered, earlier {len(self.members)}"
            )
        else:
            for member, view in zip(self.members, views, strict=True):
                member.update(view)

    def profile(self) -> dict[str, Any]:
        """The team profile the library assesses."""
        unsaid = [d for d in DIMENSIONS if d not in self.scores]
        if unsaid:
            raise IncompleteScenario(f"the scenario says nothing about {', '.join(unsaid)}")
        return {
            "answers": answers_for(self.scores),
            "context": dict(self.context),
            "member_answers": [
                _team_items(answers_for({**self.scores, **m})) for m in self.members
            ],
        }


def _expressible(dimension: str, value: float) -> float:
    nearest = expressible(dimension, value)
    # expressible() computes in floats: 55 comes back as 55.00000000000001.
    if not math.isclose(nearest, value):
        raise ValueError(
            f"{value} cannot be given by the answers to {dimension}; "
            f"the nearest score they can give is {nearest:g}"
        )
    return value


def _team_items(answers: dict[str, int]) -> dict[str, int]:
    """Only the items members answer: the group's, not the manager's own or the organisation's."""
    source = readiness.questionnaire("sv")
    theirs = {d.id for d in source.dimensions if d.answered_by == "team"}
    dimension_of = {item.id: item.dimension for item in source.items}
    return {item: value for item, value in answers.items() if dimension_of[item] in theirs}
