"""What the JSON API answers, beyond the library's own models (TeamProfile, Assessment, …)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from api.history import Changes
from api.storage import StoredAssessment
from readiness import Assessment, Context, TeamProfile
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
    answers: dict[str, int]
    context: Context
    member_respondents: int = Field(
        description="how many members answered; one member's answers are never shown"
    )

    @classmethod
    def of(cls, profile: TeamProfile) -> ProfilePublic:
        return cls(
            team_id=profile.team_id,
            answers={item: value for item, value in profile.answers.items() if value is not None},
            context=profile.context,
            member_respondents=len(profile.member_answers),
        )


class StoredAssessmentPublic(BaseModel):
    """A stored assessment with the profile it was made from (members' answers left out)."""

    id: str
    org_id: str
    team_id: str | None
    created_at: datetime
    lang: Lang
    policy_version: str
    profile: ProfilePublic
    assessment: Assessment

    @classmethod
    def of(cls, stored: StoredAssessment) -> StoredAssessmentPublic:
        return cls(
            id=stored.id,
            org_id=stored.org_id,
            team_id=stored.team_id,
            created_at=stored.created_at,
            lang=stored.assessment.lang,
            policy_version=stored.policy_version,
            profile=ProfilePublic.of(stored.profile),
            assessment=stored.assessment,
        )


class HistoryEntry(StoredAssessmentPublic):
    changes: Changes | None = Field(
        description="what changed since the team's previous assessment; null for the first"
    )


class TeamHistory(BaseModel):
    """A team's assessments, newest first."""

    team_id: str
    org_id: str
    assessments: list[HistoryEntry]


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unavailable"]
    policy_version: str
    version: str
