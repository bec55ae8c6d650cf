"""GET /portfolio: an organisation's or a unit's teams at a glance, counted and grouped, never ranked."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import OrgDep, UnitOfWorkDep, id_in
from api.errors import NOT_FOUND, VALIDATION
from api.schemas_org import PortfolioPublic
from readiness.usecases import portfolio as usecase

router = APIRouter(tags=["portfolio"])
UnitQuery = Annotated[
    str | None, Query(max_length=64, description="a unit id: that unit and every unit below it")
]


@router.get("/portfolio", response_model=PortfolioPublic, responses={**VALIDATION, **NOT_FOUND})
def read_portfolio(uow: UnitOfWorkDep, org: OrgDep, unit: UnitQuery = None) -> PortfolioPublic:
    """Teams per mode and stage, readiness in bands, what limits them, what changed, what is due."""
    return PortfolioPublic.of(
        usecase.portfolio(uow, org, unit=id_in("query", "unit", unit) if unit else None)
    )
