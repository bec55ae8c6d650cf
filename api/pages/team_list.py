"""`/teams`: every team of an organisation or a unit on one list, filtered, paged and exported.

By name, or by the latest assessment (newest first), never by readiness. The filters are a GET
form, so a filtered list has an address to share, and the export links (`?format=csv` or `xlsx`)
download the same list as the API's export does, with the reader's session rather than a token.
(`/teams/{team_id}` is one team's history: api.pages.teams.)
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from api.auth import UserDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.portfolio import (
    PageOrgDep,
    PageUnitDep,
    address,
    dimension_titles,
    hidden_fields,
    team_row,
    unit_options,
)
from api.pages.rendering import not_found_page, render
from api.routes.team_list import team_file
from readiness import InputError, NotFoundError
from readiness.access import may_follow_organisation
from readiness.organisation import Sort
from readiness.usecases import portfolio as usecase
from readiness.usecases.organisations import unit_tree
from readiness.vocabulary import MODES, STAGES

router = APIRouter()

PAGE_SIZE = 100
TEXT = Annotated[str | None, Query()]


@router.get("/teams")
def team_list_page(
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    unit: PageUnitDep,
    principal: UserDep,
    mode: TEXT = None,
    stage: TEXT = None,
    due: TEXT = None,
    sort: TEXT = None,
    page: TEXT = None,
    format: TEXT = None,
) -> Response:
    """A page of the list; a filter the page does not know is left out rather than refused.

    Only the teams the reader sees: a manager their own (without the unit picker, which is for
    the organisation's HR partners), an HR partner those of their units.
    """
    chosen_mode = next((m for m in MODES if m == mode), None)
    chosen_stage = next((s for s in STAGES if s == stage), None)
    only_due = due in ("1", "on", "true", "yes")
    order: Sort = "date" if sort == "date" else "name"
    number = int(page) if page and page.isdigit() and int(page) > 0 else 1
    titles = dimension_titles(lang)
    listed: usecase.Listing = {
        "unit": unit,
        "mode": chosen_mode,
        "stage": chosen_stage,
        "due": only_due,
    }
    if format in ("csv", "xlsx"):
        found = usecase.team_list(uow, org, sort=order, principal=principal, **listed)
        try:
            return team_file(found, org, "csv" if format == "csv" else "xlsx", policy, lang)
        except (NotFoundError, InputError):
            return not_found_page(request, lang)
    try:
        follows = may_follow_organisation(principal, org)
        tree = unit_tree(uow, org, principal) if follows else []
        start = (number - 1) * PAGE_SIZE
        chosen = usecase.team_page(
            uow, org, offset=start, limit=PAGE_SIZE, sort=order, principal=principal, **listed
        )
        total = chosen.total
        rows = [team_row(summary, policy, titles, lang) for summary in chosen.teams]
    except (NotFoundError, InputError):  # no such organisation, or no such unit in it
        return not_found_page(request, lang)
    filters = {
        "org": org,
        "unit": unit,
        "mode": chosen_mode,
        "stage": chosen_stage,
        "due": "1" if only_due else None,
        "sort": "date" if order == "date" else None,
    }
    pages = max(1, -(-total // PAGE_SIZE))
    export = {**filters, "due": "true" if only_due else None, "sort": order}
    settings = policy.settings
    options = unit_options(tree, unit)
    context = {
        "org": org,
        "hidden": hidden_fields(org),
        "units": options,
        "unit": next((o["name"] for o in options if o["selected"]), None),
        "modes": [
            {"id": m, "title": settings.modes[m].title(lang), "selected": m == chosen_mode}
            for m in MODES
        ],
        "stages": [
            {"id": s, "title": settings.stages[s].title(lang), "selected": s == chosen_stage}
            for s in STAGES
        ],
        "due": only_due,
        "sort": order,
        "filtered": any(filters[name] for name in ("unit", "mode", "stage", "due")),
        "rows": rows,
        "total": total,
        "first": (number - 1) * PAGE_SIZE + 1,
        "last": (number - 1) * PAGE_SIZE + len(rows),
        "page": number,
        "pages": pages,
        "previous": address("/teams", **filters, page=number - 1) if number > 1 else None,
        "next": address("/teams", **filters, page=number + 1) if number < pages else None,
        "csv": address("/teams", format="csv", **export),
        "xlsx": address("/teams", format="xlsx", **export),
        "portfolio": address("/portfolio", org=org, unit=unit) if follows else None,
        "clear": address("/teams", org=org),
    }
    return render(request, "team_list.html", lang, context)
