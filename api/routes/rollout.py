"""Rollout waves (C3, stepwise): propose the next one, confirm it, list them.

For an admin or an HR partner of the organisation (one limited to units: their units' teams).
"""

from typing import Annotated

from fastapi import APIRouter, Query

from api.auth import UserDep
from api.deps import JSON_BODY, OrgDep, UnitOfWorkDep, id_in
from api.errors import BODY, VALIDATION
from api.json_body import JsonBodyRoute
from api.routes.portfolio import UnitQuery
from api.routes.signed_in import SIGNED_IN
from api.schemas_org import Proposal, TeamPublic, WaveCreate, WavePublic
from readiness.usecases import rollout as usecase
from readiness.usecases.rollout import MAX_WAVE

router = APIRouter(tags=["rollout"], route_class=JsonBodyRoute)


@router.get("/rollout/proposal", response_model=Proposal, responses={**VALIDATION, **SIGNED_IN})
def propose_wave(
    uow: UnitOfWorkDep,
    org: OrgDep,
    principal: UserDep,
    size: Annotated[int, Query(ge=1, le=MAX_WAVE, description="at most this many teams")] = 10,
    unit: UnitQuery = None,
) -> Proposal:
    """Teams whose recommended stage is ahead of today's, spread over the units, at most `size`."""
    chosen = id_in("query", "unit", unit) if unit else None
    found = usecase.propose_wave(uow, org, size=size, unit=chosen, principal=principal)
    return Proposal(org_id=org, teams=[TeamPublic.of(s) for s in found])


@router.post(
    "/rollout/waves",
    status_code=201,
    response_model=WavePublic,
    responses={**VALIDATION, **SIGNED_IN, **BODY},
    dependencies=[JSON_BODY],
)
def confirm_wave(
    body: WaveCreate, uow: UnitOfWorkDep, org: OrgDep, principal: UserDep
) -> WavePublic:
    """Move each team one stage on from where it stands, and record the wave."""
    wave = usecase.confirm_wave(uow, body.teams, org, name=body.name, principal=principal)
    return WavePublic.of(wave)


@router.get(
    "/rollout/waves", response_model=list[WavePublic], responses={**VALIDATION, **SIGNED_IN}
)
def list_waves(uow: UnitOfWorkDep, org: OrgDep, principal: UserDep) -> list[WavePublic]:
    """The waves so far, newest first, with their teams and the stages they moved between."""
    return [WavePublic.of(w) for w in usecase.waves(uow, org, principal=principal)]
