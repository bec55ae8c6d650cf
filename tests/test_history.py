"""What changed between two assessments of a team."""

from readiness import assess
from readiness.history import changes
from tests.conftest import make_profile, with_members


def test_a_team_that_improved_shows_mode_stage_and_findings_moving() -> None:
    before = assess(with_members(3, {"functional_level": 30}))
    after = assess(with_members(3))

    change = changes(before, after)

    assert (change.mode_from, change.mode_to) == ("structuring", "co_leadership")
    assert (change.stage_from, change.stage_to) == ("prepare", "expand")
    assert change.mode_changed
    assert change.stage_changed
    assert change.readiness_delta == after.readiness - before.readiness > 0
    assert change.findings_resolved == ["functional-level-low", "not-now"]
    assert change.findings_added == []


def test_dimension_deltas_are_current_minus_previous_to_one_decimal() -> None:
    before = assess(make_profile({"competence": 35}))
    after = assess(make_profile({"competence": 80}))

    change = changes(before, after)

    expected = round(after.dimensions["competence"] - before.dimensions["competence"], 1)
    assert change.dimensions["competence"] == expected > 0
    assert change.dimensions["functional_level"] == 0


def test_an_unchanged_team_shows_no_change() -> None:
    assessment = assess(make_profile())

    change = changes(assessment, assessment)

    assert not change.mode_changed
    assert not change.stage_changed
    assert change.findings_added == change.findings_resolved == []
    assert set(change.dimensions.values()) == {0}


def test_a_different_policy_version_is_flagged() -> None:
    before = assess(make_profile())
    after = before.model_copy(update={"policy_version": "another"})

    assert changes(before, after).policy_changed
