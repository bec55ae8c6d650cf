"""Organisations, units, teams and rollout waves; team ids case-insensitive.

Every stored assessment keeps its document; its team id is folded to lower case (team ids were
ASCII before, so "Nord" and "nord" were two histories of one team), and each team that has
assessments gets a row with its latest outcome, so that lists and the portfolio never read
documents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_when = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("assessments", sa.Column("profile_hash", sa.String(64), nullable=True))
    op.create_index(
        "ix_assessments_org_team_hash", "assessments", ["org_id", "team_id", "profile_hash"]
    )
    organisations = op.create_table(
        "organisations",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", _when, nullable=False),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("slug", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("parent_id", sa.String(36), sa.ForeignKey("units.id"), nullable=True),
        sa.Column("created_at", _when, nullable=False),
        sa.UniqueConstraint("org_id", "slug", name="uq_units_org_slug"),
    )
    teams = op.create_table(
        "teams",
        sa.Column("org_id", sa.String(64), sa.ForeignKey("organisations.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("unit_id", sa.String(36), sa.ForeignKey("units.id"), nullable=True),
        sa.Column("current_stage", sa.String(16), nullable=False),
        sa.Column("created_at", _when, nullable=False),
        sa.Column("last_assessment_id", sa.String(36), nullable=True),
        sa.Column("last_assessed_at", _when, nullable=True),
        sa.Column("mode", sa.String(16), nullable=True),
        sa.Column("rollout_stage", sa.String(16), nullable=True),
        sa.Column("readiness", sa.Integer(), nullable=True),
        sa.Column("limiting", sa.String(200), nullable=True),
        sa.Column("caveats", sa.String(200), nullable=True),
        sa.Column("reassess_by", _when, nullable=True),
        sa.Column("previous_mode", sa.String(16), nullable=True),
        sa.Column("previous_stage", sa.String(16), nullable=True),
        sa.Column("previous_readiness", sa.Integer(), nullable=True),
    )
    op.create_index("ix_teams_org_unit", "teams", ["org_id", "unit_id"])
    op.create_index("ix_teams_org_reassess", "teams", ["org_id", "reassess_by"])
    op.create_table(
        "waves",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", _when, nullable=False),
    )
    op.create_table(
        "wave_teams",
        sa.Column("wave_id", sa.String(36), sa.ForeignKey("waves.id"), primary_key=True),
        sa.Column("team_id", sa.String(64), primary_key=True),
        sa.Column("from_stage", sa.String(16), nullable=False),
        sa.Column("to_stage", sa.String(16), nullable=False),
    )
    _move_existing_assessments(organisations, teams)


def _move_existing_assessments(organisations: sa.Table, teams: sa.Table) -> None:
    bind = op.get_bind()
    assessments = sa.table(
        "assessments",
        sa.column("seq", sa.Integer()),
        sa.column("id", sa.String()),
        sa.column("org_id", sa.String()),
        sa.column("team_id", sa.String()),
        sa.column("created_at", _when),
        sa.column("mode", sa.String()),
        sa.column("rollout_stage", sa.String()),
        sa.column("readiness", sa.Integer()),
        sa.column("profile", sa.JSON()),
        sa.column("assessment", sa.JSON()),
    )
    now = datetime.now(UTC)
    bind.execute(
        assessments.update()
        .where(assessments.c.team_id.is_not(None))
        .values(team_id=sa.func.lower(assessments.c.team_id))
    )
    org_ids = {row[0] for row in bind.execute(sa.select(assessments.c.org_id).distinct())}
    for org_id in sorted(org_ids | {"default"}):
        name = "Standard" if org_id == "default" else org_id
        bind.execute(organisations.insert().values(id=org_id, name=name, created_at=now))
    rows = bind.execute(
        sa.select(assessments)
        .where(assessments.c.team_id.is_not(None))
        .order_by(
            assessments.c.org_id, assessments.c.team_id, assessments.c.created_at, assessments.c.seq
        )
    ).mappings()
    latest: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        history = latest.setdefault((row["org_id"], row["team_id"]), [])
        history[:] = [*history[-1:], dict(row)]
    for (org_id, team_id), (*before, last) in latest.items():
        previous = before[-1] if before else None
        bind.execute(teams.insert().values(**_team(org_id, team_id, last, previous, now)))


def _team(
    org_id: str, team_id: str, last: dict[str, Any], previous: dict[str, Any] | None, now: datetime
) -> dict[str, Any]:
    document = last["assessment"] or {}
    created = last["created_at"]
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    context = (last["profile"] or {}).get("context") or {}
    days = int(document.get("reassess_in_days") or 180)
    return {
        "org_id": org_id,
        "id": team_id,
        "name": None,
        "unit_id": None,
        "current_stage": str(context.get("current_stage") or "none"),
        "created_at": now,
        "last_assessment_id": last["id"],
        "last_assessed_at": created,
        "mode": last["mode"],
        "rollout_stage": last["rollout_stage"],
        "readiness": last["readiness"],
        "limiting": ",".join(document.get("limiting") or []) or None,
        "caveats": ",".join(sorted({f["caveat"] for f in document.get("findings") or []})) or None,
        "reassess_by": created + timedelta(days=days) if created else None,
        "previous_mode": previous["mode"] if previous else None,
        "previous_stage": previous["rollout_stage"] if previous else None,
        "previous_readiness": previous["readiness"] if previous else None,
    }


def downgrade() -> None:
    op.drop_table("wave_teams")
    op.drop_table("waves")
    op.drop_index("ix_teams_org_reassess", table_name="teams")
    op.drop_index("ix_teams_org_unit", table_name="teams")
    op.drop_table("teams")
    op.drop_table("units")
    op.drop_table("organisations")
    op.drop_index("ix_assessments_org_team_hash", table_name="assessments")
    with op.batch_alter_table("assessments") as batch:  # SQLite cannot drop a column in place
        batch.drop_column("profile_hash")
