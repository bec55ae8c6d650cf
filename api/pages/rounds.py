"""Member survey rounds on the pages: the team page's section, and the survey behind the link.

A manager opens and closes a round on the team page (`survey_section` gives its context). A
member opens the link (`/s/{token}`, Swedish first, `?lang=en`), answers the items that are
theirs, a dimension at a time and each skippable, on a phone, without an account. After answering,
a cookie scoped to that one link (HttpOnly, SameSite=Strict, Secure as the session cookie is,
until the deadline) marks the device as having answered; a second answer from it is refused
kindly. Nothing about a respondent is stored, and the request log leaves these paths out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from http.cookies import SimpleCookie
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse
from markupsafe import Markup
from starlette.responses import Response

from api.auth import CsrfDep, UserDep
from api.deps import PolicyDep, SettingsDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.i18n import date_and_time, gettext_for
from api.pages.portfolio import PageOrgDep, address
from api.pages.rendering import not_found_page, render, with_lang
from api.settings import Settings
from readiness import ConflictError, InputError, NotFoundError, Policy
from readiness.access import Principal
from readiness.questionnaire import questionnaire
from readiness.usecases import UnitOfWork, rounds
from readiness.usecases.rounds import DEFAULT_DAYS, MAX_DAYS, RoundStatus
from readiness.vocabulary import Lang

router = APIRouter()
ANSWERED_COOKIE = "readiness_answered"
DONT_KNOW = "dont_know"
SURVEY_MESSAGES = ("opened", "closed", "already-open", "days")
SCALE = {"1", "2", "3", "4", "5"}


async def posted_form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


FormDep = Annotated[dict[str, str], Depends(posted_form)]


def survey_lang(lang: Annotated[str | None, Query()] = None) -> Lang:
    """Swedish unless the link says `?lang=en`: the whole group reads the survey the manager
    shared, whatever their phones' own language."""
    return "en" if lang == "en" else "sv"


SurveyLangDep = Annotated[Lang, Depends(survey_lang)]


# The team page's section ------------------------------------------------------------------------


def survey_section(
    request: Request,
    uow: UnitOfWork,
    principal: Principal,
    org: str,
    team_id: str,
    policy: Policy,
    lang: Lang,
) -> dict[str, Any]:
    """The "member survey" section of the team page: its rounds and the forms to open and close."""
    listed = rounds.rounds_of_team(
        uow, principal, org, team_id, now=datetime.now(UTC), policy=policy
    )
    message = request.query_params.get("survey")
    return {
        "survey": {
            "rounds": [_round(request, status, org, lang) for status in listed],
            "open_action": address(f"/teams/{team_id}/rounds", org=org),
            "can_open": not any(status.survey.is_open for status in listed),
            "days": DEFAULT_DAYS,
            "max_days": MAX_DAYS,
            "threshold": policy.settings.anonymity_threshold,
            "message": message if message in SURVEY_MESSAGES else None,
        }
    }


def _round(request: Request, status: RoundStatus, org: str, lang: Lang) -> dict[str, Any]:
    _ = gettext_for(lang)
    survey = status.survey
    link = _member_link(request, status.link, lang) if status.link else None
    return {
        "id": survey.id,
        "open": survey.is_open,
        "opened": date_and_time(survey.opened_at, lang),
        "deadline": date_and_time(survey.deadline, lang),
        "closed": date_and_time(survey.closed_at, lang) if survey.closed_at else None,
        "answers": _count_words(status.answers_shown, lang),
        "used": status.used,
        "link": link,
        "qr": _qr_svg(link, _("QR code of the link")) if link else None,
        "close_action": address(f"/rounds/{survey.id}/close", org=org),
    }


def _member_link(request: Request, token: str, lang: Lang) -> str:
    """The address members open; in the language of the manager who shows it."""
    url = str(request.url_for("survey_page", token=token))
    return url if lang == "sv" else with_lang(url, lang)


def _count_words(shown: str, lang: Lang) -> str:
    """The shown count in words: "<3" is "fewer than 3"; "3–4" and exact counts stay."""
    _ = gettext_for(lang)
    if shown.startswith("<"):
        return _("fewer than %(threshold)s") % {"threshold": shown[1:]}
    return shown


def _qr_svg(link: str, title: str) -> Markup:
    """The link as a QR code in inline SVG: drawn with attributes only, no style and no script,
    so the Content-Security-Policy allows it."""
    code = segno.make(link, error="m")
    svg = code.svg_inline(
        scale=4, title=title, svgclass="qr", lineclass=None, light="#fff", omitsize=True
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # segno's own markup


@router.post("/teams/{team_id}/rounds", dependencies=[CsrfDep])
def open_round_page(
    team_id: str,
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    principal: UserDep,
    form: FormDep,
) -> Response:
    """Open a round for the team and show it on the team page."""
    days = form.get("days", "").strip()
    if not days.isdigit() or not 1 <= int(days) <= MAX_DAYS:
        return _back_to_team(team_id, org, lang, "days")
    try:
        rounds.open_round(
            uow, principal, org, team_id, now=datetime.now(UTC), policy=policy, days=int(days)
        )
    except (NotFoundError, InputError):
        return not_found_page(request, lang)
    except ConflictError:
        return _back_to_team(team_id, org, lang, "already-open")
    return _back_to_team(team_id, org, lang, "opened")


@router.post("/rounds/{round_id}/close", dependencies=[CsrfDep])
def close_round_page(
    round_id: str,
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    principal: UserDep,
) -> Response:
    """Close the round now and show it closed on the team page."""
    try:
        closed = rounds.close_round(
            uow, principal, round_id[:64], now=datetime.now(UTC), policy=policy
        )
    except NotFoundError:
        return not_found_page(request, lang)
    survey = closed.survey
    return _back_to_team(survey.team_id, survey.org_id, lang, "closed")


def _back_to_team(team_id: str, org: str, lang: Lang, message: str) -> Response:
    url = with_lang(address(f"/teams/{team_id}", org=org, survey=message), lang)
    return RedirectResponse(f"{url}#member-survey", status_code=303)


# The members' survey ----------------------------------------------------------------------------


@router.get("/s/{token}", name="survey_page")
def survey_page(
    token: str, request: Request, lang: SurveyLangDep, policy: PolicyDep, uow: UnitOfWorkDep
) -> Response:
    """The survey behind the link: the members' items, grouped by dimension."""
    try:
        survey = rounds.round_of_link(uow, token, now=datetime.now(UTC), policy=policy)
    except NotFoundError:
        return _closed_page(request, lang)
    if _answered_here(request):
        return render(request, "survey_answered.html", lang, {"again": False})
    threshold = policy.settings.anonymity_threshold
    return _form(request, lang, threshold, survey.deadline, values={}, errors={})


@router.post("/s/{token}", dependencies=[CsrfDep])
def answer_survey(
    token: str,
    request: Request,
    lang: SurveyLangDep,
    policy: PolicyDep,
    settings: SettingsDep,
    uow: UnitOfWorkDep,
    form: FormDep,
) -> Response:
    """Keep the answers and thank the member; the form again, every problem marked, if any;
    a kind refusal from a device that has answered already."""
    now = datetime.now(UTC)
    if _answered_here(request):
        return render(request, "survey_answered.html", lang, {"again": True}, status_code=409)
    values = {item: form[item] for item in _item_ids() if form.get(item)}
    answers: dict[str, Any] = {
        item: (None if value == DONT_KNOW else int(value) if value in SCALE else value)
        for item, value in values.items()
    }
    try:
        survey = rounds.answer(uow, token, answers, now=now, policy=policy)
    except NotFoundError:
        return _closed_page(request, lang)
    except InputError as error:
        survey = rounds.round_of_link(uow, token, now=now, policy=policy)
        errors = _placed(error, lang)
        threshold = policy.settings.anonymity_threshold
        return _form(request, lang, threshold, survey.deadline, values, errors, status_code=422)
    response = render(request, "survey_thanks.html", lang, {})
    seconds = max(1, int((survey.deadline - now).total_seconds()))
    response.headers.append("set-cookie", _answered_cookie(request, seconds, settings))
    return response


def _item_ids() -> list[str]:
    return [item.id for d in rounds.member_dimensions() for item in d.items_of("members")]


def _answered_here(request: Request) -> bool:
    """Whether this device has answered through this link (its cookie is scoped to the link)."""
    return request.cookies.get(ANSWERED_COOKIE) == "1"


def _answered_cookie(request: Request, seconds: int, settings: Settings) -> str:
    cookie: SimpleCookie = SimpleCookie()
    cookie[ANSWERED_COOKIE] = "1"
    morsel = cookie[ANSWERED_COOKIE]
    morsel["path"] = request.url.path  # this link only: nothing tells which other rounds
    morsel["max-age"] = seconds
    morsel["httponly"] = True
    morsel["samesite"] = "Strict"
    if settings.cookie_secure:
        morsel["secure"] = True
    return morsel.OutputString()


def _form(
    request: Request,
    lang: Lang,
    threshold: int,
    deadline: datetime,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response:
    shown = questionnaire(lang)
    texts = {item.id: item.text for item in shown.items}
    titles = {d.id: d.title for d in shown.dimensions}
    dimensions = [
        {
            "id": d.id,
            "title": titles[d.id],
            "needed": d.min_answers_of("members"),
            "items": [{"id": item.id, "text": texts[item.id]} for item in d.items_of("members")],
        }
        for d in rounds.member_dimensions()
    ]
    dimension_ids = {d["id"] for d in dimensions}
    summary = [
        (f"dimension-{where}" if where in dimension_ids else f"item-{where}" if where else None, m)
        for where, m in errors.items()
    ]
    context = {
        "dimensions": dimensions,
        "summary": summary,
        "scale": shown.scale.labels,
        "values": values,
        "errors": errors,
        "dont_know": DONT_KNOW,
        "deadline": date_and_time(deadline, lang),
        "threshold": threshold,
        "action": with_lang(request.url.path, lang),
    }
    return render(request, "survey.html", lang, context, status_code=status_code)


def _placed(error: InputError, lang: Lang) -> dict[str, str]:
    """Each problem at its dimension (or item), in the member's words."""
    _ = gettext_for(lang)
    shown = questionnaire(lang)
    titles = {d.id: d.title for d in shown.dimensions}
    dimension_of = {item.id: item.dimension for item in shown.items}
    placed: dict[str, str] = {}
    for problem in error.problems:
        where = str(problem.loc[0]) if problem.loc else ""
        if problem.type == "too_few_answers":
            dimension = next(d for d in rounds.member_dimensions() if d.id == where)
            placed[where] = _(
                "Answer at least %(needed)s of the statements about %(title)s, or none of them "
                "to skip this part."
            ) % {"needed": dimension.min_answers_of("members"), "title": titles[where].lower()}
        elif where in dimension_of:
            placed.setdefault(where, _("Choose one of the answers 1 to 5."))
        else:
            placed.setdefault("", _("Answer at least one part of the survey before you send it."))
    return placed


def _closed_page(request: Request, lang: Lang) -> Response:
    return render(request, "survey_closed.html", lang, {}, status_code=404)
