"""GET /teams: the teams of an organisation or a unit, filtered, paged, and exported for Excel."""

from __future__ import annotations

import functools
import itertools
import tempfile
from collections.abc import Iterator
from typing import Annotated, BinaryIO, Literal, cast

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.auth import UserDep
from api.deps import LangDep, OrgDep, PolicyDep, UnitOfWorkDep, id_in
from api.errors import VALIDATION
from api.routes.portfolio import MAX_PAGE, UnitQuery
from api.routes.signed_in import SIGNED_IN
from api.schemas_org import TeamList, TeamPublic
from readiness import questionnaire
from readiness.organisation import Sort
from readiness.policy import Policy
from readiness.tabular import write_table
from readiness.usecases import portfolio as usecase
from readiness.usecases.portfolio import TeamSummary
from readiness.vocabulary import Lang, Mode, Stage

router = APIRouter(tags=["teams"])

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
COLUMNS: dict[Lang, list[tuple[str, str]]] = {
    "sv": [
        ("id", "Grupp-id"),
        ("name", "Grupp"),
        ("unit", "Enhet"),
        ("mode", "Ledarskap nu"),
        ("rollout_stage", "Rekommenderat steg"),
        ("current_stage", "Steg i dag"),
        ("readiness", "Beredskap"),
        ("limiting", "Begränsas av"),
        ("last_assessed", "Senast bedömd"),
        ("next_due", "Bedöms igen senast"),
    ],
    "en": [
        ("id", "Team id"),
        ("name", "Team"),
        ("unit", "Unit"),
        ("mode", "Leadership now"),
        ("rollout_stage", "Recommended stage"),
        ("current_stage", "Stage today"),
        ("readiness", "Readiness"),
        ("limiting", "Limited by"),
        ("last_assessed", "Last assessed"),
        ("next_due", "Assess again by"),
    ],
}

ModeQuery = Annotated[Mode | None, Query(description="only teams in this mode")]
StageQuery = Annotated[Stage | None, Query(description="only teams recommended this stage")]
DueQuery = Annotated[bool, Query(description="only teams past their reassessment date")]
SortQuery = Annotated[Sort, Query(description="name, or date (latest assessment first)")]


@router.get("/teams", response_model=TeamList, responses={**VALIDATION, **SIGNED_IN})
def list_teams(
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    unit: UnitQuery = None,
    mode: ModeQuery = None,
    stage: StageQuery = None,
    due: DueQuery = False,
    sort: SortQuery = "name",
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> TeamList:
    """Mode, stage, readiness, limiting condition, last assessed and next due, never by score.

    Only the teams you see: a manager their own, an HR partner those of their units.
    """
    page = usecase.team_page(
        uow,
        org,
        offset=offset,
        limit=limit,
        unit=_id(unit),
        mode=mode,
        stage=stage,
        due=due,
        sort=sort,
        principal=principal,
    )
    teams = [TeamPublic.of(summary) for summary in page.teams]
    return TeamList(org_id=org, total=page.total, offset=offset, teams=teams)


@router.get(
    "/teams/export",
    responses={
        **VALIDATION,
        **SIGNED_IN,
        200: {
            "content": {media: {} for media in MEDIA.values()},
            "description": "the list as a CSV for Swedish Excel, or as XLSX",
        },
    },
    response_class=StreamingResponse,
)
def export_teams(
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    lang: LangDep,
    policy: PolicyDep,
    format: Annotated[Literal["csv", "xlsx"], Query(description="csv or xlsx")] = "csv",
    unit: UnitQuery = None,
    mode: ModeQuery = None,
    stage: StageQuery = None,
    due: DueQuery = False,
    sort: SortQuery = "name",
) -> StreamingResponse:
    """The same list as GET /teams, whole, as a file: CSV with `;`, BOM and decimal comma, or XLSX."""
    found = usecase.team_list(
        uow, org, unit=_id(unit), mode=mode, stage=stage, due=due, sort=sort, principal=principal
    )
    return team_file(found, org, format, policy, lang)


def team_file(
    found: Iterator[TeamSummary],
    org: str,
    format: Literal["csv", "xlsx"],
    policy: Policy,
    lang: Lang,
) -> StreamingResponse:
    """The teams as a file to download (the page of the team list offers it too)."""
    first = list(itertools.islice(found, 1))  # a bad unit or organisation fails before streaming
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115  # closed once streamed
    rows = (_row(s, policy, lang) for s in itertools.chain(first, found))
    write_table(cast("BinaryIO", spool), COLUMNS[lang], rows, format, lang)
    spool.seek(0)
    name = f"teams-{org}.{format}"
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _row(summary: TeamSummary, policy: Policy, lang: Lang) -> list[object]:
    public, settings = TeamPublic.of(summary), policy.settings
    return [
        public.id,
        public.name,
        public.unit_name or "",
        settings.modes[public.mode].title(lang) if public.mode else "",
        settings.stages[public.rollout_stage].title(lang) if public.rollout_stage else "",
        _stage_today(public.current_stage, policy, lang),
        public.readiness,
        ", ".join(_titles(lang)[d] for d in public.limiting),
        public.last_assessed.date() if public.last_assessed else None,
        public.next_due.date() if public.next_due else None,
    ]


def _stage_today(current: str, policy: Policy, lang: Lang) -> str:
    if current == "none":
        return "inte påbörjat" if lang == "sv" else "not started"
    return policy.settings.stages[current].title(lang)  # type: ignore[index]


@functools.cache
def _titles(lang: Lang) -> dict[str, str]:
    return {d.id: d.title for d in questionnaire(lang).dimensions}


def _chunks(spool: tempfile.SpooledTemporaryFile[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(64 * 1024):
            yield chunk


def _id(unit: str | None) -> str | None:
    return id_in("query", "unit", unit) if unit else None
