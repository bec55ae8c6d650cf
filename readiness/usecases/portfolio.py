"""Many teams at a glance for an HR partner: the team list and the portfolio of a unit.

No league table: teams are counted and grouped by mode and stage and listed by name or by date,
never ranked by score. Readiness is the weakest of four conditions; ranking teams on it would
turn a conversation aid into a competition (the team health checks' lesson) and invite teams to
answer for the ranking instead of for themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypedDict

from readiness.access import Principal
from readiness.organisation import (
    Sort,
    Standing,
    Tally,
    Team,
    TeamFilter,
    Unit,
)
from readiness.usecases import access
from readiness.usecases.assessments import utc_now
from readiness.usecases.memory import first_due, ordered
from readiness.usecases.organisations import within
from readiness.usecases.ports import DEFAULT_ORG, UnitOfWork
from readiness.vocabulary import DIMENSION_RANK, MODES, STAGES, Mode, Stage

READINESS_BINS = tuple((low, low + 9 if low < 90 else 100) for low in range(0, 100, 10))


@dataclass(frozen=True)
class TeamSummary:
    """One team's line in a list: never its answers, only its latest outcome."""

    team: Team
    unit: Unit | None

    @property
    def due(self) -> bool:
        return self.team.status is not None and self.team.status.reassess_by <= utc_now()


@dataclass(frozen=True)
class Change:
    """How the teams moved since their previous assessment."""

    first: int = 0  # assessed once only
    mode_up: int = 0
    mode_down: int = 0
    stage_up: int = 0
    stage_down: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Portfolio:
    org_id: str
    unit: Unit | None
    teams: int
    assessed: int
    by_mode: dict[Mode, int]
    by_stage: dict[Stage, int]
    readiness: list[tuple[int, int, int]]  # (lowest, highest, teams) per band of ten
    limiting: list[tuple[str, int]]  # most common first
    caveats: list[tuple[str, int]]
    change: Change
    due: list[TeamSummary]  # past their reassessment date, the longest overdue first
    due_count: int = 0  # how many are: `due` may list only the first of them
    groups: list[tuple[Mode, Stage, list[TeamSummary]]] = field(default_factory=list)
    # How many teams each group holds: its list may show only the first of them, by name.
    group_sizes: dict[tuple[Mode, Stage], int] = field(default_factory=dict)


class Listing(TypedDict, total=False):
    """Which teams a list holds (the filters of `team_list` and `team_page`), to pass to both."""

    unit: str | None
    mode: Mode | None
    stage: Stage | None
    due: bool


@dataclass(frozen=True)
class TeamPage:
    """A page of the team list, and how many teams the whole list holds."""

    total: int
    teams: list[TeamSummary]


def team_list(
    uow: UnitOfWork,
    org_id: str = DEFAULT_ORG,
    *,
    unit: str | None = None,
    mode: Mode | None = None,
    stage: Stage | None = None,
    due: bool = False,
    sort: Sort = "name",
    now: datetime | None = None,
    principal: Principal | None = None,
) -> Iterator[TeamSummary]:
    """The teams that match, by name (or by latest assessment, newest first); streamed.

    Only the teams `principal` sees (`access.visible_team_filter`): a manager their own, an HR
    partner limited to units those of their units.
    """
    with uow:
        visible, by_id, where = _listed(uow, org_id, principal, unit, mode, stage, due, now)
        for team in visible.ordered(uow, where, sort=sort):
            yield TeamSummary(team, by_id.get(team.unit_id or ""))


def team_page(
    uow: UnitOfWork,
    org_id: str = DEFAULT_ORG,
    *,
    offset: int,
    limit: int,
    unit: str | None = None,
    mode: Mode | None = None,
    stage: Stage | None = None,
    due: bool = False,
    sort: Sort = "name",
    now: datetime | None = None,
    principal: Principal | None = None,
) -> TeamPage:
    """The teams of `team_list` from place `offset` (0 on), at most `limit` of them, and how many
    it holds in all.

    The store orders the teams and reads only the page's (TeamRepository.page): with 100,000
    teams, a page in milliseconds.
    """
    with uow:
        visible, by_id, where = _listed(uow, org_id, principal, unit, mode, stage, due, now)
        teams = visible.page(uow, where, sort=sort, offset=offset, limit=limit)
        total = visible.count(uow, where)
    return TeamPage(total, [TeamSummary(team, by_id.get(team.unit_id or "")) for team in teams])


def teams_by_id(
    uow: UnitOfWork,
    org_id: str,
    team_ids: Collection[str],
    *,
    principal: Principal | None = None,
) -> dict[str, TeamSummary]:
    """The teams of these ids that `principal` sees, by id; an id of no team they see is left
    out. For a page that names some teams (the moves of the waves), without reading the list."""
    with uow:
        visible = access.visible_team_filter(uow, principal, org_id)
        by_id = {u.id: u for u in uow.organisations.units(org_id)}
        found = uow.teams.get_many(org_id, team_ids)
    return {
        team_id: TeamSummary(team, by_id.get(team.unit_id or ""))
        for team_id, team in found.items()
        if visible.includes(team)
    }


def _listed(
    uow: UnitOfWork,
    org_id: str,
    principal: Principal | None,
    unit: str | None,
    mode: Mode | None,
    stage: Stage | None,
    due: bool,
    now: datetime | None,
) -> tuple[access.Visible, dict[str, Unit], TeamFilter]:
    """For a list of teams: the teams `principal` sees, the units by id, and the filter."""
    visible = access.visible_team_filter(uow, principal, org_id)
    units = uow.organisations.units(org_id)
    where = TeamFilter(
        unit_ids=within(units, unit) if unit else None,
        mode=mode,
        stage=stage,
        due_by=(now or utc_now()) if due else None,
    )
    return visible, {u.id: u for u in units}, where


def portfolio(
    uow: UnitOfWork,
    org_id: str = DEFAULT_ORG,
    *,
    unit: str | None = None,
    now: datetime | None = None,
    principal: Principal | None = None,
    limit: int | None = None,
) -> Portfolio:
    """What an HR partner needs before a rollout, for the organisation or one unit and below.

    For an admin or an HR partner of the organisation (NotFoundError for anyone else); one
    limited to units counts only the teams of their units.

    With a `limit`, the teams due and each group list at most that many (`due_count` and
    `group_sizes` say how many there are): the figures are counted by the store
    (TeamRepository.tally) and only the teams listed are read whole, so a region of 100,000
    teams is a fraction of a second. Without one, every team is read and listed.
    """
    now = now or utc_now()
    with uow:
        visible = access.require_follow(uow, principal, org_id)
        units = uow.organisations.units(org_id)
        chosen = next((u for u in units if u.slug == unit), None) if unit else None
        where = TeamFilter(unit_ids=within(units, unit) if unit else None)
        by_id = {u.id: u for u in units}

        def summary(team: Team) -> TeamSummary:
            return TeamSummary(team, by_id.get(team.unit_id or ""))

        if limit is None:
            teams = list(visible.teams(uow, where))
            tally = Tally.of(teams, now)
            overdue = [t for t in teams if t.status is not None and t.status.reassess_by <= now]
            due = first_due(overdue, len(overdue))
            listed: dict[tuple[Mode, Stage], list[Team]] = {}
            for team in ordered(teams, "name"):
                if team.status is not None:
                    listed.setdefault((team.status.mode, team.status.rollout_stage), []).append(
                        team
                    )
            sizes = _sizes(tally)
        else:
            tally = visible.tally(uow, where, now)
            due = visible.first_due(uow, replace(where, due_by=now), limit)
            sizes = _sizes(tally)
            listed = {
                (mode, stage): visible.page(
                    uow, replace(where, mode=mode, stage=stage), sort="name", offset=0, limit=limit
                )
                for mode, stage in sizes
            }
    by_mode: Counter[Mode] = Counter()
    by_stage: Counter[Stage] = Counter()
    for (mode, stage), teams_in_group in sizes.items():
        by_mode[mode] += teams_in_group
        by_stage[stage] += teams_in_group
    return Portfolio(
        org_id=org_id,
        unit=chosen,
        teams=tally.teams,
        assessed=tally.assessed,
        by_mode={m: by_mode[m] for m in MODES},
        by_stage={s: by_stage[s] for s in STAGES},
        readiness=[
            (low, high, sum(n for r, n in tally.readiness.items() if low <= r <= high))
            for low, high in READINESS_BINS
        ],
        limiting=_most_first(tally.limiting, DIMENSION_RANK),
        caveats=_most_first(tally.caveats, {}),
        change=_change(tally.standings),
        due=[summary(team) for team in due],
        due_count=tally.due,
        groups=[
            (mode, stage, [summary(team) for team in listed.get((mode, stage), [])])
            for mode in reversed(MODES)
            for stage in reversed(STAGES)
            if (mode, stage) in sizes
        ],
        group_sizes=sizes,
    )


def _sizes(tally: Tally) -> dict[tuple[Mode, Stage], int]:
    """How many assessed teams each (mode, stage) holds, for those that hold any."""
    sizes: Counter[tuple[Mode, Stage]] = Counter()
    for (mode, stage, _, _), teams in tally.standings.items():
        sizes[mode, stage] += teams
    return dict(sizes)


def _most_first(counts: dict[str, int], rank: dict[str, int]) -> list[tuple[str, int]]:
    """`counts` the most first; ties in the order of `rank`, then by id."""
    return sorted(counts.items(), key=lambda c: (-c[1], rank.get(c[0], len(rank)), c[0]))


def _change(standings: dict[Standing, int]) -> Change:
    counts: Counter[str] = Counter()
    for (mode_now, stage_now, mode_before, stage_before), teams in standings.items():
        if mode_before is None or stage_before is None:
            counts["first"] += teams
            continue
        mode = MODES.index(mode_now) - MODES.index(mode_before)
        stage = STAGES.index(stage_now) - STAGES.index(stage_before)
        if mode > 0:
            counts["mode_up"] += teams
        elif mode < 0:
            counts["mode_down"] += teams
        if stage > 0:
            counts["stage_up"] += teams
        elif stage < 0:
            counts["stage_down"] += teams
        if mode == 0 and stage == 0:
            counts["unchanged"] += teams
    return Change(**counts)
