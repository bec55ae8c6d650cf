"""`/waves`: the rollout waves so far, and the next one proposed, chosen and confirmed (C3).

GET `/waves?size=10&unit=…` proposes teams whose latest assessment recommends a stage ahead of
today's, spread over the units; the HR partner unticks any that should wait, names the wave and
posts it. Each chosen team then moves one stage on, or, when any of them may not, none does and
the page comes back with every problem named at the top. For an admin or an HR partner of the
organisation (one limited to units: their units' teams); anyone else gets the not-found page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from api.auth import CsrfDep, UserDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.i18n import date_and_time, gettext_for
from api.pages.portfolio import (
    PageOrgDep,
    PageUnitDep,
    address,
    dimension_titles,
    hidden_fields,
    page_unit,
    team_row,
    unit_options,
)
from api.pages.rendering import not_found_page, render, with_lang
from readiness import InputError, NotFoundError, Policy, Problem
from readiness.access import Principal
from readiness.usecases import portfolio as usecase
from readiness.usecases import rollout
from readiness.usecases.organisations import MAX_NAME, unit_tree
from readiness.usecases.portfolio import TeamSummary
from readiness.usecases.ports import UnitOfWork
from readiness.usecases.rollout import MAX_WAVE, NEXT
from readiness.vocabulary import CurrentStage, Lang, stage_of_current

router = APIRouter()

DEFAULT_SIZE = 10
TEXT = Annotated[str | None, Query()]


@dataclass(frozen=True)
class WaveForm:
    """The posted wave: its name, the ticked teams, and the proposal they were chosen from."""

    name: str
    teams: list[str]
    size: str | None
    unit: str | None


async def posted_wave(request: Request) -> WaveForm:
    """The posted fields; read here so that the route itself can run in the thread pool."""
    form = await request.form()

    def text(name: str) -> str | None:
        value = form.get(name)
        return value if isinstance(value, str) else None

    teams = [value for value in form.getlist("teams") if isinstance(value, str)]
    return WaveForm(text("name") or "", teams, text("size"), text("unit"))


WaveFormDep = Annotated[WaveForm, Depends(posted_wave)]


@dataclass(frozen=True)
class Chosen:
    """What the page shows again after a rejected wave."""

    teams: Sequence[str]
    name: str
    problems: Sequence[dict[str, str]]


@router.get("/waves")
def waves_page(
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    unit: PageUnitDep,
    principal: UserDep,
    size: TEXT = None,
    wave: TEXT = None,
) -> Response:
    """The waves so far, newest first; with `size`, the teams proposed for the next one."""
    return _page(request, lang, policy, uow, org, principal, unit=unit, size=size, confirmed=wave)


@router.post("/waves", dependencies=[CsrfDep])
def confirm_wave_page(
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    form: WaveFormDep,
    principal: UserDep,
) -> Response:
    """Move the chosen teams one stage on and show the new wave; or, 422, every problem named."""
    try:
        wave = rollout.confirm_wave(uow, form.teams, org, name=form.name, principal=principal)
    except NotFoundError:
        return not_found_page(request, lang)
    except InputError as error:
        problems = list(error.problems)
        if not form.name.strip() and not any(p.type == "name" for p in problems):
            problems.append(Problem(("name",), "no name", "name"))  # told along with the teams
        worded = _worded(problems, form, uow, org, principal, policy, lang)
        chosen = Chosen(form.teams, form.name, worded)
        unit = page_unit(form.unit)
        size = form.size or str(DEFAULT_SIZE)
        return _page(
            request,
            lang,
            policy,
            uow,
            org,
            principal,
            unit=unit,
            size=size,
            chosen=chosen,
            status_code=422,
        )
    return RedirectResponse(
        with_lang(address("/waves", org=org, wave=wave.id), lang), status_code=303
    )


def _page(
    request: Request,
    lang: Lang,
    policy: Policy,
    uow: UnitOfWork,
    org: str,
    principal: Principal,
    *,
    unit: str | None,
    size: str | None,
    confirmed: str | None = None,
    chosen: Chosen | None = None,
    status_code: int = 200,
) -> Response:
    _ = gettext_for(lang)
    titles = dimension_titles(lang)
    problems = list(chosen.problems) if chosen else []
    proposal: list[TeamSummary] | None = None
    try:
        options = unit_options(unit_tree(uow, org, principal), unit)
        if unit is not None and not any(o["selected"] for o in options):
            return not_found_page(request, lang)
        done = rollout.waves(uow, org, principal=principal)
        moved = {m.team_id for w in done for m in w.moves}
        seen = usecase.teams_by_id(uow, org, moved, principal=principal)
        names = {team_id: s.team.display_name for team_id, s in seen.items()}
        if size is not None:
            wanted = int(size) if size.strip().isdigit() else 0
            if 1 <= wanted <= MAX_WAVE:
                proposal = rollout.propose_wave(
                    uow, org, size=wanted, unit=unit, principal=principal
                )
            else:
                message = _("Give a number of teams from 1 to %(max)s.") % {"max": MAX_WAVE}
                problems.append({"anchor": "size", "message": message})
                status_code = 422
    except (NotFoundError, InputError):
        return not_found_page(request, lang)
    settings = policy.settings

    def stage(current: CurrentStage) -> str:
        return settings.stages[stage_of_current(current)].title(lang)

    ticked = {t.casefold() for t in chosen.teams} if chosen else None
    waves = [
        {
            "id": w.id,
            "name": w.name,
            "date": date_and_time(w.created_at, lang),
            "moves": [
                {
                    "id": m.team_id,
                    "team": names.get(m.team_id, m.team_id),
                    "from": stage(m.from_stage),
                    "to": stage(m.to_stage),
                }
                for m in w.moves
            ],
        }
        for w in done
    ]
    just_made = next((w for w in waves if w["id"] == confirmed), None)
    context = {
        "org": org,
        "hidden": hidden_fields(org),
        "units": options,
        "unit": unit,
        "size": size if size is not None else str(DEFAULT_SIZE),
        "max_size": MAX_WAVE,
        "max_name": MAX_NAME,
        "proposal": None
        if proposal is None
        else [
            {
                **team_row(s, policy, titles, lang),
                "to": stage(NEXT[s.team.current_stage]) if s.team.current_stage in NEXT else "",
                "checked": ticked is None or s.team.id in ticked,
            }
            for s in proposal
        ],
        "name": chosen.name if chosen else "",
        "problems": problems,
        "name_error": next((p["message"] for p in problems if p["anchor"] == "wave-name"), None),
        "size_error": next((p["message"] for p in problems if p["anchor"] == "size"), None),
        "confirmed": just_made,
        "waves": waves,
        "action": address("/waves", org=org),
    }
    return render(request, "waves.html", lang, context, status_code=status_code)


def _worded(
    problems: Sequence[Problem],
    form: WaveForm,
    uow: UnitOfWork,
    org: str,
    principal: Principal,
    policy: Policy,
    lang: Lang,
) -> list[dict[str, str]]:
    """Each problem of a rejected wave in the reader's words, with the place on the page it is
    about: the name field, a team's tick box, or the list of teams."""
    _ = gettext_for(lang)
    ids = {team.strip().casefold() for team in form.teams}
    known = usecase.teams_by_id(uow, org, ids, principal=principal)
    worded = []
    for problem in problems:
        index = problem.loc[1] if len(problem.loc) > 1 else None
        given = form.teams[index] if isinstance(index, int) and index < len(form.teams) else ""
        team = known.get(given.strip().casefold())
        name = team.team.display_name if team else given
        anchor = f"team-{team.team.id}" if team else "proposal"
        if problem.type == "name":
            anchor, message = "wave-name", _("Give the wave a name of 1 to %(max)s characters.")
            message %= {"max": MAX_NAME}
        elif problem.type == "teams":
            message = (
                _("Choose at most %(max)s teams for one wave.") % {"max": MAX_WAVE}
                if form.teams
                else _("Choose at least one team for the wave.")
            )
        elif problem.type == "duplicate":
            message = _("%(team)s is chosen twice.") % {"team": name}
        elif problem.type == "unknown_team":
            message = _("There is no team %(team)s.") % {"team": given}
        elif problem.type == "not_ahead" and team is not None:
            message = _not_ahead(team, policy, lang)
        else:
            message = problem.message  # the library's words: a case the page does not offer
        worded.append({"anchor": anchor, "message": message})
    return worded


def _not_ahead(summary: TeamSummary, policy: Policy, lang: Lang) -> str:
    _ = gettext_for(lang)
    stages = policy.settings.stages
    team, status = summary.team, summary.team.status
    if status is None:
        return _("%(team)s has not been assessed yet, so nothing recommends moving it.") % {
            "team": team.display_name
        }
    return _(
        "%(team)s stands at %(today)s and its latest assessment recommends %(recommended)s: "
        "there is nothing to move it to."
    ) % {
        "team": team.display_name,
        "today": stages[stage_of_current(team.current_stage)].title(lang),
        "recommended": stages[status.rollout_stage].title(lang),
    }
