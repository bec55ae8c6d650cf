"""GET /healthz: the service answers, and so does its database."""

from fastapi import APIRouter, Response
from sqlalchemy.exc import SQLAlchemyError

import readiness
from api.deps import DatabaseDep, PolicyDep
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database does not answer"}},
)
def healthz(database: DatabaseDep, policy: PolicyDep, response: Response) -> Health:
    """200 when the database answers a query, 503 when it does not."""
    try:
        database.ping()
    except SQLAlchemyError:
        response.status_code = 503
        return Health(
            status="unavailable",
            database="unavailable",
            policy_version=policy.version,
            version=readiness.__version__,
        )
    return Health(
        status="ok", database="ok", policy_version=policy.version, version=readiness.__version__
    )
