"""POST /assessments stores an assessment; GET /assessments/{id} reads it back.

Both for a signed-in caller, within what they may see (readiness.usecases.access): anything else
is a 404, as for an id that does not exist.
"""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.auth import UserDep
from api.deps import JSON_BODY, AskedLangDep, LangDep, OrgDep, PolicyDep, UnitOfWorkDep
from api.errors import BODY, VALIDATION
from api.json_body import JsonBodyRoute
from api.routes.signed_in import SIGNED_IN
from api.schemas import StoredAssessmentPublic
from readiness import TeamProfile, usecases

router = APIRouter(tags=["assessments"], route_class=JsonBodyRoute)


@router.post(
    "/assessments",
    status_code=201,
    response_model=StoredAssessmentPublic,
    responses={**VALIDATION, **BODY, **SIGNED_IN},
    dependencies=[JSON_BODY],
)
def create_assessment(
    profile: TeamProfile,
    principal: UserDep,
    lang: LangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    request: Request,
    response: Response,
) -> StoredAssessmentPublic:
    """Assess a team profile and keep both; the answer's Location header is where it lives.

    For an organisation you work in and a team you may see; a manager who assesses a new team
    becomes its manager. Otherwise 404, as for a team that does not exist.
    """
    stored = usecases.assess_and_store(uow, profile, lang, policy, org_id=org, principal=principal)
    response.headers["Location"] = request.app.url_path_for(
        "read_assessment", assessment_id=stored.id
    )
    return StoredAssessmentPublic.of(stored)


@router.get(
    "/assessments/{assessment_id}",
    response_model=StoredAssessmentPublic,
    # Exactly as stored: a document made under policy 1 gains none of the fields added since.
    response_model_exclude_unset=True,
    responses={**VALIDATION, **SIGNED_IN},
)
def read_assessment(
    assessment_id: Annotated[UUID, Path(description="the id POST /assessments answered")],
    principal: UserDep,
    lang: AskedLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
) -> StoredAssessmentPublic:
    """A stored assessment with the profile it was made from.

    In the language asked for (`?lang=`, else Accept-Language) when it was made under the policy
    and questionnaire in force; otherwise exactly as it was made, in its own language (`lang`).
    404 unless you may see its team (or, without a team, you made it or follow the whole
    organisation).
    """
    return StoredAssessmentPublic.of(
        usecases.read_assessment(uow, str(assessment_id), lang, policy, principal=principal)
    )
