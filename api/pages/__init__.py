"""The pages a manager reads: questionnaire, report, team history and policy, rendered on the server."""

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
