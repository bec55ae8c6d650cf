"""Stored assessments in SQL, read and written inside the caller's session (its unit of work).

What is read back is what was written: the profile and the assessment are documents, returned
as they were stored and never checked against the questionnaire or policy in force today.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Row, and_, bindparam, delete, insert, or_, select, tuple_
from sqlalchemy.orm import Session

from api.storage.tables import AssessmentRow, Serialized, SurveyAnswerRow, SurveyRoundRow, table
from readiness import Assessment, NotFoundError
from readiness.usecases import DEFAULT_ORG, StoredAssessment, StoredProfile
from readiness.usecases.ports import HistoryRecord
from readiness.vocabulary import Lang

_assessments = table(AssessmentRow)
# Made on every store and read on every report, so built once (as in
# api.storage.access_repository).
_ADD = insert(_assessments)
_BY_ID = select(_assessments).where(_assessments.c.id == bindparam("assessment_id"))


class SqlAssessmentRepository:
    """The use cases' AssessmentRepository on SQLAlchemy; commit belongs to the unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, stored: StoredAssessment) -> None:
        self.add_hashed(stored, None)

    def add_hashed(self, stored: StoredAssessment, profile_hash: str | None) -> None:
        self.add_many([(stored, profile_hash)])

    def add_many(self, hashed: Sequence[tuple[StoredAssessment, str | None]]) -> None:
        if hashed:
            self._session.flush()
            self._session.execute(_ADD, [_values(s, profile_hash) for s, profile_hash in hashed])

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        found = self.find_same_many(org_id, policy_version, [(team_id, profile_hash)])
        return found.get((team_id, profile_hash))

    def find_same_many(
        self, org_id: str, policy_version: str, keys: Collection[tuple[str, str]]
    ) -> dict[tuple[str, str], StoredAssessment]:
        """One query for all the pairs (a row-value IN, which the (org, team, hash) index serves)."""
        if not keys:
            return {}
        self._session.flush()
        wanted = set(keys)
        rows = self._session.scalars(
            select(AssessmentRow)
            .where(
                AssessmentRow.org_id == org_id,
                tuple_(AssessmentRow.team_id, AssessmentRow.profile_hash).in_(sorted(wanted)),
                AssessmentRow.policy_version == policy_version,
            )
            .order_by(AssessmentRow.seq)
        )
        found: dict[tuple[str, str], StoredAssessment] = {}
        for row in rows:
            key = (row.team_id or "", row.profile_hash or "")
            if key in wanted and key not in found:
                found[key] = _stored(row)
        return found

    def get(self, assessment_id: str) -> StoredAssessment:
        row = self._session.execute(_BY_ID, {"assessment_id": assessment_id}).one_or_none()
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return _stored(row)

    def team_history(
        self,
        team_id: str,
        *,
        org_id: str = DEFAULT_ORG,
        limit: int = 100,
        before: str | None = None,
    ) -> list[HistoryRecord]:
        """The page's rows only, and of each row every column but the profile (see `profiles`)."""
        ours = (AssessmentRow.org_id == org_id, AssessmentRow.team_id == team_id)
        query = select(*_RECORD_COLUMNS).where(*ours)
        if before is not None:
            anchor = self._session.execute(
                select(AssessmentRow.created_at, AssessmentRow.seq).where(
                    *ours, AssessmentRow.id == before
                )
            ).first()
            if anchor is None:
                raise NotFoundError(f"no assessment {before} in the history of team {team_id}")
            query = query.where(
                or_(
                    AssessmentRow.created_at < anchor.created_at,
                    and_(
                        AssessmentRow.created_at == anchor.created_at,
                        AssessmentRow.seq < anchor.seq,
                    ),
                )
            )
        rows = self._session.execute(
            query.order_by(AssessmentRow.created_at.desc(), AssessmentRow.seq.desc()).limit(limit)
        ).all()
        return [
            HistoryRecord(
                id=row.id,
                org_id=row.org_id,
                team_id=row.team_id,
                created_at=row.created_at,
                lang=cast("Lang", row.lang),
                policy_version=row.policy_version,
                questionnaire_version=row.questionnaire_version,
                assessment=Assessment.model_validate(row.assessment),
            )
            for row in rows
        ]

    def profiles(self, assessment_ids: Sequence[str]) -> dict[str, StoredProfile]:
        if not assessment_ids:
            return {}
        rows = self._session.execute(
            select(AssessmentRow.id, AssessmentRow.profile).where(
                AssessmentRow.id.in_(assessment_ids)
            )
        ).all()
        return {row.id: StoredProfile.model_validate(row.profile) for row in rows}

    def delete_older_than(self, cutoff: datetime) -> int:
        """Delete every assessment made before `cutoff` (retention); how many were deleted.

        The member survey rounds whose aggregate those assessments took go with them (their
        aggregate is part of what is deleted). A team whose latest assessment is deleted keeps
        its latest-outcome columns (mode, stage, readiness, when to reassess): they are the
        summary that lists and the portfolio read, not a profile; its `last_assessment_id` then
        names an assessment that is no longer there.
        """
        old = select(AssessmentRow.id).where(AssessmentRow.created_at < cutoff)
        rounds, answers = table(SurveyRoundRow), table(SurveyAnswerRow)
        used = select(rounds.c.id).where(rounds.c.used_by.in_(old))
        self._session.execute(delete(answers).where(answers.c.round_id.in_(used)))
        self._session.execute(delete(rounds).where(rounds.c.used_by.in_(old)))
        result = self._session.execute(
            delete(AssessmentRow).where(AssessmentRow.created_at < cutoff)
        )
        return cast("CursorResult[Any]", result).rowcount


# What a history reads of a row: not the profile, which may be large and is read only when shown.
_RECORD_COLUMNS = (
    AssessmentRow.id,
    AssessmentRow.org_id,
    AssessmentRow.team_id,
    AssessmentRow.created_at,
    AssessmentRow.lang,
    AssessmentRow.policy_version,
    AssessmentRow.questionnaire_version,
    AssessmentRow.assessment,
)


def _values(stored: StoredAssessment, profile_hash: str | None) -> dict[str, Any]:
    """The row's columns (all but `seq`, which the database numbers); the documents as JSON text."""
    assessment = stored.assessment
    return {
        "id": stored.id,
        "org_id": stored.org_id,
        "team_id": stored.team_id,
        "created_at": stored.created_at,
        "lang": stored.lang,
        "policy_version": stored.policy_version,
        "questionnaire_version": stored.questionnaire_version,
        "mode": assessment.mode,
        "rollout_stage": assessment.rollout_stage,
        "phase": assessment.phase,
        "readiness": assessment.readiness,
        "profile": Serialized(stored.profile.model_dump_json()),
        "assessment": Serialized(assessment.model_dump_json()),
        "profile_hash": profile_hash,
        "created_by": stored.created_by,
    }


def _stored(row: AssessmentRow | Row[Any]) -> StoredAssessment:
    return StoredAssessment(
        id=row.id,
        org_id=row.org_id,
        team_id=row.team_id,
        created_at=row.created_at,
        lang=cast("Lang", row.lang),
        policy_version=row.policy_version,
        questionnaire_version=row.questionnaire_version,
        profile=StoredProfile.model_validate(row.profile),
        assessment=Assessment.model_validate(row.assessment),
        created_by=row.created_by,
    )
