"""Member survey rounds: open one for a team, list them, close one (readiness.usecases.rounds).

Members answer on the page behind the round's link (`/s/{token}`), not through this API. A round
tells how many answered only as "<3", "3–4" or, from 5, exactly; never an answer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from api.auth import UserDep
from api.deps import JSON_BODY, OrgDep, PolicyDep, UnitOfWorkDep
from api.errors import BODY, CONFLICT, VALIDATION
from api.json_body import JsonBodyRoute
from api.routes.signed_in import SIGNED_IN
from readiness.models import TeamId
from readiness.usecases import rounds
from readiness.usecases.rounds import DEFAULT_DAYS, MAX_DAYS, RoundStatus

router = APIRouter(tags=["survey rounds"], route_class=JsonBodyRoute)
RoundId = Annotated[str, Path(max_length=64, description="the round's id")]


class RoundOpen(BaseModel):
    days: int = Field(
        default=DEFAULT_DAYS, ge=1, le=MAX_DAYS, description="how many days members may answer"
    )


class RoundPublic(BaseModel):
    """A survey round as its team's managers and HR partners see it."""

    id: str
    org_id: str
    team_id: str
    opened_at: datetime
    deadline: datetime = Field(description="members may answer until then; it closes by itself")
    closed_at: datetime | None = Field(description="null while the round is open")
    open: bool
    answers_shown: str = Field(
        description='how many answered: "<3" below the anonymity threshold, "3–4", or the exact '
        "count from 5 on; never anything of the answers"
    )
    link: str | None = Field(description="the members' link while the round is open, else null")
    used: bool = Field(description="whether an assessment of the team has taken its aggregate")

    @classmethod
    def of(cls, status: RoundStatus, request: Request) -> RoundPublic:
        survey = status.survey
        return cls(
            id=survey.id,
            org_id=survey.org_id,
            team_id=survey.team_id,
            opened_at=survey.opened_at,
            deadline=survey.deadline,
            closed_at=survey.closed_at,
            open=survey.is_open,
            answers_shown=status.answers_shown,
            link=member_link(request, status.link) if status.link else None,
            used=status.used,
        )


def member_link(request: Request, token: str) -> str:
    """The address members open: the survey page of this service."""
    return str(request.url_for("survey_page", token=token))


@router.post(
    "/teams/{team_id}/rounds",
    status_code=201,
    response_model=RoundPublic,
    responses={**VALIDATION, **SIGNED_IN, **CONFLICT, **BODY},
    dependencies=[JSON_BODY],
)
def open_round(
    team_id: Annotated[TeamId, Path(description="the team's id (case-insensitive)")],
    body: RoundOpen,
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    policy: PolicyDep,
    request: Request,
) -> RoundPublic:
    """Open a member survey round for the team: members answer through `link` until `deadline`.

    For whoever may see the team (404 for anyone else); 409 while the team has a round open.
    """
    now = datetime.now(UTC)
    survey, token = rounds.open_round(
        uow, principal, org, team_id, now=now, policy=policy, days=body.days
    )
    return RoundPublic.of(RoundStatus(survey, "<3", token), request)


@router.get(
    "/teams/{team_id}/rounds",
    response_model=list[RoundPublic],
    responses={**VALIDATION, **SIGNED_IN},
)
def list_rounds(
    team_id: Annotated[TeamId, Path(description="the team's id (case-insensitive)")],
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    policy: PolicyDep,
    request: Request,
) -> list[RoundPublic]:
    """The team's survey rounds, newest first; those past their deadline are closed first."""
    listed = rounds.rounds_of_team(
        uow, principal, org, team_id, now=datetime.now(UTC), policy=policy
    )
    return [RoundPublic.of(status, request) for status in listed]


@router.post(
    "/rounds/{round_id}/close",
    response_model=RoundPublic,
    responses={**VALIDATION, **SIGNED_IN},
)
def close_round(
    round_id: RoundId, principal: UserDep, uow: UnitOfWorkDep, policy: PolicyDep, request: Request
) -> RoundPublic:
    """Close the round now: its aggregate is computed once and the members' answers deleted;
    the team's next assessment takes it. Closing a closed round changes nothing."""
    closed = rounds.close_round(uow, principal, round_id, now=datetime.now(UTC), policy=policy)
    return RoundPublic.of(closed, request)
