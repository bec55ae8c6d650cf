"""Users, rounds and their answers in SQL, on SQLite and PostgreSQL: what the tables hold, what
is left after a round closes (read with plain SQL), migration 0004 over data, and the writes two
workers make at the same moment."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from api.storage import Database
from api.storage.migrate import alembic_config, current_revision, upgrade_engine
from readiness import NotFoundError, assess
from readiness.access import User
from readiness.members import MemberAggregate
from readiness.organisation import Team
from readiness.surveys import SurveyRound
from tests.conftest import make_profile

T0 = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
AGGREGATE = MemberAggregate(respondents=3, medians={"functional_level": 60.0})
WAIT = 30.0  # seconds a test waits for another session before it gives up (never reached)

Result = TypeVar("Result")


def open_round(database: Database, round_id: str = "round-1", answers: int = 0) -> None:
    with database.unit_of_work() as uow:
        uow.rounds.add(
            SurveyRound(round_id, "default", "nord", T0, T0 + timedelta(days=7), opened_by=None)
        )
        for n in range(answers):
            uow.rounds.add_answer(round_id, {"fl_safe_to_err": n % 5 + 1, "co_skills": None})
        uow.commit()


def answers_in_sql(database: Database, round_id: str) -> int:
    with database.engine.connect() as connection:
        found = connection.execute(
            text("SELECT count(*) FROM survey_answers WHERE round_id = :id"), {"id": round_id}
        ).scalar_one()
    return int(found)


def until_a_session_waits_for_a_lock(database: Database) -> None:
    """On PostgreSQL, return once another session of this database waits for a lock (so the
    test knows it is blocked where it should be). SQLite's writers wait for a lock of this
    process, where nothing shows it: there the other thread gets a moment to reach it. The
    outcome the tests check is the same in either order; only whether they would notice a
    missing lock on SQLite depends on that moment."""
    if database.engine.dialect.name != "postgresql":
        time.sleep(0.2)
        return
    deadline = time.monotonic() + WAIT
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with database.engine.connect() as connection:
        while connection.execute(query).scalar_one() == 0:
            connection.rollback()  # a new transaction: pg_stat_activity is read once in each
            if time.monotonic() > deadline:
                raise AssertionError(f"no session waited for a lock within {WAIT:.0f} s")
            time.sleep(0.01)


def in_thread(work: Callable[[], Result]) -> Future[Result]:
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(work)
    pool.shutdown(wait=False)
    return future


# What the tables hold


def test_an_answer_row_has_a_random_id_its_round_and_the_answers_and_nothing_else(
    database: Database,
) -> None:
    columns = [c["name"] for c in inspect(database.engine).get_columns("survey_answers")]

    assert sorted(columns) == ["answers", "id", "round_id"]


def test_on_sqlite_the_answers_table_has_no_rowid_that_keeps_their_order(
    database: Database,
) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("a PostgreSQL table has no rowid")
    open_round(database, answers=2)

    with database.engine.connect() as connection:
        schema = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'survey_answers'")
        ).scalar_one()
        with pytest.raises(OperationalError, match="rowid"):
            connection.execute(text("SELECT rowid FROM survey_answers"))

    assert "WITHOUT ROWID" in schema.upper()


def test_the_answer_ids_are_random_uuids(database: Database) -> None:
    open_round(database, answers=3)

    with database.engine.connect() as connection:
        ids = [row[0] for row in connection.execute(text("SELECT id FROM survey_answers"))]

    assert len(set(ids)) == 3
    assert all(len(i) == 36 and i[14] == "4" for i in ids)  # version 4: random


def test_after_closing_no_answer_of_the_round_is_left_in_the_database(
    database: Database,
) -> None:
    open_round(database, "round-1", answers=4)
    open_round(database, "round-2", answers=2)
    assert answers_in_sql(database, "round-1") == 4

    with database.unit_of_work() as uow:
        assert uow.rounds.close("round-1", AGGREGATE, T0 + timedelta(days=1))
        uow.commit()

    assert answers_in_sql(database, "round-1") == 0
    assert answers_in_sql(database, "round-2") == 2


def test_an_email_is_stored_in_lower_case_so_the_unique_constraint_ignores_case(
    database: Database,
) -> None:
    with database.unit_of_work() as uow:
        uow.users.add(User("u-1", "Anna@Example.se", "Anna", "admin", T0))
        uow.commit()

    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT email FROM users")).scalars().all()
    assert stored == ["anna@example.se"]


# Migration 0004


def test_migration_0004_upgrades_a_database_with_assessments_in_it(database_url: str) -> None:
    database = Database(database_url)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    profile = {"team_id": "nord", **make_profile()}
    assessment = assess(profile)
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO assessments (id, org_id, team_id, created_at, lang, "
                "policy_version, questionnaire_version, mode, rollout_stage, phase, readiness, "
                "profile, assessment) VALUES ('00000000-0000-4000-8000-000000000042', "
                "'default', 'nord', :at, 'sv', :policy, :questionnaire, :mode, :stage, :phase, "
                ":readiness, :profile, :assessment)"
            ),
            {
                "at": T0,
                "policy": assessment.policy_version,
                "questionnaire": assessment.questionnaire_version,
                "mode": assessment.mode,
                "stage": assessment.rollout_stage,
                "phase": assessment.phase,
                "readiness": assessment.readiness,
                "profile": json.dumps(profile),
                "assessment": json.dumps(assessment.model_dump(mode="json")),
            },
        )

    upgrade_engine(database.engine)

    with database.unit_of_work() as uow:
        read = uow.assessments.get("00000000-0000-4000-8000-000000000042")
        assert uow.users.count() == 0
    assert current_revision(database.engine) == "0005"
    assert read.created_by is None
    assert read.assessment == assessment
    assert read.team_id == "nord"
    database.dispose()


def test_migration_0004_can_be_undone_and_made_again(database_url: str) -> None:
    database = Database(database_url)
    upgrade_engine(database.engine)
    open_round(database, answers=1)
    config = alembic_config()

    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    tables_between = set(inspect(database.engine).get_table_names())
    upgrade_engine(database.engine)

    assert "survey_answers" not in tables_between
    assert "users" not in tables_between
    assert current_revision(database.engine) == "0005"
    database.dispose()


def test_the_lookups_of_the_new_tables_go_through_indexes(database: Database) -> None:
    found = inspect(database.engine)

    def indexes(table: str) -> dict[str, list[str | None]]:
        return {i["name"] or "": i["column_names"] for i in found.get_indexes(table)}

    assert indexes("team_managers")["ix_team_managers_user"] == ["user_id"]
    assert indexes("survey_rounds")["ix_survey_rounds_org_team"] == ["org_id", "team_id"]
    assert indexes("survey_answers")["ix_survey_answers_round"] == ["round_id"]
    assert indexes("sign_in_failures")["ix_sign_in_failures_key_at"] == ["key", "at"]
    assert indexes("api_tokens")["ix_api_tokens_user"] == ["user_id"]


# Two workers at the same moment


def test_two_sessions_closing_one_round_at_once_close_it_once(database: Database) -> None:
    open_round(database, answers=3)
    later = MemberAggregate(respondents=3, medians={"functional_level": 5.0})
    with database.unit_of_work() as first:
        assert first.rounds.close("round-1", AGGREGATE, T0 + timedelta(days=1))

        def close_too() -> bool:
            with database.unit_of_work() as second:
                closed = second.rounds.close("round-1", later, T0 + timedelta(days=2))
                second.commit()
                return closed

        other = in_thread(close_too)
        until_a_session_waits_for_a_lock(database)
        first.commit()

    assert other.result(timeout=WAIT) is False
    with database.unit_of_work() as uow:
        read = uow.rounds.get("round-1")
    assert read is not None
    assert (read.aggregate, read.closed_at) == (AGGREGATE, T0 + timedelta(days=1))
    assert answers_in_sql(database, "round-1") == 0


def test_an_answer_that_comes_while_the_round_is_being_closed_is_refused_not_kept(
    database: Database,
) -> None:
    open_round(database, answers=3)
    with database.unit_of_work() as closing:
        counted = closing.rounds.answers("round-1")

        def answer() -> None:
            with database.unit_of_work() as member:
                member.rounds.add_answer("round-1", {"fl_safe_to_err": 5})
                member.commit()

        late = in_thread(answer)
        until_a_session_waits_for_a_lock(database)
        assert closing.rounds.close("round-1", AGGREGATE, T0 + timedelta(days=1))
        closing.commit()

    with pytest.raises(NotFoundError, match="round-1"):
        late.result(timeout=WAIT)
    assert len(counted) == 3
    assert answers_in_sql(database, "round-1") == 0


def test_an_answer_being_stored_when_closing_begins_is_counted(database: Database) -> None:
    open_round(database, answers=2)
    with database.unit_of_work() as member:
        member.rounds.add_answer("round-1", {"fl_safe_to_err": 4})

        def close() -> int:
            with database.unit_of_work() as closing:
                counted = len(closing.rounds.answers("round-1"))
                closing.rounds.close("round-1", AGGREGATE, T0 + timedelta(days=1))
                closing.commit()
                return counted

        closed = in_thread(close)
        until_a_session_waits_for_a_lock(database)
        member.commit()

    assert closed.result(timeout=WAIT) == 3
    assert answers_in_sql(database, "round-1") == 0


def test_two_workers_making_the_same_secret_at_once_agree_on_it(database: Database) -> None:
    with database.unit_of_work() as first:
        mine = first.secrets.get_or_add("cookie-key", "first")

        def make_too() -> str:
            with database.unit_of_work() as second:
                theirs = second.secrets.get_or_add("cookie-key", "second")
                second.commit()
                return theirs

        other = in_thread(make_too)
        until_a_session_waits_for_a_lock(database)
        first.commit()

    assert (mine, other.result(timeout=WAIT)) == ("first", "first")
    with database.unit_of_work() as uow:
        assert uow.secrets.get_or_add("cookie-key", "third") == "first"


def test_the_same_manager_added_by_two_sessions_at_once_is_kept_once(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.users.add(User("u-1", "anna@example.se", "Anna", "manager", T0, org_id="default"))
        uow.commit()
    with database.unit_of_work() as first:
        first.team_managers.add("default", "nord", "u-1")

        def add_too() -> None:
            with database.unit_of_work() as second:
                second.team_managers.add("default", "nord", "u-1")
                second.commit()

        other = in_thread(add_too)
        until_a_session_waits_for_a_lock(database)
        first.commit()

    other.result(timeout=WAIT)
    with database.unit_of_work() as uow:
        assert uow.team_managers.of_team("default", "nord") == {"u-1"}


def test_two_sessions_storing_the_same_new_team_at_once_both_succeed(database: Database) -> None:
    first_team = Team("default", "ny", None, None, "none", T0)
    second_team = Team("default", "ny", "Nya teamet", None, "pilot", T0 + timedelta(seconds=1))
    second_read = threading.Event()
    with database.unit_of_work() as first:
        assert first.teams.get("default", "ny") is None
        first.teams.save(first_team)

        def store_too() -> None:
            with database.unit_of_work() as second:
                # Both found no team: each stores it as new.
                assert second.teams.get("default", "ny") is None
                second_read.set()
                second.teams.save(second_team)
                second.commit()

        other = in_thread(store_too)
        assert second_read.wait(WAIT)
        until_a_session_waits_for_a_lock(database)
        first.commit()

    other.result(timeout=WAIT)  # no UniqueViolation (IntegrityError)
    with database.unit_of_work() as uow:
        assert uow.teams.get("default", "ny") == second_team  # the later commit's
