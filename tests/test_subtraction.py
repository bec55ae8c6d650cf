"""Subtracting two rounds never pins one member's score (issue 10, the rules against subtraction).

The attack: a team is assessed with some members' answers, then with the same members plus one.
The attacker sees both assessments as shown (each dimension's members' figure and how many
answered) and knows everything else (the manager's answers, that exactly one member was added).
The new member's score on a dimension is pinned when only one score on the grid of scores a
member can give is consistent with both displays.

`consistent_scores` finds that set by exhaustive search: every multiset of the earlier members'
scores and every new score on the grid, through the product's own `members_figure`. The property
test then draws real answers, runs them through `readiness.assess` and asserts the set has at
least two scores. The last tests show the search does find pinned scores under weaker rules
(plain medians, or no clip), so it can fail.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from functools import cache
from itertools import combinations_with_replacement, product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import readiness
from readiness.members import respondents_shown
from readiness.questionnaire import load_questionnaire
from readiness.scoring import dimension_scores, members_figure, round1
from tests.conftest import make_profile

SOURCE = load_questionnaire()
THRESHOLD = 3
Figure = Callable[[Sequence[float]], float]
Observations = dict[tuple[float, float], frozenset[float]]


def grid(dimension_id: str, items: int | None = None) -> tuple[float, ...]:
    """Every score a member can give on the dimension: each number of answered items the
    half-answered rule allows (at least half), each combination of answers, scored by the product.

    `items` pretends the members answer that many of the dimension's items (3–5), to cover
    questionnaires with other dimension sizes than today's.
    """
    dimension = SOURCE.by_id[dimension_id]
    theirs = [item.id for item in dimension.items_of("members")]
    if items is not None:
        theirs = [item.id for item in dimension.items][:items]
    scores = {
        dimension_scores(dict(zip(theirs, values, strict=False)), SOURCE)[dimension_id]
        for answered in range((len(theirs) + 1) // 2, len(theirs) + 1)
        for values in product(range(1, 6), repeat=answered)
    }
    return tuple(sorted(scores))


@cache
def consistent_scores(scores: tuple[float, ...], before: int, figure: Figure) -> Observations:
    """For each pair of displayed figures (before, after the new member), the new member's
    scores that some earlier members' scores make consistent with both."""
    found: dict[tuple[float, float], set[float]] = {}
    for earlier in combinations_with_replacement(scores, before):
        shown = figure(earlier)
        for new in scores:
            found.setdefault((shown, figure((*earlier, new))), set()).add(new)
    return {seen: frozenset(news) for seen, news in found.items()}


def pinned(observations: Observations) -> dict[tuple[float, float], float]:
    """The displays that leave the new member only one possible score, and that score."""
    return {seen: next(iter(news)) for seen, news in observations.items() if len(news) == 1}


# The rule in force: no display pins anyone -------------------------------------------------------


@pytest.mark.parametrize("before", [3, 4])
@pytest.mark.parametrize("items", [3, 4, 5])
def test_no_pair_of_displayed_figures_pins_the_new_members_score(items: int, before: int) -> None:
    observations = consistent_scores(grid("functional_level", items), before, members_figure)

    assert pinned(observations) == {}
    assert len(observations) > 10  # the displays do tell rounds apart: the search is not empty


def member_answers(dimension_id: str) -> st.SearchStrategy[dict[str, int]]:
    """One member's answers to a dimension's members' items, at least half of them answered."""
    dimension = SOURCE.by_id[dimension_id]
    theirs = [item.id for item in dimension.items_of("members")]
    least = dimension.min_answers_of("members")
    return st.permutations(theirs).flatmap(
        lambda order: st.integers(least, len(theirs)).flatmap(
            lambda answered: st.lists(st.integers(1, 5), min_size=answered, max_size=answered).map(
                lambda values: dict(zip(order[:answered], values, strict=True))
            )
        )
    )


def displayed(members: list[dict[str, int]], dimension_id: str) -> tuple[str, float]:
    """What an assessment with these members' answers shows of them: the count and the figure.

    Everything else shown of the members (their view beside the manager's, the gap, the score
    used) follows from the figure and the manager's answers, which the attacker knows anyway.
    """
    assessment = readiness.assess({**make_profile(), "member_answers": members}, "en")
    shown = assessment.members
    figure = shown.dimensions[dimension_id]
    view = assessment.views[dimension_id]
    assert view.members == figure
    assert shown.gaps[dimension_id] == round1(view.manager - figure)
    assert figure % 5 == 0
    assert 10 <= figure <= 90
    return shown.respondents_shown, figure


@settings(max_examples=200, deadline=None)
@given(
    dimension_id=st.sampled_from(["functional_level", "manager_readiness"]),
    before=st.sampled_from([3, 4]),
    data=st.data(),
)
def test_two_rounds_one_member_apart_leave_at_least_two_possible_scores_for_the_new_member(
    dimension_id: str, before: int, data: st.DataObject
) -> None:
    answers = [data.draw(member_answers(dimension_id)) for _ in range(before + 1)]
    earlier, new = answers[:before], answers[-1]

    count_before, figure_before = displayed(earlier, dimension_id)
    count_after, figure_after = displayed([*earlier, new], dimension_id)

    assert (count_before, count_after) == (
        respondents_shown(before, THRESHOLD),
        respondents_shown(before + 1, THRESHOLD),
    )
    scores = grid(dimension_id)
    possible = consistent_scores(scores, before, members_figure)[(figure_before, figure_after)]
    own = dimension_scores(new, SOURCE)[dimension_id]
    assert own in possible  # the search models what the assessment showed
    assert len(possible) >= 2, (
        f"the new member's {own} is pinned by {figure_before}, {figure_after}"
    )


# Weaker rules would fail: the search finds the pinned scores ------------------------------------


def plain_median(scores: Sequence[float]) -> float:
    """The rule before issue 10: the median to one decimal, a mean of the two middle ones."""
    return round1(statistics.median(scores))


def stepped(value: float) -> float:
    return float(math.floor(value / 5 + 0.5) * 5)


def lower_median_in_steps_unclipped(scores: Sequence[float]) -> float:
    return stepped(statistics.median_low(scores))


def test_with_the_plain_median_figures_0_then_50_reveal_that_the_fourth_member_answered_100() -> (
    None
):
    observations = consistent_scores(grid("functional_level"), 3, plain_median)

    assert observations[(0.0, 50.0)] == {100.0}


@pytest.mark.parametrize(
    "weaker", [plain_median, lower_median_in_steps_unclipped], ids=lambda rule: rule.__name__
)
def test_the_lower_median_and_the_clip_are_both_needed(weaker: Figure) -> None:
    observations = consistent_scores(grid("functional_level"), 3, weaker)

    assert pinned(observations), f"{weaker.__name__} pins no one"


def test_without_the_clip_a_figure_of_0_pins_the_new_member_at_0() -> None:
    observations = consistent_scores(grid("functional_level"), 3, lower_median_in_steps_unclipped)

    assert pinned(observations)[(5.0, 0.0)] == 0.0
