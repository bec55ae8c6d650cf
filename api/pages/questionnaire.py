"""`/`: the questionnaire form; a complete form is assessed, stored, and its report shown.

The manager fills it in: it shows the items the manager answers, not those only members answer.
Anyone may fill it in, but only a signed-in user's assessment is stored (under the rules of
POST /api/v1/assessments); anyone else is shown the report, with nothing kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from api.auth import CsrfDep, PrincipalDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.form import DONT_KNOW, form_items, read_form
from api.pages.i18n import gettext_for
from api.pages.portfolio import PageOrgDep
from api.pages.problems import PlacedProblem, place
from api.pages.rendering import render, with_lang
from api.pages.report import unsaved_report
from readiness import NotFoundError, questionnaire, usecases
from readiness.vocabulary import Lang

router = APIRouter()


async def posted_form(request: Request) -> dict[str, str]:
    """The posted fields; read here so that the route itself can run in the thread pool."""
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


FormDep = Annotated[dict[str, str], Depends(posted_form)]


@router.get("/")
def questionnaire_page(request: Request, lang: PageLangDep) -> Response:
    """The empty form, with the cautious defaults of the context questions already chosen."""
    return _form_page(request, lang, _defaults(lang), problems=())


@router.post("/", dependencies=[CsrfDep])
def submit_questionnaire(
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    form: FormDep,
    principal: PrincipalDep,
    org: PageOrgDep,
) -> Response:
    """Store the assessment and show its report, or show the form again with every problem marked.

    Not signed in: the report is shown and nothing is stored. A team the user may not assess is
    answered 404, with the form and its answers kept and the team id marked.
    """
    result = read_form(form)
    if result.profile is None:
        problems = place(result.problems, lang)
        return _form_page(request, lang, result.values, problems, status_code=422)
    if not principal.signed_in:
        return unsaved_report(
            request, usecases.evaluate(result.profile, lang, policy), policy, lang
        )
    try:
        stored = usecases.assess_and_store(
            uow, result.profile, lang, policy, org_id=org, principal=principal
        )
    except NotFoundError:
        _ = gettext_for(lang)
        refused = PlacedProblem(
            "team_id",
            "field-team_id",
            _("Team id"),
            _("There is no team with this id that you may assess."),
        )
        return _form_page(request, lang, result.values, [refused], status_code=404)
    return RedirectResponse(with_lang(f"/assessments/{stored.id}", lang), status_code=303)


def _defaults(lang: Lang) -> dict[str, str]:
    return {
        field.id: "no" if field.default is False else str(field.default)
        for field in questionnaire(lang).context_fields
        if field.default is not None
    }


def _form_page(
    request: Request,
    lang: Lang,
    values: dict[str, str],
    problems: Sequence[PlacedProblem],
    status_code: int = 200,
) -> Response:
    _ = gettext_for(lang)
    source = questionnaire(lang)
    errors: dict[str, str] = {}
    for problem in problems:
        errors[problem.name] = " ".join(filter(None, (errors.get(problem.name), problem.message)))
    on_form = set(form_items())
    items = {item.id: item for item in source.items}
    context = {
        "questionnaire": source,
        # Per dimension, the items on the manager's form, in questionnaire order.
        "form_items": {
            d.id: [items[item_id] for item_id in d.items if item_id in on_form]
            for d in source.dimensions
        },
        "values": values,
        "problems": problems,
        "errors": errors,
        "dont_know": DONT_KNOW,
        "yes_no": [
            {"value": "yes", "label": _("Yes, ongoing or recent")},
            {"value": "no", "label": _("No")},
        ],
    }
    return render(request, "questionnaire.html", lang, context, status_code=status_code)
