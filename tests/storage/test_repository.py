"""The SQL repository on SQLite and on PostgreSQL, where it differs from a list in memory:
times, documents kept as JSON, and what the database itself refuses."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from api.storage import Database
from api.storage.tables import AssessmentRow
from readiness import assess, default_policy, usecases
from readiness.organisation import Team
from tests.conftest import keep, make_profile, stored_assessment


def _rows(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AssessmentRow)) or 0)


def test_the_time_of_an_assessment_is_aware_utc_and_now(database: Database) -> None:
    before = datetime.now(UTC)

    stored = usecases.assess_and_store(
        database.unit_of_work(), make_profile(), "sv", default_policy()
    )

    with database.unit_of_work() as uow:
        read = uow.assessments.get(stored.id)
    assert read.created_at.tzinfo is not None
    assert read.created_at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= read.created_at <= datetime.now(UTC)


def test_a_document_is_read_back_as_stored_whatever_todays_questionnaire_says(
    database: Database,
) -> None:
    stored = usecases.assess_and_store(
        database.unit_of_work(), {"team_id": "nord", **make_profile()}, "sv", default_policy()
    )
    with database.session() as session, session.begin():
        row = session.scalar(select(AssessmentRow).where(AssessmentRow.id == stored.id))
        assert row is not None
        answers = dict(row.profile["answers"])
        answers["no_longer_asked"] = answers.pop("fl_safe_to_err")
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == stored.id)
            .values(profile={**row.profile, "answers": answers}, questionnaire_version="2025.9")
        )

    with database.unit_of_work() as uow:
        read = uow.assessments.get(stored.id)
        history = uow.assessments.team_history("nord")

    assert read.profile.answers["no_longer_asked"] == stored.profile.answers["fl_safe_to_err"]
    assert read.assessment == stored.assessment
    assert [s.id for s in history] == [stored.id]


def test_the_same_id_twice_is_refused_and_takes_the_whole_unit_of_work_with_it(
    database: Database,
) -> None:
    first = stored_assessment(make_profile(), assess(make_profile()))
    again = stored_assessment(make_profile(), assess(make_profile()), id=first.id)

    with pytest.raises(IntegrityError):
        keep(database.unit_of_work(), first, again)

    assert _rows(database) == 0


def test_after_a_commit_a_team_another_session_saved_is_read(database: Database) -> None:
    """What a unit of work remembers of a team lasts one transaction: once it commits, a team
    another session saved meanwhile (a worker, the batch) is read as the database has it."""
    team = Team("default", "nord", None, None, "pilot", datetime.now(UTC))
    reader, writer = database.unit_of_work(), database.unit_of_work()
    with reader:
        assert reader.teams.get("default", "nord") is None
        reader.commit()
        with writer:
            writer.teams.save(team)
            writer.commit()
        assert reader.teams.get("default", "nord") == team
