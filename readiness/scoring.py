"""From answers to facts: dimension scores, the group's phase and the members' voice (docs/contract.md §5.2).

Pure functions of a valid profile; the rules then decide on the facts produced here.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.members import MemberAggregate, respondents_counted, respondents_shown
from readiness.models import Members, TeamProfile, View
from readiness.questionnaire import Dimension, QuestionnaireSource
from readiness.vocabulary import PHASE_DIMENSIONS, READINESS_DIMENSIONS, PhaseReason

NEW_MEMBERS_SLIDE_BACK = 0.5  # at least half the group new in six months: back to phase 1
# Members' figures are kept, used and shown only in whole steps of 5 between 10 and 90: "10" reads
# "10 or lower", "90" "90 or higher". With the lower median this keeps two rounds that differ by
# one member from pinning that member's score (tests/test_subtraction.py).
MEMBERS_STEP = 5
MEMBERS_FLOOR, MEMBERS_CEILING = 10, 90
# The members' view of the manager is the manager's own finding (C5), not a gap in the group (C3).
MANAGER_DIMENSION = "manager_readiness"


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


def weakest(dimensions: Mapping[str, float]) -> tuple[int, list[str]]:
    """Readiness as the weakest link: the lowest readiness condition, rounded, and which it is.

    Every condition must hold; an average would hide the one that does not.
    """
    lowest = min(dimensions[d] for d in READINESS_DIMENSIONS)
    limiting = [d for d in READINESS_DIMENSIONS if dimensions[d] == lowest]
    return math.floor(lowest + 0.5), limiting


def phase_split_gap(scores: Mapping[str, float]) -> float | None:
    """Points between the two highest phase scores when their phases are two or more apart.

    A profile whose strongest signs point to phases far apart (say 1 and 4) is unclear, however
    the tie is broken; None when the two highest are neighbours or the same phase.
    """
    ranked = sorted(
        ((scores[d], -n) for n, d in enumerate(PHASE_DIMENSIONS, start=1)), reverse=True
    )
    (first, first_phase), (second, second_phase) = ranked[0], ranked[1]
    if abs(first_phase - second_phase) < 2:
        return None
    return round1(first - second)


def same_answer_share(answers: Mapping[str, int]) -> float:
    """The share in percent of the answered items given the most common raw value."""
    if not answers:
        return 0.0
    most = Counter(answers.values()).most_common(1)[0][1]
    return round1(most / len(answers) * 100)


@dataclass(frozen=True)
class Scored:
    """Everything the policy decides on, and what the report shows beside it."""

    dimensions: dict[str, float]
    phase: int
    phase_reason: PhaseReason
    readiness: int
    limiting: list[str]
    views: dict[str, View]
    members: Members
    facts: dict[str, Any]


def score(
    profile: TeamProfile,
    source: QuestionnaireSource,
    threshold: int,
    members: MemberAggregate | None = None,
) -> Scored:
    """Score a valid profile and gather the facts the rules test.

    The members' voice comes from `members` when given (a stored or a survey round's aggregate),
    else from the answers the profile carries.
    """
    answers = {k: v for k, v in profile.answers.items() if v is not None}
    manager = dimension_scores(answers, source)
    heard = members if members is not None else aggregate(profile.member_answers, source, threshold)
    members_view, members_phase = _members_view(heard, threshold, manager)
    answered = heard.respondents  # the true count decides; the output shows it coarsened
    dimensions = {
        d.id: cautious(d, manager[d.id], members_view.dimensions[d.id])
        if d.id in members_view.dimensions
        else manager[d.id]
        for d in source.dimensions
    }
    views = {
        d: View(manager=manager[d], members=median) for d, median in members_view.dimensions.items()
    }
    phase, reason = _phase(manager, members_phase, profile)
    readiness, limiting = weakest(dimensions)
    context = profile.context
    group_gaps = [abs(g) for d, g in members_view.gaps.items() if d != MANAGER_DIMENSION]
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
        if members_view.used
        else ("below_threshold" if answered else "none"),
        "members_respondents": answered,
        "perception_gap": max(group_gaps, default=0.0),
        "manager_gap": abs(members_view.gaps.get(MANAGER_DIMENSION, 0.0)),
        "phase_split_gap": _unclear_phase(manager, members_view.dimensions),
        "same_answer_share": same_answer_share(answers),
    }
    return Scored(dimensions, phase, reason, readiness, limiting, views, members_view, facts)


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


def _unclear_phase(manager: Mapping[str, float], medians: Mapping[str, float]) -> float | None:
    """The phase split of the views the phase is decided on: the manager's, and the members'
    when they cover every phase; the smaller split (the less clear view) when both have one."""
    splits = [phase_split_gap(manager)]
    if all(d in medians for d in PHASE_DIMENSIONS):
        splits.append(phase_split_gap(medians))
    return min((s for s in splits if s is not None), default=None)


def members_figure(scores: Sequence[float]) -> float:
    """The members' figure for a dimension from their scores: never finer than a 5-point step.

    The lower median (the more cautious of the two middle answers, and always one member's
    score, never a mean of two), rounded half up to a whole 5-point step and clipped to 10..90.
    """
    median = statistics.median_low(scores)
    stepped = math.floor(median / MEMBERS_STEP + 0.5) * MEMBERS_STEP
    return float(min(MEMBERS_CEILING, max(MEMBERS_FLOOR, stepped)))


def aggregate(
    member_answers: Sequence[Mapping[str, int | None]],
    source: QuestionnaireSource,
    threshold: int,
) -> MemberAggregate:
    """Members' figures per dimension (`members_figure`), for dimensions at least `threshold`
    members answered.

    Below the threshold nothing is kept but the count. The figures are what is stored, decided on
    and shown alike, so no output carries anything finer.
    """
    respondents = len(member_answers)
    if respondents < threshold:
        return MemberAggregate(respondents=respondents, medians={})
    per_member = [
        dimension_scores({k: v for k, v in m.items() if v is not None}, source)
        for m in member_answers
    ]
    medians = {}
    for dimension in source.dimensions:
        scores = [s[dimension.id] for s in per_member if dimension.id in s]
        if len(scores) >= threshold:
            medians[dimension.id] = members_figure(scores)
    return MemberAggregate(respondents=respondents, medians=medians)


def _members_view(
    members: MemberAggregate, threshold: int, manager: Mapping[str, float]
) -> tuple[Members, int | None]:
    """What the assessment says of the members, and the phase their figures point to.

    The count is shown no finer than `respondents_shown`; the decision (the facts) takes the true
    count from the aggregate.
    """
    heard = members.respondents >= threshold
    medians = dict(members.medians) if heard else {}
    gaps = {d: round1(manager[d] - medians[d]) for d in medians}
    phase = phase_of(medians) if all(d in medians for d in PHASE_DIMENSIONS) else None
    view = Members(
        respondents=respondents_counted(members.respondents, threshold),
        respondents_shown=respondents_shown(members.respondents, threshold),
        threshold=threshold,
        used=bool(medians),
        dimensions=medians,
        gaps=gaps,
    )
    return view, phase
