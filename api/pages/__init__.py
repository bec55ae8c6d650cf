"""The pages a manager or an HR partner reads, rendered on the server: questionnaire, report, team
history and policy; the portfolio, the team list and the rollout waves.

Swedish by default, English by ``?lang=en`` or Accept-Language; every page works without
JavaScript and prints. The JSON API under /api/v1 says the same things to programs.
"""

from fastapi import APIRouter

from api.pages import (
    policy,
    portfolio,
    questionnaire,
    report,
    rounds,
    sign_in,
    team_list,
    teams,
    waves,
)

router = APIRouter(include_in_schema=False)
for _module in (questionnaire, report, teams, policy, portfolio, team_list, waves, sign_in, rounds):
    router.include_router(_module.router)
