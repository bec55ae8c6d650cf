"""POST /evaluate: assess a profile and store nothing.

An `async def`, so the decision is made on the event loop: FastAPI runs a plain `def` endpoint in
the thread pool, and then validates its answer there too, two round trips to another thread that
cost more than the decision itself (a fraction of a millisecond: the engine's cache, under a lock
that is never held long). Its dependencies are `async def` as well, and the body of a profile is
read on the loop (api.json_body; a large one in a worker thread), so a request to this route
never waits for a thread.
"""

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
async def evaluate(profile: TeamProfile, lang: LangDep, policy: PolicyDep) -> Assessment:
    """The assessment of a team profile; nothing is stored (use POST /assessments for that)."""
    return usecases.evaluate(profile, lang, policy)
