"""Every storage test runs twice: on a SQLite file and on a real, throwaway PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.storage import Database
from api.storage.migrate import upgrade_engine
from tests.support.postgres import PostgresServer

_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind, new for every test."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'readiness.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"test_{next(_names)}")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated database of each kind."""
    database = Database(database_url)
    upgrade_engine(database.engine)
    yield database
    database.dispose()
