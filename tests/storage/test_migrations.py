"""The schema comes from the migrations, and it is the one the tables describe."""

import json
from datetime import UTC, datetime, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import String, column, create_engine, inspect, table, text

from api.storage import Database
from api.storage.database import make_engine
from api.storage.migrate import alembic_config, current_revision, upgrade, upgrade_engine
from api.storage.tables import Base, UTCDateTime
from readiness import assess
from readiness.usecases import portfolio
from tests.conftest import with_members


def test_migrating_an_empty_database_brings_it_to_the_newest_revision(database_url: str) -> None:
    message = upgrade(database_url)

    assert "schema revision 0005" in message
    assert current_revision(create_engine(database_url)) == "0005"


def test_migrating_twice_changes_nothing(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade_engine(engine)

    revision = upgrade_engine(engine)

    assert revision == "0005"
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


def test_migration_0002_folds_team_ids_and_gives_each_team_its_latest_outcome(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    made = datetime(2026, 3, 1, tzinfo=UTC)
    older = assess(with_members(3, {"functional_level": 30}))
    newer = assess(with_members(3))
    insert = text(
        "INSERT INTO assessments (id, org_id, team_id, created_at, lang, policy_version, "
        "questionnaire_version, mode, rollout_stage, phase, readiness, profile, assessment) "
        "VALUES (:id, 'default', :team, :at, 'sv', :policy, '2027.1', :mode, :stage, :phase, "
        ":readiness, :profile, :assessment)"
    )
    with engine.begin() as connection:
        for n, (team, assessment) in enumerate((("Nord", older), ("nord", newer))):
            connection.execute(
                insert,
                {
                    "id": f"00000000-0000-4000-8000-00000000000{n}",
                    "team": team,
                    "at": made + timedelta(days=n),
                    "policy": assessment.policy_version,
                    "mode": assessment.mode,
                    "stage": assessment.rollout_stage,
                    "phase": assessment.phase,
                    "readiness": assessment.readiness,
                    "profile": json.dumps({"answers": {}, "context": {"current_stage": "pilot"}}),
                    "assessment": json.dumps(assessment.model_dump(mode="json")),
                },
            )

    upgrade_engine(engine)

    with engine.connect() as connection:
        teams = connection.execute(
            text("SELECT id, mode, previous_mode, current_stage, last_assessment_id FROM teams")
        ).all()
        ids = {row[0] for row in connection.execute(text("SELECT team_id FROM assessments"))}
    assert ids == {"nord"}
    assert [tuple(row) for row in teams] == [
        ("nord", newer.mode, older.mode, "pilot", "00000000-0000-4000-8000-000000000001")
    ]
    engine.dispose()


def test_migration_0003_replaces_every_members_answers_by_their_aggregate(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    heard = with_members(4, members={"functional_level": 50})
    few = with_members(2)
    rows = []
    for n, profile in enumerate((heard, few)):
        assessment = assess(profile)
        rows.append(
            {
                "id": f"00000000-0000-4000-8000-00000000001{n}",
                "team": f"team-{n}",
                "at": datetime(2026, 3, 1, tzinfo=UTC),
                "policy": assessment.policy_version,
                "mode": assessment.mode,
                "stage": assessment.rollout_stage,
                "phase": assessment.phase,
                "readiness": assessment.readiness,
                "profile": json.dumps({**profile, "team_id": f"team-{n}"}),
                "assessment": json.dumps(assessment.model_dump(mode="json")),
            }
        )
    insert = text(
        "INSERT INTO assessments (id, org_id, team_id, created_at, lang, policy_version, "
        "questionnaire_version, mode, rollout_stage, phase, readiness, profile, assessment) "
        "VALUES (:id, 'default', :team, :at, 'sv', :policy, '2027.1', :mode, :stage, :phase, "
        ":readiness, :profile, :assessment)"
    )
    with engine.begin() as connection:
        connection.execute(insert, rows)

    upgrade_engine(engine)

    with engine.connect() as connection:
        found = connection.execute(text("SELECT profile FROM assessments ORDER BY id")).all()
    profiles = [row[0] if isinstance(row[0], dict) else json.loads(row[0]) for row in found]
    assert all("member_answers" not in p for p in profiles)
    assert profiles[0]["members"]["respondents"] == 4
    assert profiles[0]["members"]["medians"]["functional_level"] == 50.0
    assert profiles[1]["members"] == {"respondents": 2, "medians": {}}
    engine.dispose()


def test_migration_0005_gives_each_stored_team_its_name_key_and_can_be_undone(
    database_url: str,
) -> None:
    """Teams stored before 0005 sort by name as new ones do: their key is their display name
    casefolded, worked out in Python (no database folds Straße to strasse)."""
    engine = make_engine(database_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    teams = table(
        "teams",
        column("org_id", String),
        column("id", String),
        column("name", String),
        column("current_stage", String),
        column("created_at", UTCDateTime()),
    )
    names = {"t1": "Straße", "t2": "ÅRE", "t3": None, "kundtjänst-nord": "Kundtjänst Nord"}
    made = datetime(2026, 3, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            teams.insert(),
            [
                {
                    "org_id": "default",
                    "id": i,
                    "name": n,
                    "current_stage": "none",
                    "created_at": made,
                }
                for i, n in names.items()
            ],
        )

    upgrade_engine(engine)
    with engine.connect() as connection:
        keys = dict(connection.execute(text("SELECT id, name_key FROM teams")).all())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    with engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("teams")}
    upgrade_engine(engine)

    assert keys == {
        "t1": "strasse",
        "t2": "åre",
        "t3": "t3",
        "kundtjänst-nord": "kundtjänst nord",
    }
    assert "name_key" not in columns
    assert current_revision(engine) == "0005"
    database = Database(database_url)
    page = portfolio.team_page(database.unit_of_work(), offset=0, limit=10)
    assert [s.team.id for s in page.teams] == ["kundtjänst-nord", "t1", "t3", "t2"]
    database.dispose()
    engine.dispose()
