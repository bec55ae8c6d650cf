"""Test clients that act as a user: real users, real API tokens and real signed session cookies.

    with TestClient(app) as client:
        as_user(client)                      # an admin
        as_user(client, "manager", teams=["nord"])

After `as_user`, the client sends the user's API token on every request (the API reads it), the
user's session cookie (the pages read it), and the session's CSRF token in every form it posts,
as the hidden field of the page would. Nothing here bypasses a check of the service.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.auth.sessions import COOKIE, Session, cookie_value
from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness.access import User
from readiness.usecases import accounts, passwords

_numbers = itertools.count(1)


def make_user(
    database: Database,
    role: str = "admin",
    *,
    org: str | None = None,
    units: Sequence[str] = (),
    teams: Sequence[str] = (),
    email: str | None = None,
    password: str | None = None,
) -> User:
    """A user in `database` (manager and hr in the default organisation unless `org` says)."""
    if org is None and role != "admin":
        org = "default"
    number = next(_numbers)
    return accounts.create_user(
        database.unit_of_work(),
        email or f"{role}-{number}@example.test",
        f"Test {role} {number}",
        role,
        org,
        units,
        password,
        teams=teams,
    )


def token_for(database: Database, user: User, name: str = "tests") -> str:
    """A new API token of `user`, as `readiness token create` prints it."""
    _, secret = accounts.create_token(database.unit_of_work(), user.id, name, datetime.now(UTC))
    return secret


def as_user(client: TestClient, role: str = "admin", **user: Any) -> User:
    """Make a started app's `client` act as a new user of `role` (see the module's docstring)."""
    app: FastAPI = client.app  # type: ignore[assignment]
    database: Database = app.state.database
    made = make_user(database, role, **user)
    client.headers["Authorization"] = f"Bearer {token_for(database, made)}"
    with_session(client, Session.signed_in(made.id, made.session_epoch))
    return made


def with_session(client: TestClient, session: Session) -> Session:
    """Give `client` the signed cookie of `session`, and fill its CSRF token into every form
    it posts that does not carry one already."""
    client.cookies.set(COOKIE, cookie_value(client.app, session))
    if not hasattr(client, "_plain_request"):
        client._plain_request = client.request  # type: ignore[attr-defined]

    def request(method: str, url: Any, **kwargs: Any) -> Any:
        data = kwargs.get("data")
        if method.upper() == "POST" and isinstance(data, dict) and "csrf" not in data:
            kwargs["data"] = {**data, "csrf": client.csrf}  # type: ignore[attr-defined]
        return client._plain_request(method, url, **kwargs)  # type: ignore[attr-defined]

    client.csrf = session.csrf  # type: ignore[attr-defined]
    client.request = request  # type: ignore[method-assign]
    return session


def anonymous(client: TestClient) -> Session:
    """Make `client` a visitor who has loaded a form: an anonymous session, its CSRF token filled
    in, no API token."""
    client.headers.pop("Authorization", None)
    return with_session(client, Session.anonymous())


def admin_headers(database_url: str) -> dict[str, str]:
    """The Authorization header of a new admin's API token in the database at `database_url`
    (migrated first): for a client of `readiness serve` running on that database."""
    database = Database(database_url)
    try:
        upgrade_engine(database.engine)
        return {"Authorization": f"Bearer {token_for(database, make_user(database, 'admin'))}"}
    finally:
        database.dispose()


CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[PasswordHasher]:
    """Argon2 with the least work while the test runs, so that ten sign-ins take no seconds.
    (Use with ``pytestmark = pytest.mark.usefixtures("cheap_hashing")`` and import it.)"""
    monkeypatch.setattr(passwords, "_hasher", CHEAP)
    passwords._dummy_hash.cache_clear()
    yield CHEAP
    passwords._dummy_hash.cache_clear()
