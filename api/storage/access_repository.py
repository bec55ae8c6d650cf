"""Users, API tokens, team managers, sign-in failures and shared secrets in SQL, inside the
caller's session (its unit of work).

Writes that two workers may make at once (the same manager added twice, the same secret made at
start-up by each worker) are single statements with ON CONFLICT DO NOTHING: the second one changes
nothing, raises nothing, and leaves the caller's transaction usable. Statements here go through
the tables, not the ORM, so no stale object can be read back after an UPDATE.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Row, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from api.storage.tables import (
    ApiTokenRow,
    SecretRow,
    SignInFailureRow,
    TeamManagerRow,
    UserRow,
    insert_unless_there,
    table,
)
from readiness import NotFoundError
from readiness.access import ApiToken, Role, User

_users = table(UserRow)
_tokens = table(ApiTokenRow)
_managers = table(TeamManagerRow)
_failures = table(SignInFailureRow)
_secrets = table(SecretRow)

# The reads every request makes, each built once with its parameters bound by name: SQLAlchemy
# takes some 70 µs to build a statement and as long again to work out its cache key, several
# times what SQLite takes to run it (measured: 160 µs built and run, 27 µs run when built once).
_USER_BY_ID = select(_users).where(_users.c.id == bindparam("user_id"))
_MANAGERS_OF_TEAM = select(_managers.c.user_id).where(
    _managers.c.org_id == bindparam("org_id"), _managers.c.team_id == bindparam("team_id")
)
_TEAMS_OF_MANAGER = (
    select(_managers.c.org_id, _managers.c.team_id)
    .where(_managers.c.user_id == bindparam("user_id"))
    .order_by(_managers.c.org_id, _managers.c.team_id)
)
# A token and its user in one row, each table's columns under a prefix of its own (t_, u_): both
# tables have an id, a name and a created_at.
_TOKEN_WITH_USER = (
    select(
        *(column.label(f"t_{column.name}") for column in _tokens.c),
        *(column.label(f"u_{column.name}") for column in _users.c),
    )
    .select_from(_tokens.outerjoin(_users, _users.c.id == _tokens.c.user_id))
    .where(_tokens.c.id == bindparam("token_id"))
)


def _rowcount(result: Any) -> int:
    return cast("CursorResult[Any]", result).rowcount


class SqlUsers:
    """The UserRepository: emails are kept in lower case, so unique whatever their case."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, user: User) -> None:
        inserted = self._session.execute(
            insert_unless_there(self._session, _users, _columns(user))
        ).first()
        if inserted is None:
            raise ValueError(f"a user with the email {user.email.lower()} exists")

    def get(self, user_id: str) -> User | None:
        row = self._session.execute(_USER_BY_ID, {"user_id": user_id}).one_or_none()
        return _user(row) if row else None

    def by_email(self, email: str) -> User | None:
        query = select(_users).where(_users.c.email == email.lower())
        row = self._session.execute(query).one_or_none()
        return _user(row) if row else None

    def all(self) -> list[User]:
        return [_user(row) for row in self._session.execute(select(_users).order_by("email"))]

    def save(self, user: User) -> None:
        """Replace the user with the same id; NotFoundError when there is none, ValueError when
        the (new) email is another user's."""
        taken = self.by_email(user.email)
        if taken is not None and taken.id != user.id:
            raise ValueError(f"a user with the email {user.email.lower()} exists")
        columns = _columns(user)
        del columns["id"]
        result = self._session.execute(update(_users).where(_users.c.id == user.id).values(columns))
        if _rowcount(result) != 1:
            raise NotFoundError(f"no user with id {user.id}")

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(_users)) or 0)


def _columns(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email.lower(),
        "name": user.name,
        "role": user.role,
        "org_id": user.org_id,
        "unit_ids": list(user.unit_ids),
        "password_hash": user.password_hash,
        "disabled": user.disabled,
        "session_epoch": user.session_epoch,
        "created_at": user.created_at,
    }


def _user(row: Row[Any] | _Prefixed) -> User:
    return User(
        id=row.id,
        email=row.email,
        name=row.name,
        role=cast("Role", row.role),
        created_at=row.created_at,
        org_id=row.org_id,
        unit_ids=tuple(row.unit_ids or ()),
        password_hash=row.password_hash,
        disabled=bool(row.disabled),
        session_epoch=int(row.session_epoch),
    )


class SqlTokens:
    """The TokenRepository: the token's public part is its id; its secret only as a hash."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, token: ApiToken) -> None:
        values = {
            "id": token.id,
            "user_id": token.user_id,
            "name": token.name,
            "secret_hash": token.secret_hash,
            "created_at": token.created_at,
            "revoked_at": token.revoked_at,
        }
        inserted = self._session.execute(
            insert_unless_there(self._session, _tokens, values)
        ).first()
        if inserted is None:
            raise ValueError(f"a token with id {token.id} exists")

    def get(self, token_id: str) -> ApiToken | None:
        row = self._session.execute(select(_tokens).where(_tokens.c.id == token_id)).one_or_none()
        return _token(row) if row else None

    def with_user(self, token_id: str) -> tuple[ApiToken, User | None] | None:
        """One statement: the token's columns and its user's (none when the user is gone)."""
        row = self._session.execute(_TOKEN_WITH_USER, {"token_id": token_id}).one_or_none()
        if row is None:
            return None
        token = _token(_Prefixed(row, "t_"))
        return token, _user(_Prefixed(row, "u_")) if row.u_id is not None else None

    def of_user(self, user_id: str) -> list[ApiToken]:
        query = select(_tokens).where(_tokens.c.user_id == user_id)
        return [_token(row) for row in self._session.execute(query.order_by("created_at", "id"))]

    def all(self) -> list[ApiToken]:
        query = select(_tokens).order_by("created_at", "id")
        return [_token(row) for row in self._session.execute(query)]

    def revoke(self, token_id: str, at: datetime) -> bool:
        """One UPDATE that only an active token matches: of two revocations, one wins."""
        result = self._session.execute(
            update(_tokens)
            .where(_tokens.c.id == token_id, _tokens.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return _rowcount(result) == 1


class _Prefixed:
    """A row's columns that start with `prefix`, by the names without it (for `_token`, `_user`)."""

    def __init__(self, row: Row[Any], prefix: str) -> None:
        self._row, self._prefix = row, prefix

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, self._prefix + name)


def _token(row: Row[Any] | _Prefixed) -> ApiToken:
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        secret_hash=row.secret_hash,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


class SqlTeamManagers:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, org_id: str, team_id: str, user_id: str) -> None:
        """Make `user_id` a manager of the team; adding twice, even at once, changes nothing."""
        values = {"org_id": org_id, "team_id": team_id, "user_id": user_id}
        self._session.execute(insert_unless_there(self._session, _managers, values))

    def remove(self, org_id: str, team_id: str, user_id: str) -> None:
        self._session.execute(
            delete(_managers).where(
                _managers.c.org_id == org_id,
                _managers.c.team_id == team_id,
                _managers.c.user_id == user_id,
            )
        )

    def of_team(self, org_id: str, team_id: str) -> frozenset[str]:
        return frozenset(
            self._session.scalars(_MANAGERS_OF_TEAM, {"org_id": org_id, "team_id": team_id})
        )

    def teams_of(self, user_id: str) -> list[tuple[str, str]]:
        rows = self._session.execute(_TEAMS_OF_MANAGER, {"user_id": user_id})
        return [(org_id, team_id) for org_id, team_id in rows]


class SqlSignIns:
    """Failed sign-ins, shared by every worker through the database, for the rate limit."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add_failure(self, key: str, at: datetime) -> None:
        self._session.execute(_failures.insert().values(key=key, at=at))

    def failures_since(self, key: str, since: datetime) -> int:
        query = (
            select(func.count())
            .select_from(_failures)
            .where(_failures.c.key == key, _failures.c.at >= since)
        )
        return int(self._session.scalar(query) or 0)

    def clear(self, key: str) -> None:
        self._session.execute(delete(_failures).where(_failures.c.key == key))

    def prune(self, before: datetime) -> int:
        result = self._session.execute(delete(_failures).where(_failures.c.at < before))
        return _rowcount(result)


class SqlSecrets:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get_or_add(self, name: str, value: str) -> str:
        """The stored secret `name`, or `value` stored now; when two workers store one at once,
        the first to commit wins and the other reads that one back (ON CONFLICT DO NOTHING waits
        for it on PostgreSQL; SQLite lets one writer in at a time)."""
        values = {"name": name, "value": value}
        self._session.execute(insert_unless_there(self._session, _secrets, values))
        stored = self._session.scalar(select(_secrets.c.value).where(_secrets.c.name == name))
        if stored is None:  # pragma: no cover - the row was just inserted or found
            raise RuntimeError(f"the secret {name} was neither stored nor found")
        return str(stored)
