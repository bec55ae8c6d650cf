"""One engine per database URL, with the connection settings each backend needs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from api.storage.unit_of_work import SqlUnitOfWork
from readiness import ReadinessError


class StorageError(ReadinessError):
    """The database cannot be used: a URL that is not one, or a server that does not answer."""


def parse_url(url: str) -> URL:
    """The URL with its driver: a plain postgresql:// URL means psycopg, the driver installed."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"{url!r} is not a database URL; use e.g. sqlite:///./readiness.db "
            "or postgresql+psycopg://user:password@host/readiness"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
        except (ArgumentError, ImportError) as error:
            raise StorageError(f"cannot use {safe_url(url)}: {error}") from None
    options: dict[str, Any] = {
        # A statement's parameters are a team's answers: never in an error message or a log.
        "hide_parameters": True,
        # A request's session may be opened in one worker thread and committed in another.
        "connect_args": {"check_same_thread": False, "timeout": 15},
    }
    if parsed.database in (None, "", ":memory:"):
        options["poolclass"] = StaticPool  # one shared in-memory database, not one per connection
    engine = create_engine(parsed, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    try:
        # WAL lets readers go on while a worker writes; foreign keys are off in SQLite by default.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def safe_url(url: str) -> str:
    """The URL as it may be shown or logged: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


class Database:
    """The engine and its sessions; `unit_of_work()` gives the use cases their transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def unit_of_work(self) -> SqlUnitOfWork:
        """A new unit of work for the use cases: one transaction per `with` block."""
        return SqlUnitOfWork(self._sessions)

    def session(self) -> Session:
        """A bare session, for maintenance and tests that look under the repository."""
        return self._sessions()

    def ping(self) -> None:
        """Raise unless the database answers a query."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
