"""GET /policy: every rule and caveat in force, and the policy's version."""

from fastapi import APIRouter

from api.deps import CoverageDep, LangDep, PolicyDep
from api.errors import VALIDATION
from readiness import usecases
from readiness.policy_view import PolicyView

router = APIRouter(tags=["policy"])


@router.get("/policy", response_model=PolicyView, responses=VALIDATION)
def read_policy(policy: PolicyDep, lang: LangDep, coverage: CoverageDep) -> PolicyView:
    """The rules as an HR partner reads them in `rules/`: condition, outcome, caveat, scenarios."""
    return usecases.policy_listing(policy, lang, coverage)
