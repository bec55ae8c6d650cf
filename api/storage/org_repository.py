"""Organisations, units, teams and waves in SQL, inside the caller's session (its unit of work)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from api.storage.tables import (
    OrganisationRow,
    TeamRow,
    UnitRow,
    WaveRow,
    WaveTeamRow,
    table,
    upsert,
)
from readiness import NotFoundError
from readiness.organisation import (
    Organisation,
    Sort,
    Standing,
    Tally,
    Team,
    TeamFilter,
    TeamStatus,
    Unit,
    UnitKind,
    Wave,
    WaveMove,
    name_key,
)
from readiness.vocabulary import (
    CURRENT_STAGES,
    STAGES,
    CurrentStage,
    stage_of_current,
)

STREAM_CHUNK = 1_000  # teams fetched at a time when a list or a portfolio streams
GET_MANY_CHUNK = 5_000  # ids asked for in one statement

_organisations, _teams = table(OrganisationRow), table(TeamRow)
# Read on most requests, so built once (as in api.storage.access_repository): by the ORM's
# `session.get` a row took some 90 µs, this way 25.
_ORGANISATION_BY_ID = select(_organisations).where(_organisations.c.id == bindparam("org_id"))
_TEAM_BY_ID = select(_teams).where(
    _teams.c.org_id == bindparam("org_id"), _teams.c.id == bindparam("team_id")
)


class SqlOrganisations:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, organisation: Organisation) -> None:
        self._session.add(OrganisationRow(**vars(organisation)))
        self._session.flush()

    def get(self, org_id: str) -> Organisation:
        row = self._session.execute(_ORGANISATION_BY_ID, {"org_id": org_id}).one_or_none()
        if row is None:
            raise NotFoundError(f"no organisation {org_id}")
        return Organisation(row.id, row.name, row.created_at)

    def all(self) -> list[Organisation]:
        rows = self._session.scalars(select(OrganisationRow).order_by(OrganisationRow.id))
        return [Organisation(r.id, r.name, r.created_at) for r in rows]

    def add_unit(self, unit: Unit) -> None:
        self._session.add(UnitRow(**vars(unit)))
        self._session.flush()

    def units(self, org_id: str) -> list[Unit]:
        rows = self._session.scalars(
            select(UnitRow).where(UnitRow.org_id == org_id).order_by(UnitRow.created_at)
        )
        return [
            Unit(
                r.id, r.org_id, r.slug, r.name, cast("UnitKind", r.kind), r.parent_id, r.created_at
            )
            for r in rows
        ]


class SqlTeams:
    def __init__(self, session: Session) -> None:
        self._session = session
        # The teams `get` read in this transaction, and the ids it found no team for: a request
        # asks for its team in the access check and again in the use case. A team saved is read
        # again; the unit of work forgets them all at commit and rollback.
        self._read: dict[tuple[str, str], Team | None] = {}

    def get(self, org_id: str, team_id: str) -> Team | None:
        key = (org_id, team_id)
        if key in self._read:
            return self._read[key]
        found = self._session.execute(_TEAM_BY_ID, {"org_id": org_id, "team_id": team_id})
        row = found.one_or_none()
        team = self._read[key] = _team(row) if row else None
        return team

    def forget(self) -> None:
        """Read every team again from the database: its transaction has ended."""
        self._read.clear()

    def save(self, team: Team) -> None:
        """Insert the team or replace it, in one statement (INSERT … ON CONFLICT DO UPDATE): two
        sessions that store the first assessment of the same new team both succeed, the later
        commit's outcome is kept."""
        self.save_many([team])

    def get_many(self, org_id: str, team_ids: Collection[str]) -> dict[str, Team]:
        if not team_ids:
            return {}
        self._session.flush()
        wanted = sorted(team_ids)
        found: dict[str, Team] = {}
        # A statement takes at most 32,766 parameters on SQLite and 65,535 on PostgreSQL.
        for start in range(0, len(wanted), GET_MANY_CHUNK):
            chosen = _teams.c.id.in_(wanted[start : start + GET_MANY_CHUNK])
            rows = self._session.execute(select(_teams).where(_teams.c.org_id == org_id, chosen))
            found |= {row.id: _team(row) for row in rows}
        return found

    def save_many(self, teams: Sequence[Team]) -> None:
        if not teams:
            return
        self._session.flush()
        statement = upsert(self._session, _teams, keys=("org_id", "id"))
        self._session.execute(statement, [_columns(team) for team in teams])
        # Teams are read past the ORM (no copy in its identity map goes stale); a team this unit
        # of work remembers is read again.
        for team in teams:
            self._read.pop((team.org_id, team.id), None)

    def find(self, org_id: str, where: TeamFilter) -> Iterator[Team]:
        query = _matching(select(_teams), org_id, where).order_by(_teams.c.id)
        for row in self._session.execute(query.execution_options(yield_per=STREAM_CHUNK)):
            yield _team(row)

    def ordered(self, org_id: str, where: TeamFilter, *, sort: Sort) -> Iterator[Team]:
        query = self._in_order(org_id, where, sort).execution_options(yield_per=STREAM_CHUNK)
        for row in self._session.execute(query):
            yield _team(row)

    def page(
        self, org_id: str, where: TeamFilter, *, sort: Sort, offset: int, limit: int
    ) -> list[Team]:
        """By name, the page is read through an index: of 100,000 teams, in milliseconds."""
        query = self._in_order(org_id, where, sort).offset(offset).limit(limit)
        return [_team(row) for row in self._session.execute(query)]

    def _in_order(self, org_id: str, where: TeamFilter, sort: Sort) -> Select[Any]:
        """The teams that match, ordered by the database as `TEAM_ORDER[sort]` orders: by
        `name_key` (the display name casefolded when the team was saved) or by the latest
        assessment, then by id, each compared byte by byte, as Python compares strings."""
        columns = _teams.c
        team_id = self._by_id()
        order = (
            (columns.name_key, team_id)
            if sort == "name"
            else (
                columns.last_assessment_id.is_(None),
                columns.last_assessed_at.desc(),
                team_id,
            )
        )
        return _matching(select(_teams), org_id, where).order_by(*order)

    def count_by_unit(self, org_id: str, where: TeamFilter) -> dict[str | None, int]:
        unit = _teams.c.unit_id
        query = _matching(select(unit, func.count()), org_id, where).group_by(unit)
        counts: dict[str | None, int] = {}
        for unit_id, teams in self._session.execute(query):
            counts[unit_id] = teams
        return counts

    def first_by_unit(
        self, org_id: str, where: TeamFilter, limit: int
    ) -> dict[str | None, list[Team]]:
        """One statement: each team's place in its unit by name (a window function), and those
        within `limit`; `page`'s order by name, so the same teams come first."""
        columns = _teams.c
        place = func.row_number().over(
            partition_by=columns.unit_id, order_by=(columns.name_key, self._by_id())
        )
        ranked = _matching(select(_teams, place.label("place")), org_id, where).subquery()
        query = select(ranked).where(ranked.c.place <= limit).order_by(ranked.c.place)
        found: dict[str | None, list[Team]] = {}
        for row in self._session.execute(query):
            found.setdefault(row.unit_id, []).append(_team(row))
        return found

    def _by_id(self) -> ColumnElement[str]:
        """The id to order by: byte by byte, as Python compares strings (and name_key is)."""
        if self._session.get_bind().dialect.name == "postgresql":
            return _teams.c.id.collate("C")  # not the database's locale
        return _teams.c.id

    def count(self, org_id: str, where: TeamFilter) -> int:
        query = _matching(select(func.count()), org_id, where)
        return int(self._session.execute(query).scalar_one())

    def tally(self, org_id: str, where: TeamFilter, due_by: datetime) -> Tally:
        """Counted in SQL, one GROUP BY a figure: of 100,000 teams on SQLite about 0.25 s,
        against 2-3 s to read them whole and count them (`Tally.of`)."""
        columns = _teams.c
        assessed = replace(where, assessed_only=True)

        def grouped(*by: ColumnElement[Any]) -> list[Any]:
            query = _matching(select(*by, func.count()), org_id, assessed).group_by(*by)
            return list(self._session.execute(query))

        standings = {
            cast("Standing", tuple(row[:4])): row[4]
            for row in grouped(
                columns.mode, columns.rollout_stage, columns.previous_mode, columns.previous_stage
            )
        }
        readiness: Counter[int] = Counter()
        for value, teams in grouped(columns.readiness):
            readiness[int(value or 0)] += teams  # as `_team` reads it
        limiting: Counter[str] = Counter()
        for text, teams in grouped(columns.limiting):
            for condition in _listed(text):
                limiting[condition] += teams
        caveats: Counter[str] = Counter()
        for text, teams in grouped(columns.caveats):
            for caveat in _listed(text):
                caveats[caveat] += teams
        return Tally(
            teams=self.count(org_id, where),
            standings=standings,
            readiness=dict(readiness),
            limiting=dict(limiting),
            caveats=dict(caveats),
            due=self.count(org_id, replace(where, due_by=due_by)),
        )

    def first_due(self, org_id: str, where: TeamFilter, limit: int) -> list[Team]:
        query = _matching(select(_teams), org_id, replace(where, assessed_only=True))
        query = query.order_by(_teams.c.reassess_by, self._by_id()).limit(limit)
        return [_team(row) for row in self._session.execute(query)]


class SqlWaves:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, wave: Wave) -> None:
        self._session.add(
            WaveRow(id=wave.id, org_id=wave.org_id, name=wave.name, created_at=wave.created_at)
        )
        self._session.flush()
        self._session.add_all(
            WaveTeamRow(
                wave_id=wave.id, team_id=m.team_id, from_stage=m.from_stage, to_stage=m.to_stage
            )
            for m in wave.moves
        )
        self._session.flush()

    def of(self, org_id: str) -> list[Wave]:
        waves = self._session.scalars(
            select(WaveRow).where(WaveRow.org_id == org_id).order_by(WaveRow.created_at.desc())
        ).all()
        moves: dict[str, list[WaveMove]] = {}
        if waves:
            rows = self._session.scalars(
                select(WaveTeamRow)
                .where(WaveTeamRow.wave_id.in_([w.id for w in waves]))
                .order_by(WaveTeamRow.team_id)
            )
            for m in rows:
                moves.setdefault(m.wave_id, []).append(
                    WaveMove(
                        m.team_id,
                        cast("CurrentStage", m.from_stage),
                        cast("CurrentStage", m.to_stage),
                    )
                )
        return [
            Wave(w.id, w.org_id, w.name, w.created_at, tuple(moves.get(w.id, ()))) for w in waves
        ]


def _matching(query: Select[Any], org_id: str, where: TeamFilter) -> Select[Any]:
    """`query` on the teams, limited to those of `org_id` that `where` lets through."""
    columns = _teams.c
    query = query.where(columns.org_id == org_id)
    if where.unit_ids is not None:
        query = query.where(columns.unit_id.in_(sorted(where.unit_ids)))
    if where.assessed_only or where.mode or where.stage or where.due_by or where.ahead:
        query = query.where(columns.last_assessment_id.is_not(None))
    if where.mode:
        query = query.where(columns.mode == where.mode)
    if where.stage:
        query = query.where(columns.rollout_stage == where.stage)
    if where.due_by:
        query = query.where(columns.reassess_by <= where.due_by)
    if where.ahead:
        query = query.where(_RECOMMENDED > _TODAY)
    return query


# Where a team stands as a place among the stages (Team.ahead): recommended, and today.
_RECOMMENDED = case(
    {stage: place for place, stage in enumerate(STAGES)}, value=_teams.c.rollout_stage
)
_TODAY = case(
    {now: STAGES.index(stage_of_current(now)) for now in CURRENT_STAGES},
    value=_teams.c.current_stage,
)


# A team's row as `select(_teams)` gives it, in this order: `_team` unpacks it by place. By
# name, each of its 18 reads cost a Row's attribute lookup, and 100,000 teams took 2.2-2.5 s
# to read instead of 1.4-1.5 s.
_TEAM_COLUMNS = (
    "org_id",
    "id",
    "name",
    "name_key",
    "unit_id",
    "current_stage",
    "created_at",
    "last_assessment_id",
    "last_assessed_at",
    "mode",
    "rollout_stage",
    "readiness",
    "limiting",
    "caveats",
    "reassess_by",
    "previous_mode",
    "previous_stage",
    "previous_readiness",
)
if tuple(_teams.c.keys()) != _TEAM_COLUMNS:  # a column added to TeamRow: add it here too
    raise RuntimeError(f"the teams table has the columns {_teams.c.keys()}, not {_TEAM_COLUMNS}")
_TEAM_WIDTH = len(_TEAM_COLUMNS)
# The latest outcome's columns: NULL for a team never assessed.
_STATUS_COLUMNS = _TEAM_COLUMNS[_TEAM_COLUMNS.index("last_assessment_id") :]


def _team(row: Row[Any]) -> Team:
    """A team from its row (and any columns after the table's, which it leaves)."""
    (
        org_id,
        team_id,
        name,
        _name_key,
        unit_id,
        current_stage,
        created_at,
        assessment_id,
        assessed_at,
        mode,
        rollout_stage,
        readiness,
        limiting,
        caveats,
        reassess_by,
        previous_mode,
        previous_stage,
        previous_readiness,
    ) = row[:_TEAM_WIDTH]
    status = None
    if assessment_id is not None:
        assert assessed_at is not None
        assert reassess_by is not None
        status = TeamStatus(
            assessment_id=assessment_id,
            assessed_at=assessed_at,
            mode=mode,
            rollout_stage=rollout_stage,
            readiness=int(readiness or 0),
            limiting=_listed(limiting),
            caveats=_listed(caveats),
            reassess_by=reassess_by,
            previous_mode=previous_mode,
            previous_stage=previous_stage,
            previous_readiness=previous_readiness,
        )
    return Team(
        org_id=org_id,
        id=team_id,
        name=name,
        unit_id=unit_id,
        current_stage=current_stage,
        created_at=created_at,
        status=status,
    )


def _listed(text: str | None) -> tuple[str, ...]:
    """The ids a column such as `limiting` holds, comma-separated."""
    return tuple(filter(None, (text or "").split(",")))


def _columns(team: Team) -> dict[str, Any]:
    status = team.status
    columns: dict[str, Any] = {
        "org_id": team.org_id,
        "id": team.id,
        "name": team.name,
        "name_key": name_key(team.name, team.id),
        "unit_id": team.unit_id,
        "current_stage": team.current_stage,
        "created_at": team.created_at,
    }
    if status is None:
        return columns | dict.fromkeys(_STATUS_COLUMNS)
    return columns | {
        "last_assessment_id": status.assessment_id,
        "last_assessed_at": status.assessed_at,
        "mode": status.mode,
        "rollout_stage": status.rollout_stage,
        "readiness": status.readiness,
        "limiting": ",".join(status.limiting) or None,
        "caveats": ",".join(status.caveats) or None,
        "reassess_by": status.reassess_by,
        "previous_mode": status.previous_mode,
        "previous_stage": status.previous_stage,
        "previous_readiness": status.previous_readiness,
    }
