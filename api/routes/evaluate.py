"""POST /evaluate: assess a profile and store nothing."""

from fastapi import APIRouter

from api.deps import JSON_BODY, LangDep, PolicyDep
from api.errors import BODY, VALIDATION
from api.json_body import JsonBodyRoute
from readiness import Assessment, TeamProfile, usecases

router = APIRouter(tags=["assessments"], route_class=JsonBodyRoute)


@router.post(
    "/evaluate",
    response_model=Assessment,
    responses={**VALIDATION, **BODY},
    dependencies=[JSON_BODY],
)
def evaluate(profile: TeamProfile, lang: LangDep, policy: PolicyDep) -> Assessment:
    """The assessment of a team profile; nothing is stored (use POST /assessments for that)."""
    return usecases.evaluate(profile, lang, policy)
