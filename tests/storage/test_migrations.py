"""The schema comes from the migrations, and it is the one the tables describe."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from api.storage.database import make_engine
from api.storage.migrate import current_revision, upgrade, upgrade_engine
from api.storage.tables import Base


def test_migrating_an_empty_database_brings_it_to_the_newest_revision(database_url: str) -> None:
    message = upgrade(database_url)

    assert "schema revision 0001" in message
    assert current_revision(create_engine(database_url)) == "0001"


def test_migrating_twice_changes_nothing(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade_engine(engine)

    revision = upgrade_engine(engine)

    assert revision == "0001"
    engine.dispose()


def test_the_migrated_schema_is_the_one_the_tables_describe(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade_engine(engine)

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert differences == []
    engine.dispose()


def test_the_history_of_a_team_is_read_through_an_index(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade_engine(engine)

    indexes = {i["name"]: i["column_names"] for i in inspect(engine).get_indexes("assessments")}

    assert indexes["ix_assessments_org_team_created"] == ["org_id", "team_id", "created_at"]
    engine.dispose()
