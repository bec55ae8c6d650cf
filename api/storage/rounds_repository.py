"""Member survey rounds and their anonymous answers in SQL, inside the caller's session.

An answer row holds a random id (uuid4), its round and the answers: nothing that tells who gave
it, when, or in what order (on SQLite the table has no rowid; answers are read back in the order
of their random ids). Closing a round is one conditional UPDATE: of two workers that close the
same round at once, one stores the aggregate and deletes the answers in its transaction, the
other changes nothing and is told so.

The round's row is the lock that keeps answers and closing apart: an answer is added only while
the round is open, and whoever reads the answers to close the round holds it until the
transaction ends, so no answer comes in between reading them and deleting them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, cast
from uuid import uuid4

from sqlalchemy import (
    CursorResult,
    Engine,
    Row,
    bindparam,
    delete,
    event,
    exists,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from api.storage.tables import SurveyAnswerRow, SurveyRoundRow, insert_unless_there, table
from readiness import NotFoundError
from readiness.members import MemberAggregate
from readiness.surveys import SurveyRound

_rounds = table(SurveyRoundRow)
_answers = table(SurveyAnswerRow)

# Read whenever a team is assessed or shown, so built once (as in api.storage.access_repository).
_ROUND_BY_ID = select(_rounds).where(_rounds.c.id == bindparam("round_id"))
_ROUNDS_OF_TEAM = (
    select(_rounds)
    .where(_rounds.c.org_id == bindparam("org_id"), _rounds.c.team_id == bindparam("team_id"))
    .order_by(_rounds.c.opened_at.desc(), _rounds.c.id)
)
_UNUSED_CLOSED = (
    select(_rounds)
    .where(
        _rounds.c.org_id == bindparam("org_id"),
        _rounds.c.team_id == bindparam("team_id"),
        _rounds.c.closed_at.is_not(None),
        _rounds.c.used_by.is_(None),
        _rounds.c.aggregate.is_not(None),
    )
    .order_by(_rounds.c.closed_at.desc(), _rounds.c.opened_at.desc(), _rounds.c.id)
    .limit(1)
)


def _rowcount(result: Any) -> int:
    return cast("CursorResult[Any]", result).rowcount


def _checkpoint(session: Session) -> None:
    """Copy the write-ahead log into the database file and empty it (best effort: a reader that
    still holds an old snapshot makes SQLite keep the log until the next checkpoint)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


class SqlRounds:
    """The RoundRepository on SQLAlchemy; commit belongs to the unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, survey: SurveyRound) -> None:
        values = {
            "id": survey.id,
            "org_id": survey.org_id,
            "team_id": survey.team_id,
            "opened_by": survey.opened_by,
            "opened_at": survey.opened_at,
            "deadline": survey.deadline,
            "closed_at": survey.closed_at,
            "aggregate": _document(survey.aggregate),
            "used_by": survey.used_by,
        }
        inserted = self._session.execute(
            insert_unless_there(self._session, _rounds, values)
        ).first()
        if inserted is None:
            raise ValueError(f"a round with id {survey.id} exists")

    def get(self, round_id: str) -> SurveyRound | None:
        row = self._session.execute(_ROUND_BY_ID, {"round_id": round_id}).one_or_none()
        return _round(row) if row else None

    def of_team(self, org_id: str, team_id: str) -> list[SurveyRound]:
        rows = self._session.execute(_ROUNDS_OF_TEAM, {"org_id": org_id, "team_id": team_id})
        return [_round(row) for row in rows]

    def open_due(self, now: datetime) -> list[SurveyRound]:
        query = (
            select(_rounds)
            .where(_rounds.c.closed_at.is_(None), _rounds.c.deadline <= now)
            .order_by(_rounds.c.deadline, _rounds.c.id)
        )
        return [_round(row) for row in self._session.execute(query)]

    def add_answer(self, round_id: str, answers: dict[str, int | None]) -> None:
        """Keep one member's answers; NotFoundError when the round is not open (any more).

        On PostgreSQL the round's row is share-locked first, so that a round being closed is
        waited for and then found closed; the INSERT itself only happens while the round is
        open, which is all SQLite needs (it lets one writer in at a time).
        """
        opened = (_rounds.c.id == round_id) & _rounds.c.closed_at.is_(None)
        if self._session.get_bind().dialect.name == "postgresql":
            locked = self._session.scalar(
                select(_rounds.c.id).where(opened).with_for_update(read=True)
            )
            if locked is None:
                raise NotFoundError(f"no open round with id {round_id}")
        row = select(
            literal(str(uuid4())).label("id"),
            literal(round_id).label("round_id"),
            literal(dict(answers), _answers.c.answers.type).label("answers"),
        ).where(exists().where(opened))
        inserted = self._session.execute(
            _answers.insert()
            .from_select(["id", "round_id", "answers"], row)
            .returning(_answers.c.round_id)
        ).first()
        if inserted is None:
            raise NotFoundError(f"no open round with id {round_id}")

    def answer_count(self, round_id: str) -> int:
        query = select(func.count()).select_from(_answers).where(_answers.c.round_id == round_id)
        return int(self._session.scalar(query) or 0)

    def answers(self, round_id: str) -> list[dict[str, int | None]]:
        """The round's answers, in the order of their random ids, to compute its aggregate.

        Reading them holds the round (a row lock on PostgreSQL, the write lock on SQLite) until
        the transaction ends, so no answer can come in between this and `close`: it waits, and
        then finds the round closed.
        """
        self._session.execute(
            update(_rounds).where(_rounds.c.id == round_id).values(deadline=_rounds.c.deadline)
        )
        query = select(_answers.c.answers).where(_answers.c.round_id == round_id)
        return [dict(a) for a in self._session.scalars(query.order_by(_answers.c.id))]

    def close(self, round_id: str, aggregate: MemberAggregate, at: datetime) -> bool:
        """Store the aggregate, mark the round closed and delete its answers, in this transaction.

        One UPDATE that only an open round matches: when two close the same round at once, the
        second waits for the first (its row lock), finds it closed and changes nothing (False).
        """
        result = self._session.execute(
            update(_rounds)
            .where(_rounds.c.id == round_id, _rounds.c.closed_at.is_(None))
            .values(closed_at=at, aggregate=_document(aggregate))
        )
        if _rowcount(result) != 1:
            return False
        self._session.execute(delete(_answers).where(_answers.c.round_id == round_id))
        if self._session.get_bind().dialect.name == "sqlite":
            # secure_delete zeroes the answers' pages in the database file, but their bytes stay
            # in the write-ahead log until a checkpoint: run one as soon as the close is kept.
            event.listen(self._session, "after_commit", _checkpoint, once=True)
        return True

    def teams_with_rounds(self, org_id: str, team_ids: Collection[str]) -> set[str]:
        if not team_ids:
            return set()
        query = (
            select(_rounds.c.team_id)
            .where(_rounds.c.org_id == org_id, _rounds.c.team_id.in_(sorted(team_ids)))
            .distinct()
        )
        return set(self._session.scalars(query))

    def unused_closed(self, org_id: str, team_id: str) -> SurveyRound | None:
        found = self._session.execute(_UNUSED_CLOSED, {"org_id": org_id, "team_id": team_id})
        row = found.one_or_none()
        return _round(row) if row else None

    def mark_used(self, round_id: str, assessment_id: str) -> None:
        """Record the assessment that took the round's aggregate; NotFoundError for no round."""
        result = self._session.execute(
            update(_rounds).where(_rounds.c.id == round_id).values(used_by=assessment_id)
        )
        if _rowcount(result) != 1:
            raise NotFoundError(f"no round with id {round_id}")

    def delete_closed_before(self, cutoff: datetime) -> int:
        """Delete the rounds closed before `cutoff` (retention), with any answers; how many."""
        old = select(_rounds.c.id).where(_rounds.c.closed_at < cutoff)
        self._session.execute(delete(_answers).where(_answers.c.round_id.in_(old)))
        result = self._session.execute(delete(_rounds).where(_rounds.c.closed_at < cutoff))
        return _rowcount(result)


def _document(aggregate: MemberAggregate | None) -> dict[str, Any] | None:
    return aggregate.model_dump(mode="json") if aggregate is not None else None


def _round(row: Row[Any]) -> SurveyRound:
    return SurveyRound(
        id=row.id,
        org_id=row.org_id,
        team_id=row.team_id,
        opened_at=row.opened_at,
        deadline=row.deadline,
        opened_by=row.opened_by,
        closed_at=row.closed_at,
        aggregate=MemberAggregate.model_validate(row.aggregate) if row.aggregate else None,
        used_by=row.used_by,
    )
