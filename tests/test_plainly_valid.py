"""Answer sets that are plainly valid skip the item-by-item validation, and nothing else changes.

`TeamProfile` checks a whole answer set at once (`readiness.models._plainly_valid`: a dict of
the respondent's item ids to whole numbers on the scale or None) and lets it pass as it is; any
other set goes through the validation of each item and value, as before. Here every profile and
answer set is validated both ways, the shortcut and the full validation alone, and the two must
give the same model (the same JSON, the same types) or the same errors, word for word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from benchmarks.profiles import profiles
from readiness.models import TeamProfile, _plainly_valid
from readiness.questionnaire import load_questionnaire

SOURCE = load_questionnaire()
MANAGER_ITEMS = [i.id for d in SOURCE.dimensions for i in d.items_of("manager")]
MEMBER_ITEMS = [i.id for d in SOURCE.dimensions for i in d.items_of("members")]
ONLY_ONE_SIDE = sorted(set(MANAGER_ITEMS) ^ set(MEMBER_ITEMS))
RUNS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def validated(data: Any) -> TeamProfile | list[dict[str, Any]]:
    """The model, or the errors as pydantic reports them (without the docs URL)."""
    try:
        return TeamProfile.model_validate(data)
    except ValidationError as error:
        return error.errors(include_url=False)


def both_ways(monkeypatch: pytest.MonkeyPatch, data: Any) -> tuple[Any, Any]:
    shortcut = validated(data)
    with monkeypatch.context() as patched:
        patched.setattr("readiness.models._plainly_valid", lambda answers, respondent: False)
        full = validated(data)
    return shortcut, full


def same(shortcut: Any, full: Any) -> None:
    if isinstance(full, TeamProfile):
        assert isinstance(shortcut, TeamProfile)
        assert shortcut == full
        assert shortcut.model_dump_json() == full.model_dump_json()
        for mine, theirs in zip(
            [shortcut.answers, *shortcut.member_answers],
            [full.answers, *full.member_answers],
            strict=True,
        ):
            assert [(type(k), type(v)) for k, v in mine.items()] == [
                (type(k), type(v)) for k, v in theirs.items()
            ]
    else:
        assert shortcut == full


def test_seeded_realistic_profiles_are_validated_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    for data in profiles(1_500, seed=3):
        same(*both_ways(monkeypatch, data))


def test_the_shortcut_takes_realistic_answer_sets_and_leaves_the_rest() -> None:
    data = profiles(200, seed=4)
    assert all(_plainly_valid(p["answers"], "manager") for p in data)
    assert all(_plainly_valid(m, "members") for p in data for m in p.get("member_answers", []))
    first = data[0]["answers"]
    item = next(iter(first))
    for changed in (
        {**first, item: True},  # a bool is no answer, though True == 1
        {**first, item: 3.0},  # nor a float, though 3.0 == 3
        {**first, item: "3"},
        {**first, item: 0},
        {**first, item: 6},
        {**first, "no-such-item": 3},
        {**first, ONLY_ONE_SIDE[0]: 3},
    ):
        assert not (_plainly_valid(changed, "manager") and _plainly_valid(changed, "members"))
    assert not _plainly_valid(list(first.items()), "manager")


class Str(str):
    """A str subclass as a key: left to the full validation."""


def team_with_members() -> dict[str, Any]:
    """A realistic valid profile with at least three members' answer sets."""
    return next(p for p in profiles(50, seed=5) if len(p.get("member_answers", [])) >= 3)


def answer_set(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The manager's answers, or the second member's."""
    answers: dict[str, Any] = data["answers"] if where == "answers" else data["member_answers"][1]
    return answers


ODD_VALUES = [None, 0, 6, -1, 10**30, True, False, 3.0, 2.5, "3", [3], {}]


@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
@pytest.mark.parametrize("where", ["answers", "member_answers"])
def test_one_odd_value_in_a_valid_profile_is_validated_alike(
    monkeypatch: pytest.MonkeyPatch, where: str, value: Any
) -> None:
    data = team_with_members()
    answers = answer_set(data, where)
    answers[next(iter(answers))] = value

    same(*both_ways(monkeypatch, data))


@pytest.mark.parametrize(
    "key", ["no-such-item", ONLY_ONE_SIDE[0], ONLY_ONE_SIDE[-1], 1, None, ("a",)], ids=repr
)
@pytest.mark.parametrize("where", ["answers", "member_answers"])
def test_one_odd_key_in_a_valid_profile_is_validated_alike(
    monkeypatch: pytest.MonkeyPatch, where: str, key: Any
) -> None:
    data = team_with_members()
    answers = answer_set(data, where)
    answers[key] = 3

    same(*both_ways(monkeypatch, data))


@pytest.mark.parametrize("where", ["answers", "member_answers"])
def test_str_subclass_keys_are_validated_alike(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    data = team_with_members()
    if where == "answers":
        data["answers"] = _with_str_keys(data["answers"], Str)
    else:
        data["member_answers"][0] = _with_str_keys(data["member_answers"][0], Str)

    same(*both_ways(monkeypatch, data))


KEYS = st.sampled_from([*MANAGER_ITEMS, *MEMBER_ITEMS, "no-such-item", "fl_1", ""])
VALUES = st.one_of(
    st.sampled_from([None, 0, 1, 2, 3, 4, 5, 6, -1, True, False, 3.0, 2.5, "3", [3]]),
    st.integers(),
)
ANSWER_SETS = st.dictionaries(KEYS, VALUES, max_size=60)


def _with_str_keys(answers: dict[str, Any], wrap: Callable[[str], str]) -> dict[str, Any]:
    return {wrap(k): v for k, v in answers.items()}


@RUNS
@given(
    answers=ANSWER_SETS,
    members=st.lists(ANSWER_SETS, max_size=6) | st.just("not a list"),
    subclass_keys=st.booleans(),
)
def test_any_answers_give_the_same_model_or_the_same_errors(
    answers: dict[str, Any], members: Any, subclass_keys: bool
) -> None:
    if subclass_keys:
        answers = _with_str_keys(answers, Str)
    data = {"answers": answers, "member_answers": members}
    with pytest.MonkeyPatch.context() as monkeypatch:
        same(*both_ways(monkeypatch, data))


@RUNS
@given(drop=st.sets(st.sampled_from(MANAGER_ITEMS)), members=st.integers(0, 8))
def test_complete_and_partial_answer_sets_on_the_scale_are_validated_alike(
    drop: set[str], members: int
) -> None:
    answers = {item: (position % 5) + 1 for position, item in enumerate(MANAGER_ITEMS)}
    data = {
        "answers": {k: (None if k in drop else v) for k, v in answers.items()},
        "member_answers": [
            {k: ((position + n) % 5) + 1 for position, k in enumerate(MEMBER_ITEMS)}
            for n in range(members)
        ],
    }
    with pytest.MonkeyPatch.context() as monkeypatch:
        same(*both_ways(monkeypatch, data))
