"""What the JSON API answers about organisations, units, teams, the portfolio, waves and batches."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from readiness.organisation import Organisation, Team, Unit, UnitKind, Wave
from readiness.usecases.batch import BatchOutcome
from readiness.usecases.organisations import UnitNode
from readiness.usecases.portfolio import Portfolio, TeamSummary
from readiness.vocabulary import CurrentStage, Mode, Stage


class OrganisationCreate(BaseModel):
    id: str = Field(description="a short id: letters of any script, digits, '.', '_' and '-'")
    name: str


class OrganisationPublic(BaseModel):
    id: str
    name: str
    created_at: datetime

    @classmethod
    def of(cls, organisation: Organisation) -> OrganisationPublic:
        return cls(id=organisation.id, name=organisation.name, created_at=organisation.created_at)


class UnitCreate(BaseModel):
    id: str = Field(description="the unit's id within the organisation")
    name: str
    kind: UnitKind = "enhet"
    parent: str | None = Field(default=None, description="the id of the unit above it")


class UnitPublic(BaseModel):
    id: str
    name: str
    kind: UnitKind
    parent: str | None
    units: list[UnitPublic] = Field(default_factory=list, description="the units below it")

    @classmethod
    def of(cls, unit: Unit, parent: str | None = None) -> UnitPublic:
        return cls(id=unit.slug, name=unit.name, kind=unit.kind, parent=parent)

    @classmethod
    def tree(cls, node: UnitNode, parent: str | None = None) -> UnitPublic:
        public = cls.of(node.unit, parent)
        public.units = [cls.tree(child, node.unit.slug) for child in node.children]
        return public


class TeamUpdate(BaseModel):
    name: str | None = Field(default=None, description="the display name, in any script")
    unit: str | None = Field(default=None, description="the id of the team's unit")


class TeamPublic(BaseModel):
    """One team's line: its latest outcome, never its answers."""

    id: str
    name: str
    unit: str | None
    unit_name: str | None
    current_stage: CurrentStage
    mode: Mode | None
    rollout_stage: Stage | None
    readiness: int | None
    limiting: list[str]
    last_assessed: datetime | None
    next_due: datetime | None
    assessment_id: str | None

    @classmethod
    def of(cls, summary: TeamSummary) -> TeamPublic:
        return cls.of_team(summary.team, summary.unit)

    @classmethod
    def of_team(cls, team: Team, unit: Unit | None = None) -> TeamPublic:
        status = team.status
        return cls(
            id=team.id,
            name=team.display_name,
            unit=unit.slug if unit else None,
            unit_name=unit.name if unit else None,
            current_stage=team.current_stage,
            mode=status.mode if status else None,
            rollout_stage=status.rollout_stage if status else None,
            readiness=status.readiness if status else None,
            limiting=list(status.limiting) if status else [],
            last_assessed=status.assessed_at if status else None,
            next_due=status.reassess_by if status else None,
            assessment_id=status.assessment_id if status else None,
        )


class TeamList(BaseModel):
    org_id: str
    total: int = Field(description="teams that match the filters")
    offset: int
    teams: list[TeamPublic] = Field(description="sorted by name or by date; never by score")


class Count(BaseModel):
    key: str
    teams: int


class Band(BaseModel):
    lowest: int
    highest: int
    teams: int


class ChangePublic(BaseModel):
    first: int = Field(description="teams assessed once only")
    mode_up: int
    mode_down: int
    stage_up: int
    stage_down: int
    unchanged: int


class Group(BaseModel):
    mode: Mode
    rollout_stage: Stage
    count: int = Field(description="how many teams the group holds")
    teams: list[TeamPublic] = Field(description="by name: every one, or the first `limit`")


class PortfolioPublic(BaseModel):
    """Counts and groups, no ranking: teams are never ordered by readiness."""

    org_id: str
    unit: str | None
    teams: int
    assessed: int
    by_mode: dict[Mode, int]
    by_stage: dict[Stage, int]
    readiness: list[Band] = Field(description="teams per band of ten readiness points")
    limiting: list[Count] = Field(description="the conditions that limit most teams, most first")
    caveats: list[Count] = Field(description="the caveats of the latest findings, most first")
    change: ChangePublic = Field(description="how teams moved since their previous assessment")
    due: list[TeamPublic] = Field(
        description="teams past their reassessment date, the longest overdue first: every one, "
        "or the first `limit`"
    )
    due_count: int = Field(description="how many teams are past their reassessment date")
    groups: list[Group]

    @classmethod
    def of(cls, portfolio: Portfolio) -> PortfolioPublic:
        return cls(
            org_id=portfolio.org_id,
            unit=portfolio.unit.slug if portfolio.unit else None,
            teams=portfolio.teams,
            assessed=portfolio.assessed,
            by_mode=portfolio.by_mode,
            by_stage=portfolio.by_stage,
            readiness=[Band(lowest=lo, highest=hi, teams=n) for lo, hi, n in portfolio.readiness],
            limiting=[Count(key=k, teams=n) for k, n in portfolio.limiting],
            caveats=[Count(key=k, teams=n) for k, n in portfolio.caveats],
            change=ChangePublic(**vars(portfolio.change)),
            due=[TeamPublic.of(s) for s in portfolio.due],
            due_count=portfolio.due_count,
            groups=[
                Group(
                    mode=m,
                    rollout_stage=s,
                    count=portfolio.group_sizes[m, s],
                    teams=[TeamPublic.of(t) for t in teams],
                )
                for m, s, teams in portfolio.groups
            ],
        )


class WaveCreate(BaseModel):
    name: str = Field(description="e.g. 'Pilot våren 2027'")
    teams: list[str] = Field(description="team ids, each moved one stage on")


class MovePublic(BaseModel):
    team_id: str
    from_stage: CurrentStage
    to_stage: CurrentStage


class WavePublic(BaseModel):
    id: str
    name: str
    created_at: datetime
    moves: list[MovePublic]

    @classmethod
    def of(cls, wave: Wave) -> WavePublic:
        return cls(
            id=wave.id,
            name=wave.name,
            created_at=wave.created_at,
            moves=[MovePublic(**vars(m)) for m in wave.moves],
        )


class Proposal(BaseModel):
    org_id: str
    teams: list[TeamPublic] = Field(description="spread over the units, at most `size`")


class CellProblemPublic(BaseModel):
    row: int
    column: str
    value: str | None
    why: str


class OutcomePublic(BaseModel):
    rows: list[int] = Field(description="the file's rows this team came from")
    team_id: str | None
    status: Literal["stored", "existing", "rejected"]
    assessment_id: str | None
    mode: Mode | None
    rollout_stage: Stage | None
    readiness: int | None
    problems: list[CellProblemPublic]

    @classmethod
    def of(cls, outcome: BatchOutcome) -> OutcomePublic:
        return cls(
            rows=list(outcome.rows),
            team_id=outcome.team_id,
            status=outcome.status,
            assessment_id=outcome.assessment_id,
            mode=outcome.mode,
            rollout_stage=outcome.rollout_stage,
            readiness=outcome.readiness,
            problems=[CellProblemPublic(**vars(p)) for p in outcome.problems],
        )


class BatchReport(BaseModel):
    stored: int
    existing: int
    rejected: int
    outcomes: list[OutcomePublic]
