"""`/assessments/{id}`: the report a manager reads, prints and acts on."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from api.deps import PolicyDep, UnitOfWorkDep
from api.pages.deps import PageLangDep
from api.pages.i18n import gettext_for, long_date
from api.pages.radar import Axis, Series, radar_svg
from api.pages.rendering import not_found_page, render
from readiness import NotFoundError, Policy, questionnaire, usecases
from readiness.usecases import StoredAssessment
from readiness.vocabulary import STAGES, Lang, stage_of_current

router = APIRouter()


@router.get("/assessments/{assessment_id}")
def report_page(
    assessment_id: str,
    request: Request,
    lang: PageLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
) -> Response:
    """The stored assessment as a report, in the language asked for when it can be."""
    try:
        stored = usecases.read_assessment(uow, assessment_id, lang, policy)
    except NotFoundError:
        return not_found_page(request, lang)
    return render(request, "report.html", lang, report_context(stored, policy, lang))


def report_context(stored: StoredAssessment, policy: Policy, lang: Lang) -> dict[str, Any]:
    _ = gettext_for(lang)
    assessment = stored.assessment
    settings = policy.settings
    source = questionnaire(lang)
    today = stage_of_current(assessment.current_stage)
    phase = next(d for d in source.dimensions if d.phase == assessment.phase)
    members = assessment.members
    created = stored.created_at
    return {
        "stored": stored,
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
        "dimensions": [
            {
                "title": axis_label(d.title, d.phase, d.phase_title, lang),
                "score": assessment.dimensions[d.id],
                "members": members.dimensions.get(d.id) if members.used else None,
            }
            for d in source.dimensions
        ],
        "radar": radar_svg(
            [
                Axis(d.id, axis_label(d.title, d.phase, d.phase_title, lang))
                for d in source.dimensions
            ],
            [
                Series(_("Scores used in the decision"), assessment.dimensions),
                *(
                    [Series(_("Members' median"), members.dimensions, "secondary")]
                    if members.used
                    else []
                ),
            ],
            title=_("The team's scores in the nine dimensions, 0 to 100"),
        ),
    }


def axis_label(title: str, phase: int | None, phase_title: str | None, lang: Lang) -> str:
    """A dimension's name short enough for the chart: the phase dimensions by their phase."""
    if phase is None or phase_title is None:
        return title
    _ = gettext_for(lang)
    return _("Phase %(number)s: %(title)s") % {"number": phase, "title": phase_title}
