"""What the JSON API answers, beyond the library's own models (TeamProfile, Assessment, …)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

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


class TextView(BaseModel):
    id: str
    title: str
    description: str


class FindingView(BaseModel):
    severity: str
    message: str


class StepView(BaseModel):
    id: str
    title: str
    detail: str


class ConditionView(BaseModel):
    fact: str
    op: str
    value: Any


class OutcomeView(BaseModel):
    mode_cap: str | None
    stage_cap: str | None
    finding: FindingView | None
    next_steps: list[StepView]
    reassess_in_days: int | None
    advice: dict[str, str]


class RuleView(BaseModel):
    id: str
    caveat: str
    title: str
    file: str
    layer: str
    condition: str
    when: list[ConditionView]
    then: OutcomeView
    scenarios: list[str] = Field(description="BDD scenarios that exercise the rule")


class PolicyView(BaseModel):
    """The policy in force, in one language: every rule and caveat, and its version."""

    policy_version: str
    name: str
    anonymity_threshold: int
    default_reassess_in_days: int
    modes: list[TextView]
    stages: list[TextView]
    caveats: list[TextView]
    rules: list[RuleView]
