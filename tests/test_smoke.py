from readiness import assess
from tests.conftest import make_profile


def test_a_strong_team_piloting_stepwise_with_group_goals_may_expand_co_leadership() -> None:
    result = assess(make_profile())

    assert (result.mode, result.rollout_stage) == ("co_leadership", "expand")
