"""Sign-in and member survey rounds: users, API tokens, team managers, sign-in failures, shared
secrets, survey rounds and their anonymous answers; and who stored each assessment.

Assessments stored before this revision have no `created_by` (NULL): they were made before
anyone signed in.

A survey answer is kept with a random id and its round and nothing else: no time, no serial, no
order. On SQLite its table is WITHOUT ROWID, so not even an implicit rowid keeps the order the
answers came in.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Written out here rather than imported from api.storage.tables: a migration must not change
# when the models do.
_when = sa.DateTime(timezone=True)
_document = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.add_column("assessments", sa.Column("created_by", sa.String(36), nullable=True))
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("organisations.id"), nullable=True),
        sa.Column("unit_ids", _document, nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        sa.Column("created_at", _when, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("secret_hash", sa.String(128), nullable=False),
        sa.Column("created_at", _when, nullable=False),
        sa.Column("revoked_at", _when, nullable=True),
    )
    op.create_index("ix_api_tokens_user", "api_tokens", ["user_id"])
    op.create_table(
        "team_managers",
        sa.Column("org_id", sa.String(64), primary_key=True),
        sa.Column("team_id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), primary_key=True),
    )
    op.create_index("ix_team_managers_user", "team_managers", ["user_id"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("at", _when, nullable=False),
    )
    op.create_index("ix_sign_in_failures_key_at", "sign_in_failures", ["key", "at"])
    op.create_table(
        "secrets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(1024), nullable=False),
    )
    op.create_table(
        "survey_rounds",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("team_id", sa.String(64), nullable=False),
        sa.Column("opened_by", sa.String(36), nullable=True),
        sa.Column("opened_at", _when, nullable=False),
        sa.Column("deadline", _when, nullable=False),
        sa.Column("closed_at", _when, nullable=True),
        sa.Column("aggregate", _document, nullable=True),
        sa.Column("used_by", sa.String(36), nullable=True),
    )
    op.create_index("ix_survey_rounds_org_team", "survey_rounds", ["org_id", "team_id"])
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("round_id", sa.String(64), sa.ForeignKey("survey_rounds.id"), nullable=False),
        sa.Column("answers", _document, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_survey_answers_round", "survey_answers", ["round_id"])


def downgrade() -> None:
    op.drop_index("ix_survey_answers_round", table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_index("ix_survey_rounds_org_team", table_name="survey_rounds")
    op.drop_table("survey_rounds")
    op.drop_table("secrets")
    op.drop_index("ix_sign_in_failures_key_at", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_team_managers_user", table_name="team_managers")
    op.drop_table("team_managers")
    op.drop_index("ix_api_tokens_user", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_table("users")
    with op.batch_alter_table("assessments") as batch:  # SQLite cannot drop a column in place
        batch.drop_column("created_by")
