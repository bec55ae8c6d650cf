"""A team followed over time: its assessments, each with what changed since the one before."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.access import Principal
from readiness.errors import NotFoundError
from readiness.history import Changes, changes
from readiness.usecases import access
from readiness.usecases.organisations import slug
from readiness.usecases.ports import DEFAULT_ORG, HistoryRecord, StoredProfile, UnitOfWork

DEFAULT_HISTORY = 100
MAX_HISTORY = 500


@dataclass(frozen=True)
class HistoryEntry:
    stored: HistoryRecord
    changes: Changes | None  # None for the team's first assessment
    profile: StoredProfile | None = None  # only when asked for


@dataclass(frozen=True)
class TeamHistory:
    team_id: str
    org_id: str
    entries: list[HistoryEntry]  # newest first
    # The next page: `before=` this id gives the ones older than this page (None: no older ones).
    older: str | None = None


def team_history(
    uow: UnitOfWork,
    team_id: str,
    *,
    limit: int = DEFAULT_HISTORY,
    before: str | None = None,
    with_profiles: bool = False,
    org_id: str = DEFAULT_ORG,
    principal: Principal | None = None,
) -> TeamHistory:
    """A page of the team's history: its newest `limit` assessments (older than the assessment
    `before`, when given), newest first, each with its changes; their profiles `with_profiles`.

    Only the page's rows are read, and one more, so that even the oldest one shown says what
    changed; profiles only of the entries shown. NotFoundError for a team with no assessments,
    for one `principal` may not see, and for a `before` that is not one of the team's.
    """
    if not 1 <= limit <= MAX_HISTORY:
        raise ValueError(f"limit must be 1..{MAX_HISTORY}, got {limit}")
    team_id = slug(team_id, "team_id")  # "Nord" and "nord" are one team
    with uow:
        if not access.sees_team(uow, principal, org_id, team_id):
            raise NotFoundError(f"no assessments for team {team_id}")
        newest_first = uow.assessments.team_history(
            team_id, org_id=org_id, limit=limit + 1, before=before
        )
        shown = newest_first[:limit]
        profiles = uow.assessments.profiles([s.id for s in shown]) if with_profiles else {}
    if not newest_first and before is None:
        raise NotFoundError(f"no assessments for team {team_id}")
    entries = [
        HistoryEntry(
            stored,
            changes(previous.assessment, stored.assessment) if previous else None,
            profiles.get(stored.id),
        )
        for stored, previous in zip(shown, [*newest_first[1:], None], strict=False)
    ]
    older = shown[-1].id if len(newest_first) > limit else None
    return TeamHistory(team_id=team_id, org_id=org_id, entries=entries, older=older)
