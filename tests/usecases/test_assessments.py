"""Assess, keep, and read back: in the reader's language when the same policy decides, else as made."""

from datetime import UTC, datetime
from uuid import UUID

import pytest

from readiness import NotFoundError, ProfileError, assess, default_policy, parse_profile, usecases
from readiness.usecases import StoredProfile, UnitOfWork
from readiness.usecases.ports import HistoryRecord
from tests.conftest import keep, make_profile, stored_assessment

POLICY = default_policy()


def old_questionnaire_profile() -> StoredProfile:
    """A profile stored under an earlier questionnaire: one item had another id then."""
    profile = StoredProfile.of(parse_profile({"team_id": "nord", **make_profile()}))
    answers = dict(profile.answers)
    answers["fl_renamed_long_ago"] = answers.pop("fl_safe_to_err")
    return profile.model_copy(update={"answers": answers})


def test_assess_and_store_keeps_the_profile_and_the_assessment(uow: UnitOfWork) -> None:
    profile = {"team_id": "nord", **make_profile({"competence": 30})}

    stored = usecases.assess_and_store(uow, profile, "en", POLICY)

    with uow:
        read = uow.assessments.get(stored.id)
    assert read == stored
    assert read.assessment == assess(profile, "en")
    assert "competence-low" in read.assessment.fired_rules
    assert (read.lang, read.team_id, read.org_id) == ("en", "nord", "default")
    assert read.policy_version == POLICY.version
    assert read.created_at.tzinfo is not None


def test_assessments_get_uuids_in_the_order_they_were_made(uow: UnitOfWork) -> None:
    """Time-ordered ids (UUID version 7): the database's index of ids grows at its end."""
    made = [usecases.assess_and_store(uow, make_profile(), "sv", POLICY).id for _ in range(20)]

    assert [UUID(made_id).version for made_id in made] == [7] * 20
    assert made == sorted(made)
    assert len(set(made)) == 20


def test_a_rejected_profile_keeps_nothing(uow: UnitOfWork) -> None:
    bad = {"team_id": "nord", "answers": {"fl_safe_to_err": 9}}

    with pytest.raises(ProfileError):
        usecases.assess_and_store(uow, bad, "sv", POLICY)

    with uow:
        assert uow.assessments.team_history("nord") == []


def test_an_assessment_is_read_in_the_language_asked_for(uow: UnitOfWork) -> None:
    stored = usecases.assess_and_store(uow, make_profile({"functional_level": 20}), "en", POLICY)

    swedish = usecases.read_assessment(uow, stored.id, "sv", POLICY)
    as_made = usecases.read_assessment(uow, stored.id, None, POLICY)

    assert swedish.lang == swedish.assessment.lang == "sv"
    assert swedish.assessment == assess(make_profile({"functional_level": 20}), "sv")
    assert swedish.assessment.findings[0].message.startswith("Gruppens funktionsnivå är låg")
    assert as_made == stored


def test_one_made_under_an_earlier_policy_is_read_as_it_was_made(uow: UnitOfWork) -> None:
    earlier = assess(make_profile(), "sv").model_copy(update={"policy_version": "0ld0ld0ld0ld"})
    stored = stored_assessment(make_profile(), earlier, policy_version="0ld0ld0ld0ld")
    keep(uow, stored)

    read = usecases.read_assessment(uow, stored.id, "en", POLICY)

    assert read == stored
    assert read.lang == "sv"


def test_one_made_under_an_earlier_questionnaire_survives_renamed_items(uow: UnitOfWork) -> None:
    profile = old_questionnaire_profile()
    made = assess(make_profile(), "sv").model_copy(update={"questionnaire_version": "2025.9"})
    stored = stored_assessment(
        make_profile(), made, profile=profile, team_id="nord", questionnaire_version="2025.9"
    )
    keep(uow, stored)

    read = usecases.read_assessment(uow, stored.id, "en", POLICY)
    history = usecases.team_history(uow, "nord", with_profiles=True)

    assert read == stored
    assert read.profile.answers["fl_renamed_long_ago"] == profile.answers["fl_renamed_long_ago"]
    assert [entry.stored for entry in history.entries] == [HistoryRecord.of(stored)]
    assert [entry.profile for entry in history.entries] == [stored.profile]
    with pytest.raises(ProfileError, match="fl_renamed_long_ago"):
        read.profile.to_profile()


def test_an_unknown_assessment_is_not_found(uow: UnitOfWork) -> None:
    with pytest.raises(NotFoundError):
        usecases.read_assessment(uow, "00000000-0000-4000-8000-000000000000", "sv", POLICY)


def test_a_clock_can_be_given_for_the_time_of_the_assessment(uow: UnitOfWork) -> None:
    then = datetime(2026, 3, 1, 12, tzinfo=UTC)

    stored = usecases.assess_and_store(uow, make_profile(), "sv", POLICY, clock=lambda: then)

    assert stored.created_at == then
