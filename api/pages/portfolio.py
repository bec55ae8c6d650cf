"""`/portfolio`: an organisation's or a unit's teams at a glance, as an HR partner reads them.

Teams counted per leadership mode and rollout stage, readiness in bands of ten, what limits the
teams most, what changed since the previous round and who is due, then the teams grouped by mode
and stage, by name within each group. Never a league table: nothing here is ordered by readiness.

The helpers at the end (the organisation and unit of a page, the unit picker, a team's line) serve
the team list and the waves as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.auth import PrincipalDep, UserDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.charts import Bar, bar_chart_svg
from api.pages.deps import PageLangDep
from api.pages.i18n import N_, gettext_for, long_date, translations
from api.pages.rendering import not_found_page, render
from readiness import InputError, NotFoundError, Policy, questionnaire
from readiness.teams import team_slug
from readiness.usecases import DEFAULT_ORG
from readiness.usecases import portfolio as usecase
from readiness.usecases.organisations import UnitNode, organisations, unit_tree
from readiness.usecases.portfolio import Portfolio, TeamSummary
from readiness.vocabulary import MODES, STAGES, Lang, stage_of_current

router = APIRouter()

# How the teams moved since their previous assessment (readiness.usecases.portfolio.Change).
CHANGES = {
    "mode_up": N_("Further on in leadership"),
    "mode_down": N_("Back in leadership"),
    "stage_up": N_("Recommended a later stage"),
    "stage_down": N_("Recommended an earlier stage"),
    "unchanged": N_("Same leadership and stage"),
    "first": N_("Assessed for the first time"),
}


def page_org(principal: PrincipalDep, org: Annotated[str | None, Query()] = None) -> str:
    """`?org=`, case-insensitive like every id; when none, the organisation of the one signed in
    (an admin: the installation's own)."""
    own = principal.user.org_id if principal.user else None
    return _page_id(org) or own or DEFAULT_ORG


def page_unit(unit: Annotated[str | None, Query()] = None) -> str | None:
    """`?unit=` as a unit id; None (the whole organisation) when empty, as the picker sends it."""
    return _page_id(unit)


def _page_id(text: str | None) -> str | None:
    """An id from the address; an id no organisation or unit could have is the 404 page."""
    if not (text or "").strip():
        return None
    try:
        return team_slug((text or "").strip())
    except ValueError:
        raise StarletteHTTPException(404) from None


# The most teams the page lists as due, and in each group; the team list shows every one, by
# page. Past some hundreds a list is no longer read but scrolled, and the page of a region of
# 100,000 teams would be some 20 MB of HTML.
LISTED = 50

PageOrgDep = Annotated[str, Depends(page_org)]
PageUnitDep = Annotated[str | None, Depends(page_unit)]


@router.get("/portfolio")
def portfolio_page(
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    unit: PageUnitDep,
    principal: UserDep,
) -> Response:
    """The organisation's teams, or those of a unit and every unit below it; 404 for neither,
    and for anyone but an admin or an HR partner of the organisation."""
    try:
        found = usecase.portfolio(uow, org, unit=unit, principal=principal, limit=LISTED)
        tree = unit_tree(uow, org, principal)
    except (NotFoundError, InputError):  # no such organisation, or no such unit in it
        return not_found_page(request, lang)
    name = next(o.name for o in organisations(uow, principal) if o.id == org)
    context = portfolio_context(found, policy, lang, org_name=name, tree=tree)
    return render(request, "portfolio.html", lang, context)


def portfolio_context(
    found: Portfolio, policy: Policy, lang: Lang, *, org_name: str, tree: Sequence[UnitNode]
) -> dict[str, Any]:
    """What portfolio.html shows; the shares of teams are of those assessed."""
    _ = gettext_for(lang)
    ngettext = translations(lang).ngettext
    settings = policy.settings
    titles = dimension_titles(lang)
    org, unit = found.org_id, found.unit.slug if found.unit else None
    bars = [Bar(f"{low}–{high}", teams) for low, high, teams in found.readiness]
    return {
        "org": org,
        "org_name": org_name,
        "unit": found.unit,
        "units": unit_options(tree, unit),
        "hidden": hidden_fields(org),
        "teams": found.teams,
        "assessed": found.assessed,
        "by_mode": _counts(found.by_mode, {m: settings.modes[m].title(lang) for m in MODES}, found),
        "by_stage": _counts(
            found.by_stage, {s: settings.stages[s].title(lang) for s in STAGES}, found
        ),
        "bands": [
            {"id": bar.label.replace("–", "-"), "label": bar.label, "teams": bar.value}
            for bar in bars
        ],
        "chart": bar_chart_svg(
            bars,
            title=_("Teams per band of readiness, 0 to 100"),
            description="; ".join(
                ngettext("%(band)s: %(num)d team", "%(band)s: %(num)d teams", bar.value)
                % {"band": bar.label, "num": bar.value}
                for bar in bars
            ),
        ),
        "limiting": [(titles.get(d, d), n) for d, n in found.limiting],
        "caveats": [
            (c, settings.caveats[c].title(lang) if c in settings.caveats else c, n)
            for c, n in found.caveats
        ],
        "change": [
            {"id": key, "label": _(label), "teams": getattr(found.change, key)}
            for key, label in CHANGES.items()
        ],
        "due": [team_row(s, policy, titles, lang) for s in found.due],
        "due_count": found.due_count,
        "due_all": address("/teams", org=org, unit=unit, due="1"),
        "groups": [
            {
                "mode": mode,
                "stage": stage,
                "mode_title": settings.modes[mode].title(lang),
                "stage_title": settings.stages[stage].title(lang),
                "teams": [team_row(s, policy, titles, lang) for s in teams],
                "count": found.group_sizes[mode, stage],
                "all": address("/teams", org=org, unit=unit, mode=mode, stage=stage),
            }
            for mode, stage, teams in found.groups
        ],
        "team_list": address("/teams", org=org, unit=unit),
    }


def _counts(
    counts: dict[Any, int], titles: dict[Any, str], found: Portfolio
) -> list[dict[str, Any]]:
    return [
        {
            "id": key,
            "title": titles[key],
            "teams": counts[key],
            "share": 100 * counts[key] / found.assessed if found.assessed else 0,
        }
        for key in titles
    ]


# Shared by the portfolio, the team list and the waves.


def address(path: str, **params: str | int | None) -> str:
    """`path` with the query of the parameters that are given; the default organisation is left
    out, so that the addresses of the one organisation most installations have stay short."""
    given = {
        name: value
        for name, value in params.items()
        if value not in (None, "") and not (name == "org" and value == DEFAULT_ORG)
    }
    return f"{path}?{urlencode(given)}" if given else path


def hidden_fields(org: str) -> dict[str, str]:
    """What a GET form must carry besides its own fields (a browser drops the action's query)."""
    return {} if org == DEFAULT_ORG else {"org": org}


def unit_options(tree: Sequence[UnitNode], chosen: str | None) -> list[dict[str, Any]]:
    """The unit tree as the options of a select, each unit indented below its parent."""
    options: list[dict[str, Any]] = []

    def add(nodes: Sequence[UnitNode], depth: int) -> None:
        for node in nodes:
            options.append(
                {
                    "id": node.unit.slug,
                    "name": node.unit.name,
                    "label": "\u00a0\u00a0\u00a0" * depth + node.unit.name,
                    "selected": node.unit.slug == chosen,
                }
            )
            add(node.children, depth + 1)

    add(tree, 0)
    return options


def dimension_titles(lang: Lang) -> dict[str, str]:
    return {d.id: d.title for d in questionnaire(lang).dimensions}


def team_row(
    summary: TeamSummary, policy: Policy, titles: dict[str, str], lang: Lang
) -> dict[str, Any]:
    """One team's line in the reader's language: its latest outcome, never its answers."""
    settings = policy.settings
    team, status = summary.team, summary.team.status
    return {
        "id": team.id,
        "name": team.display_name,
        "unit": summary.unit.name if summary.unit else None,
        "current_stage": team.current_stage,
        "today": settings.stages[stage_of_current(team.current_stage)].title(lang),
        "assessment_id": status.assessment_id if status else None,
        "mode_id": status.mode if status else None,
        "mode": settings.modes[status.mode].title(lang) if status else None,
        "recommended": settings.stages[status.rollout_stage].title(lang) if status else None,
        "readiness": status.readiness if status else None,
        "limiting": [titles.get(d, d) for d in status.limiting] if status else [],
        "last_assessed": long_date(status.assessed_at.date(), lang) if status else None,
        "next_due": long_date(status.reassess_by.date(), lang) if status else None,
        "due": summary.due,
    }
