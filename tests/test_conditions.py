"""Rule conditions: the words an HR partner writes, and the bands they split each fact into."""

from __future__ import annotations

import re

import pytest

from readiness.conditions import Bands, Comparison, parse_tests


def test_a_scalar_means_is_and_a_mapping_may_hold_several_tests() -> None:
    tests = parse_tests(
        {"goal_type": "individual", "functional_level": {"at_least": 40, "below": 65}}
    )

    assert tests == [
        Comparison("goal_type", "is", "individual"),
        Comparison("functional_level", "at_least", 40),
        Comparison("functional_level", "below", 65),
    ]


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ({"funtional_level": {"below": 40}}, "unknown fact 'funtional_level'"),
        ({"functional_level": {"lower": 40}}, "unknown operator 'lower'"),
        ({"functional_level": {"below": "forty"}}, "'forty' is not a number"),
        ({"functional_level": {"below": 140}}, "140 is outside 0..100"),
        ({"goal_type": {"below": 3}}, "'below' needs a number fact; use is, is_not, in or not_in"),
        ({"goal_type": "team"}, "'team' is not one of individual, group, mixed"),
        ({"phase": {"in": []}}, "'in' needs a non-empty list"),
        ({}, "`when` must map at least one fact"),
    ],
)
def test_a_bad_condition_says_what_is_wrong(when: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_tests(when)


def test_a_test_on_a_missing_fact_never_holds_whatever_the_operator() -> None:
    for op, value in (("below", 10), ("is_not", 5), ("not_in", (5,))):
        assert Comparison("team_size", op, value).holds({}) is False


def test_values_in_the_same_band_share_one_representative() -> None:
    bands = Bands(parse_tests({"functional_level": {"at_least": 40, "below": 65}}))

    assert {bands.canonical("functional_level", v) for v in (0, 12.5, 39.9)} == {39}
    assert bands.canonical("functional_level", 40) == 40
    assert {bands.canonical("functional_level", v) for v in (40.1, 52, 64.9)} == {52.5}
    assert {bands.canonical("functional_level", v) for v in (65, 99)} == {65, 66}


def test_representatives_keep_one_value_per_distinguishable_band() -> None:
    bands = Bands(parse_tests({"functional_level": {"below": 40}, "phase": {"in": [1, 2]}}))

    assert bands.representatives("functional_level") == [39, 40]
    assert bands.representatives("phase") == [1, 3]


def test_an_optional_fact_also_has_the_band_of_not_answered() -> None:
    bands = Bands(
        parse_tests({"team_size": {"above": 8}, "months_together": {"above": 6, "at_most": 6}})
    )

    assert bands.representatives("team_size") == [7, 9]  # not answered behaves as "not above 8"
    assert bands.representatives("months_together") == [5, 7, None]
