"""GET /teams/{team_id}/assessments: a team's history, newest first, with what changed."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import RepositoryDep
from api.errors import NOT_FOUND, VALIDATION
from api.history import with_changes
from api.schemas import HistoryEntry, StoredAssessmentPublic, TeamHistory
from api.storage.repository import DEFAULT_ORG
from readiness.models import TeamId

router = APIRouter(tags=["teams"])


@router.get(
    "/teams/{team_id}/assessments",
    response_model=TeamHistory,
    responses={**VALIDATION, **NOT_FOUND},
)
def read_team_history(
    team_id: Annotated[TeamId, Path(description="the team_id the profiles gave")],
    repository: RepositoryDep,
    limit: Annotated[int, Query(ge=1, le=100, description="at most this many, newest first")] = 100,
) -> TeamHistory:
    """The team's assessments, newest first; each says what changed since the one before it."""
    # One more than shown, so that the oldest one shown can say what changed too.
    history = with_changes(repository.team_history(team_id, limit=limit + 1))[:limit]
    return TeamHistory(
        team_id=team_id,
        org_id=DEFAULT_ORG,
        assessments=[
            HistoryEntry(**dict(StoredAssessmentPublic.of(stored)), changes=change)
            for stored, change in history
        ],
    )
