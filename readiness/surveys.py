"""Member survey rounds: members answer their items anonymously behind a link, for a while.

A manager (or HR partner) opens a round for a team; members answer the items that are theirs
(`Item.answered_by` members or team) through an unguessable link, once per device, without an
account. Nothing that identifies a respondent is stored: no address, no browser, no time, no
order. Closing (explicitly, or at the deadline) computes the round's aggregate once, deletes the
raw answers in the same transaction, and the aggregate joins the team's next assessment. A closed
round never changes and no answer is carried into another round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from readiness.members import MemberAggregate


@dataclass(frozen=True)
class SurveyRound:
    id: str
    org_id: str
    team_id: str
    opened_at: datetime
    deadline: datetime
    opened_by: str | None = None  # user id
    closed_at: datetime | None = None
    # Set once, when the round closes; None while it is open.
    aggregate: MemberAggregate | None = None
    # The assessment the aggregate joined; a round is used at most once.
    used_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def due(self, now: datetime) -> bool:
        """Open although its deadline has passed: to be closed before anyone reads it."""
        return self.is_open and now >= self.deadline
