"""`/teams/{team_id}`: a team followed over time, its scores as a trend and what changed.

A change is shown as better or worse for the team, not by its sign: fewer signs of phase 1 or 2
is an improvement (the questionnaire's `better` says which way each dimension improves).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from api.auth import UserDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.i18n import date_and_time, gettext_for, long_date
from api.pages.portfolio import PageOrgDep
from api.pages.rendering import not_found_page, render
from api.pages.rounds import survey_section
from api.pages.trend import sparkline_svg
from readiness import InputError, NotFoundError, Policy, questionnaire, usecases
from readiness.history import Changes
from readiness.questionnaire import load_questionnaire
from readiness.usecases import HistoryEntry, TeamHistory
from readiness.usecases.ports import HistoryRecord
from readiness.vocabulary import Lang

router = APIRouter()


@router.get("/teams/{team_id}")
def team_page(
    team_id: str,
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: PageOrgDep,
    principal: UserDep,
    before: Annotated[str | None, Query(description="show the assessments older than this")] = None,
) -> Response:
    """A page of the team's assessments, newest first, with a trend of each dimension, and a
    link to the older ones; the not-found page for a team the reader may not see."""
    try:
        history = usecases.team_history(
            uow, team_id, before=_assessment_id(before), org_id=org, principal=principal
        )
    except (NotFoundError, InputError):  # no such team, or no id a team could have
        return not_found_page(request, lang)
    if not history.entries:  # nothing older than `before`: no link leads here
        return not_found_page(request, lang)
    context = team_context(history, policy, lang) | _pages(request, before, history.older)
    context |= survey_section(request, uow, principal, org, history.team_id, policy, lang)
    return render(request, "team.html", lang, context)


def _pages(request: Request, before: str | None, older: str | None) -> dict[str, str | None]:
    """The addresses of the newest page (when this is an older one) and of the older page.

    They keep the rest of this address (e.g. `?org=`); the template's `link` adds the language.
    """
    kept = {k: v for k, v in request.query_params.items() if k not in ("lang", "before")}
    path = request.url.path
    return {
        "newer": f"{path}?{urlencode(kept)}".rstrip("?") if before else None,
        "older": f"{path}?{urlencode({**kept, 'before': older})}" if older else None,
    }


def _assessment_id(text: str | None) -> str | None:
    """The id of an assessment; NotFoundError for what cannot be one (never a database error)."""
    if text is None:
        return None
    try:
        return str(UUID(text))
    except ValueError:
        raise NotFoundError(f"no assessment {text!r}") from None


def team_context(history: TeamHistory, policy: Policy, lang: Lang) -> dict[str, Any]:
    """A page of the history: no profile is read for it, only the assessments' documents."""
    oldest_first = [entry.stored for entry in reversed(history.entries)]
    titles = {d.id: d.title for d in questionnaire(lang).dimensions}
    return {
        "team_id": history.team_id,
        "entries": [_entry(entry, policy, titles, lang) for entry in history.entries],
        "trend": _trend(oldest_first, titles, lang),
        "count": len(history.entries),
        "since": long_date(oldest_first[0].created_at.date(), lang),
        "until": long_date(oldest_first[-1].created_at.date(), lang),
    }


def _entry(
    entry: HistoryEntry, policy: Policy, titles: dict[str, str], lang: Lang
) -> dict[str, Any]:
    settings = policy.settings
    stored, change = entry.stored, entry.changes
    assessment = stored.assessment
    return {
        "id": stored.id,
        "date": date_and_time(stored.created_at, lang),
        "mode": settings.modes[assessment.mode].title(lang),
        "stage": settings.stages[assessment.rollout_stage].title(lang),
        "readiness": assessment.readiness,
        "changes": _described(change, policy, titles, lang) if change else None,
    }


def _described(
    change: Changes, policy: Policy, titles: dict[str, str], lang: Lang
) -> dict[str, Any]:
    settings = policy.settings

    def rule_title(rule_id: str) -> str:
        rule = policy.by_id.get(rule_id)
        return rule.title(lang) if rule else rule_id  # a rule since removed from the policy

    better = _better()
    moved = sorted(
        ((titles[d], delta, better[d]) for d, delta in change.dimensions.items() if delta),
        key=lambda change: -abs(change[1]),
    )
    return {
        "mode": (
            settings.modes[change.mode_from].title(lang),
            settings.modes[change.mode_to].title(lang),
        )
        if change.mode_changed
        else None,
        "stage": (
            settings.stages[change.stage_from].title(lang),
            settings.stages[change.stage_to].title(lang),
        )
        if change.stage_changed
        else None,
        "readiness": change.readiness_delta,
        "dimensions": moved,
        "added": [rule_title(r) for r in change.findings_added],
        "resolved": [rule_title(r) for r in change.findings_resolved],
        "policy_changed": change.policy_changed,
    }


def _trend(
    oldest_first: Sequence[HistoryRecord], titles: dict[str, str], lang: Lang
) -> list[dict[str, Any]]:
    _ = gettext_for(lang)
    better = _better()
    series = [(_("Readiness"), "higher", [float(s.assessment.readiness) for s in oldest_first])]
    series += [
        (title, better[d], [s.assessment.dimensions[d] for s in oldest_first])
        for d, title in titles.items()
    ]
    return [
        {
            "title": title,
            "chart": sparkline_svg(values, label=_("%(title)s over time") % {"title": title}),
            "first": values[0],
            "last": values[-1],
            "delta": values[-1] - values[0],
            "better": way,
        }
        for title, way, values in series
    ]


def _better() -> dict[str, str]:
    """Per dimension, which way is better for the team: higher, lower or neutral."""
    return {d.id: d.better for d in load_questionnaire().dimensions}
