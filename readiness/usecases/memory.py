"""An in-memory unit of work: the use cases without a database, for tests and small scripts.

It keeps the same promises as the SQL one: nothing is visible before `commit()`, and a block
that ends without committing leaves the store as it was. Each `with` block works on a copy of
the committed state (the stored objects are immutable, so copying the containers is enough).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from readiness.errors import NotFoundError
from readiness.organisation import Organisation, Team, TeamFilter, Unit, Wave
from readiness.usecases.ports import DEFAULT_ORG, StoredAssessment


@dataclass
class _State:
    assessments: list[StoredAssessment] = field(default_factory=list)
    hashes: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    teams: dict[tuple[str, str], Team] = field(default_factory=dict)
    waves: list[Wave] = field(default_factory=list)

    def copy(self) -> _State:
        return _State(
            list(self.assessments),
            dict(self.hashes),
            dict(self.organisations),
            list(self.units),
            dict(self.teams),
            list(self.waves),
        )


class InMemoryAssessments:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, stored: StoredAssessment) -> None:
        if any(s.id == stored.id for s in self._state.assessments):
            raise ValueError(f"an assessment with id {stored.id} is already stored")
        self._state.assessments.append(stored)

    def add_hashed(self, stored: StoredAssessment, profile_hash: str) -> None:
        self.add(stored)
        key = (stored.org_id, stored.team_id or "", profile_hash, stored.policy_version)
        self._state.hashes[key] = stored.id

    def find_same(
        self, org_id: str, team_id: str, profile_hash: str, policy_version: str
    ) -> StoredAssessment | None:
        found = self._state.hashes.get((org_id, team_id, profile_hash, policy_version))
        return self.get(found) if found else None

    def get(self, assessment_id: str) -> StoredAssessment:
        for stored in self._state.assessments:
            if stored.id == assessment_id:
                return stored
        raise NotFoundError(f"no assessment with id {assessment_id}")

    def team_history(
        self, team_id: str, *, org_id: str = DEFAULT_ORG, limit: int = 100
    ) -> list[StoredAssessment]:
        ours = [s for s in self._state.assessments if s.team_id == team_id and s.org_id == org_id]
        # Made in the same instant, the one added later is the newer.
        newest_first = sorted(
            enumerate(ours), key=lambda pair: (pair[1].created_at, pair[0]), reverse=True
        )
        return [stored for _, stored in newest_first[:limit]]


class InMemoryOrganisations:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, organisation: Organisation) -> None:
        if organisation.id in self._state.organisations:
            raise ValueError(f"organisation {organisation.id} exists")
        self._state.organisations[organisation.id] = organisation

    def get(self, org_id: str) -> Organisation:
        try:
            return self._state.organisations[org_id]
        except KeyError:
            raise NotFoundError(f"no organisation {org_id}") from None

    def all(self) -> list[Organisation]:
        return sorted(self._state.organisations.values(), key=lambda o: o.id)

    def add_unit(self, unit: Unit) -> None:
        if any(u.org_id == unit.org_id and u.slug == unit.slug for u in self._state.units):
            raise ValueError(f"unit {unit.slug} exists in {unit.org_id}")
        self._state.units.append(unit)

    def units(self, org_id: str) -> list[Unit]:
        return [u for u in self._state.units if u.org_id == org_id]


class InMemoryTeams:
    def __init__(self, state: _State) -> None:
        self._state = state

    def get(self, org_id: str, team_id: str) -> Team | None:
        return self._state.teams.get((org_id, team_id))

    def save(self, team: Team) -> None:
        self._state.teams[(team.org_id, team.id)] = team

    def find(self, org_id: str, where: TeamFilter) -> Iterator[Team]:
        ours = sorted(
            (t for (org, _), t in self._state.teams.items() if org == org_id), key=lambda t: t.id
        )
        return (team for team in ours if matches(team, where))


class InMemoryWaves:
    def __init__(self, state: _State) -> None:
        self._state = state

    def add(self, wave: Wave) -> None:
        self._state.waves.append(wave)

    def of(self, org_id: str) -> list[Wave]:
        ours = [w for w in self._state.waves if w.org_id == org_id]
        return sorted(ours, key=lambda w: w.created_at, reverse=True)


def matches(team: Team, where: TeamFilter) -> bool:
    """Whether `team` is one of the teams `where` describes (the SQL adapter says the same in SQL)."""
    status = team.status
    if where.unit_ids is not None and team.unit_id not in where.unit_ids:
        return False
    if (where.assessed_only or where.mode or where.stage or where.due_by) and status is None:
        return False
    if status is None:
        return True
    return (
        (where.mode is None or status.mode == where.mode)
        and (where.stage is None or status.rollout_stage == where.stage)
        and (where.due_by is None or status.reassess_by <= where.due_by)
    )


class InMemoryUnitOfWork:
    """A store that lives as long as this object; each `with` block is one transaction."""

    def __init__(self) -> None:
        self._committed = _State()
        # Like a migrated database: the default organisation is there from the start.
        default = Organisation(DEFAULT_ORG, "Standard", datetime.now(UTC))
        self._committed.organisations[DEFAULT_ORG] = default
        self._bind(self._committed.copy())
        self.commits = 0

    def _bind(self, state: _State) -> None:
        self._working = state
        self.assessments = InMemoryAssessments(state)
        self.organisations = InMemoryOrganisations(state)
        self.teams = InMemoryTeams(state)
        self.waves = InMemoryWaves(state)

    def __enter__(self) -> Self:
        self._bind(self._committed.copy())
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._committed = self._working.copy()
        self.commits += 1

    def rollback(self) -> None:
        self._bind(self._committed.copy())
