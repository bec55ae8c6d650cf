"""The team a scenario describes, built up step by step and turned into a real team profile.

Scores become questionnaire answers through `readiness.builder`: the manager's through
`answers_for`, each member's through `member_answers_for`. Members' views are kept as differences
from the manager's and resolved only when the profile is built, so the order of the steps does not
change what a member sees. A group ready for co-leadership has been heard: the features' background
has members answer, and a scenario changes how many did or what they see.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from features.vocabulary import STRONG_SIGNS, WEAK_SIGNS
from readiness.builder import answers_for, expressible, member_answers_for
from readiness.questionnaire import Item, Respondent, load_questionnaire
from readiness.scoring import dimension_scores
from readiness.vocabulary import DIMENSIONS, PHASE_DIMENSIONS


class IncompleteScenario(ValueError):
    """The scenario leaves part of the team unsaid or contradicts itself, so a reader could not
    predict its outcome."""


def phase_signs(phase: int) -> dict[str, float]:
    """Scores that put a group in `phase`: strong signs of that phase, weak signs of the others."""
    return {
        d: STRONG_SIGNS if n == phase else WEAK_SIGNS for n, d in enumerate(PHASE_DIMENSIONS, 1)
    }


def manager_items() -> list[Item]:
    """The items the manager answers, in questionnaire order."""
    return [item for d in load_questionnaire().dimensions for item in d.items_of("manager")]


@dataclass
class Team:
    """The manager's view as scores, the context, and each answering member's differing view."""

    scores: dict[str, float] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    members: list[dict[str, float]] = field(default_factory=list)
    # Set when the scenario says how the manager answered item by item, not score by score.
    manager_answers: dict[str, int] | None = None

    def score(self, dimension: str, value: float, *, exactly: bool = True) -> None:
        """The manager's score on `dimension`: `value` exactly, or the nearest the answers give.

        A number in a scenario must be one the manager's answers can give; a word ("hög") stands
        for the nearest such score.
        """
        if self.manager_answers is not None:
            raise IncompleteScenario(
                "the scenario says how the manager answered every item; a score said after that "
                "contradicts it"
            )
        self.scores[dimension] = (
            _expressible(dimension, value) if exactly else expressible(dimension, value)
        )

    def members_answered(self, respondents: int) -> None:
        """`respondents` members answered, each seeing the group as the members said before.

        A background may say five answered and a scenario that only two did; that works while the
        members all see the same. Members who see differently cannot be added or taken away.
        """
        views = {tuple(sorted(m.items())) for m in self.members}
        if len(views) > 1 and respondents != len(self.members):
            raise IncompleteScenario(
                f"the scenario says {respondents} members answered, earlier {len(self.members)} "
                "who do not all see the same"
            )
        if respondents != len(self.members):
            view = dict(views.pop()) if views else {}
            self.members = [dict(view) for _ in range(respondents)]

    def members_agree(self, respondents: int) -> None:
        """`respondents` members answered, and they see the group as the manager does."""
        self.members = [{} for _ in range(respondents)]

    def members_see(self, views: list[dict[str, float]]) -> None:
        """As many members as `views` answered; each sees the group as before except where its
        view says otherwise."""
        self.members_answered(len(views))
        for member, view in zip(self.members, views, strict=True):
            member.update({d: _expressible(d, value, "members") for d, value in view.items()})

    def all_members_see(self, view: dict[str, float]) -> None:
        """Every member who answered sees `view`."""
        if not self.members:
            raise IncompleteScenario("the scenario says what the members see, but none answered")
        self.members_see([dict(view) for _ in self.members])

    def answered_alike(self, differing: int) -> None:
        """The manager answered "Stämmer helt" to every item but `differing` items on the signs of
        phase 1, answered "Stämmer inte alls".

        Agreeing completely everywhere would show phase 1 and phase 4 as equally strong; the
        differing answers are the ones that keep the group in phase 4. The manager's scores then
        follow from the answers, and members see the group that way unless the scenario says
        otherwise.
        """
        source = load_questionnaire()
        first = [
            item
            for d in source.dimensions
            if d.phase == 1
            for item in d.items_of("manager")
            if not item.reverse
        ]
        if differing > len(first):
            raise IncompleteScenario(
                f"at most {len(first)} answers can differ (those on the signs of phase 1)"
            )
        answers = {item.id: source.scale.max for item in manager_items()}
        answers.update({item.id: source.scale.min for item in first[:differing]})
        self.manager_answers = answers
        self.scores = dimension_scores(answers, source)

    def profile(self) -> dict[str, Any]:
        """The team profile the library assesses."""
        unsaid = [d for d in DIMENSIONS if d not in self.scores]
        if unsaid:
            raise IncompleteScenario(f"the scenario says nothing about {', '.join(unsaid)}")
        return {
            "answers": self.manager_answers or answers_for(self.scores),
            "context": dict(self.context),
            "member_answers": [
                member_answers_for(self._as_members_see(member)) for member in self.members
            ],
        }

    def _as_members_see(self, member: dict[str, float]) -> dict[str, float]:
        """A member's scores: the manager's wherever the scenario says nothing else.

        Members answer fewer items about the manager than the manager does, so they cannot always
        give the manager's very score; then they give the nearest one that is no more cautious, so
        that the cautious view stays what the scenario says.
        """
        return {**{d: _no_more_cautious(d, v) for d, v in self.scores.items()}, **member}


def _expressible(dimension: str, value: float, respondent: Respondent = "manager") -> float:
    nearest = expressible(dimension, value, respondent)
    # Scores are reported to one decimal: 58,3 stands for the 58.33… that 7 of 12 steps give.
    if not math.isclose(nearest, value, abs_tol=0.05):
        raise ValueError(
            f"{value:g} cannot be given by the {respondent}' answers to {dimension}; "
            f"the nearest score they can give is {nearest:g}"
        )
    return value


def _no_more_cautious(dimension_id: str, value: float) -> float:
    """The members' score nearest `value` on its less cautious side (see scoring.cautious)."""
    dimension = load_questionnaire().by_id[dimension_id]
    theirs = dimension.items_of("members")
    if not theirs:
        return value  # members do not answer it; member_answers_for leaves it out
    step = 100 / (4 * len(theirs))
    steps = value / step
    if math.isclose(steps, round(steps), abs_tol=0.01):  # 58,3 is the 7 steps it stands for
        return round(steps) * step
    # Higher is better: the cautious view is the lower one, so a member rounds up; else down.
    return (math.ceil(steps) if dimension.better == "higher" else math.floor(steps)) * step
