"""The database the commands that store or read use: the service's, migrated before first use.

SQLAlchemy and the migrations are imported when a command first opens the database, not when
the `readiness` command starts: `assess`, `questionnaire` and `rules` never use them, and start
in half the time (tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from api.settings import Settings

if TYPE_CHECKING:
    from api.storage.unit_of_work import SqlUnitOfWork


@contextmanager
def unit_of_work(settings: Settings) -> Iterator[SqlUnitOfWork]:
    """A unit of work on READINESS_DATABASE_URL (migrated first); StorageError when unusable."""
    from sqlalchemy.exc import SQLAlchemyError

    from api.storage import Database, StorageError
    from api.storage.database import safe_url
    from api.storage.migrate import upgrade_engine

    database = Database(settings.database_url)
    try:
        try:
            upgrade_engine(database.engine)
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise StorageError(
                f"cannot use the database {safe_url(settings.database_url)}: {reason}"
            ) from None
        yield database.unit_of_work()
    finally:
        database.dispose()
