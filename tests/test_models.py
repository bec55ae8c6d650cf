"""A profile is rejected with every problem named by item, dimension or field, and what is allowed."""

from __future__ import annotations

from typing import Any

import pytest

import readiness
from readiness import ProfileError, TeamProfile, parse_profile, parse_profile_json
from readiness.limits import MAX_MEMBERS
from readiness.models import MAX_SUGGESTIONS, max_answer_keys
from readiness.questionnaire import load_questionnaire
from tests.conftest import make_profile, with_members


def problems(data: Any) -> dict[str, str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    return {p.where(): p.message for p in caught.value.problems}


def first_items(dimension: str, count: int) -> list[str]:
    return [item.id for item in load_questionnaire().by_id[dimension].items[:count]]


def test_a_complete_profile_is_accepted_with_cautious_context_defaults() -> None:
    profile = parse_profile({"answers": make_profile()["answers"]})

    assert profile.context.goal_type == "individual"
    assert profile.context.rollout_plan == "undecided"
    assert profile.context.current_stage == "none"
    assert profile.context.new_members_share == 0
    assert profile.context.reorganization is False


def test_an_unknown_item_is_named_with_a_suggestion() -> None:
    answers = {**make_profile()["answers"], "fl_safe_to_eer": 3}

    found = problems({"answers": answers})

    assert "did you mean 'fl_safe_to_err'" in found["answers.fl_safe_to_eer.[key]"]


def test_an_answer_outside_1_to_5_is_named_with_the_scale() -> None:
    answers = {**make_profile()["answers"], "fl_safe_to_err": 6}

    found = problems({"answers": answers})

    assert found == {
        "answers.fl_safe_to_err": "6 is outside the scale; answer a whole number from 1 to 5"
    }


@pytest.mark.parametrize("value", [3.5, "3", True, None])
def test_an_answer_must_be_a_whole_number_or_null(value: Any) -> None:
    answers = {**make_profile()["answers"], "fl_safe_to_err": value}

    if value is None:
        assert "fl_safe_to_err" not in parse_profile({"answers": answers}).answers
    else:
        assert "answers.fl_safe_to_err" in problems({"answers": answers})


def test_too_few_answers_in_a_dimension_names_the_dimension_and_how_many_are_needed() -> None:
    answers = {
        k: v for k, v in make_profile()["answers"].items() if k not in first_items("competence", 3)
    }

    found = problems({"answers": answers})

    assert found == {"answers.competence": "competence: 2 of 5 items answered; at least 3 needed"}


def test_half_of_a_dimension_answered_is_enough() -> None:
    answers = {
        k: v for k, v in make_profile()["answers"].items() if k not in first_items("competence", 2)
    }

    assert len(parse_profile({"answers": answers}).answers) == len(make_profile()["answers"]) - 2


def test_an_unknown_context_value_names_the_field_and_the_allowed_values() -> None:
    found = problems({"answers": make_profile()["answers"], "context": {"goal_type": "team"}})

    assert found == {"context.goal_type": "Input should be 'individual', 'group' or 'mixed'"}


def test_an_unknown_context_field_and_an_unknown_top_level_field_are_rejected() -> None:
    found = problems({"answers": make_profile()["answers"], "context": {"size": 5}, "extra": 1})

    assert set(found) == {"context.size", "extra"}


def test_new_members_share_must_be_a_share_between_0_and_1() -> None:
    found = problems({"answers": make_profile()["answers"], "context": {"new_members_share": 50}})

    assert "context.new_members_share" in found


def test_members_may_not_answer_the_managers_or_the_organisations_items() -> None:
    found = problems(
        {
            "answers": make_profile()["answers"],
            "member_answers": [{"mr_follow_up_learning": 3, "os_silos": 2}],
        }
    )

    assert found == {
        "member_answers.0.mr_follow_up_learning.[key]": "item 'mr_follow_up_learning' "
        "(manager_readiness) is answered by the manager only",
        "member_answers.0.os_silos.[key]": "item 'os_silos' (org_support) is answered by the "
        "manager only",
    }


def test_the_manager_may_not_answer_the_members_items_about_the_manager() -> None:
    answers = {**make_profile()["answers"], "mr_manager_asks_views": 5}

    assert problems({"answers": answers}) == {
        "answers.mr_manager_asks_views.[key]": "item 'mr_manager_asks_views' "
        "(manager_readiness) is answered by the members only"
    }


def test_members_answer_the_group_items_and_their_items_about_the_manager() -> None:
    member = {
        **dict.fromkeys(first_items("functional_level", 3), 4),
        "mr_manager_lets_decisions_stand": 2,
        "mr_manager_asks_views": 3,
    }

    profile = parse_profile({"answers": make_profile()["answers"], "member_answers": [member]})

    assert profile.member_answers == [member]


def test_a_member_may_skip_a_whole_dimension_but_not_half_answer_one() -> None:
    skipping = dict.fromkeys(first_items("functional_level", 5), 4)
    half = {**skipping, first_items("competence", 1)[0]: 4}

    accepted = parse_profile({"answers": make_profile()["answers"], "member_answers": [skipping]})
    found = problems({"answers": make_profile()["answers"], "member_answers": [skipping, half]})

    assert len(accepted.member_answers) == 1
    assert found == {
        "member_answers.1.competence": "competence: 1 of 5 items answered; at least 3 needed or none"
    }


def test_a_member_who_answered_nothing_is_not_counted() -> None:
    profile = parse_profile(
        {"answers": make_profile()["answers"], "member_answers": [{}, {"fl_safe_to_err": None}]}
    )

    assert profile.member_answers == []


@pytest.mark.parametrize("where", ["first", "middle", "last", "several", "none"])
def test_unanswered_items_are_left_out_wherever_they_stand_and_the_rest_kept_in_order(
    where: str,
) -> None:
    answers: dict[str, int | None] = dict(make_profile()["answers"])
    member: dict[str, int | None] = dict(with_members(1)["member_answers"][0])
    ids, member_ids = list(answers), list(member)
    skipped = {
        "first": [0],
        "middle": [len(ids) // 2],
        "last": [len(ids) - 1],
        "several": [0, 1, len(ids) // 2, len(ids) - 1],
        "none": [],
    }[where]
    for at in skipped:
        answers[ids[at]] = None
        member[member_ids[at * len(member_ids) // len(ids)]] = None

    profile = parse_profile({"answers": answers, "member_answers": [member]})

    assert list(profile.answers.items()) == [(k, v) for k, v in answers.items() if v is not None]
    assert list(profile.member_answers[0].items()) == [
        (k, v) for k, v in member.items() if v is not None
    ]


def test_a_profiles_answers_are_its_own_not_the_callers_dicts() -> None:
    data = with_members(3)
    profile = parse_profile(data)
    kept = (dict(profile.answers), [dict(m) for m in profile.member_answers])

    data["answers"][next(iter(data["answers"]))] = 1
    data["member_answers"][0].clear()

    assert (dict(profile.answers), [dict(m) for m in profile.member_answers]) == kept


def test_a_team_id_is_safe_to_put_in_a_url() -> None:
    assert "team_id" in problems({"answers": make_profile()["answers"], "team_id": "../etc"})
    assert (
        parse_profile({"answers": make_profile()["answers"], "team_id": "lager-syd.2"}).team_id
        == "lager-syd.2"
    )


def test_every_problem_is_reported_at_once() -> None:
    answers = {**make_profile()["answers"], "fl_safe_to_err": 0, "pw_unknown": 2}

    found = problems(
        {"answers": answers, "context": {"rollout_plan": "later", "current_stage": "done"}}
    )

    assert {
        "answers.fl_safe_to_err",
        "answers.pw_unknown.[key]",
        "context.rollout_plan",
        "context.current_stage",
    } <= set(found)


def test_bad_json_is_a_profile_error_with_line_and_column() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile_json('{"answers": {\n  "fl_safe_to_err": 3,\n}}')

    assert "line 3, column 1" in str(caught.value)


def test_a_profile_that_is_not_an_object_is_rejected() -> None:
    assert problems([1, 2]) == {"(profile)": "a team profile is a JSON object"}


def test_the_profile_has_a_json_schema_with_the_scale_and_the_context_values() -> None:
    schema = TeamProfile.model_json_schema()

    answer = schema["properties"]["answers"]["additionalProperties"]["anyOf"][0]
    assert (answer["minimum"], answer["maximum"]) == (1, 5)
    assert schema["$defs"]["Context"]["properties"]["goal_type"]["enum"] == [
        "individual",
        "group",
        "mixed",
    ]
    assert schema["additionalProperties"] is False


def test_an_assessment_sets_every_field_so_that_a_stored_one_reads_back_as_it_was_made() -> None:
    # Stored documents are served without the fields they do not have (exclude_unset), which is
    # only right if a new assessment has every field set, down to the nested ones.
    for profile in (make_profile(), with_members(3), with_members(2)):
        assessment = readiness.assess(profile)

        assert assessment.model_dump(exclude_unset=True) == assessment.model_dump()


def test_an_item_of_the_wrong_respondent_keeps_the_first_contracts_code_for_members() -> None:
    profile = {
        "answers": {**make_profile()["answers"], "mr_manager_asks_views": 5},
        "member_answers": [{"os_silos": 2}],
    }

    with pytest.raises(ProfileError) as raised:
        parse_profile(profile)

    assert {p.type for p in raised.value.problems} == {"members_only_item", "manager_only_item"}


def _types(data: Any) -> list[tuple[str, str]]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    return [(p.where(), p.type) for p in caught.value.problems]


def test_empty_answers_are_rejected_and_the_schema_says_so() -> None:
    found = problems({"answers": {}})

    assert found == {
        "answers": "no answers given: answer at least the items of each dimension that the "
        "questionnaire asks for (at least half of them)"
    }
    assert TeamProfile.model_json_schema()["properties"]["answers"]["minProperties"] == 1


def test_too_many_answers_are_one_problem_naming_the_count_and_the_limit() -> None:
    limit = max_answer_keys()
    answers = {**make_profile()["answers"], **{f"x{i}": 3 for i in range(10_000)}}

    found = problems({"answers": answers})

    assert list(found) == ["answers"]
    assert f"{len(answers):,} answers given; at most {limit} are accepted" in found["answers"]
    assert limit == 2 * len(load_questionnaire().items)


def test_a_member_with_too_many_answers_is_one_problem_at_that_member() -> None:
    member = {f"x{i}": 3 for i in range(max_answer_keys() + 1)}
    profile = {**with_members(3), "member_answers": [with_members(1)["member_answers"][0], member]}

    assert _types(profile) == [("member_answers.1", "too_many_answers")]


def test_more_members_than_allowed_are_one_problem_before_any_is_read() -> None:
    profile = {**make_profile(), "member_answers": [{"x": 1}] * (MAX_MEMBERS + 1)}

    assert _types(profile) == [("member_answers", "too_long")]


def test_many_unknown_ids_across_the_profile_are_one_problem_with_examples() -> None:
    members = [{f"old_item_{i}": 3 for i in range(30)} for _ in range(4)]

    found = problems({**make_profile(), "member_answers": members})

    assert list(found) == ["(profile)"]
    assert found["(profile)"].startswith("120 unknown item ids (among them 'old_item_0', ")


def test_only_the_first_unknown_ids_get_a_suggestion() -> None:
    answers = {**make_profile()["answers"], **{f"fl_safe_to_er{i}": 3 for i in range(30)}}

    found = problems({"answers": answers})

    suggested = [where for where, message in found.items() if "did you mean" in message]
    assert len(suggested) == MAX_SUGGESTIONS == 20
    assert all(
        "the questionnaire lists the valid ids" in found[w] for w in found if w not in suggested
    )
