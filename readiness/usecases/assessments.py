"""Assess a profile, keep it, and read it back in the reader's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from readiness.errors import ProfileError
from readiness.models import Assessment, TeamProfile
from readiness.policy import Policy
from readiness.questionnaire import load_questionnaire
from readiness.service import assess, parse_profile
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment, StoredProfile, UnitOfWork
from readiness.vocabulary import Lang

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def evaluate(profile: TeamProfile | Mapping[str, Any], lang: Lang, policy: Policy) -> Assessment:
    """The assessment of a profile; nothing is stored."""
    return assess(profile, lang, policy=policy)


def assess_and_store(
    uow: UnitOfWork,
    profile: TeamProfile | Mapping[str, Any],
    lang: Lang,
    policy: Policy,
    *,
    org_id: str = DEFAULT_ORG,
    clock: Clock = utc_now,
) -> StoredAssessment:
    """Assess a profile and keep both, committed when this returns (ProfileError keeps nothing)."""
    valid = parse_profile(profile)
    assessment = assess(valid, lang, policy=policy)
    stored = StoredAssessment(
        id=str(uuid4()),
        org_id=org_id,
        team_id=valid.team_id,
        created_at=clock(),
        lang=lang,
        policy_version=assessment.policy_version,
        questionnaire_version=assessment.questionnaire_version,
        profile=StoredProfile.of(valid),
        assessment=assessment,
    )
    with uow:
        uow.assessments.add(stored)
        uow.commit()
    return stored


def read_assessment(
    uow: UnitOfWork, assessment_id: str, lang: Lang | None, policy: Policy
) -> StoredAssessment:
    """A stored assessment, worded in `lang` when it can be; NotFoundError for an unknown id.

    The same profile under the same policy and questionnaire decides the same, so an assessment
    is decided again in another language only then; one made under an earlier policy or
    questionnaire is given exactly as it was made, in its own language (`lang` tells which).
    """
    with uow:
        stored = uow.assessments.get(assessment_id)
    return in_language(stored, lang, policy)


def in_language(stored: StoredAssessment, lang: Lang | None, policy: Policy) -> StoredAssessment:
    """`stored` worded in `lang` when the policy and questionnaire it was made under are in force."""
    if lang is None or lang == stored.lang or not made_under(stored, policy):
        return stored
    try:
        profile = stored.profile.to_profile()
    except ProfileError:  # the questionnaire changed although its version did not: keep it as made
        return stored
    return dataclasses.replace(stored, lang=lang, assessment=assess(profile, lang, policy=policy))


def made_under(stored: StoredAssessment, policy: Policy) -> bool:
    """Whether `stored` was made under the policy and questionnaire in force now."""
    return (
        stored.policy_version == policy.version
        and stored.questionnaire_version == load_questionnaire().version
    )
