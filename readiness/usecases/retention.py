"""Retention: stored assessments and closed survey rounds are deleted once they are N months old.

The setting `retention_months` (READINESS_RETENTION_MONTHS) says how many; `readiness db prune`
applies it at once, and `readiness serve` at its start and once a day. Deleting is idempotent:
run twice, or by two servers on one database, the second run finds nothing left to delete.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from readiness.usecases.ports import UnitOfWork


@dataclass(frozen=True)
class Pruned:
    """What one application of the retention setting deleted, and what it counted as too old."""

    cutoff: datetime  # everything made (assessments) or closed (rounds) before this went
    assessments: int
    rounds: int


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when it is
    shorter: 31 March less one month is 28 or 29 February)."""
    if months < 0:
        raise ValueError(f"months must be 0 or more, got {months}")
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def apply_retention(uow: UnitOfWork, months: int, now: datetime) -> Pruned:
    """Delete the assessments made, and the survey rounds closed, more than `months` months
    before `now` (aware), in one transaction; how many of each."""
    if months < 1:
        raise ValueError(f"retention must be at least 1 month, got {months}")
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    cutoff = months_before(now, months)
    with uow:
        assessments = uow.assessments.delete_older_than(cutoff)
        rounds = uow.rounds.delete_closed_before(cutoff)
        uow.commit()
    return Pruned(cutoff=cutoff, assessments=assessments, rounds=rounds)
