"""The tables, as the migrations in `migrations/versions/` build them (a test compares the two)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# PostgreSQL keeps JSON as jsonb so that later portfolio queries can look inside it.
Document = JSON().with_variant(JSONB(), "postgresql")


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
    )

    org_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("organisations.id"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
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
