"""One engine per database URL, with the connection settings each backend needs.

SQLite lets one connection write at a time. Left to itself, a writer that finds the database
locked sleeps and polls (1, 2, 5, … then 100 ms between tries), and under a dozen concurrent
writers some of them lose every round for seconds. So the sessions of a SQLite database take a
write lock before their first write and keep it until their transaction ends (`WriteLock`): the
threads of one process queue on a lock of the process, the processes of one server
(`--workers`) on an advisory lock of the file, and both wake a waiting writer the moment the
lock is free. SQLite's busy wait remains for whatever writes without them (migrations, another
program). Readers never take it: WAL lets them read during a write.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker
from sqlalchemy.pool import StaticPool

from api.storage.tables import serialize_document
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


# How long a writer waits for the write lock (then for SQLite's) before giving up with a 503;
# a batch commits every few hundred teams, so no one holds it for long.
BUSY_TIMEOUT_SECONDS = 15.0
# Connections kept open per SQLite engine: one for each thread of the server's thread pool
# (anyio's default is 40), so that no request opens a connection of its own under load, which
# costs a file open, the pragmas and reading the schema again.
SQLITE_POOL_SIZE = 40


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(
                parsed,
                pool_pre_ping=True,
                hide_parameters=True,
                json_serializer=serialize_document,
            )
        except (ArgumentError, ImportError) as error:
            raise StorageError(f"cannot use {safe_url(url)}: {error}") from None
    options: dict[str, Any] = {
        # A statement's parameters are a team's answers: never in an error message or a log.
        "hide_parameters": True,
        "json_serializer": serialize_document,
        # A request's session may be opened in one worker thread and committed in another.
        "connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS},
    }
    if is_memory(parsed):
        options["poolclass"] = StaticPool  # one shared in-memory database, not one per connection
    else:
        options.update(pool_size=SQLITE_POOL_SIZE, max_overflow=10)
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
        # A deleted row (a closed round's answers, an assessment past retention) is overwritten
        # with zeros in the file, not just marked free (PRIVACY.md).
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def is_memory(url: URL) -> bool:
    """Whether `url` is an in-memory SQLite database rather than a file."""
    return url.database in (None, "", ":memory:")


class WriteLock:
    """The writers of one SQLite database take turns: first among the threads of this process,
    then, for a file, among processes, with an advisory lock on `<database>.write-lock`.

    Both wait in the kernel and wake the moment the lock is free, which SQLite's own busy wait
    does not. `acquire` gives up after `timeout` seconds, as SQLite's busy timeout would.
    """

    def __init__(self, path: str | None) -> None:
        self._threads = threading.Lock()
        self._path = f"{path}.write-lock" if path else None
        self._fd: int | None = None  # this holder's open file, while it holds the file lock

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=timeout):
            return False
        if self._path is None:
            return True
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            return True  # e.g. a read-only directory: SQLite's busy wait still keeps writes apart
        if _lock_file(fd, deadline - time.monotonic()):
            self._fd = fd
            return True
        self._threads.release()
        return False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # the lock belongs to this open file alone: closing it lets go
        self._threads.release()


def _lock_file(fd: int, timeout: float) -> bool:
    """Lock `fd` exclusively within `timeout` seconds; on giving up `fd` is closed (later)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        pass
    except OSError:
        return True  # a file system without flock: SQLite's busy wait keeps writes apart
    # flock(2) has no timeout: a helper thread waits in it, and closes the file if it gets the
    # lock after the writer gave up on it.
    decided = threading.Lock()
    outcome: list[str] = []  # "locked" or "gave up": whichever comes first
    done = threading.Event()

    def wait() -> None:
        # An error here means no lock after all: SQLite's busy wait keeps writes apart.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        with decided:
            if outcome:
                os.close(fd)
                return
            outcome.append("locked")
        done.set()

    threading.Thread(target=wait, name="sqlite-write-lock", daemon=True).start()
    done.wait(max(timeout, 0.0))
    with decided:
        if outcome:
            return True
        outcome.append("gave up")
        return False


_write_locks: dict[str, WriteLock] = {}
_write_locks_guard = threading.Lock()
_HOLDS_WRITE_LOCK = "readiness.holds_write_lock"  # in Session.info while the session holds it


def write_lock_for(url: URL) -> WriteLock:
    """The write lock of the SQLite database at `url`: one per file in a process, however many
    engines it has on it; an in-memory database is one per engine anyway (StaticPool)."""
    if is_memory(url):
        return WriteLock(None)
    path = os.path.realpath(url.database or "")
    with _write_locks_guard:
        return _write_locks.setdefault(path, WriteLock(path))


def serialise_writes(sessions: sessionmaker[Session], lock: WriteLock) -> None:
    """Make every session of `sessions` take `lock` before its first write, until its end.

    The first write is a flush (the unit of work's `add`, `merge`, …) or an ORM INSERT, UPDATE
    or DELETE; pysqlite begins SQLite's transaction only then, so everything before it reads
    without any lock, and readers never wait for writers. The lock is let go when the
    session's transaction ends: commit, rollback or close.
    """

    def take(session: Session) -> None:
        if session.info.get(_HOLDS_WRITE_LOCK):
            return
        if not lock.acquire(BUSY_TIMEOUT_SECONDS):
            raise StorageError(
                f"the database is busy: no write possible for {BUSY_TIMEOUT_SECONDS:.0f} s"
            )
        session.info[_HOLDS_WRITE_LOCK] = True

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        take(session)

    def before_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            take(state.session)

    def after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None and session.info.pop(_HOLDS_WRITE_LOCK, False):
            lock.release()

    event.listen(sessions, "before_flush", before_flush)
    event.listen(sessions, "do_orm_execute", before_execute)
    event.listen(sessions, "after_transaction_end", after_transaction_end)


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
        parsed = self.engine.url
        if parsed.get_backend_name() == "sqlite":
            serialise_writes(self._sessions, write_lock_for(parsed))

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
