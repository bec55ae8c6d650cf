from __future__ import annotations

import math
import statistics

import pytest

from readiness.builder import answers_for, expressible, member_answers_for
from readiness.questionnaire import Dimension, Respondent, load_questionnaire

SOURCE = load_questionnaire()
LOW, HIGH = SOURCE.scale.min, SOURCE.scale.max


def score_of(
    dimension: Dimension, answers: dict[str, int], respondent: Respondent = "manager"
) -> float:
    """The 0–100 score of one respondent's answers to a dimension, as docs/contract.md §3 defines it."""
    values = [
        LOW + HIGH - answers[item.id] if item.reverse else answers[item.id]
        for item in dimension.items_of(respondent)
    ]
    exact = (statistics.fmean(values) - LOW) / (HIGH - LOW) * 100
    return math.floor(exact * 10 + 0.5) / 10  # half up to one decimal, as scores are shown


def manager_items() -> set[str]:
    return {i.id for d in SOURCE.dimensions for i in d.items_of("manager")}


def member_items() -> set[str]:
    return {i.id for d in SOURCE.dimensions for i in d.items_of("members")}


@pytest.mark.parametrize("score", [0, 5, 35, 40, 62.5, 65, 100])
def test_answers_for_gives_the_asked_score_where_five_items_can_express_it(score: float) -> None:
    answers = answers_for({"functional_level": score})

    assert score_of(SOURCE.by_id["functional_level"], answers) == pytest.approx(
        expressible("functional_level", score)
    )


def test_the_manager_answers_exactly_the_manager_items_on_the_scale() -> None:
    answers = answers_for({})

    assert set(answers) == manager_items()
    assert not set(answers) & (member_items() - manager_items())  # no members-only item
    assert all(LOW <= value <= HIGH for value in answers.values())


def test_one_member_answers_exactly_the_member_items_and_never_org_support() -> None:
    answers = member_answers_for({"org_support": 10})

    assert set(answers) == member_items()
    assert not {i.id for i in SOURCE.by_id["org_support"].items} & set(answers)
    assert all(LOW <= value <= HIGH for value in answers.values())


@pytest.mark.parametrize("respondent", ["manager", "members"])
@pytest.mark.parametrize("score", [0, 25, 40, 50, 80, 100])
def test_every_dimension_round_trips_to_the_nearest_expressible_score(
    respondent: Respondent, score: float
) -> None:
    build = answers_for if respondent == "manager" else member_answers_for
    answers = build({}, default=score)

    for dimension in SOURCE.dimensions:
        if not dimension.items_of(respondent):
            continue
        expected = expressible(dimension.id, score, respondent)
        assert score_of(dimension, answers, respondent) == pytest.approx(expected), dimension.id


def test_round_trip_through_the_library_scoring_of_the_manager_answers() -> None:
    from readiness.scoring import dimension_scores  # being reworked per respondent

    asked = {"functional_level": 35, "manager_readiness": 40, "org_support": 65}
    answers = answers_for(asked, default=60)

    scores = dimension_scores(answers, SOURCE)

    for dimension, score in asked.items():
        assert scores[dimension] == pytest.approx(expressible(dimension, score)), dimension


def test_manager_readiness_is_asked_of_both_with_items_of_their_own() -> None:
    manager = answers_for({"manager_readiness": 0})
    member = member_answers_for({"manager_readiness": 100})
    dimension = SOURCE.by_id["manager_readiness"]

    assert score_of(dimension, manager, "manager") == 0
    assert score_of(dimension, member, "members") == 100
    assert set(manager) & set(member) & {i.id for i in dimension.items} == set()


def test_unasked_dimensions_get_the_default_and_unknown_ones_are_refused() -> None:
    assert score_of(SOURCE.by_id["org_support"], answers_for({}, default=40)) == 40
    with pytest.raises(ValueError, match="unknown dimensions"):
        answers_for({"happiness": 50})
    with pytest.raises(ValueError, match="unknown dimensions"):
        member_answers_for({"happiness": 50})
    with pytest.raises(ValueError, match=r"outside 0\.\.100"):
        answers_for({"competence": 120})


def test_expressible_scores_are_exact_numbers_rounded_as_scores_are_shown() -> None:
    assert [expressible("functional_level", s) for s in (35, 55, 65)] == [35.0, 55.0, 65.0]
    three = len(SOURCE.by_id["manager_readiness"].items_of("manager"))
    assert three == 3  # steps of 100 / 12
    assert [expressible("manager_readiness", s) for s in (50, 80, 45)] == [50.0, 83.3, 41.7]
    assert expressible("manager_readiness", 80, "members") == 83.3


def test_expressible_refuses_a_dimension_the_respondent_does_not_answer() -> None:
    with pytest.raises(ValueError, match="org_support"):
        expressible("org_support", 50, "members")
