"""Each team's name as lists sort it: `name_key`, its display name casefolded, and an index.

A list of teams by name sorts by `str.casefold()` of the name (or of the id, for a team with no
name), which no database does the same way: SQLite's `lower()` folds ASCII only, and
PostgreSQL's order follows the database's locale. So the key is worked out in Python when a team
is saved, and compared byte by byte (PostgreSQL: `COLLATE "C"`; SQLite's default), which is the
order of Python's strings. A page of 100 teams by name is then read through the index, not by
reading and sorting every team's name.

The teams stored before this revision get their key here, in chunks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Written out here rather than imported from api.storage.tables: a migration must not change
# when the models do. Casefolding makes a name at most three times as long (200 characters, or
# an id of 64).
_key = sa.String(600).with_variant(sa.String(600, collation="C"), "postgresql")
_CHUNK = 1_000


def upgrade() -> None:
    op.add_column("teams", sa.Column("name_key", _key, nullable=True))
    teams = sa.table(
        "teams",
        sa.column("org_id", sa.String),
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("name_key", _key),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(teams.c.org_id, teams.c.id, teams.c.name)).all()
    statement = (
        teams.update()
        .where(teams.c.org_id == sa.bindparam("o"), teams.c.id == sa.bindparam("i"))
        .values(name_key=sa.bindparam("k"))
    )
    for start in range(0, len(rows), _CHUNK):
        bind.execute(
            statement,
            [
                {"o": org_id, "i": team_id, "k": (name or team_id).casefold()}
                for org_id, team_id, name in rows[start : start + _CHUNK]
            ],
        )
    with op.batch_alter_table("teams") as batch:  # SQLite cannot make a column NOT NULL in place
        batch.alter_column("name_key", existing_type=_key, nullable=False)
    op.create_index("ix_teams_org_name_key", "teams", ["org_id", "name_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_teams_org_name_key", table_name="teams")
    with op.batch_alter_table("teams") as batch:  # SQLite cannot drop a column in place
        batch.drop_column("name_key")
