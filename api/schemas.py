"""What the JSON API answers, beyond the library's own models (TeamProfile, Assessment, …)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from readiness import Assessment
from readiness.history import Changes
from readiness.members import respondents_counted
from readiness.usecases import StoredAssessment, StoredProfile, TeamHistory
from readiness.usecases.ports import HistoryRecord
from readiness.vocabulary import Lang


class ErrorDetail(BaseModel):
    """One thing wrong with a request: where (`loc`, e.g. ["body", "answers", "fl_trust"])."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorResponse(BaseModel):
    """422: the request was understood but rejected; every problem names its place."""

    detail: list[ErrorDetail]


class ErrorResponse(BaseModel):
    """4xx other than 422: not found, too large, wrong content type, unavailable."""

    detail: str


class ProfilePublic(BaseModel):
    """The profile an assessment was made from, as it may be shown: members only as a count."""

    team_id: str | None
    answers: dict[str, int] = Field(
        description="the manager's answers by item id, as they were given (unanswered left out)"
    )
    context: dict[str, Any] = Field(description="the context as it was given, with its defaults")
    member_respondents: int = Field(
        description="how many members answered, no finer than the assessment's "
        "`members.respondents` (exact from 5, the threshold for 3–4, 0 below it); one member's "
        "answers are never shown"
    )

    @classmethod
    def of(cls, profile: StoredProfile, threshold: int) -> ProfilePublic:
        answered = profile.members.respondents if profile.members else 0
        return cls(
            team_id=profile.team_id,
            answers={item: value for item, value in profile.answers.items() if value is not None},
            context=profile.context,
            member_respondents=respondents_counted(answered, threshold),
        )


class StoredAssessmentPublic(BaseModel):
    """A stored assessment with the profile it was made from (members' answers left out)."""

    id: str
    org_id: str
    team_id: str | None
    created_at: datetime
    lang: Lang = Field(description="the language of the assessment's texts")
    policy_version: str
    questionnaire_version: str
    profile: ProfilePublic
    assessment: Assessment

    @classmethod
    def of(cls, stored: StoredAssessment) -> StoredAssessmentPublic:
        return cls(**_public_fields(stored, stored.profile))


def _public_fields(
    stored: StoredAssessment | HistoryRecord, profile: StoredProfile
) -> dict[str, Any]:
    return {
        "id": stored.id,
        "org_id": stored.org_id,
        "team_id": stored.team_id,
        "created_at": stored.created_at,
        "lang": stored.assessment.lang,
        "policy_version": stored.policy_version,
        "questionnaire_version": stored.questionnaire_version,
        "profile": ProfilePublic.of(profile, stored.assessment.members.threshold),
        "assessment": stored.assessment,
    }


class HistoryEntryPublic(StoredAssessmentPublic):
    changes: Changes | None = Field(
        description="what changed since the team's previous assessment; null for the first"
    )


class TeamHistoryPublic(BaseModel):
    """A page of a team's assessments, newest first."""

    team_id: str
    org_id: str
    assessments: list[HistoryEntryPublic]
    next: str | None = Field(
        description="the address of the page of older assessments; null when there are none"
    )

    @classmethod
    def of(cls, history: TeamHistory, following: str | None) -> TeamHistoryPublic:
        """`history` read with its profiles; `following` the address of the older page."""
        entries = []
        for entry in history.entries:
            if entry.profile is None:
                raise ValueError(f"the history was read without the profile of {entry.stored.id}")
            fields = _public_fields(entry.stored, entry.profile)
            entries.append(HistoryEntryPublic(**fields, changes=entry.changes))
        return cls(
            team_id=history.team_id, org_id=history.org_id, assessments=entries, next=following
        )


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unavailable"]
    policy_version: str
    version: str
