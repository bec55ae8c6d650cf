"""What a route for signed-in callers says in the OpenAPI document besides its own answers."""

from api.errors import Responses
from api.schemas import ErrorResponse

SIGNED_IN: Responses = {
    401: {
        "model": ErrorResponse,
        "description": "No API token, or one that is malformed, unknown or revoked: send "
        "`Authorization: Bearer <token>` (made with `readiness token create`)",
    },
    404: {
        "model": ErrorResponse,
        "description": "No such assessment, team or organisation, or none that you may see "
        "(never 403, so that ids and names do not leak)",
    },
}
