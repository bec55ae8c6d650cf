"""POST /assessments stores an assessment; GET /assessments/{id} reads it back."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request, Response

from api.deps import JSON_BODY, LangDep, PolicyDep, RepositoryDep
from api.errors import BODY, NOT_FOUND, VALIDATION
from api.schemas import StoredAssessmentPublic
from readiness import TeamProfile, assess

router = APIRouter(tags=["assessments"])


@router.post(
    "/assessments",
    status_code=201,
    response_model=StoredAssessmentPublic,
    responses={**VALIDATION, **BODY},
    dependencies=[JSON_BODY],
)
def create_assessment(
    profile: TeamProfile,
    lang: LangDep,
    policy: PolicyDep,
    repository: RepositoryDep,
    request: Request,
    response: Response,
) -> StoredAssessmentPublic:
    """Assess a team profile and keep both; the answer's Location header is where it lives."""
    stored = repository.add(profile, assess(profile, lang, policy=policy))
    response.headers["Location"] = request.app.url_path_for(
        "read_assessment", assessment_id=stored.id
    )
    return StoredAssessmentPublic.of(stored)


@router.get(
    "/assessments/{assessment_id}",
    response_model=StoredAssessmentPublic,
    responses={**VALIDATION, **NOT_FOUND},
)
def read_assessment(
    assessment_id: Annotated[UUID, Path(description="the id POST /assessments answered")],
    repository: RepositoryDep,
) -> StoredAssessmentPublic:
    """A stored assessment with the profile it was made from, in the language it was made in."""
    return StoredAssessmentPublic.of(repository.get(str(assessment_id)))
