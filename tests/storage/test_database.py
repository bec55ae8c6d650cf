"""Database URLs and connections: SQLite by default (WAL, foreign keys on), PostgreSQL by URL."""

from pathlib import Path

import pytest
from sqlalchemy import text

from api.settings import load_settings
from api.storage.database import make_engine
from api.storage.migrate import upgrade


def test_every_sqlite_connection_has_wal_and_foreign_keys_on(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")

    with engine.connect() as connection:
        journal = connection.execute(text("PRAGMA journal_mode")).scalar()
        foreign_keys = connection.execute(text("PRAGMA foreign_keys")).scalar()

    assert (journal, foreign_keys) == ("wal", 1)
    engine.dispose()


def test_the_default_database_is_readiness_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("READINESS_DATABASE_URL", raising=False)

    message = upgrade(load_settings().database_url)

    assert (tmp_path / "readiness.db").is_file()
    assert "sqlite:///./readiness.db" in message


def test_a_plain_postgresql_url_uses_the_installed_driver() -> None:
    engine = make_engine("postgresql://reader@127.0.0.1/readiness")

    assert engine.dialect.driver == "psycopg"
