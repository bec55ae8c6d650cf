from readiness import assess
from tests.conftest import make_profile, with_members


def test_a_strong_team_heard_by_its_members_may_expand_co_leadership() -> None:
    result = assess(with_members(3))

    assert (result.mode, result.rollout_stage) == ("co_leadership", "expand")


def test_a_manager_alone_never_reaches_co_leadership() -> None:
    result = assess(make_profile())

    assert (result.mode, result.rollout_stage) == ("coaching", "pilot")
    assert "group-not-heard" in result.fired_rules
