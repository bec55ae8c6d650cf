"""GET /portfolio: an organisation's or a unit's teams at a glance, counted and grouped, never ranked."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.auth import UserDep
from api.deps import OrgDep, UnitOfWorkDep, id_in
from api.errors import VALIDATION
from api.routes.signed_in import SIGNED_IN
from api.schemas_org import PortfolioPublic
from readiness.usecases import portfolio as usecase

router = APIRouter(tags=["portfolio"])
MAX_PAGE = 1_000  # the most teams one answer lists: a page of the team list, a portfolio's list
UnitQuery = Annotated[
    str | None, Query(max_length=64, description="a unit id: that unit and every unit below it")
]
LimitQuery = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_PAGE,
        description="at most this many teams in `due` and in each group (every one when not "
        "given); `due_count` and each group's `count` say how many there are. With it, the "
        "figures are counted without reading every team: for a large organisation",
    ),
]


@router.get("/portfolio", response_model=PortfolioPublic, responses={**VALIDATION, **SIGNED_IN})
def read_portfolio(
    uow: UnitOfWorkDep,
    org: OrgDep,
    principal: UserDep,
    unit: UnitQuery = None,
    limit: LimitQuery = None,
) -> PortfolioPublic:
    """Teams per mode and stage, readiness in bands, what limits them, what changed, what is due.

    For an admin or an HR partner of the organisation (one limited to units: over their units).
    """
    chosen = id_in("query", "unit", unit) if unit else None
    found = usecase.portfolio(uow, org, unit=chosen, principal=principal, limit=limit)
    return PortfolioPublic.of(found)
