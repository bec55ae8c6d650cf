"""The session cookie: who signed in, under which session epoch, and the CSRF token of the forms.

The cookie `readiness_session` holds only ``{"u": user id or None, "e": epoch, "c": csrf}``,
signed with itsdangerous and timestamped, so it expires `session_hours` after it was made
whatever the browser does with it. It is HttpOnly, SameSite=Lax and (by default) Secure.
Nothing about a session is stored on the server: a session ends when its user's epoch is
raised (sign out everywhere, a new password, disabled), when it expires, or when the key changes.

`SessionCookies` (a pure ASGI middleware) writes the cookie a request asked for; the request
asks through `start_session`/`end_session`, and reads its session with `session_of`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.settings import Settings
from api.storage import Database

COOKIE = "readiness_session"
SECRET_NAME = "session-key"  # the key made at the first start, in the database's secrets
_SALT = "readiness.session"
_SCOPE_KEY = "readiness.session"


@dataclass(frozen=True)
class Session:
    """What a browser's cookie says: a user (or nobody yet) and the CSRF token of its forms."""

    user_id: str | None
    epoch: int
    csrf: str

    @staticmethod
    def anonymous() -> Session:
        return Session(None, 0, secrets.token_urlsafe(32))

    @staticmethod
    def signed_in(user_id: str, epoch: int) -> Session:
        """A new session for a user who just signed in (with a new CSRF token, so that nothing
        learnt before signing in is of use after it)."""
        return Session(user_id, epoch, secrets.token_urlsafe(32))


class SessionSigner:
    """Signs sessions into cookie values and reads them back, refusing old or forged ones."""

    def __init__(self, key: str, settings: Settings) -> None:
        self._serializer = URLSafeTimedSerializer(key, salt=_SALT)
        self.max_age = settings.session_hours * 3600
        self.secure = settings.cookie_secure

    def dumps(self, session: Session) -> str:
        return str(
            self._serializer.dumps({"u": session.user_id, "e": session.epoch, "c": session.csrf})
        )

    def loads(self, value: str) -> Session | None:
        try:
            data = self._serializer.loads(value, max_age=self.max_age)
        except BadSignature:  # a forged, damaged or expired cookie, or one signed with another key
            return None
        if not isinstance(data, dict):
            return None
        user, epoch, csrf = data.get("u"), data.get("e"), data.get("c")
        if not (user is None or isinstance(user, str)) or not isinstance(epoch, int):
            return None
        return Session(user, epoch, csrf) if isinstance(csrf, str) and csrf else None

    def set_cookie(self, session: Session) -> str:
        """The Set-Cookie header value that keeps `session` in the browser."""
        return self._header(self.dumps(session), self.max_age)

    def clear_cookie(self) -> str:
        """The Set-Cookie header value that removes the session cookie."""
        return self._header("", 0)

    def _header(self, value: str, max_age: int) -> str:
        cookie: SimpleCookie = SimpleCookie()
        cookie[COOKIE] = value
        morsel = cookie[COOKIE]
        morsel["path"] = "/"
        morsel["max-age"] = max_age
        morsel["httponly"] = True
        morsel["samesite"] = "Lax"
        if self.secure:
            morsel["secure"] = True
        return morsel.OutputString()


def load_signer(settings: Settings, database: Database) -> SessionSigner:
    """The signer of this service: the `secret_key` setting, else the key kept in the database
    (made by the first worker that starts and shared by every other)."""
    if settings.secret_key is not None:
        return SessionSigner(settings.secret_key.get_secret_value(), settings)
    with database.unit_of_work() as uow:
        key = uow.secrets.get_or_add(SECRET_NAME, secrets.token_urlsafe(48))
        uow.commit()
    return SessionSigner(key, settings)


class _Box:
    """A request's session: read from its cookie at first use; what to send back, if anything."""

    def __init__(self) -> None:
        self.read = False
        self.session: Session | None = None
        self.outgoing: Session | None = None
        self.clear = False


def _box(connection: HTTPConnection) -> _Box:
    box = connection.scope.get(_SCOPE_KEY)
    if not isinstance(box, _Box):  # outside the middleware (a test calling a route directly)
        box = connection.scope[_SCOPE_KEY] = _Box()
    return box


def _signer(connection: HTTPConnection) -> SessionSigner:
    signer: SessionSigner = connection.app.state.sessions
    return signer


def session_of(connection: HTTPConnection) -> Session | None:
    """The session this request carries (or was given while it ran); None without a valid one."""
    box = _box(connection)
    if box.outgoing is not None:
        return box.outgoing
    if box.clear:
        return None
    if not box.read:
        box.read = True
        value = connection.cookies.get(COOKIE)
        box.session = _signer(connection).loads(value) if value else None
    return box.session


def start_session(connection: HTTPConnection, session: Session) -> None:
    """Send `session` back as this browser's cookie with the answer."""
    box = _box(connection)
    box.outgoing, box.clear = session, False


def end_session(connection: HTTPConnection) -> None:
    """Remove the session cookie with the answer."""
    box = _box(connection)
    box.outgoing, box.clear = None, True


class SessionCookies:
    """Writes the Set-Cookie header a request asked for through `start_session`/`end_session`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        box = scope[_SCOPE_KEY] = _Box()

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and (box.outgoing or box.clear):
                signer: SessionSigner = scope["app"].state.sessions
                headers = MutableHeaders(scope=message)
                if box.outgoing is not None:
                    headers.append("set-cookie", signer.set_cookie(box.outgoing))
                else:
                    headers.append("set-cookie", signer.clear_cookie())
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def cookie_value(app: Any, session: Session) -> str:
    """The signed cookie value of `session` for `app` (after its start): for tests and tools."""
    signer: SessionSigner = app.state.sessions
    return signer.dumps(session)
