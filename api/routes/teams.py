"""GET /teams/{team_id}/assessments: a team's history, newest first, with what changed."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import JSON_BODY, OrgDep, UnitOfWorkDep
from api.errors import BODY, NOT_FOUND, VALIDATION
from api.json_body import JsonBodyRoute
from api.schemas import TeamHistoryPublic
from api.schemas_org import TeamPublic, TeamUpdate
from readiness import usecases
from readiness.models import TeamId
from readiness.usecases import organisations
from readiness.usecases.teams import MAX_HISTORY

router = APIRouter(tags=["teams"], route_class=JsonBodyRoute)


@router.get(
    "/teams/{team_id}/assessments",
    response_model=TeamHistoryPublic,
    # Exactly as stored: a document made under policy 1 gains none of the fields added since.
    response_model_exclude_unset=True,
    responses={**VALIDATION, **NOT_FOUND},
)
def read_team_history(
    team_id: Annotated[TeamId, Path(description="the team_id the profiles gave")],
    uow: UnitOfWorkDep,
    org: OrgDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_HISTORY, description="at most this many, newest first")
    ] = MAX_HISTORY,
) -> TeamHistoryPublic:
    """The team's assessments, newest first, exactly as they were made; each says what changed
    since the one before it."""
    return TeamHistoryPublic.of(usecases.team_history(uow, team_id, limit=limit, org_id=org))


@router.put(
    "/teams/{team_id}",
    response_model=TeamPublic,
    responses={**VALIDATION, **NOT_FOUND, **BODY},
    dependencies=[JSON_BODY],
)
def save_team(
    team_id: Annotated[TeamId, Path(description="the team's id (case-insensitive)")],
    body: TeamUpdate,
    uow: UnitOfWorkDep,
    org: OrgDep,
) -> TeamPublic:
    """Register a team, or give it a display name (any script) or a unit."""
    team = organisations.save_team(uow, org, team_id, name=body.name, unit=body.unit)
    return TeamPublic.of_team(team)
