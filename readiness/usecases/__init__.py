"""The use cases: one function per workflow, for the API, the pages and the CLI alike.

Each works through a unit of work (`ports.UnitOfWork`) and returns typed models; the edges only
parse, call and render. The SQL unit of work lives with the service (`api.storage`), an in-memory
one in `readiness.usecases.memory`.
"""

from readiness.usecases.assessments import (
    assess_and_store,
    evaluate,
    in_language,
    made_under,
    read_assessment,
)
from readiness.usecases.policy import policy_listing
from readiness.usecases.ports import (
    DEFAULT_ORG,
    AssessmentRepository,
    StoredAssessment,
    StoredProfile,
    UnitOfWork,
)
from readiness.usecases.teams import HistoryEntry, TeamHistory, team_history

__all__ = [
    "DEFAULT_ORG",
    "AssessmentRepository",
    "HistoryEntry",
    "StoredAssessment",
    "StoredProfile",
    "TeamHistory",
    "UnitOfWork",
    "assess_and_store",
    "evaluate",
    "in_language",
    "made_under",
    "policy_listing",
    "read_assessment",
    "team_history",
]
