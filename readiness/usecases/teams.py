"""A team followed over time: its assessments, each with what changed since the one before."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.errors import NotFoundError
from readiness.history import Changes, changes
from readiness.usecases.organisations import slug
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment, UnitOfWork

MAX_HISTORY = 100


@dataclass(frozen=True)
class HistoryEntry:
    stored: StoredAssessment
    changes: Changes | None  # None for the team's first assessment


@dataclass(frozen=True)
class TeamHistory:
    team_id: str
    org_id: str
    entries: list[HistoryEntry]  # newest first


def team_history(
    uow: UnitOfWork, team_id: str, *, limit: int = MAX_HISTORY, org_id: str = DEFAULT_ORG
) -> TeamHistory:
    """The team's newest `limit` assessments, newest first, each with its changes.

    Even the oldest one shown says what changed, when an older one exists. NotFoundError for a
    team with no assessments.
    """
    if not 1 <= limit <= MAX_HISTORY:
        raise ValueError(f"limit must be 1..{MAX_HISTORY}, got {limit}")
    team_id = slug(team_id, "team_id")  # "Nord" and "nord" are one team
    with uow:
        newest_first = uow.assessments.team_history(team_id, org_id=org_id, limit=limit + 1)
    if not newest_first:
        raise NotFoundError(f"no assessments for team {team_id}")
    older: list[StoredAssessment | None] = [*newest_first[1:], None]
    entries = [
        HistoryEntry(stored, changes(previous.assessment, stored.assessment) if previous else None)
        for stored, previous in zip(newest_first, older, strict=True)
    ]
    return TeamHistory(team_id=team_id, org_id=org_id, entries=entries[:limit])
