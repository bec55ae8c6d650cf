"""Scores, phase and the members' voice, as docs/contract.md §5.2 defines them."""

from __future__ import annotations

import pytest

from readiness import parse_profile
from readiness.builder import member_answers_for
from readiness.members import respondents_counted, respondents_shown
from readiness.questionnaire import load_questionnaire
from readiness.scoring import (
    dimension_scores,
    members_figure,
    phase_of,
    phase_split_gap,
    round1,
    same_answer_share,
    score,
    weakest,
)
from readiness.vocabulary import PHASE_DIMENSIONS as PHASES
from readiness.vocabulary import READINESS_DIMENSIONS as READINESS
from tests.conftest import STRONG, make_profile

SOURCE = load_questionnaire()


def scored(profile: dict, threshold: int = 3):  # type: ignore[no-untyped-def]
    return score(parse_profile(profile), SOURCE, threshold)


def test_all_fives_score_100_and_all_ones_score_0_once_reverse_items_are_turned() -> None:
    dimension = SOURCE.by_id["functional_level"]
    best = {i.id: (1 if i.reverse else 5) for i in dimension.items}
    worst = {i.id: (5 if i.reverse else 1) for i in dimension.items}

    assert dimension_scores(best, SOURCE) == {"functional_level": 100.0}
    assert dimension_scores(worst, SOURCE) == {"functional_level": 0.0}


def test_a_score_is_the_mean_answer_mapped_from_1_to_5_onto_0_to_100() -> None:
    items = [i for i in SOURCE.by_id["competence"].items if not i.reverse][:3]
    answers = dict(zip([i.id for i in items], [2, 3, 5], strict=True))  # mean 10/3

    assert dimension_scores(answers, SOURCE) == {"competence": round1((10 / 3 - 1) / 4 * 100)}


def test_a_reverse_item_counts_agreement_against_the_dimension() -> None:
    reverse = next(i for i in SOURCE.by_id["manager_readiness"].items if i.reverse)
    plain = [i.id for i in SOURCE.by_id["manager_readiness"].items if not i.reverse][:2]
    agreeing = {reverse.id: 5, **dict.fromkeys(plain, 5)}

    assert dimension_scores(agreeing, SOURCE)["manager_readiness"] == round1((11 / 3 - 1) / 4 * 100)


def test_scores_round_half_up_to_one_decimal() -> None:
    assert (round1(62.25), round1(62.24), round1(37.5)) == (62.3, 62.2, 37.5)


@pytest.mark.parametrize(
    ("scores", "phase"),
    [
        ((80, 10, 10, 10), 1),
        ((10, 80, 10, 10), 2),
        ((10, 10, 80, 10), 3),
        ((10, 10, 10, 80), 4),
        ((50, 50, 20, 20), 1),  # ties go to the earlier stage
        ((10, 10, 60, 60), 3),
    ],
)
def test_the_phase_is_the_highest_scoring_stage_with_ties_to_the_earlier(
    scores: tuple[int, ...], phase: int
) -> None:
    names = ("phase_dependency", "phase_conflict", "phase_trust", "phase_work")

    assert phase_of(dict(zip(names, scores, strict=True))) == phase


def test_slide_back_needs_at_least_half_of_the_group_new() -> None:
    assert scored(make_profile(new_members_share=0.49)).phase == 4
    assert scored(make_profile(new_members_share=0.5)).phase_reason == "new_members"


def test_a_reorganisation_is_named_as_the_reason_even_when_many_are_new_too() -> None:
    result = scored(make_profile(reorganization=True, new_members_share=0.8))

    assert (result.phase, result.phase_reason) == (1, "reorganization")


def test_readiness_is_the_weakest_of_the_four_conditions_and_names_it() -> None:
    result = scored(
        make_profile(
            {"functional_level": 50, "competence": 60, "manager_readiness": 70, "org_support": 65}
        )
    )

    assert result.readiness == 50  # not the mean, 61.25: every condition must hold
    assert result.limiting == ["functional_level"]


def test_every_condition_at_the_lowest_score_is_limiting() -> None:
    dimensions = {"functional_level": 52.5, "competence": 52.5, "manager_readiness": 80.0}

    assert weakest({**dimensions, "org_support": 90.0}) == (53, ["functional_level", "competence"])


def test_a_weakest_score_rounds_half_up() -> None:
    assert weakest(dict.fromkeys(READINESS, 62.4))[0] == 62
    assert weakest(dict.fromkeys(READINESS, 62.5))[0] == 63


@pytest.mark.parametrize(
    ("scores", "gap"),
    [
        ((70, 10, 20, 65), 5.0),  # phases 1 and 4 lead, 5 apart: unclear
        ((70, 10, 20, 60), 10.0),
        ((70, 10, 20, 59.5), 10.5),  # a clear lead; the rule decides what counts as unclear
        ((70, 65, 20, 10), None),  # the two leaders are neighbours: an ordinary transition
        ((20, 70, 10, 70), 0.0),  # a tie between phases 2 and 4
        ((50, 50, 50, 50), None),  # phases 1 and 2 lead: neighbours
    ],
)
def test_the_phase_split_is_the_lead_of_the_top_phase_over_a_distant_runner_up(
    scores: tuple[float, float, float, float], gap: float | None
) -> None:
    assert phase_split_gap(dict(zip(PHASES, scores, strict=True))) == gap


def test_the_same_answer_share_is_the_most_common_values_share_in_percent() -> None:
    assert same_answer_share({"a": 4, "b": 4, "c": 4, "d": 2}) == 75.0
    assert same_answer_share({f"i{n}": 3 for n in range(30)}) == 100.0
    assert same_answer_share({}) == 0.0


def members(count: int, **scores: float) -> list[dict[str, int]]:
    return [member_answers_for({**STRONG, **scores}) for _ in range(count)]


def test_below_the_anonymity_threshold_nothing_about_members_is_kept() -> None:
    result = scored({**make_profile(), "member_answers": members(2, functional_level=10)})

    assert result.members.model_dump() == {
        "respondents": 0,
        "respondents_shown": "<3",
        "threshold": 3,
        "used": False,
        "dimensions": {},
        "gaps": {},
    }
    assert result.dimensions["functional_level"] == 85.0
    assert result.facts["members_status"] == "below_threshold"
    assert result.facts["members_respondents"] == 2  # the rules decide on the true count


def test_at_the_threshold_each_dimension_uses_the_more_cautious_view() -> None:
    result = scored(
        {**make_profile(), "member_answers": members(3, functional_level=50, competence=95)}
    )

    assert result.members.used is True
    assert result.dimensions["functional_level"] == 50.0  # members see less than the manager's 85
    assert result.dimensions["competence"] == 80.0  # the manager sees less than the members' 90
    assert result.members.gaps["functional_level"] == 35.0
    assert result.facts["perception_gap"] == 35.0


def test_members_view_is_their_median() -> None:
    crowd = (
        members(1, functional_level=20)
        + members(1, functional_level=60)
        + members(1, functional_level=70)
    )

    result = scored({**make_profile(), "member_answers": crowd})

    assert result.members.dimensions["functional_level"] == 60.0


@pytest.mark.parametrize(
    ("scores", "figure"),
    [
        ((40, 50, 70, 90), 50.0),  # even count: the lower of the two middle scores, never a mean
        ((41.7, 41.7, 41.7), 40.0),  # whole 5-point steps ...
        ((58.3, 58.3, 58.3), 60.0),
        ((62.5, 62.5, 62.5), 65.0),  # ... rounded half up
        ((0, 0, 0), 10.0),  # "10 or lower"
        ((8.3, 8.3, 100), 10.0),
        ((8.3, 12.5, 100), 15.0),
        ((100, 100, 100), 90.0),  # "90 or higher"
        ((87.5, 91.7, 95), 90.0),
    ],
)
def test_members_figure_is_the_lower_median_in_whole_5_point_steps_within_10_and_90(
    scores: tuple[float, ...], figure: float
) -> None:
    assert members_figure(scores) == figure


@pytest.mark.parametrize(
    ("respondents", "shown", "counted"),
    [(0, "<3", 0), (2, "<3", 0), (3, "3–4", 3), (4, "3–4", 3), (5, "5", 5), (12, "12", 12)],
)
def test_the_count_is_shown_exactly_only_from_five(
    respondents: int, shown: str, counted: int
) -> None:
    assert respondents_shown(respondents, 3) == shown
    assert respondents_counted(respondents, 3) == counted


def test_the_facts_keep_the_true_count_while_the_output_shows_it_coarsened() -> None:
    result = scored({**make_profile(), "member_answers": members(4)})

    assert (result.members.respondents, result.members.respondents_shown) == (3, "3–4")
    assert result.facts["members_respondents"] == 4


def test_for_interdependence_the_cautious_view_is_the_one_that_sees_more_collaboration() -> None:
    result = scored(
        {**make_profile({"interdependence": 30}), "member_answers": members(3, interdependence=70)}
    )

    assert result.dimensions["interdependence"] == 70.0


def test_the_phase_is_the_earlier_of_the_managers_and_the_members() -> None:
    result = scored(
        {**make_profile(), "member_answers": members(3, phase_conflict=90, phase_work=40)}
    )

    assert result.phase == 2


def test_a_dimension_fewer_members_answered_than_the_threshold_is_not_used() -> None:
    crowd = members(3)
    for member in crowd[:2]:
        for item in SOURCE.by_id["competence"].items:
            member.pop(item.id)

    result = scored({**make_profile(), "member_answers": crowd})

    assert "competence" not in result.members.dimensions
    assert "functional_level" in result.members.dimensions


def test_a_higher_anonymity_threshold_is_honoured() -> None:
    result = scored(
        {**make_profile(), "member_answers": members(4, functional_level=10)}, threshold=5
    )

    assert result.members.used is False
    assert result.dimensions["functional_level"] == 85.0


def test_the_members_view_of_the_manager_is_cautious_and_its_gap_is_the_managers_own() -> None:
    result = scored(
        {**make_profile(), "member_answers": members(3, manager_readiness=25, functional_level=70)}
    )

    manager_own = result.views["manager_readiness"].manager
    assert result.views["manager_readiness"].members == 25.0
    assert result.dimensions["manager_readiness"] == 25.0
    assert result.facts["manager_gap"] == round1(manager_own - 25.0)
    assert result.facts["perception_gap"] == 15.0  # functional level 85 - 70; not the manager's gap
    assert result.limiting == ["manager_readiness"]


def test_both_views_are_kept_side_by_side_only_when_the_members_are_used() -> None:
    used = scored({**make_profile(), "member_answers": members(3, functional_level=50)})
    unused = scored({**make_profile(), "member_answers": members(2, functional_level=50)})

    assert used.views["functional_level"].model_dump() == {"manager": 85.0, "members": 50.0}
    assert "org_support" not in used.views  # the members do not answer it
    assert unused.views == {}


def test_an_unclear_phase_is_judged_on_the_views_the_phase_is_decided_on() -> None:
    clear_manager = {
        "phase_dependency": 20,
        "phase_conflict": 15,
        "phase_trust": 60,
        "phase_work": 80,
    }
    unclear_members = {
        "phase_dependency": 75,
        "phase_conflict": 15,
        "phase_trust": 20,
        "phase_work": 80,
    }

    alone = scored(make_profile(clear_manager))
    heard = scored({**make_profile(clear_manager), "member_answers": members(3, **unclear_members)})

    assert alone.facts["phase_split_gap"] is None  # phases 4 and 3 lead: neighbours
    assert heard.facts["phase_split_gap"] == 5.0  # the members' phases 4 and 1 lead, 5 apart
