"""Organisations and their units: made and listed (the tree of förvaltning, avdelning, enhet).

An admin makes organisations; an admin or an HR partner of the whole organisation makes units;
its HR partners read them. Everyone signed in lists the organisations they work in.
"""

from typing import Annotated

from fastapi import APIRouter, Path

from api.auth import UserDep
from api.deps import JSON_BODY, UnitOfWorkDep, id_in
from api.errors import BODY, CONFLICT, VALIDATION
from api.json_body import JsonBodyRoute
from api.routes.signed_in import SIGNED_IN
from api.schemas_org import OrganisationCreate, OrganisationPublic, UnitCreate, UnitPublic
from readiness.usecases import organisations as usecase

router = APIRouter(tags=["organisations"], route_class=JsonBodyRoute)
OrgId = Annotated[str, Path(max_length=64, description="the organisation's id")]


@router.post(
    "/organisations",
    status_code=201,
    response_model=OrganisationPublic,
    responses={**VALIDATION, **CONFLICT, **BODY, **SIGNED_IN},
    dependencies=[JSON_BODY],
)
def create_organisation(
    body: OrganisationCreate, uow: UnitOfWorkDep, principal: UserDep
) -> OrganisationPublic:
    """A new organisation; its id is case-insensitive and may use letters of any script.
    Admins only (404 for anyone else)."""
    made = usecase.create_organisation(uow, body.id, body.name, principal=principal)
    return OrganisationPublic.of(made)


@router.get("/organisations", response_model=list[OrganisationPublic], responses={**SIGNED_IN})
def list_organisations(uow: UnitOfWorkDep, principal: UserDep) -> list[OrganisationPublic]:
    """The organisations you work in (an admin: every one), by id."""
    return [OrganisationPublic.of(o) for o in usecase.organisations(uow, principal)]


@router.post(
    "/organisations/{org_id}/units",
    status_code=201,
    response_model=UnitPublic,
    responses={**VALIDATION, **SIGNED_IN, **CONFLICT, **BODY},
    dependencies=[JSON_BODY],
)
def create_unit(
    org_id: OrgId, body: UnitCreate, uow: UnitOfWorkDep, principal: UserDep
) -> UnitPublic:
    """A unit, at the top of the organisation or under `parent`; by an admin or an HR partner
    of the whole organisation."""
    unit = usecase.create_unit(
        uow,
        id_in("path", "org_id", org_id),
        body.id,
        body.name,
        kind=body.kind,
        parent=body.parent,
        principal=principal,
    )
    return UnitPublic.of(unit, id_in("body", "parent", body.parent) if body.parent else None)


@router.get(
    "/organisations/{org_id}/units",
    response_model=list[UnitPublic],
    responses={**VALIDATION, **SIGNED_IN},
)
def list_units(org_id: OrgId, uow: UnitOfWorkDep, principal: UserDep) -> list[UnitPublic]:
    """The organisation's units as a tree, each level by name; for its HR partners and admins."""
    tree = usecase.unit_tree(uow, id_in("path", "org_id", org_id), principal)
    return [UnitPublic.tree(node) for node in tree]
