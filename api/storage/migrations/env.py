"""Alembic's entry point: migrations run on the connection that api.storage.migrate hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from api.storage.tables import Base


def _run(connection: Connection) -> None:
    # Batch mode lets later migrations alter tables on SQLite, which has little ALTER TABLE.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through api.storage.migrate (readiness db upgrade)")
_run(connection)
