"""The pages a manager reads: questionnaire, report, team history and policy, rendered on the server.

Swedish by default, English by ``?lang=en`` or Accept-Language; every page works without
JavaScript and prints. The JSON API under /api/v1 says the same things to programs.
"""

from fastapi import APIRouter

from api.pages import policy, questionnaire, report, teams

router = APIRouter(include_in_schema=False)
for _module in (questionnaire, report, teams, policy):
    router.include_router(_module.router)
