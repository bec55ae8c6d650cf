"""Schema migrations (Alembic), applied at start-up and by `readiness db upgrade`.

There is no alembic.ini: the configuration is made here, so the migrations travel with the package.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from api.storage.database import StorageError, make_engine, safe_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_engine(engine: Engine) -> str | None:
    """Bring the database behind `engine` to the newest schema; returns the revision it is at."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return current_revision(engine)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None before the first migration."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str) -> str:
    """Migrate the database at `url`; a one-line report.

    Raises StorageError when the URL is not one or the database does not answer.
    """
    engine = make_engine(url)
    try:
        revision = upgrade_engine(engine)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StorageError(f"cannot use the database {safe_url(url)}: {reason}") from None
    finally:
        engine.dispose()
    return f"database {safe_url(url)} is at schema revision {revision}"
