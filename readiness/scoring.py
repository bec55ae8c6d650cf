"""From answers to facts: dimension scores, the group's phase and the members' voice (docs/contract.md §5.2).

Pure functions of a valid profile; the rules then decide on the facts produced here.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.models import Members, TeamProfile
from readiness.questionnaire import Dimension, QuestionnaireSource
from readiness.vocabulary import PHASE_DIMENSIONS, READINESS_DIMENSIONS, PhaseReason

NEW_MEMBERS_SLIDE_BACK = 0.5  # at least half the group new in six months: back to phase 1


def round1(value: float) -> float:
    """Round half up to one decimal, so 62.25 shows (and is decided) as 62.3."""
    return math.floor(value * 10 + 0.5) / 10


def dimension_scores(answers: Mapping[str, int], source: QuestionnaireSource) -> dict[str, float]:
    """Score 0–100 for every dimension with answers: the mean reverse-corrected answer mapped from 1..5."""
    low, high = source.scale.min, source.scale.max
    scores = {}
    for dimension in source.dimensions:
        values = [
            (low + high - answers[item.id]) if item.reverse else answers[item.id]
            for item in dimension.items
            if item.id in answers
        ]
        if values:
            scores[dimension.id] = round1((statistics.fmean(values) - low) / (high - low) * 100)
    return scores


def phase_of(scores: Mapping[str, float]) -> int:
    """The stage whose dimension scores highest; ties go to the earlier stage."""
    best = max(scores[d] for d in PHASE_DIMENSIONS)
    return next(n for n, d in enumerate(PHASE_DIMENSIONS, start=1) if scores[d] == best)


def cautious(dimension: Dimension, manager: float, members: float) -> float:
    """The more cautious of two views of a dimension.

    For a dimension where higher is better that is the lower score, and the other way round. For
    interdependence (neither) it is the higher: the view that sees more need for collaboration
    keeps group goals on the table.
    """
    return min(manager, members) if dimension.better == "higher" else max(manager, members)


@dataclass(frozen=True)
class Scored:
    """Everything the policy decides on, and what the report shows beside it."""

    dimensions: dict[str, float]
    phase: int
    phase_reason: PhaseReason
    readiness: int
    members: Members
    facts: dict[str, Any]


def score(profile: TeamProfile, source: QuestionnaireSource, threshold: int) -> Scored:
    """Score a valid profile and gather the facts the rules test."""
    manager = dimension_scores({k: v for k, v in profile.answers.items() if v is not None}, source)
    members, members_phase = _members_view(profile.member_answers, source, threshold, manager)
    dimensions = {
        d.id: cautious(d, manager[d.id], members.dimensions[d.id])
        if d.id in members.dimensions
        else manager[d.id]
        for d in source.dimensions
    }
    phase, reason = _phase(manager, members_phase, profile)
    readiness = math.floor(statistics.fmean(dimensions[d] for d in READINESS_DIMENSIONS) + 0.5)
    context = profile.context
    gap = max((abs(g) for g in members.gaps.values()), default=0.0)
    facts: dict[str, Any] = {
        **dimensions,
        "phase": phase,
        "phase_reason": reason,
        "team_size": context.team_size,
        "months_together": context.months_together,
        "goal_type": context.goal_type,
        "rollout_plan": context.rollout_plan,
        "current_stage": context.current_stage,
        "members_status": "used"
        if members.used
        else ("below_threshold" if members.respondents else "none"),
        "members_respondents": members.respondents,
        "perception_gap": gap,
    }
    return Scored(dimensions, phase, reason, readiness, members, facts)


def _phase(
    manager: Mapping[str, float], members_phase: int | None, profile: TeamProfile
) -> tuple[int, PhaseReason]:
    context = profile.context
    if context.reorganization:
        return 1, "reorganization"
    if context.new_members_share >= NEW_MEMBERS_SLIDE_BACK:
        return 1, "new_members"
    phase = phase_of(manager)
    return (min(phase, members_phase) if members_phase else phase), "scores"


def _members_view(
    member_answers: Sequence[Mapping[str, int | None]],
    source: QuestionnaireSource,
    threshold: int,
    manager: Mapping[str, float],
) -> tuple[Members, int | None]:
    """Members' medians per dimension, for dimensions at least `threshold` members answered.

    Below the threshold nothing is kept: no medians, no gaps, no phase, only the count.
    """
    respondents = len(member_answers)
    if respondents < threshold:
        return Members(respondents=respondents, threshold=threshold, used=False), None
    per_member = [
        dimension_scores({k: v for k, v in m.items() if v is not None}, source)
        for m in member_answers
    ]
    medians = {}
    for dimension in source.dimensions:
        scores = [s[dimension.id] for s in per_member if dimension.id in s]
        if len(scores) >= threshold:
            medians[dimension.id] = round1(statistics.median(scores))
    gaps = {d: round1(manager[d] - medians[d]) for d in medians}
    phase = phase_of(medians) if all(d in medians for d in PHASE_DIMENSIONS) else None
    members = Members(
        respondents=respondents,
        threshold=threshold,
        used=bool(medians),
        dimensions=medians,
        gaps=gaps,
    )
    return members, phase
