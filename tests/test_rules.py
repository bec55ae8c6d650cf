"""One test per rule of the default policy, each reading as the rule says it in rules/.

Every test starts from a strong, ready team (tests.conftest.STRONG) and changes only what the
rule is about, so the rule under test is the reason for the outcome.
"""

from __future__ import annotations

from readiness import Assessment, assess, default_policy
from readiness.builder import answers_for
from tests.conftest import STRONG, make_profile


def findings_of(result: Assessment, rule: str) -> list[tuple[str, str]]:
    return [(f.caveat, f.severity) for f in result.findings if f.rule == rule]


def steps_of(result: Assessment, rule: str) -> list[str]:
    return [s.id for s in result.next_steps if s.rule == rule]


def test_a_strong_team_gets_no_findings_and_co_leadership() -> None:
    result = assess(make_profile())

    assert result.mode == "co_leadership"
    assert result.findings == []


def test_functional_level_below_40_caps_the_mode_at_structuring_with_a_c1_blocker() -> None:
    result = assess(make_profile({"functional_level": 35}))

    assert result.mode == "structuring"
    assert findings_of(result, "functional-level-low") == [("C1", "blocker")]
    assert "functional-level-low" in result.fired_rules


def test_functional_level_from_40_to_64_caps_the_mode_at_coaching_with_a_c1_warning() -> None:
    for score in (40, 60):
        result = assess(make_profile({"functional_level": score}))

        assert result.mode == "coaching", score
        assert findings_of(result, "functional-level-moderate") == [("C1", "warning")]
    assert assess(make_profile({"functional_level": 65})).mode == "co_leadership"


def test_a_group_in_phase_1_is_capped_at_coaching_and_given_direction() -> None:
    result = assess(make_profile({"phase_dependency": 90, "phase_work": 50}))

    assert (result.phase, result.mode) == (1, "coaching")
    assert findings_of(result, "phase-dependency") == [("C2", "warning")]
    assert steps_of(result, "phase-dependency") == ["give-direction-and-safety"]


def test_a_group_in_phase_2_is_capped_at_coaching_and_helped_through_its_conflicts() -> None:
    result = assess(make_profile({"phase_conflict": 90, "phase_work": 50}))

    assert (result.phase, result.mode) == (2, "coaching")
    assert steps_of(result, "phase-conflict") == ["work-through-conflicts"]


def test_a_reorganisation_puts_the_group_back_in_phase_1_and_calls_for_reassessment_within_90_days() -> (
    None
):
    result = assess(make_profile(reorganization=True))

    assert (result.phase, result.phase_reason, result.mode) == (1, "reorganization", "coaching")
    assert findings_of(result, "phase-slide-back") == [("C2", "warning")]
    assert result.reassess_in_days == 90


def test_half_the_group_new_in_six_months_also_puts_it_back_in_phase_1() -> None:
    result = assess(make_profile(new_members_share=0.5))

    assert (result.phase, result.phase_reason) == (1, "new_members")
    assert "phase-slide-back" in result.fired_rules


def test_a_big_launch_is_a_c3_blocker_and_never_gets_past_pilot() -> None:
    result = assess(make_profile(rollout_plan="big_launch", current_stage="expand"))

    assert findings_of(result, "big-launch") == [("C3", "blocker")]
    assert steps_of(result, "big-launch") == ["replace-big-launch"]
    assert result.rollout_stage == "pilot"
    assert result.mode == "co_leadership"  # the plan caps the stage, not the mode


def test_interdependent_work_with_individual_goals_calls_for_group_goals() -> None:
    result = assess(make_profile({"interdependence": 60}, goal_type="individual"))

    assert findings_of(result, "group-goals-needed") == [("C4", "warning")]
    assert steps_of(result, "group-goals-needed") == ["introduce-group-goals"]


def test_interdependent_work_that_already_has_group_goals_needs_no_goal_step() -> None:
    result = assess(make_profile({"interdependence": 90}, goal_type="group"))

    assert "group-goals-needed" not in result.fired_rules


def test_work_that_needs_little_collaboration_may_keep_individual_goals_as_information() -> None:
    result = assess(make_profile({"interdependence": 35}, goal_type="individual"))

    assert findings_of(result, "individual-goals-may-stay") == [("C4", "info")]
    assert "group-goals-needed" not in result.fired_rules
    assert result.mode == "co_leadership"


def test_a_manager_not_ready_to_let_go_caps_the_mode_at_coaching_with_a_step_on_letting_go() -> (
    None
):
    result = assess(make_profile({"manager_readiness": 45}))

    assert result.mode == "coaching"
    assert findings_of(result, "manager-not-ready") == [("C5", "warning")]
    assert steps_of(result, "manager-not-ready") == ["practise-letting-go"]
    assert assess(make_profile({"manager_readiness": 50})).mode == "co_leadership"


def test_low_competence_caps_the_mode_at_coaching_with_delegation_in_small_steps() -> None:
    result = assess(make_profile({"competence": 35}))

    assert result.mode == "coaching"
    assert steps_of(result, "competence-low") == ["delegate-in-small-steps"]
    assert assess(make_profile({"competence": 40})).mode == "co_leadership"


def test_weak_organisational_support_caps_the_mode_at_coaching_with_a_step_upward() -> None:
    result = assess(make_profile({"org_support": 35}))

    assert result.mode == "coaching"
    assert findings_of(result, "org-support-low") == [("C9", "warning")]
    assert steps_of(result, "org-support-low") == ["clarify-mandates-upward"]


def test_coaching_and_co_leadership_bring_delegation_follow_up_and_role_steps() -> None:
    for scores in ({}, {"competence": 35}):
        result = assess(make_profile(scores))

        assert steps_of(result, "delegation-map") == [
            "map-delegation",
            "clear-mandates-and-obstacles",
        ]
        assert steps_of(result, "follow-up-through-learning") == ["follow-up-through-learning"]
        assert steps_of(result, "adjust-roles") == ["adjust-roles-and-expectations"]
        assert {s.caveat for s in result.next_steps} >= {"C5", "C6", "C8"}


def test_structuring_says_not_now_what_to_build_first_and_to_reassess_within_90_days() -> None:
    result = assess(make_profile({"functional_level": 20}))

    assert findings_of(result, "not-now") == [("C7", "warning")]
    assert steps_of(result, "not-now") == ["plan-the-foundation"]
    assert result.reassess_in_days == 90
    assert "delegation-map" not in result.fired_rules


def test_members_below_the_threshold_are_neither_used_nor_shown_and_the_report_says_so() -> None:
    members = [answers_for({**STRONG, "functional_level": 10})] * 2
    profile = {**make_profile(), "member_answers": [team_items(m) for m in members]}

    result = assess(profile)

    assert findings_of(result, "members-below-threshold") == [("C3", "info")]
    assert result.members.used is False
    assert result.members.dimensions == {}
    assert result.members.gaps == {}
    assert result.mode == "co_leadership"  # their low view is not used


def test_a_perception_gap_of_25_points_is_a_finding_with_a_step_to_talk_it_through() -> None:
    members = [answers_for({**STRONG, "functional_level": 60})] * 3
    profile = {**make_profile(), "member_answers": [team_items(m) for m in members]}

    result = assess(profile)

    assert findings_of(result, "perception-gap") == [("C3", "warning")]
    assert steps_of(result, "perception-gap") == ["talk-through-the-gap"]
    assert result.dimensions["functional_level"] == 60.0  # the more cautious view


def test_every_rule_of_the_default_policy_has_a_test_above() -> None:
    tested = {
        rule
        for name, fn in globals().items()
        if name.startswith("test_")
        for rule in _rules_named_in(fn)
    }

    assert {rule.id for rule in default_policy().rules} <= tested


def team_items(answers: dict[str, int]) -> dict[str, int]:
    """A member's answers: the group items only (the manager's and organisation's are not theirs)."""
    return {k: v for k, v in answers.items() if not k.startswith(("mr_", "os_"))}


def _rules_named_in(function: object) -> set[str]:
    code = getattr(function, "__code__", None)
    return {c for c in code.co_consts if isinstance(c, str)} if code else set()
