"""From answers to facts: dimension scores, the group's phase and the members' voice (docs/contract.md §5.2).

Pure functions of a valid profile; the rules then decide on the facts produced here.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.members import MemberAggregate, respondents_counted, respondents_shown
from readiness.models import Members, TeamProfile, View, trusted
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
_PHASES = frozenset(PHASE_DIMENSIONS)
_AGAINST_PHASE = tuple(-n for n in range(1, len(PHASE_DIMENSIONS) + 1))  # ties: earlier first


def round1(value: float) -> float:
    """Round half up to one decimal, so 62.25 shows (and is decided) as 62.3."""
    return math.floor(value * 10 + 0.5) / 10


@dataclass(frozen=True, slots=True)
class _Layout:
    """A questionnaire as scoring reads it, worked out once: where each item counts."""

    ids: tuple[str, ...]  # the dimensions, in the questionnaire's order
    higher: tuple[bool, ...]  # per dimension: whether higher is better (see `cautious`)
    where: dict[str, tuple[int, bool]]  # item id: its dimension's position, whether reversed
    # item id: where `_scores` adds its answer up: its dimension's position, plus the number of
    # dimensions for a reverse item; an id of no dimension adds up at 2 × dimensions
    slot: dict[str, int]
    low: int
    high: int

    @classmethod
    def of(cls, source: QuestionnaireSource) -> _Layout:
        count = len(source.dimensions)
        where = {
            item.id: (position, item.reverse)
            for position, dimension in enumerate(source.dimensions)
            for item in dimension.items
        }
        return cls(
            ids=tuple(d.id for d in source.dimensions),
            higher=tuple(d.better == "higher" for d in source.dimensions),
            where=where,
            slot={
                item: position + count if reverse else position
                for item, (position, reverse) in where.items()
            },
            low=source.scale.min,
            high=source.scale.max,
        )


_layouts: dict[int, tuple[QuestionnaireSource, _Layout]] = {}
LAYOUTS_KEPT = 8  # one questionnaire in a process as a rule; tests may make a few more


def _layout(source: QuestionnaireSource) -> _Layout:
    kept = _layouts.get(id(source))
    if kept is not None and kept[0] is source:
        return kept[1]
    layout = _Layout.of(source)
    if len(_layouts) < LAYOUTS_KEPT:
        _layouts[id(source)] = (source, layout)  # the source is held, so its id stays its own
    return layout


def dimension_scores(answers: Mapping[str, int], source: QuestionnaireSource) -> dict[str, float]:
    """Score 0–100 for every dimension with answers: the mean reverse-corrected answer mapped from 1..5."""
    layout = _layout(source)
    return {layout.ids[d]: value for d, value in _scores(answers, layout)}


def _scores(answers: Mapping[str, int], layout: _Layout) -> list[tuple[int, float]]:
    """`dimension_scores` by the dimensions' positions, in the questionnaire's order.

    One pass over the answers, adding each up in its slot (`_Layout.slot`): a dimension's
    answers and its reverse items' answers apart. The answers are whole numbers, so their sum is
    exact and the mean is the one `statistics.fmean` gives; anything else is scored as `fmean`
    scores it.
    """
    count = len(layout.ids)
    sums = [0] * (2 * count + 1)
    counts = [0] * (2 * count + 1)
    slot, elsewhere = layout.slot.get, 2 * count
    for item_id, value in answers.items():
        at = slot(item_id, elsewhere)
        sums[at] += value
        counts[at] += 1
    if type(sum(sums)) is not int:  # a sum of whole numbers is one
        return _scores_of_any_numbers(answers, layout)
    low, span, floor = layout.low, layout.high - layout.low, math.floor
    flip = layout.low + layout.high  # a reverse item's answer a counts as flip - a
    scores = []
    for d in range(count):
        reversed_ = counts[d + count]
        n = counts[d] + reversed_
        if n:
            total = sums[d] + flip * reversed_ - sums[d + count]
            scores.append((d, floor((total / n - low) / span * 100 * 10 + 0.5) / 10))
    return scores


def _scores_of_any_numbers(answers: Mapping[str, Any], layout: _Layout) -> list[tuple[int, float]]:
    """`_scores` for answers that are not all whole numbers: the mean by `statistics.fmean`."""
    values: list[list[Any]] = [[] for _ in layout.ids]
    flip = layout.low + layout.high
    for item_id, value in answers.items():
        place = layout.where.get(item_id)
        if place is not None:
            values[place[0]].append(flip - value if place[1] else value)
    span = layout.high - layout.low
    return [
        (d, round1((statistics.fmean(given) - layout.low) / span * 100))
        for d, given in enumerate(values)
        if given
    ]


def phase_of(scores: Mapping[str, float]) -> int:
    """The stage whose dimension scores highest; ties go to the earlier stage."""
    values = [scores[d] for d in PHASE_DIMENSIONS]
    return values.index(max(values)) + 1


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
        zip([scores[d] for d in PHASE_DIMENSIONS], _AGAINST_PHASE, strict=True), reverse=True
    )
    (first, first_phase), (second, second_phase) = ranked[0], ranked[1]
    if abs(first_phase - second_phase) < 2:
        return None
    return round1(first - second)


def same_answer_share(answers: Mapping[str, int]) -> float:
    """The share in percent of the answered items given the most common raw value."""
    if not answers:
        return 0.0
    values = list(answers.values())
    most = max(map(values.count, set(values)))
    return round1(most / len(values) * 100)


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
    layout = _layout(source)
    answers = _given(profile.answers)
    by_position = _scores(answers, layout)
    manager = {layout.ids[d]: value for d, value in by_position}
    heard = members if members is not None else aggregate(profile.member_answers, source, threshold)
    members_view, members_phase = _members_view(heard, threshold, manager)
    answered = heard.respondents  # the true count decides; the output shows it coarsened
    medians = members_view.dimensions
    dimensions: dict[str, float] = {}
    views: dict[str, View] = {}
    for d, own in by_position:  # every dimension: the manager answers each one (validation)
        name = layout.ids[d]
        theirs = medians.get(name)
        if theirs is None:
            dimensions[name] = own
            continue
        # The more cautious view (`cautious`): the lower where higher is better, else the higher.
        dimensions[name] = (
            (theirs if theirs < own else own)
            if layout.higher[d]
            else (theirs if theirs > own else own)
        )
    for name, median in medians.items():
        views[name] = trusted(View, {"manager": manager[name], "members": median})
    phase, reason = _phase(manager, members_phase, profile)
    readiness, limiting = weakest(dimensions)
    context = profile.context
    gaps = members_view.gaps
    group_gaps = [abs(g) for d, g in gaps.items() if d != MANAGER_DIMENSION]
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
        "manager_gap": abs(gaps.get(MANAGER_DIMENSION, 0.0)),
        "phase_split_gap": _unclear_phase(manager, medians),
        "same_answer_share": same_answer_share(answers),
    }
    return Scored(dimensions, phase, reason, readiness, limiting, views, members_view, facts)


def _given(answers: Mapping[str, int | None]) -> Mapping[str, int]:
    """The answers given: those that are not None (a valid profile has dropped them already)."""
    if None in answers.values():
        return {k: v for k, v in answers.items() if v is not None}
    return answers  # type: ignore[return-value]  # no None among the values


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
    split = phase_split_gap(manager)
    if not medians.keys() >= _PHASES:
        return split
    theirs = phase_split_gap(medians)
    if split is None or theirs is None:
        return theirs if split is None else split
    return min(split, theirs)


def members_figure(scores: Sequence[float]) -> float:
    """The members' figure for a dimension from their scores: never finer than a 5-point step.

    The lower median (the more cautious of the two middle answers, and always one member's
    score, never a mean of two), rounded half up to a whole 5-point step and clipped to 10..90.
    """
    ordered = sorted(scores)
    if not ordered:
        raise statistics.StatisticsError("no median for empty data")
    median = ordered[(len(ordered) - 1) // 2]  # the lower median, as statistics.median_low
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
        return trusted(MemberAggregate, {"respondents": respondents, "medians": {}})
    layout = _layout(source)
    columns: list[list[float]] = [[] for _ in layout.ids]  # each dimension's members' scores
    for answers in member_answers:
        for d, value in _scores(_given(answers), layout):
            columns[d].append(value)
    medians = {
        layout.ids[d]: members_figure(scores)
        for d, scores in enumerate(columns)
        if len(scores) >= threshold
    }
    return trusted(MemberAggregate, {"respondents": respondents, "medians": medians})


def _members_view(
    members: MemberAggregate, threshold: int, manager: Mapping[str, float]
) -> tuple[Members, int | None]:
    """What the assessment says of the members, and the phase their figures point to.

    The count is shown no finer than `respondents_shown`; the decision (the facts) takes the true
    count from the aggregate.
    """
    heard = members.respondents >= threshold
    medians = dict(members.medians) if heard else {}
    gaps = {d: round1(manager[d] - median) for d, median in medians.items()}
    phase = phase_of(medians) if medians.keys() >= _PHASES else None
    view = trusted(
        Members,
        {
            "respondents": respondents_counted(members.respondents, threshold),
            "respondents_shown": respondents_shown(members.respondents, threshold),
            "threshold": threshold,
            "used": bool(medians),
            "dimensions": medians,
            "gaps": gaps,
        },
    )
    return view, phase
