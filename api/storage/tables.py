"""The tables, as the migrations in `migrations/versions/` build them (a test compares the two)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Insert,
    Integer,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Serialized(str):
    """A document already written as JSON text (pydantic's `model_dump_json`, in Rust, is a few
    times faster than `model_dump` followed by `json.dumps`): stored as it is."""


def serialize_document(value: Any) -> str:
    """The engines' JSON serializer: a Serialized text as it is, anything else by `json.dumps`."""
    return value if isinstance(value, Serialized) else json.dumps(value)


# PostgreSQL keeps JSON as jsonb so that later portfolio queries can look inside it.
Document = JSON().with_variant(JSONB(), "postgresql")
# A document that may be absent: Python's None is SQL NULL here (not the JSON `null`), so that
# `IS NULL` means what it says.
OptionalDocument = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, also on SQLite, which stores them naive."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class AssessmentRow(Base):
    """One stored assessment: what went in, what came out, and the columns a portfolio filters on."""

    __tablename__ = "assessments"
    __table_args__ = (
        Index("ix_assessments_org_team_created", "org_id", "team_id", "created_at"),
        Index("ix_assessments_org_team_hash", "org_id", "team_id", "profile_hash"),
    )

    # `seq` orders assessments made within the same clock tick; `id` is the one the API shows.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    org_id: Mapped[str] = mapped_column(String(64), default="default")
    team_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lang: Mapped[str] = mapped_column(String(8))
    policy_version: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[str] = mapped_column(String(32))
    mode: Mapped[str] = mapped_column(String(16))
    rollout_stage: Mapped[str] = mapped_column(String(16))
    phase: Mapped[int] = mapped_column(Integer)
    readiness: Mapped[int] = mapped_column(Integer)
    profile: Mapped[dict[str, Any]] = mapped_column(Document)
    assessment: Mapped[dict[str, Any]] = mapped_column(Document)
    # The same profile under the same policy decides the same: a batch run again finds it here.
    profile_hash: Mapped[str | None] = mapped_column(String(64))
    # The user who stored it; None before sign-in existed, or for a batch without a user.
    created_by: Mapped[str | None] = mapped_column(String(36))


class OrganisationRow(Base):
    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UnitRow(Base):
    """A förvaltning, avdelning or enhet: units form a tree inside an organisation."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("org_id", "slug", name="uq_units_org_slug"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(64), ForeignKey("organisations.id"))
    slug: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("units.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TeamRow(Base):
    """A team with its latest assessment's outcome kept beside it, so lists never read documents."""

    __tablename__ = "teams"
    __table_args__ = (
        Index("ix_teams_org_unit", "org_id", "unit_id"),
        Index("ix_teams_org_reassess", "org_id", "reassess_by"),
        Index("ix_teams_org_name_key", "org_id", "name_key", "id"),
    )

    org_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("organisations.id"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    # The display name casefolded, compared byte by byte: what a list sorts by (migration 0005).
    name_key: Mapped[str] = mapped_column(
        String(600).with_variant(String(600, collation="C"), "postgresql")
    )
    unit_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("units.id"))
    current_stage: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_assessment_id: Mapped[str | None] = mapped_column(String(36))
    last_assessed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    mode: Mapped[str | None] = mapped_column(String(16))
    rollout_stage: Mapped[str | None] = mapped_column(String(16))
    readiness: Mapped[int | None] = mapped_column(Integer)
    limiting: Mapped[str | None] = mapped_column(String(200))
    caveats: Mapped[str | None] = mapped_column(String(200))
    reassess_by: Mapped[datetime | None] = mapped_column(UTCDateTime())
    previous_mode: Mapped[str | None] = mapped_column(String(16))
    previous_stage: Mapped[str | None] = mapped_column(String(16))
    previous_readiness: Mapped[int | None] = mapped_column(Integer)


class WaveRow(Base):
    """A rollout wave an HR partner confirmed."""

    __tablename__ = "waves"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(64), ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WaveTeamRow(Base):
    __tablename__ = "wave_teams"

    wave_id: Mapped[str] = mapped_column(String(36), ForeignKey("waves.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    from_stage: Mapped[str] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))


class UserRow(Base):
    """A person who signs in; the email is kept in lower case, so unique regardless of case."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    org_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("organisations.id"))
    unit_ids: Mapped[list[str]] = mapped_column(Document)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean)
    session_epoch: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ApiTokenRow(Base):
    """An API token: its public part as the id, and only a hash of its secret part."""

    __tablename__ = "api_tokens"
    __table_args__ = (Index("ix_api_tokens_user", "user_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TeamManagerRow(Base):
    """A user who manages a team (the team need not have a row yet: it may be stored next)."""

    __tablename__ = "team_managers"
    __table_args__ = (Index("ix_team_managers_user", "user_id"),)

    org_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id"), primary_key=True)


class SignInFailureRow(Base):
    """One failed sign-in under a rate-limit key, kept for the rate limit's window only."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class SecretRow(Base):
    """A secret the workers share, made by whichever started first (the cookie signing key)."""

    __tablename__ = "secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(1024))


class SurveyRoundRow(Base):
    """A member survey round; its aggregate is set once, when it closes."""

    __tablename__ = "survey_rounds"
    __table_args__ = (Index("ix_survey_rounds_org_team", "org_id", "team_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(64), ForeignKey("organisations.id"))
    team_id: Mapped[str] = mapped_column(String(64))
    opened_by: Mapped[str | None] = mapped_column(String(36))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    aggregate: Mapped[dict[str, Any] | None] = mapped_column(OptionalDocument)
    used_by: Mapped[str | None] = mapped_column(String(36))


class SurveyAnswerRow(Base):
    """One member's answers to an open round, and nothing else: a random id and the round.

    No time, no serial number, no order. On SQLite the table has no rowid either (rows are kept
    in the order of their random ids), so not even the file keeps the order they came in.
    """

    __tablename__ = "survey_answers"
    __table_args__ = (
        Index("ix_survey_answers_round", "round_id"),
        {"sqlite_with_rowid": False},
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid4: random
    round_id: Mapped[str] = mapped_column(String(64), ForeignKey("survey_rounds.id"))
    answers: Mapped[dict[str, Any]] = mapped_column(Document)


def table(row: type[Base]) -> Table:
    """The Core table of a mapped class, for statements that go past the ORM."""
    return cast("Table", row.__table__)


def insert_unless_there(session: Session, table: Table, values: dict[str, Any]) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING RETURNING the key: a row whose key (any unique one) is
    taken is left out, and then no row comes back.

    No error, so no savepoint is needed and the caller's transaction goes on. (A SAVEPOINT would
    not do on SQLite: pysqlite begins its transaction only at the first write, so a SAVEPOINT
    first would be the transaction, and releasing it would commit it. RETURNING rather than the
    rowcount, which psycopg leaves at -1 for this statement.)
    """
    insert = _insert(session, table).values(values).on_conflict_do_nothing()
    return insert.returning(*table.primary_key.columns)


def upsert(session: Session, table: Table, keys: Sequence[str]) -> Insert:
    """INSERT … ON CONFLICT (keys) DO UPDATE every other column: the row is inserted, or the one
    there replaced, in one statement, so two sessions that store the same new row both succeed.

    Execute it with every column's value as parameters, one row (a dict) or many (a list of
    dicts, one executemany). The statement is built once per database kind and table.
    """
    return _upsert(session.get_bind().dialect.name, table, tuple(keys))


@functools.cache
def _upsert(dialect: str, table: Table, keys: tuple[str, ...]) -> Insert:
    insert = _insert_for(dialect, table)
    replaced = {c.name: insert.excluded[c.name] for c in table.columns if c.name not in keys}
    return insert.on_conflict_do_update(index_elements=list(keys), set_=replaced)


def _insert(session: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    return _insert_for(session.get_bind().dialect.name, table)


def _insert_for(dialect: str, table: Table) -> postgresql.Insert | sqlite.Insert:
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no INSERT … ON CONFLICT for the {dialect} database")
