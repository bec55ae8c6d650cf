"""A throwaway PostgreSQL server for the tests, made from Debian's `postgresql` package.

A fresh cluster in a temporary directory (initdb, trust authentication), listening on
127.0.0.1 and a free port, run as the `postgres` user when the tests run as root, and removed
afterwards. Where PostgreSQL is missing the tests that need it are skipped, unless `CI` or
`READINESS_REQUIRE_POSTGRES=1` is set: then they fail, so that CI never passes without them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.support.ports import free_port

PG_ROOT = Path("/usr/lib/postgresql")


class PostgresUnavailable(RuntimeError):
    """The throwaway server could not be made or started; the message says why."""


def required() -> bool:
    """Whether a missing PostgreSQL must fail the run rather than skip its tests."""
    return bool(os.environ.get("CI")) or os.environ.get("READINESS_REQUIRE_POSTGRES") == "1"


def bin_dir() -> Path:
    """The newest installed server's bin directory (/usr/lib/postgresql/<version>/bin)."""
    found = [p.parent for p in PG_ROOT.glob("*/bin/initdb") if p.parent.parent.name.isdigit()]
    if not found:
        raise PostgresUnavailable(
            f"no PostgreSQL server under {PG_ROOT}; install Debian's postgresql package"
        )
    return max(found, key=lambda p: int(p.parent.name))


@dataclass(frozen=True)
class PostgresServer:
    port: int
    data_dir: Path

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for `database` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, *, icu_locale: str | None = None) -> str:
        """A new, empty database; returns its URL. The cluster's locale is C; with
        `icu_locale` (such as "en-US") the database sorts text as that locale does."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ValueError(f"not a plain database name: {name!r}")
        if icu_locale is not None and not re.fullmatch(r"[a-z]{2}-[A-Z]{2}", icu_locale):
            raise ValueError(f"not a plain locale: {icu_locale!r}")
        collation = (
            f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}' LOCALE 'C'"
            if icu_locale
            else ""
        )
        dsn = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{collation}')  # type: ignore[arg-type]
        return self.url(name)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throwaway cluster; stop it and remove its files when the block ends."""
    binaries = bin_dir()
    base = Path(tempfile.mkdtemp(prefix="readiness-pg-"))
    base.chmod(0o755)  # the postgres user must be able to reach its data directory
    data, sockets, log = base / "data", base / "sockets", base / "server.log"
    for directory in (data, sockets):
        directory.mkdir()
        _give_to_postgres(directory)
    log.touch()
    _give_to_postgres(log)
    port = free_port()
    try:
        _run(base, binaries / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync")  # fmt: skip
        options = (
            f"-h 127.0.0.1 -p {port} -k {sockets} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        _run(base, binaries / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "60",
             "start")  # fmt: skip
    except PostgresUnavailable as error:
        shutil.rmtree(base, ignore_errors=True)
        raise PostgresUnavailable(f"{error}\n{_tail(log)}") from None
    try:
        yield PostgresServer(port=port, data_dir=data)
    finally:
        try:
            _run(base, binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        except PostgresUnavailable as error:
            raise RuntimeError(f"could not stop the throwaway PostgreSQL: {error}") from None
        finally:
            shutil.rmtree(base, ignore_errors=True)


def _as_postgres() -> list[str]:
    # Run as root, PostgreSQL refuses to start; run as anyone else, it runs as that user.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _give_to_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def _run(cwd: Path, *command: str | Path) -> None:
    argv = [*_as_postgres(), *(str(part) for part in command)]
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PostgresUnavailable(f"{Path(command[0]).name} failed: {error}") from None
    if done.returncode != 0:
        raise PostgresUnavailable(
            f"{Path(command[0]).name} exited {done.returncode}: {done.stderr.strip()}"
        )


def _tail(log: Path, lines: int = 20) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
