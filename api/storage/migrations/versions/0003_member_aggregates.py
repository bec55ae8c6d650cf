"""Members' answers are no longer kept: each stored profile keeps only their aggregate.

Until now a stored profile held every member's answers verbatim, even for one or two members
whose answers the assessment did not use. Each is replaced by what the assessment made of them
(its `members`: how many answered and, at or above the anonymity threshold, their medians), which
decides exactly as the answers did.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    bind = op.get_bind()
    assessments = sa.table(
        "assessments",
        sa.column("seq", sa.Integer()),
        sa.column("profile", sa.JSON()),
        sa.column("assessment", sa.JSON()),
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(assessments.c.seq, assessments.c.profile, assessments.c.assessment)
            .where(assessments.c.seq > last)
            .order_by(assessments.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for seq, profile, assessment in rows:
            if profile and "member_answers" in profile:
                bind.execute(
                    assessments.update()
                    .where(assessments.c.seq == seq)
                    .values(profile=_without_answers(profile, assessment or {}))
                )
        last = rows[-1][0]


def _without_answers(profile: dict[str, Any], assessment: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in profile.items() if k != "member_answers"}
    members = assessment.get("members") or {}
    # The true count from the answers themselves (a member who answered nothing did not answer):
    # an assessment's own `members.respondents` is coarsened ("3–4") since survey rounds came.
    answered = [m for m in profile.get("member_answers") or [] if isinstance(m, dict) and m]
    respondents = len(
        [m for m in answered if any(value is not None for value in m.values())]
    ) or int(members.get("respondents") or 0)
    if respondents:
        medians = members.get("dimensions") or {} if members.get("used") else {}
        kept["members"] = {"respondents": respondents, "medians": medians}
    return kept


def downgrade() -> None:
    """The answers are gone for good; a downgrade keeps the aggregates."""
