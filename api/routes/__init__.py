"""The JSON API, one router per resource; api.main mounts them all under /api/v1."""

from fastapi import APIRouter

from api.routes import assessments, evaluate, health, policy, questionnaire, teams

ROUTERS: tuple[APIRouter, ...] = (
    questionnaire.router,
    evaluate.router,
    assessments.router,
    teams.router,
    policy.router,
    health.router,
)
