"""The dependencies routes and pages use to know who asks (interface: api/auth/__init__.py).

The API (paths under /api/) knows only `Authorization: Bearer <token>`; the pages know only the
session cookie. So a page cannot be driven with a token, and the API, which no browser sends a
cookie to on a user's behalf, needs no CSRF token. A token that is malformed, unknown or revoked
is no one: open routes answer as to anyone, protected ones 401.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import HTTPConnection

from api.auth.sessions import Session, session_of, start_session
from api.storage import Database
from readiness.access import ANONYMOUS, Principal
from readiness.usecases import accounts

API_PREFIX = "/api/"
_PRINCIPAL = "readiness.principal"
_TOKEN_REFUSED = "readiness.token_refused"

# Declared on protected routes only, so /docs offers "Authorize" and marks them with a lock.
bearer = HTTPBearer(
    auto_error=False,
    description="an API token made with `readiness token create` (rdy_…)",
)


class SignInRequired(Exception):
    """A page needs a signed-in user; answered with a redirect to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


class CsrfRefused(Exception):
    """A form came without this session's CSRF token; answered 403 and nothing was done."""


def is_api(connection: HTTPConnection) -> bool:
    """Whether the request is for the JSON API (by its path within the app)."""
    path = connection.url.path
    root = connection.scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    return path.startswith(API_PREFIX)


def principal_of(connection: HTTPConnection) -> Principal:
    """Who is asking, found once per request: by API token on the API, by session on pages."""
    known = connection.scope.get(_PRINCIPAL)
    if isinstance(known, Principal):
        return known
    database: Database = connection.app.state.database
    if is_api(connection):
        principal = _by_token(connection, database)
    else:
        principal = _by_session(session_of(connection), database)
    connection.scope[_PRINCIPAL] = principal
    return principal


def _by_token(connection: HTTPConnection, database: Database) -> Principal:
    header = connection.headers.get("authorization")
    if not header:
        return ANONYMOUS
    scheme, _, presented = header.partition(" ")
    found = None
    if scheme.lower() == "bearer":
        found = accounts.verify_token(database.unit_of_work(), presented)
    if found is None:
        connection.scope[_TOKEN_REFUSED] = True
        return ANONYMOUS
    return found


def _by_session(session: Session | None, database: Database) -> Principal:
    if session is None or session.user_id is None:
        return ANONYMOUS
    with database.unit_of_work() as uow:
        user = uow.users.get(session.user_id)
    if user is None or user.disabled or user.session_epoch != session.epoch:
        return ANONYMOUS  # signed out everywhere, a new password, or disabled since
    return Principal(user=user, via="session")


def get_principal(request: Request) -> Principal:
    """Who is asking; anonymous when nobody signed in (never refused)."""
    return principal_of(request)


async def get_user(
    request: Request,
    principal: Annotated[Principal, Depends(get_principal)],
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """A signed-in principal; else 401 on the API, a redirect to sign in on the pages."""
    if principal.signed_in:
        return principal
    if not is_api(request):
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(here)
    if request.scope.get(_TOKEN_REFUSED):
        raise HTTPException(
            401,
            "the API token is not valid: malformed, unknown or revoked",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    raise HTTPException(
        401,
        "sign in first: send Authorization: Bearer <token> (made with `readiness token create`)",
        headers={"WWW-Authenticate": "Bearer"},
    )


async def check_csrf(request: Request) -> None:
    """403 unless the posted form carries this session's CSRF token (then nothing happens)."""
    session = session_of(request)
    form = await request.form()
    posted = form.get("csrf")
    if (
        session is None
        or not isinstance(posted, str)
        or not hmac.compare_digest(posted.encode(), session.csrf.encode())
    ):
        raise CsrfRefused()


def csrf_token(request: HTTPConnection) -> str:
    """The value of the hidden `csrf` field in this session's forms.

    A visitor without a session gets an anonymous one now (its cookie goes with the answer), so
    that the forms open to everyone are protected too.
    """
    session = session_of(request)
    if session is None:
        session = Session.anonymous()
        start_session(request, session)
    return session.csrf


PrincipalDep = Annotated[Principal, Depends(get_principal)]
UserDep = Annotated[Principal, Depends(get_user)]
CsrfDep = Depends(check_csrf)
