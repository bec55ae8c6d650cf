"""Assess a profile, keep it, and read it back in the reader's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from uuid6 import uuid7

from readiness.access import Principal
from readiness.errors import ProfileError
from readiness.models import Assessment, TeamProfile
from readiness.organisation import Team, TeamStatus
from readiness.policy import Policy
from readiness.questionnaire import load_questionnaire
from readiness.scoring import aggregate
from readiness.service import assess, parse_profile
from readiness.surveys import SurveyRound
from readiness.usecases import access, rounds
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment, StoredProfile, UnitOfWork
from readiness.vocabulary import CAVEATS, CurrentStage, Lang

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
    principal: Principal | None = None,
) -> StoredAssessment:
    """Assess a profile and keep both, committed when this returns (ProfileError keeps nothing).

    A team the organisation knows stands where it stands: a profile that does not say its current
    stage is assessed at the team's (which a confirmed rollout wave may have moved).
    `principal` must work in the organisation and may assess only a team it sees or makes
    (`access.require_store`; NotFoundError otherwise); a manager who makes a team manages it.
    """
    valid = parse_profile(profile)
    with uow:
        new_manager = access.require_store(uow, principal, org_id, valid.team_id)
        stored = store(
            uow,
            valid,
            lang,
            policy,
            org_id=org_id,
            clock=clock,
            created_by=access.user_id(principal),
        )
        if new_manager and valid.team_id is not None and principal and principal.user:
            uow.team_managers.add(org_id, valid.team_id, principal.user.id)
        uow.commit()
    return stored


def store(
    uow: UnitOfWork,
    profile: TeamProfile,
    lang: Lang,
    policy: Policy,
    *,
    org_id: str,
    clock: Clock,
    profile_hash: str | None = None,
    created_by: str | None = None,
) -> StoredAssessment:
    """Assess and add inside an open unit of work, and keep the team's latest outcome beside it."""
    team = uow.teams.get(org_id, profile.team_id) if profile.team_id else None
    now = clock()
    # Without members' answers of its own, a team's assessment takes its last closed survey round.
    joined = (
        rounds.round_to_join(uow, org_id, profile.team_id, now=now, policy=policy)
        if profile.team_id is not None and not profile.member_answers
        else None
    )
    stored = decide(
        profile, team, joined, lang, policy, org_id=org_id, now=now, created_by=created_by
    )
    if profile_hash is None:
        uow.assessments.add(stored)
    else:
        uow.assessments.add_hashed(stored, profile_hash)
    if joined is not None:
        uow.rounds.mark_used(joined.id, stored.id)
    if profile.team_id is not None:
        uow.teams.save(with_outcome(team, stored, current_stage(profile, team)))
    return stored


def decide(
    profile: TeamProfile,
    team: Team | None,
    joined: SurveyRound | None,
    lang: Lang,
    policy: Policy,
    *,
    org_id: str,
    now: datetime,
    created_by: str | None = None,
) -> StoredAssessment:
    """The assessment `store` keeps, from what it read: the team as known (whose stage a profile
    without one takes) and the closed survey round it joins, if any. Reads and writes nothing."""
    stage = current_stage(profile, team)
    if stage != profile.context.current_stage:
        context = profile.context.model_copy(update={"current_stage": stage})
        profile = profile.model_copy(update={"context": context})
    members = aggregate(
        profile.member_answers, load_questionnaire(), policy.settings.anonymity_threshold
    )
    if joined is not None and joined.aggregate is not None:
        members = joined.aggregate
    assessment = assess(profile, lang, policy=policy, members=members)
    return StoredAssessment(
        # Time-ordered (UUID version 7, RFC 9562): each new id comes after the ids before it,
        # so the database's index of ids grows at its end. Random ids (version 4) put every
        # insert on a page of their own: a batch commit of 500 rewrote about as many index
        # pages, which took about a third of the 100,000-team batch's time in the kernel.
        id=str(uuid7()),
        org_id=org_id,
        team_id=profile.team_id,
        created_at=now,
        lang=lang,
        policy_version=assessment.policy_version,
        questionnaire_version=assessment.questionnaire_version,
        profile=StoredProfile.of(profile, members if members.respondents else None),
        assessment=assessment,
        created_by=created_by,
    )


def current_stage(profile: TeamProfile, team: Team | None) -> CurrentStage:
    """The stage a team is assessed at: the profile's when it says one, else the team's as known."""
    if team is not None and "current_stage" not in profile.context.model_fields_set:
        return team.current_stage
    return profile.context.current_stage


def with_outcome(team: Team | None, stored: StoredAssessment, current: CurrentStage) -> Team:
    """`team` (or a new one) with `stored` as its latest assessment."""
    assessment = stored.assessment
    before = team.status if team else None
    status = TeamStatus(
        assessment_id=stored.id,
        assessed_at=stored.created_at,
        mode=assessment.mode,
        rollout_stage=assessment.rollout_stage,
        readiness=assessment.readiness,
        limiting=tuple(assessment.limiting),
        caveats=tuple(sorted({f.caveat for f in assessment.findings}, key=CAVEATS.index)),
        reassess_by=stored.created_at + timedelta(days=assessment.reassess_in_days),
        previous_mode=before.mode if before else None,
        previous_stage=before.rollout_stage if before else None,
        previous_readiness=before.readiness if before else None,
    )
    if team is None:
        assert stored.team_id is not None
        team = Team(stored.org_id, stored.team_id, None, None, current, stored.created_at)
    return dataclasses.replace(team, current_stage=current, status=status)


def read_assessment(
    uow: UnitOfWork,
    assessment_id: str,
    lang: Lang | None,
    policy: Policy,
    *,
    principal: Principal | None = None,
) -> StoredAssessment:
    """A stored assessment, worded in `lang` when it can be; NotFoundError for an unknown id,
    and for one `principal` may not read (`access.may_read`).

    The same profile under the same policy and questionnaire decides the same, so an assessment
    is decided again in another language only then; one made under an earlier policy or
    questionnaire is given exactly as it was made, in its own language (`lang` tells which).
    """
    with uow:
        stored = access.require_assessment(uow, principal, assessment_id)
    return in_language(stored, lang, policy)


def in_language(stored: StoredAssessment, lang: Lang | None, policy: Policy) -> StoredAssessment:
    """`stored` worded in `lang` when the policy and questionnaire it was made under are in force."""
    if lang is None or lang == stored.lang or not made_under(stored, policy):
        return stored
    try:
        profile = stored.profile.to_profile()
    except ProfileError:  # the questionnaire changed although its version did not: keep it as made
        return stored
    decided = assess(profile, lang, policy=policy, members=stored.profile.members)
    return dataclasses.replace(stored, lang=lang, assessment=decided)


def made_under(stored: StoredAssessment, policy: Policy) -> bool:
    """Whether `stored` was made under the policy and questionnaire in force now."""
    return (
        stored.policy_version == policy.version
        and stored.questionnaire_version == load_questionnaire().version
    )
