"""The JSON API, one router per resource; api.main mounts them all under /api/v1."""

from fastapi import APIRouter

from api.routes import (
    assessments,
    batches,
    evaluate,
    health,
    organisations,
    policy,
    portfolio,
    questionnaire,
    rollout,
    rounds,
    team_list,
    teams,
)

ROUTERS: tuple[APIRouter, ...] = (
    questionnaire.router,
    evaluate.router,
    assessments.router,
    teams.router,
    team_list.router,
    organisations.router,
    portfolio.router,
    rollout.router,
    batches.router,
    rounds.router,
    policy.router,
    health.router,
)
