"""GET /policy: every rule and caveat in force, and the policy's version."""

from fastapi import APIRouter

from api.deps import LangDep, PolicyDep
from api.errors import VALIDATION
from api.policy_view import PolicyView
from readiness.rules_listing import rules_as_data

router = APIRouter(tags=["policy"])


@router.get("/policy", response_model=PolicyView, responses=VALIDATION)
def read_policy(policy: PolicyDep, lang: LangDep) -> PolicyView:
    """The rules as an HR partner reads them in `rules/`: condition, outcome, caveat, scenarios."""
    return PolicyView.model_validate(rules_as_data(policy, lang))
