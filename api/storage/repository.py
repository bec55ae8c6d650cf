"""Stored assessments as the service sees them, read and written inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.storage.tables import AssessmentRow
from readiness import Assessment, NotFoundError, TeamProfile

DEFAULT_ORG = "default"


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment as it was made: its input, its output, its language, policy and time."""

    id: str
    org_id: str
    team_id: str | None
    created_at: datetime  # aware, UTC
    lang: str
    policy_version: str
    profile: TeamProfile
    assessment: Assessment


class Repository:
    """Adds and reads stored assessments; commit and rollback belong to whoever made the session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, profile: TeamProfile, assessment: Assessment, *, org_id: str = DEFAULT_ORG
    ) -> StoredAssessment:
        """Store an assessment with the profile it was made from; returns it with its new id."""
        row = AssessmentRow(
            id=str(uuid4()),
            org_id=org_id,
            team_id=profile.team_id,
            created_at=datetime.now(UTC),
            lang=assessment.lang,
            policy_version=assessment.policy_version,
            questionnaire_version=assessment.questionnaire_version,
            mode=assessment.mode,
            rollout_stage=assessment.rollout_stage,
            phase=assessment.phase,
            readiness=assessment.readiness,
            profile=profile.model_dump(mode="json"),
            assessment=assessment.model_dump(mode="json"),
        )
        self._session.add(row)
        self._session.flush()
        return _stored(row)

    def get(self, assessment_id: str) -> StoredAssessment:
        """The stored assessment with this id; NotFoundError when there is none."""
        row = self._session.scalar(select(AssessmentRow).where(AssessmentRow.id == assessment_id))
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return _stored(row)

    def team_history(
        self, team_id: str, *, org_id: str = DEFAULT_ORG, limit: int = 100
    ) -> list[StoredAssessment]:
        """A team's assessments, newest first; NotFoundError for a team with none."""
        rows = self._session.scalars(
            select(AssessmentRow)
            .where(AssessmentRow.org_id == org_id, AssessmentRow.team_id == team_id)
            .order_by(AssessmentRow.created_at.desc(), AssessmentRow.seq.desc())
            .limit(limit)
        ).all()
        if not rows:
            raise NotFoundError(f"no assessments for team {team_id}")
        return [_stored(row) for row in rows]


def _stored(row: AssessmentRow) -> StoredAssessment:
    return StoredAssessment(
        id=row.id,
        org_id=row.org_id,
        team_id=row.team_id,
        created_at=row.created_at,
        lang=row.lang,
        policy_version=row.policy_version,
        profile=TeamProfile.model_validate(row.profile),
        assessment=Assessment.model_validate(row.assessment),
    )
