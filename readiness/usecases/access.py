"""Who may see what, applied to what storage knows (the rules themselves: readiness.access).

The use cases call these inside their unit of work: they load the facts the pure rules need (a
team's unit and managers, the unit tree) and raise NotFoundError, worded exactly as for something
that does not exist, when the caller may not see it. So the API and the pages answer 404, never
403, and neither an id nor a name leaks.

`principal=None` is a trusted local caller (the command line and the library, which hold the
database anyway): it sees everything. The service always passes who asks, `ANONYMOUS` included.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from readiness.access import (
    Principal,
    TeamFacts,
    hr_units,
    limited_to_units,
    may_follow_organisation,
    may_see_team,
    sees_organisation,
    sees_whole_organisation,
)
from readiness.errors import NotFoundError
from readiness.organisation import Organisation, Sort, Tally, Team, TeamFilter
from readiness.usecases.memory import (
    counted_by_unit,
    first_due,
    first_of_each_unit,
    matches,
    ordered,
    page_of,
)
from readiness.usecases.ports import StoredAssessment, UnitOfWork

# Refused as an address nothing answers: the same words FastAPI gives an unknown route.
NOT_FOUND = "Not Found"


def unit_parents(uow: UnitOfWork, org_id: str) -> dict[str, str | None]:
    """Each unit of the organisation with its parent: the tree `hr_units` reads."""
    return {u.id: u.parent_id for u in uow.organisations.units(org_id)}


def team_facts(uow: UnitOfWork, org_id: str, team_id: str) -> TeamFacts:
    """Where the team sits and who manages it (no unit and no manager for an unknown team)."""
    team = uow.teams.get(org_id, team_id)
    managers = uow.team_managers.of_team(org_id, team_id)
    return TeamFacts(org_id, team_id, team.unit_id if team else None, managers)


def known_team(uow: UnitOfWork, facts: TeamFacts) -> bool:
    """Whether the team exists: registered, assessed, or given a manager."""
    return bool(facts.managers) or uow.teams.get(facts.org_id, facts.team_id) is not None


def unit_tree(uow: UnitOfWork, principal: Principal, org_id: str) -> dict[str, str | None]:
    """The unit tree when it decides what `principal` sees (an HR partner limited to units);
    for anyone else nothing, and nothing is read: an organisation may have hundreds of units."""
    return unit_parents(uow, org_id) if limited_to_units(principal) else {}


def sees_team(uow: UnitOfWork, principal: Principal | None, org_id: str, team_id: str) -> bool:
    """Whether `principal` may read the team and its history, and store or survey for it."""
    return principal is None or _facts_seen(uow, principal, org_id, team_id) is not None


def require_team(
    uow: UnitOfWork, principal: Principal | None, org_id: str, team_id: str
) -> TeamFacts:
    """The team's facts; NotFoundError when `principal` may not see it (or it does not exist)."""
    if principal is None:
        return team_facts(uow, org_id, team_id)
    facts = _facts_seen(uow, principal, org_id, team_id)
    if facts is None:
        raise NotFoundError(f"no team {team_id} in {org_id}")
    return facts


def _facts_seen(
    uow: UnitOfWork, principal: Principal, org_id: str, team_id: str
) -> TeamFacts | None:
    """The team's facts when `principal` may see it, read once; None when they may not."""
    if not sees_organisation(principal, org_id):
        return None
    facts = team_facts(uow, org_id, team_id)
    return facts if may_see_team(principal, facts, unit_tree(uow, principal, org_id)) else None


def require_org(uow: UnitOfWork, principal: Principal | None, org_id: str) -> Organisation:
    """The organisation when `principal` works in it; NotFoundError otherwise, as for none."""
    if principal is not None and not sees_organisation(principal, org_id):
        raise NotFoundError(f"no organisation {org_id}")
    return uow.organisations.get(org_id)


def require_admin(principal: Principal | None) -> None:
    """Organisations, users, tokens: admins only; anyone else is answered as at no address."""
    user = principal.user if principal is not None else None
    if principal is not None and (user is None or user.role != "admin" or user.disabled):
        raise NotFoundError(NOT_FOUND)


def require_whole_org(uow: UnitOfWork, principal: Principal | None, org_id: str) -> None:
    """Admin, or an HR partner of the whole organisation (to make units); else NotFoundError."""
    if principal is not None and not sees_whole_organisation(principal, org_id):
        raise NotFoundError(f"no organisation {org_id}")
    uow.organisations.get(org_id)


@dataclass(frozen=True)
class Visible:
    """Which teams of an organisation someone sees: all, those of some units, or some teams."""

    org_id: str
    unit_ids: frozenset[str] | None = None  # None: every unit (and teams in none)
    team_ids: frozenset[str] | None = None  # None: every team within `unit_ids`

    @property
    def everything(self) -> bool:
        return self.unit_ids is None and self.team_ids is None

    def includes(self, team: Team) -> bool:
        if self.team_ids is not None and team.id not in self.team_ids:
            return False
        return self.unit_ids is None or team.unit_id in self.unit_ids

    def narrow(self, where: TeamFilter) -> TeamFilter:
        """`where`, limited to the units seen."""
        if self.unit_ids is None:
            return where
        wanted = self.unit_ids if where.unit_ids is None else where.unit_ids & self.unit_ids
        return replace(where, unit_ids=frozenset(wanted))

    def ordered(self, uow: UnitOfWork, where: TeamFilter, *, sort: Sort) -> Iterator[Team]:
        """Of the teams `teams` gives, TeamRepository.ordered."""
        if self.team_ids is None:
            return uow.teams.ordered(self.org_id, self.narrow(where), sort=sort)
        return iter(ordered(self.teams(uow, where), sort))

    def page(
        self, uow: UnitOfWork, where: TeamFilter, *, sort: Sort, offset: int, limit: int
    ) -> list[Team]:
        """Of the teams `teams` gives, TeamRepository.page."""
        if self.team_ids is None:
            narrowed = self.narrow(where)
            return uow.teams.page(self.org_id, narrowed, sort=sort, offset=offset, limit=limit)
        return page_of(self.teams(uow, where), sort, offset, limit)

    def count(self, uow: UnitOfWork, where: TeamFilter) -> int:
        """How many teams `teams` gives (TeamRepository.count)."""
        if self.team_ids is None:
            return uow.teams.count(self.org_id, self.narrow(where))
        return sum(1 for _ in self.teams(uow, where))

    def count_by_unit(self, uow: UnitOfWork, where: TeamFilter) -> dict[str | None, int]:
        """Of the teams `teams` gives, TeamRepository.count_by_unit."""
        if self.team_ids is None:
            return uow.teams.count_by_unit(self.org_id, self.narrow(where))
        return counted_by_unit(self.teams(uow, where))

    def first_by_unit(
        self, uow: UnitOfWork, where: TeamFilter, limit: int
    ) -> dict[str | None, list[Team]]:
        """Of the teams `teams` gives, TeamRepository.first_by_unit."""
        if self.team_ids is None:
            return uow.teams.first_by_unit(self.org_id, self.narrow(where), limit)
        return first_of_each_unit(self.teams(uow, where), limit)

    def tally(self, uow: UnitOfWork, where: TeamFilter, due_by: datetime) -> Tally:
        """What `Tally.of` counts of the teams `teams` gives (TeamRepository.tally)."""
        if self.team_ids is None:
            return uow.teams.tally(self.org_id, self.narrow(where), due_by)
        return Tally.of(self.teams(uow, where), due_by)

    def first_due(self, uow: UnitOfWork, where: TeamFilter, limit: int) -> list[Team]:
        """Of the teams `teams` gives, TeamRepository.first_due."""
        if self.team_ids is None:
            return uow.teams.first_due(self.org_id, self.narrow(where), limit)
        return first_due(self.teams(uow, where), limit)

    def teams(self, uow: UnitOfWork, where: TeamFilter) -> Iterator[Team]:
        """The teams seen that match `where`, by id; a manager's few are read one by one."""
        if self.team_ids is None:
            yield from uow.teams.find(self.org_id, self.narrow(where))
            return
        for team_id in sorted(self.team_ids):
            team = uow.teams.get(self.org_id, team_id)
            # The in-memory adapter's reading of a filter is the one the SQL adapter follows.
            if team is not None and matches(team, self.narrow(where)):
                yield team


def visible_team_filter(uow: UnitOfWork, principal: Principal | None, org_id: str) -> Visible:
    """The teams of `org_id` that `principal` sees: an admin or a whole-organisation HR partner
    every one, an HR partner limited to units those of their units, a manager their own.
    NotFoundError when they do not work in the organisation."""
    require_org(uow, principal, org_id)
    if principal is None or principal.user is None or principal.is_admin:
        return Visible(org_id)
    if principal.role == "manager":
        own = {team for org, team in uow.team_managers.teams_of(principal.user.id) if org == org_id}
        return Visible(org_id, team_ids=frozenset(own))
    scope = hr_units(principal, unit_tree(uow, principal, org_id))
    return Visible(org_id, unit_ids=None if scope is None else frozenset(scope))


def require_follow(
    uow: UnitOfWork, principal: Principal | None, org_id: str, *, refusal: str | None = None
) -> Visible:
    """For portfolios, waves and batches: an admin or an HR partner of `org_id`, with the teams
    they see; NotFoundError (worded as `refusal`, or as no such organisation) for anyone else."""
    if principal is not None and not may_follow_organisation(principal, org_id):
        raise NotFoundError(refusal or f"no organisation {org_id}")
    return visible_team_filter(uow, principal, org_id)


def check_follow(uow: UnitOfWork, principal: Principal | None, org_id: str) -> None:
    """`require_follow` in a unit of work of its own: to refuse before reading an upload."""
    with uow:
        require_follow(uow, principal, org_id)


def require_store(
    uow: UnitOfWork, principal: Principal | None, org_id: str, team_id: str | None
) -> bool:
    """NotFoundError unless `principal` may store an assessment of `team_id` in `org_id`.

    Anyone who works in the organisation may store a profile without a team; a team they see,
    they may assess. A new team may be made by a manager (who becomes its manager: True is
    returned), an HR partner of the whole organisation or an admin; an HR partner limited to
    units is told nothing more than of a team they may not see.
    """
    require_org(uow, principal, org_id)
    if principal is None or team_id is None:
        return False
    facts = team_facts(uow, org_id, team_id)
    if known_team(uow, facts):
        if may_see_team(principal, facts, unit_tree(uow, principal, org_id)):
            return False
    elif principal.role == "manager":
        return True
    elif sees_whole_organisation(principal, org_id):
        return False
    raise NotFoundError(f"no team {team_id} in {org_id} that you may assess")


def user_id(principal: Principal | None) -> str | None:
    """Who made something, for `created_by`."""
    return principal.user_id if principal is not None else None


def may_read(uow: UnitOfWork, principal: Principal | None, stored: StoredAssessment) -> bool:
    """A team's assessment: whoever sees the team. One without a team: its creator, an admin
    and the HR partners of the whole organisation."""
    if principal is None:
        return True
    if stored.team_id is not None:
        return sees_team(uow, principal, stored.org_id, stored.team_id)
    user = principal.user
    if user is not None and not user.disabled and stored.created_by == user.id:
        return True
    return sees_whole_organisation(principal, stored.org_id)


def require_assessment(
    uow: UnitOfWork, principal: Principal | None, assessment_id: str
) -> StoredAssessment:
    """The stored assessment; NotFoundError, as for an unknown id, when `principal` may not read it."""
    stored = uow.assessments.get(assessment_id)
    if not may_read(uow, principal, stored):
        raise NotFoundError(f"no assessment with id {assessment_id}")
    return stored
