"""Organisations, their units and their teams, as an HR partner follows them.

An organisation holds a tree of units (förvaltning → avdelning → enhet) and teams. A team has a
stable id, a case-insensitive slug (`readiness.teams.team_slug`), a display name in any script, a
unit, the rollout stage it stands at today, and the outcome of its latest assessment kept beside
it, so that lists and portfolios never need to read assessment documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from readiness.vocabulary import STAGES, CurrentStage, Mode, Stage, stage_of_current

UnitKind = Literal["forvaltning", "avdelning", "enhet", "other"]
UNIT_KINDS: tuple[UnitKind, ...] = ("forvaltning", "avdelning", "enhet", "other")


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    created_at: datetime


@dataclass(frozen=True)
class Unit:
    id: str
    org_id: str
    slug: str
    name: str
    kind: UnitKind
    parent_id: str | None
    created_at: datetime


@dataclass(frozen=True)
class TeamStatus:
    """The outcome of a team's latest assessment, and of the one before it."""

    assessment_id: str
    assessed_at: datetime
    mode: Mode
    rollout_stage: Stage
    readiness: int
    limiting: tuple[str, ...]
    caveats: tuple[str, ...]  # of the latest assessment's findings
    reassess_by: datetime
    previous_mode: Mode | None = None
    previous_stage: Stage | None = None
    previous_readiness: int | None = None


@dataclass(frozen=True)
class Team:
    org_id: str
    id: str
    name: str | None
    unit_id: str | None
    current_stage: CurrentStage
    created_at: datetime
    status: TeamStatus | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.id

    @property
    def ahead(self) -> bool:
        """Whether its latest assessment recommends a stage ahead of where it stands today."""
        return self.status is not None and STAGES.index(self.status.rollout_stage) > STAGES.index(
            stage_of_current(self.current_stage)
        )


# A team's latest mode and stage, and those of the assessment before (None: assessed once).
Standing = tuple[Mode, Stage, Mode | None, Stage | None]


@dataclass(frozen=True)
class Tally:
    """What a portfolio counts of many teams, without making one of them whole: a store
    counts its rows (TeamRepository.tally), and `Tally.of` counts teams, as the reference."""

    teams: int
    standings: dict[Standing, int]  # the assessed teams by where they stand and stood
    readiness: dict[int, int]  # assessed teams by readiness
    limiting: dict[str, int]  # assessed teams limited by each condition
    caveats: dict[str, int]  # assessed teams whose latest findings cite each caveat
    due: int  # assessed teams due for reassessment by the time asked about

    @property
    def assessed(self) -> int:
        return sum(self.standings.values())

    @classmethod
    def of(cls, teams: Iterable[Team], due_by: datetime) -> Tally:
        count = 0
        standings: Counter[Standing] = Counter()
        readiness: Counter[int] = Counter()
        limiting: Counter[str] = Counter()
        caveats: Counter[str] = Counter()
        due = 0
        for team in teams:
            count += 1
            status = team.status
            if status is None:
                continue
            standings[
                status.mode, status.rollout_stage, status.previous_mode, status.previous_stage
            ] += 1
            readiness[status.readiness] += 1
            limiting.update(status.limiting)
            caveats.update(status.caveats)
            due += status.reassess_by <= due_by
        return cls(count, dict(standings), dict(readiness), dict(limiting), dict(caveats), due)


@dataclass(frozen=True, slots=True)
class TeamKey:
    """What a list of teams is ordered by: a team's id, its name, and when it was last assessed
    (None when never, or not asked for). Light enough to read for every team of a large
    organisation."""

    id: str
    name: str | None
    assessed_at: datetime | None

    @classmethod
    def of(cls, team: Team) -> TeamKey:
        return cls(team.id, team.name, team.status.assessed_at if team.status else None)


Sort = Literal["name", "date"]  # how a list of teams is ordered: never by score


def by_name(key: TeamKey) -> tuple[str, str]:
    """A list by name: the name as `Team.display_name` shows it, casefolded (so Åre, åre and
    ÅRE are one name, and Straße is strasse), then by id."""
    return (name_key(key.name, key.id), key.id)


def newest_first(key: TeamKey) -> tuple[float, str]:
    """A list by date: the latest assessment first, teams never assessed last, then by id."""
    return (-(key.assessed_at.timestamp()) if key.assessed_at else float("inf"), key.id)


def name_key(name: str | None, team_id: str) -> str:
    """What a team's name sorts as: its display name casefolded. Stored beside the team, since
    no database folds case as Python does (api.storage migration 0005)."""
    return (name or team_id).casefold()


TEAM_ORDER: dict[Sort, Callable[[TeamKey], tuple[Any, str]]] = {
    "name": by_name,
    "date": newest_first,
}


@dataclass(frozen=True)
class TeamFilter:
    """Which teams a list or a portfolio covers; None means any."""

    unit_ids: frozenset[str] | None = None
    mode: Mode | None = None
    stage: Stage | None = None
    due_by: datetime | None = None  # reassessment due at or before this time
    assessed_only: bool = False
    ahead: bool = False  # only those recommended a stage ahead of today's (`Team.ahead`)


@dataclass(frozen=True)
class WaveMove:
    team_id: str
    from_stage: CurrentStage
    to_stage: CurrentStage


@dataclass(frozen=True)
class Wave:
    id: str
    org_id: str
    name: str
    created_at: datetime
    moves: tuple[WaveMove, ...] = field(default=())
