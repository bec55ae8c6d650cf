"""Stored assessments in SQL, read and written inside the caller's session (its unit of work).

What is read back is what was written: the profile and the assessment are documents, returned
as they were stored and never checked against the questionnaire or policy in force today.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.storage.tables import AssessmentRow
from readiness import Assessment, NotFoundError
from readiness.usecases import DEFAULT_ORG, StoredAssessment, StoredProfile
from readiness.vocabulary import Lang


class SqlAssessmentRepository:
    """The use cases' AssessmentRepository on SQLAlchemy; commit belongs to the unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, stored: StoredAssessment) -> None:
        self.add_hashed(stored, None)

    def add_hashed(self, stored: StoredAssessment, profile_hash: str | None) -> None:
        assessment = stored.assessment
        self._session.add(
            AssessmentRow(
                id=stored.id,
                org_id=stored.org_id,
                team_id=stored.team_id,
                created_at=stored.created_at,
                lang=stored.lang,
                policy_version=stored.policy_version,
                questionnaire_version=stored.questionnaire_version,
                mode=assessment.mode,
                rollout_stage=assessment.rollout_stage,
                phase=assessment.phase,
                readiness=assessment.readiness,
                profile=stored.profile.model_dump(mode="json"),
                assessment=assessment.model_dump(mode="json"),
                profile_hash=profile_hash,
            )
        )
        self._session.flush()

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        row = self._session.scalar(
            select(AssessmentRow)
            .where(
                AssessmentRow.org_id == org_id,
                AssessmentRow.team_id == team_id,
                AssessmentRow.profile_hash == profile_hash,
                AssessmentRow.policy_version == policy_version,
            )
            .limit(1)
        )
        return _stored(row) if row else None

    def get(self, assessment_id: str) -> StoredAssessment:
        row = self._session.scalar(select(AssessmentRow).where(AssessmentRow.id == assessment_id))
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return _stored(row)

    def team_history(
        self, team_id: str, *, org_id: str = DEFAULT_ORG, limit: int = 100
    ) -> list[StoredAssessment]:
        rows = self._session.scalars(
            select(AssessmentRow)
            .where(AssessmentRow.org_id == org_id, AssessmentRow.team_id == team_id)
            .order_by(AssessmentRow.created_at.desc(), AssessmentRow.seq.desc())
            .limit(limit)
        ).all()
        return [_stored(row) for row in rows]


def _stored(row: AssessmentRow) -> StoredAssessment:
    return StoredAssessment(
        id=row.id,
        org_id=row.org_id,
        team_id=row.team_id,
        created_at=row.created_at,
        lang=cast(Lang, row.lang),
        policy_version=row.policy_version,
        questionnaire_version=row.questionnaire_version,
        profile=StoredProfile.model_validate(row.profile),
        assessment=Assessment.model_validate(row.assessment),
    )
