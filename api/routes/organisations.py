"""Organisations and their units: made and listed (the tree of förvaltning, avdelning, enhet)."""

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import JSON_BODY, UnitOfWorkDep, id_in
from api.errors import BODY, CONFLICT, NOT_FOUND, VALIDATION
from api.json_body import JsonBodyRoute
from api.schemas_org import OrganisationCreate, OrganisationPublic, UnitCreate, UnitPublic
from readiness.usecases import organisations as usecase

router = APIRouter(tags=["organisations"], route_class=JsonBodyRoute)
OrgId = Annotated[str, Path(max_length=64, description="the organisation's id")]


@router.post(
    "/organisations",
    status_code=201,
    response_model=OrganisationPublic,
    responses={**VALIDATION, **CONFLICT, **BODY},
    dependencies=[JSON_BODY],
)
def create_organisation(body: OrganisationCreate, uow: UnitOfWorkDep) -> OrganisationPublic:
    """A new organisation; its id is case-insensitive and may use letters of any script."""
    return OrganisationPublic.of(usecase.create_organisation(uow, body.id, body.name))


@router.get("/organisations", response_model=list[OrganisationPublic])
def list_organisations(uow: UnitOfWorkDep) -> list[OrganisationPublic]:
    """Every organisation, by id."""
    return [OrganisationPublic.of(o) for o in usecase.organisations(uow)]


@router.post(
    "/organisations/{org_id}/units",
    status_code=201,
    response_model=UnitPublic,
    responses={**VALIDATION, **NOT_FOUND, **CONFLICT, **BODY},
    dependencies=[JSON_BODY],
)
def create_unit(org_id: OrgId, body: UnitCreate, uow: UnitOfWorkDep) -> UnitPublic:
    """A unit, at the top of the organisation or under `parent`."""
    unit = usecase.create_unit(
        uow, id_in("path", "org_id", org_id), body.id, body.name, kind=body.kind, parent=body.parent
    )
    return UnitPublic.of(unit, id_in("body", "parent", body.parent) if body.parent else None)


@router.get(
    "/organisations/{org_id}/units",
    response_model=list[UnitPublic],
    responses={**VALIDATION, **NOT_FOUND},
)
def list_units(org_id: OrgId, uow: UnitOfWorkDep) -> list[UnitPublic]:
    """The organisation's units as a tree, each level by name."""
    return [
        UnitPublic.tree(node) for node in usecase.unit_tree(uow, id_in("path", "org_id", org_id))
    ]
