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
UnitQuery = Annotated[
    str | None, Query(max_length=64, description="a unit id: that unit and every unit below it")
]


@router.get("/portfolio", response_model=PortfolioPublic, responses={**VALIDATION, **SIGNED_IN})
def read_portfolio(
    uow: UnitOfWorkDep, org: OrgDep, principal: UserDep, unit: UnitQuery = None
) -> PortfolioPublic:
    """Teams per mode and stage, readiness in bands, what limits them, what changed, what is due.

    For an admin or an HR partner of the organisation (one limited to units: over their units).
    """
    chosen = id_in("query", "unit", unit) if unit else None
    return PortfolioPublic.of(usecase.portfolio(uow, org, unit=chosen, principal=principal))
