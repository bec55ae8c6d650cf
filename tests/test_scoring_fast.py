"""The scoring as written for speed equals the scoring as the contract states it (issue 12).

`readiness.scoring` sums each dimension's answers in one pass over them, takes the lower median
by sorting and builds its models without validating them again. Here the same figures are worked
out the straightforward way, with `statistics.fmean` and `statistics.median_low` and validated
models, as the scoring was first written, and the two are compared on many drawn inputs: equal
values, equal types (40.0 stays a float) and the same JSON.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness import parse_profile
from readiness.members import MemberAggregate, respondents_counted, respondents_shown
from readiness.models import Members, TeamProfile, View
from readiness.questionnaire import Respondent, load_questionnaire
from readiness.scoring import (
    MANAGER_DIMENSION,
    MEMBERS_CEILING,
    MEMBERS_FLOOR,
    MEMBERS_STEP,
    NEW_MEMBERS_SLIDE_BACK,
    aggregate,
    cautious,
    dimension_scores,
    members_figure,
    phase_of,
    phase_split_gap,
    round1,
    same_answer_share,
    score,
)
from readiness.vocabulary import PHASE_DIMENSIONS, READINESS_DIMENSIONS

SOURCE = load_questionnaire()
ITEMS = [item for dimension in SOURCE.dimensions for item in dimension.items]
RUNS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The reference: every figure as the contract words it, no shortcut -----------------------------


def plain_dimension_scores(answers: Mapping[str, Any]) -> dict[str, float]:
    low, high = SOURCE.scale.min, SOURCE.scale.max
    scores = {}
    for dimension in SOURCE.dimensions:
        values = [
            (low + high - answers[item.id]) if item.reverse else answers[item.id]
            for item in dimension.items
            if item.id in answers
        ]
        if values:
            scores[dimension.id] = round1((statistics.fmean(values) - low) / (high - low) * 100)
    return scores


def plain_figure(scores: Sequence[float]) -> float:
    stepped = math.floor(statistics.median_low(scores) / MEMBERS_STEP + 0.5) * MEMBERS_STEP
    return float(min(MEMBERS_CEILING, max(MEMBERS_FLOOR, stepped)))


def plain_aggregate(member_answers: Sequence[Mapping[str, Any]], threshold: int) -> MemberAggregate:
    if len(member_answers) < threshold:
        return MemberAggregate(respondents=len(member_answers), medians={})
    per_member = [
        plain_dimension_scores({k: v for k, v in m.items() if v is not None})
        for m in member_answers
    ]
    medians = {}
    for dimension in SOURCE.dimensions:
        scores = [s[dimension.id] for s in per_member if dimension.id in s]
        if len(scores) >= threshold:
            medians[dimension.id] = plain_figure(scores)
    return MemberAggregate(respondents=len(member_answers), medians=medians)


def plain_phase(scores: Mapping[str, float]) -> int:
    best = max(scores[d] for d in PHASE_DIMENSIONS)
    return next(n for n, d in enumerate(PHASE_DIMENSIONS, start=1) if scores[d] == best)


def plain_split(scores: Mapping[str, float]) -> float | None:
    ranked = sorted(
        ((scores[d], -n) for n, d in enumerate(PHASE_DIMENSIONS, start=1)), reverse=True
    )
    (first, first_phase), (second, second_phase) = ranked[0], ranked[1]
    return None if abs(first_phase - second_phase) < 2 else round1(first - second)


def plain_share(answers: Mapping[str, int]) -> float:
    if not answers:
        return 0.0
    return round1(Counter(answers.values()).most_common(1)[0][1] / len(answers) * 100)


def plain_score(
    profile: TeamProfile, threshold: int, members: MemberAggregate | None
) -> dict[str, Any]:
    """What `score` gives, field by field, as the contract (docs/contract.md §5.2) states it."""
    answers = {k: v for k, v in profile.answers.items() if v is not None}
    manager = plain_dimension_scores(answers)
    heard = members if members is not None else plain_aggregate(profile.member_answers, threshold)
    medians = dict(heard.medians) if heard.respondents >= threshold else {}
    gaps = {d: round1(manager[d] - medians[d]) for d in medians}
    dimensions = {
        d.id: cautious(d, manager[d.id], medians[d.id]) if d.id in medians else manager[d.id]
        for d in SOURCE.dimensions
    }
    covered = all(d in medians for d in PHASE_DIMENSIONS)
    context = profile.context
    if context.reorganization:
        phase, reason = 1, "reorganization"
    elif context.new_members_share >= NEW_MEMBERS_SLIDE_BACK:
        phase, reason = 1, "new_members"
    else:
        own, theirs = plain_phase(manager), plain_phase(medians) if covered else None
        phase, reason = (min(own, theirs) if theirs else own), "scores"
    lowest = min(dimensions[d] for d in READINESS_DIMENSIONS)
    splits = [plain_split(manager), *([plain_split(medians)] if covered else [])]
    members_view = Members(
        respondents=respondents_counted(heard.respondents, threshold),
        respondents_shown=respondents_shown(heard.respondents, threshold),
        threshold=threshold,
        used=bool(medians),
        dimensions=medians,
        gaps=gaps,
    )
    return {
        "dimensions": dimensions,
        "phase": phase,
        "phase_reason": reason,
        "readiness": math.floor(lowest + 0.5),
        "limiting": [d for d in READINESS_DIMENSIONS if dimensions[d] == lowest],
        "views": {d: View(manager=manager[d], members=m) for d, m in medians.items()},
        "members": members_view,
        "perception_gap": max(
            (abs(g) for d, g in gaps.items() if d != MANAGER_DIMENSION), default=0.0
        ),
        "manager_gap": abs(gaps.get(MANAGER_DIMENSION, 0.0)),
        "phase_split_gap": min((s for s in splits if s is not None), default=None),
        "same_answer_share": plain_share(answers),
        "members_respondents": heard.respondents,
    }


# What is drawn --------------------------------------------------------------------------------


@st.composite
def answer_sets(draw: st.DrawFn, respondent: Respondent) -> dict[str, int | None]:
    """A valid answer set: per dimension at least half of the respondent's items (a member may
    skip a whole dimension), now and then an item sent as null."""
    answers: dict[str, int | None] = {}
    for dimension in SOURCE.dimensions:
        theirs = [item.id for item in dimension.items_of(respondent)]
        if not theirs or (respondent == "members" and draw(st.integers(0, 9)) == 0):
            continue
        needed = dimension.min_answers_of(respondent)
        chosen = draw(st.lists(st.sampled_from(theirs), min_size=needed, unique=True))
        flat = draw(st.none() | st.integers(1, 5))  # the same answer everywhere, at times
        for item_id in chosen:
            answers[item_id] = flat or draw(st.integers(1, 5))
        for item_id in theirs:
            if item_id not in answers and draw(st.integers(0, 4)) == 0:
                answers[item_id] = None
    return answers


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "answers": draw(answer_sets("manager")),
        "context": {
            "reorganization": draw(st.integers(0, 9)) == 0,
            "new_members_share": draw(st.sampled_from([0.0, 0.2, 0.5, 1.0])),
        },
        "member_answers": draw(st.lists(answer_sets("members"), max_size=9)),
    }


def same_model(fast: Any, plain: Any) -> None:
    assert fast == plain
    assert fast.model_fields_set == plain.model_fields_set
    assert fast.model_dump_json() == plain.model_dump_json()
    assert fast.model_dump_json(exclude_unset=True) == plain.model_dump_json(exclude_unset=True)


def typed(values: Any) -> Any:
    """Values with their types, so that 40 and 40.0 do not pass for each other."""
    if isinstance(values, dict):
        return {k: typed(v) for k, v in values.items()}
    if isinstance(values, list | tuple):
        return [typed(v) for v in values]
    return (type(values).__name__, values)


# The comparisons ------------------------------------------------------------------------------


@RUNS
@given(
    st.dictionaries(
        st.sampled_from([item.id for item in ITEMS] + ["not_an_item"]), st.integers(1, 5)
    )
)
def test_dimension_scores_are_the_fmean_of_the_turned_answers(answers: dict[str, int]) -> None:
    fast = dimension_scores(answers, SOURCE)

    assert typed(fast) == typed(plain_dimension_scores(answers))
    assert list(fast) == list(plain_dimension_scores(answers))  # in the questionnaire's order


@RUNS
@given(
    st.dictionaries(
        st.sampled_from([item.id for item in ITEMS]),
        st.integers(1, 5) | st.floats(1, 5) | st.sampled_from([1.5, 2.25, 4.75]),
        min_size=1,
    )
)
def test_answers_that_are_not_whole_numbers_are_scored_as_fmean_scores_them(
    answers: dict[str, float],
) -> None:
    assert typed(dimension_scores(answers, SOURCE)) == typed(plain_dimension_scores(answers))


@RUNS
@given(st.lists(st.floats(0, 100) | st.sampled_from([12.5, 37.5, 62.5, 87.5]), min_size=1))
def test_members_figure_is_the_lower_median_in_5_point_steps(scores: list[float]) -> None:
    assert typed(members_figure(scores)) == typed(plain_figure(scores))
    assert typed(members_figure(tuple(scores))) == typed(plain_figure(scores))


@RUNS
@given(
    st.fixed_dictionaries(
        {
            d: st.sampled_from([0.0, 25.0, 37.5, 50.0, 100.0]) | st.floats(0, 100)
            for d in PHASE_DIMENSIONS
        }
    )
)
def test_the_phase_and_its_split_are_worked_out_as_the_contract_says(
    scores: dict[str, float],
) -> None:
    assert phase_of(scores) == plain_phase(scores)
    assert typed(phase_split_gap(scores)) == typed(plain_split(scores))


@RUNS
@given(st.dictionaries(st.text(max_size=3), st.integers(1, 5)))
def test_the_same_answer_share_counts_the_most_common_value(answers: dict[str, int]) -> None:
    assert typed(same_answer_share(answers)) == typed(plain_share(answers))


@RUNS
@given(st.lists(answer_sets("members"), max_size=12), st.integers(1, 5))
def test_the_members_aggregate_equals_the_one_made_with_statistics(
    members: list[dict[str, int | None]], threshold: int
) -> None:
    same_model(aggregate(members, SOURCE, threshold), plain_aggregate(members, threshold))


@RUNS
@given(profiles(), st.integers(1, 5), st.booleans())
def test_score_equals_the_straightforward_computation(
    data: dict[str, Any], threshold: int, stored: bool
) -> None:
    """Every fact and shown figure, from the profile's members or from their aggregate."""
    profile = parse_profile(data)
    members = plain_aggregate(profile.member_answers, threshold) if stored else None

    fast = score(profile, SOURCE, threshold, members)
    plain = plain_score(profile, threshold, members)

    assert typed(fast.dimensions) == typed(plain["dimensions"])
    assert list(fast.dimensions) == list(plain["dimensions"])
    assert (fast.phase, fast.phase_reason) == (plain["phase"], plain["phase_reason"])
    assert (fast.readiness, fast.limiting) == (plain["readiness"], plain["limiting"])
    assert list(fast.views) == list(plain["views"])
    for name, view in fast.views.items():
        same_model(view, plain["views"][name])
    same_model(fast.members, plain["members"])
    facts = {name: fast.facts[name] for name in plain if name in fast.facts}
    expected = {name: plain[name] for name in facts}
    assert typed(facts) == typed(expected)
    assert typed({d: fast.facts[d] for d in fast.dimensions}) == typed(plain["dimensions"])


def test_the_drawn_profiles_reach_the_members_and_the_phase_rules() -> None:
    """The comparisons mean something only if the draws reach members who are heard, members
    who cover every phase and unclear phases; a fixed sample shows they do."""
    seen: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None)
    @given(profiles())
    def look(data: dict[str, Any]) -> None:
        scored = score(parse_profile(data), SOURCE, 3)
        if scored.members.used:
            seen.add("heard")
        if all(d in scored.members.dimensions for d in PHASE_DIMENSIONS):
            seen.add("every phase")
        if scored.facts["phase_split_gap"] is not None:
            seen.add("unclear phase")
        if scored.facts["members_respondents"] and not scored.members.used:
            seen.add("below the threshold")

    look()

    assert seen == {"heard", "every phase", "unclear phase", "below the threshold"}
