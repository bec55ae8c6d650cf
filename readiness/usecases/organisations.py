"""Organisations, units and teams: made, listed, named and placed in the unit tree."""

from __future__ import annotations

import difflib
import unicodedata
import uuid
from dataclasses import dataclass, replace

from readiness.access import Principal, sees_organisation
from readiness.errors import ConflictError, InputError, NotFoundError, Problem
from readiness.organisation import UNIT_KINDS, Organisation, Team, Unit, UnitKind
from readiness.teams import team_slug
from readiness.usecases import access
from readiness.usecases.assessments import Clock, utc_now
from readiness.usecases.ports import UnitOfWork

MAX_NAME = 200


@dataclass(frozen=True)
class UnitNode:
    unit: Unit
    children: tuple[UnitNode, ...]


def slug(text: str, field: str) -> str:
    """`text` as an id (case-insensitive, any script), or InputError naming `field`."""
    try:
        return team_slug(text)
    except ValueError as error:
        raise InputError([Problem((field,), str(error), "invalid_id")]) from None


def name_of(text: str, field: str = "name") -> str:
    """A display name: any script, 1 to MAX_NAME characters, no control characters (a NUL byte
    cannot be stored, and a line break in a name breaks every list it is in)."""
    name = text.strip()
    if not name or len(name) > MAX_NAME:
        raise InputError([Problem((field,), f"give a name of 1 to {MAX_NAME} characters", "name")])
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise InputError([Problem((field,), "a name cannot hold control characters", "name")])
    return name


def create_organisation(
    uow: UnitOfWork,
    org_id: str,
    name: str,
    *,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Organisation:
    """A new organisation; only an admin makes one (NotFoundError for anyone else)."""
    access.require_admin(principal)
    organisation = Organisation(slug(org_id, "id"), name_of(name), clock())
    with uow:
        if organisation.id in {o.id for o in uow.organisations.all()}:
            raise ConflictError(f"organisation {organisation.id} already exists")
        uow.organisations.add(organisation)
        uow.commit()
    return organisation


def organisations(uow: UnitOfWork, principal: Principal | None = None) -> list[Organisation]:
    """The organisations `principal` works in (an admin: every one), by id."""
    with uow:
        found = uow.organisations.all()
    return [o for o in found if principal is None or sees_organisation(principal, o.id)]


def create_unit(
    uow: UnitOfWork,
    org_id: str,
    unit_id: str,
    name: str,
    *,
    kind: str = "enhet",
    parent: str | None = None,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Unit:
    """A unit in the organisation's tree, under `parent` (a unit id) or at the top; made by an
    admin or an HR partner of the whole organisation (NotFoundError for anyone else)."""
    if kind not in UNIT_KINDS:
        allowed = ", ".join(UNIT_KINDS)
        raise InputError([Problem(("kind",), f"{kind!r} is not one of {allowed}", "kind")])
    unit_slug, unit_name = slug(unit_id, "id"), name_of(name)
    with uow:
        access.require_whole_org(uow, principal, org_id)
        units = {u.slug: u for u in uow.organisations.units(org_id)}
        if unit_slug in units:
            raise ConflictError(f"unit {unit_slug} already exists in {org_id}")
        parent_id = None
        if parent is not None:
            parent_id = _unit(units, slug(parent, "parent"), "parent").id
        unit = Unit(_new_id(), org_id, unit_slug, unit_name, _kind(kind), parent_id, clock())
        uow.organisations.add_unit(unit)
        uow.commit()
    return unit


def unit_tree(uow: UnitOfWork, org_id: str, principal: Principal | None = None) -> list[UnitNode]:
    """The organisation's units as a tree, each level in name order; for its HR partners and
    admins (NotFoundError for anyone else)."""
    with uow:
        access.require_follow(uow, principal, org_id)
        units = uow.organisations.units(org_id)

    def children(parent: str | None) -> tuple[UnitNode, ...]:
        level = sorted((u for u in units if u.parent_id == parent), key=lambda u: u.name.lower())
        return tuple(UnitNode(u, children(u.id)) for u in level)

    return list(children(None))


def within(units: list[Unit], unit_slug: str) -> frozenset[str]:
    """The ids of the unit called `unit_slug` and of every unit below it; InputError if none."""
    top = _unit({u.slug: u for u in units}, unit_slug, "unit", source="query")
    found = {top.id}
    grew = True
    while grew:
        below = {u.id for u in units if u.parent_id in found}
        grew = not below <= found
        found |= below
    return frozenset(found)


def save_team(
    uow: UnitOfWork,
    org_id: str,
    team_id: str,
    *,
    name: str | None = None,
    unit: str | None = None,
    clock: Clock = utc_now,
    principal: Principal | None = None,
) -> Team:
    """Register a team, or give a known one a display name or a unit.

    For an admin or an HR partner of the organisation; one limited to units changes only the
    teams of their units and places them only there. NotFoundError for anyone else.
    """
    team_slug_ = slug(team_id, "team_id")
    refusal = f"no team {team_slug_} in {org_id} that you may change"
    with uow:
        visible = access.require_follow(uow, principal, org_id, refusal=refusal)
        known = uow.teams.get(org_id, team_slug_)
        team = known or Team(org_id, team_slug_, None, None, "none", clock())
        if name is not None:
            team = replace(team, name=name_of(name))
        if unit is not None:
            units = {u.slug: u for u in uow.organisations.units(org_id)}
            team = replace(team, unit_id=_unit(units, slug(unit, "unit"), "unit").id)
        if not (known is None or visible.includes(known)) or not visible.includes(team):
            raise NotFoundError(refusal)
        uow.teams.save(team)
        uow.commit()
    return team


def _unit(units: dict[str, Unit], unit_slug: str, field: str, source: str = "body") -> Unit:
    if unit_slug in units:
        return units[unit_slug]
    close = difflib.get_close_matches(unit_slug, list(units), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise InputError([Problem((field,), f"no unit {unit_slug!r}{hint}", "unknown_unit")], source)


def _kind(kind: str) -> UnitKind:
    return next(k for k in UNIT_KINDS if k == kind)


def _new_id() -> str:
    return str(uuid.uuid4())
