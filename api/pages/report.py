"""`/assessments/{id}`: the report a manager reads, prints and acts on.

It leads with the decision and what limits the team, then the plan: the next steps by when, who
carries each one and how to see that it worked. An assessment made under policy 1 lacks those
(no `limiting`, steps without owner or days) and is shown as it was made: a checklist, and every
dimension on the radar.

A stored report is for those who may see its team (readiness.usecases.access); anyone else gets
the not-found page. A report made from the form by someone not signed in is shown once and kept
nowhere (`unsaved_report`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from pydantic import TypeAdapter, ValidationError
from starlette.responses import Response

from api.auth import UserDep
from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.i18n import N_, decimal, gettext_for, long_date
from api.pages.phases import Legend, PhaseRow, phase_strip_svg
from api.pages.portfolio import address
from api.pages.radar import Axis, Series, radar_svg
from api.pages.rendering import not_found_page, render
from readiness import NotFoundError, Policy, questionnaire, usecases
from readiness.models import Assessment, NextStep
from readiness.questionnaire import DimensionView
from readiness.report import by_severity, plan
from readiness.usecases import StoredAssessment, StoredProfile
from readiness.vocabulary import READINESS_DIMENSIONS, STAGES, Lang, stage_of_current

router = APIRouter()

# The same type as the API's `assessment_id`, so both accept exactly the same addresses.
ASSESSMENT_ID = TypeAdapter(UUID)

OWNER_NAMES = {
    "manager": N_("The manager"),
    "group": N_("The group"),
    "manager_and_group": N_("Manager and group"),
    "hr": N_("HR"),
    "senior_management": N_("Senior management"),
}


@router.get("/assessments/{assessment_id}")
def report_page(
    assessment_id: str,
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    principal: UserDep,
) -> Response:
    """The stored assessment as a report, in the language asked for when it can be."""
    try:
        # Validated as the API validates its UUID, before the database sees it: a NUL byte or a
        # long string is no report, not a database error.
        canonical = str(ASSESSMENT_ID.validate_python(assessment_id))
    except ValidationError:
        return not_found_page(request, lang)
    try:
        stored = usecases.read_assessment(uow, canonical, lang, policy, principal=principal)
    except NotFoundError:
        return not_found_page(request, lang)
    return render(request, "report.html", lang, report_context(stored, policy, lang))


def unsaved_report(
    request: Request, assessment: Assessment, policy: Policy, lang: Lang
) -> Response:
    """The report of an assessment that was not stored, saying so, with the way to sign in."""
    shown = StoredAssessment(
        id="",
        org_id="",
        team_id=assessment.team_id,
        created_at=datetime.now(UTC),
        lang=assessment.lang,
        policy_version=assessment.policy_version,
        questionnaire_version=assessment.questionnaire_version,
        profile=StoredProfile(answers={}),
        assessment=assessment,
    )
    return render(request, "report.html", lang, report_context(shown, policy, lang))


def report_context(stored: StoredAssessment, policy: Policy, lang: Lang) -> dict[str, Any]:
    """What report.html shows; `plan` and `limits` are empty for an assessment of policy 1."""
    assessment = stored.assessment
    settings = policy.settings
    source = questionnaire(lang)
    today = stage_of_current(assessment.current_stage)
    phase = next(d for d in source.dimensions if d.phase == assessment.phase)
    created = stored.created_at
    weakest_link = bool(assessment.limiting)
    return {
        "stored": stored,
        "unsaved": not stored.id,
        # The team's page in the organisation the assessment belongs to.
        "team_page": address(f"/teams/{stored.team_id}", org=stored.org_id),
        "assessment": assessment,
        "content_lang": assessment.lang,
        "created": long_date(created.date(), lang),
        "reassess_by": long_date(
            (created + timedelta(days=assessment.reassess_in_days)).date(), lang
        ),
        "mode": settings.modes[assessment.mode],
        "stages": [
            {
                "id": stage,
                "title": settings.stages[stage].title(lang),
                "today": stage == today,
                "recommended": stage == assessment.rollout_stage,
            }
            for stage in STAGES
        ],
        "today": settings.stages[today].title(lang),
        "recommended": settings.stages[assessment.rollout_stage],
        "phase_title": phase.phase_title,
        "caveats": {key: caveat.title(lang) for key, caveat in settings.caveats.items()},
        "conditions": _conditions(assessment, source.dimensions) if weakest_link else [],
        "limits": [
            {"title": _title(d, source.dimensions), "score": assessment.dimensions[d]}
            for d in assessment.limiting
        ],
        "plan": _plan(assessment.next_steps, created, lang),
        "findings": by_severity(assessment.findings),
        "dimensions": _rows(assessment, source.dimensions, lang),
        **(
            _charts(assessment, source.dimensions, lang)
            if weakest_link
            else _charts_as_made(assessment, source.dimensions, lang)
        ),
    }


def axis_label(title: str, phase: int | None, phase_title: str | None, lang: Lang) -> str:
    """A dimension's name short enough for the chart: the phase dimensions by their phase."""
    if phase is None or phase_title is None:
        return title
    _ = gettext_for(lang)
    return _("Phase %(number)s: %(title)s") % {"number": phase, "title": phase_title}


def _label(d: DimensionView, lang: Lang) -> str:
    return axis_label(d.title, d.phase, d.phase_title, lang)


def _title(dimension_id: str, dimensions: Sequence[DimensionView]) -> str:
    return next(d.title for d in dimensions if d.id == dimension_id)


def _conditions(
    assessment: Assessment, dimensions: Sequence[DimensionView]
) -> list[dict[str, Any]]:
    """The conditions that must all hold; readiness is the weakest of them."""
    return [
        {
            "title": _title(d, dimensions),
            "score": assessment.dimensions[d],
            "limiting": d in assessment.limiting,
        }
        for d in READINESS_DIMENSIONS
    ]


def _plan(steps: Sequence[NextStep], created: datetime, lang: Lang) -> list[dict[str, Any]]:
    """The steps by when they are due, with the date each period ends; none for policy 1."""
    _ = gettext_for(lang)
    return [
        {
            "days": period.end,
            "heading": _("First %(days)s days") % {"days": period.end}
            if period.start == 1
            else _("Days %(start)s–%(end)s") % {"start": period.start, "end": period.end},
            "due": long_date((created + timedelta(days=period.end)).date(), lang),
            "steps": [
                {"step": s, "owner": _(OWNER_NAMES[s.owner]) if s.owner else None}
                for s in period.steps
            ],
        }
        for period in plan(steps)
    ]


def _rows(
    assessment: Assessment, dimensions: Sequence[DimensionView], lang: Lang
) -> list[dict[str, Any]]:
    members = assessment.members
    return [
        {
            "title": _label(d, lang),
            "phase": d.phase,
            "score": assessment.dimensions[d.id],
            "manager": view.manager if (view := assessment.views.get(d.id)) else None,
            "members": (
                view.members if view else members.dimensions.get(d.id) if members.used else None
            ),
        }
        for d in dimensions
    ]


def _charts(
    assessment: Assessment, dimensions: Sequence[DimensionView], lang: Lang
) -> dict[str, Any]:
    """The radar over the dimensions where more is better, and the phase profile apart."""
    _ = gettext_for(lang)
    number = partial(decimal, lang=lang)
    views = assessment.views
    used, manager, members = (
        _("Scores used in the decision"),
        _("The manager's view"),
        _("Members' median"),
    )
    both = [
        Series(manager, {d: v.manager for d, v in views.items()}, "secondary"),
        Series(members, {d: v.members for d, v in views.items()}, "tertiary"),
    ]
    phases = [d for d in dimensions if d.phase is not None and d.phase_title is not None]
    return {
        "radar": radar_svg(
            [Axis(d.id, d.title) for d in dimensions if d.phase is None],
            [Series(used, assessment.dimensions), *(both if views else [])],
            title=_("The team's scores in the five dimensions, 0 to 100"),
            number=number,
        ),
        "phases": phase_strip_svg(
            [
                PhaseRow(
                    number=d.phase or 0,
                    name=_("Phase %(number)s") % {"number": d.phase},
                    title=d.phase_title or "",
                    score=assessment.dimensions[d.id],
                    manager=views[d.id].manager if d.id in views else None,
                    members=views[d.id].members if d.id in views else None,
                )
                for d in phases
            ],
            current=assessment.phase,
            title=_("Signs of each phase, 0 to 100; the group is in phase %(number)s")
            % {"number": assessment.phase},
            current_label=_("the group is here"),
            number=number,
            legend=Legend(used, manager, members) if views else None,
        ),
    }


def _charts_as_made(
    assessment: Assessment, dimensions: Sequence[DimensionView], lang: Lang
) -> dict[str, Any]:
    """Policy 1's chart: all nine dimensions on the radar, the members' median beside them."""
    _ = gettext_for(lang)
    members = assessment.members
    return {
        "radar": radar_svg(
            [Axis(d.id, _label(d, lang)) for d in dimensions],
            [
                Series(_("Scores used in the decision"), assessment.dimensions),
                *(
                    [Series(_("Members' median"), members.dimensions, "secondary")]
                    if members.used
                    else []
                ),
            ],
            title=_("The team's scores in the nine dimensions, 0 to 100"),
            number=partial(decimal, lang=lang),
        ),
        "phases": None,
    }
