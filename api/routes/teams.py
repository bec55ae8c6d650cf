"""GET /teams/{team_id}/assessments: a team's history, newest first, with what changed."""

from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request, Response

from api.auth import UserDep
from api.deps import JSON_BODY, OrgDep, UnitOfWorkDep
from api.errors import BODY, VALIDATION
from api.json_body import JsonBodyRoute
from api.routes.signed_in import SIGNED_IN
from api.schemas import TeamHistoryPublic
from api.schemas_org import TeamPublic, TeamUpdate
from readiness import usecases
from readiness.models import TeamId
from readiness.usecases import organisations
from readiness.usecases.teams import DEFAULT_HISTORY, MAX_HISTORY

router = APIRouter(tags=["teams"], route_class=JsonBodyRoute)
NEXT = '`<…>; rel="next"`: the page of older assessments, when there is one (as `next`)'


@router.get(
    "/teams/{team_id}/assessments",
    response_model=TeamHistoryPublic,
    # Exactly as stored: a document made under policy 1 gains none of the fields added since.
    response_model_exclude_unset=True,
    responses={
        200: {"headers": {"Link": {"description": NEXT, "schema": {"type": "string"}}}},
        **VALIDATION,
        **SIGNED_IN,
    },
)
def read_team_history(
    team_id: Annotated[TeamId, Path(description="the team_id the profiles gave")],
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    request: Request,
    response: Response,
    limit: Annotated[
        int, Query(ge=1, le=MAX_HISTORY, description="at most this many, newest first")
    ] = DEFAULT_HISTORY,
    before: Annotated[
        UUID | None,
        Query(description="only assessments older than this one: the `next` link gives it"),
    ] = None,
) -> TeamHistoryPublic:
    """A page of the team's assessments, newest first, exactly as they were made; each says
    what changed since the one before it. `next` links the older ones. 404 for a team you may
    not see, and for a `before` that is not one of the team's assessments."""
    history = usecases.team_history(
        uow,
        team_id,
        limit=limit,
        before=str(before) if before else None,
        with_profiles=True,
        org_id=org,
        principal=principal,
    )
    following = next_page(request, history.older)
    if following is not None:
        response.headers["Link"] = f'<{following}>; rel="next"'
    return TeamHistoryPublic.of(history, following)


def next_page(request: Request, before: str | None) -> str | None:
    """The address of the older page: this one's, with `before=` the oldest assessment shown."""
    if before is None:
        return None
    return f"{request.url.path}?{urlencode({**request.query_params, 'before': before})}"


@router.put(
    "/teams/{team_id}",
    response_model=TeamPublic,
    responses={**VALIDATION, **SIGNED_IN, **BODY},
    dependencies=[JSON_BODY],
)
def save_team(
    team_id: Annotated[TeamId, Path(description="the team's id (case-insensitive)")],
    body: TeamUpdate,
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
) -> TeamPublic:
    """Register a team, or give it a display name (any script) or a unit.

    For an admin or an HR partner of the organisation (one limited to units: their teams, and
    only into their units); 404 for anyone else.
    """
    team = organisations.save_team(
        uow, org, team_id, name=body.name, unit=body.unit, principal=principal
    )
    return TeamPublic.of_team(team)
