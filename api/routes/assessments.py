"""POST /assessments stores an assessment; GET /assessments/{id} reads it back."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.deps import JSON_BODY, AskedLangDep, LangDep, OrgDep, PolicyDep, UnitOfWorkDep
from api.errors import BODY, NOT_FOUND, VALIDATION
from api.json_body import JsonBodyRoute
from api.schemas import StoredAssessmentPublic
from readiness import TeamProfile, usecases

router = APIRouter(tags=["assessments"], route_class=JsonBodyRoute)


@router.post(
    "/assessments",
    status_code=201,
    response_model=StoredAssessmentPublic,
    responses={**VALIDATION, **BODY, **NOT_FOUND},
    dependencies=[JSON_BODY],
)
def create_assessment(
    profile: TeamProfile,
    lang: LangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    request: Request,
    response: Response,
) -> StoredAssessmentPublic:
    """Assess a team profile and keep both; the answer's Location header is where it lives."""
    stored = usecases.assess_and_store(uow, profile, lang, policy, org_id=org)
    response.headers["Location"] = request.app.url_path_for(
        "read_assessment", assessment_id=stored.id
    )
    return StoredAssessmentPublic.of(stored)


@router.get(
    "/assessments/{assessment_id}",
    response_model=StoredAssessmentPublic,
    # Exactly as stored: a document made under policy 1 gains none of the fields added since.
    response_model_exclude_unset=True,
    responses={**VALIDATION, **NOT_FOUND},
)
def read_assessment(
    assessment_id: Annotated[UUID, Path(description="the id POST /assessments answered")],
    lang: AskedLangDep,
    policy: PolicyDep,
    uow: UnitOfWorkDep,
) -> StoredAssessmentPublic:
    """A stored assessment with the profile it was made from.

    In the language asked for (`?lang=`, else Accept-Language) when it was made under the policy
    and questionnaire in force; otherwise exactly as it was made, in its own language (`lang`).
    """
    return StoredAssessmentPublic.of(
        usecases.read_assessment(uow, str(assessment_id), lang, policy)
    )
