"""Every storage test runs twice: on a SQLite file and on a real, throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.storage import Database
from api.storage.migrate import upgrade_engine


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated database of each kind."""
    database = Database(database_url)
    upgrade_engine(database.engine)
    yield database
    database.dispose()
