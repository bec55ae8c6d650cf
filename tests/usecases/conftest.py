"""Every use-case test runs three times: on the in-memory unit of work, on SQLite and on PostgreSQL,
so the fake is held to what the real stores do."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness.usecases import UnitOfWork
from readiness.usecases.memory import InMemoryUnitOfWork
from tests.support.postgres import PostgresServer

_names = itertools.count()


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def uow(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UnitOfWork]:
    """An empty store of each kind."""
    if request.param == "memory":
        yield InMemoryUnitOfWork()
        return
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'readiness.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.create_database(f"usecases_{next(_names)}")
    database = Database(url)
    upgrade_engine(database.engine)
    yield database.unit_of_work()
    database.dispose()
