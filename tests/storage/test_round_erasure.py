"""A closed round's answers leave no trace in SQLite's files: not in the database file (secure
delete zeroes their pages) and not in the write-ahead log (a checkpoint follows the close)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from api.storage import Database
from api.storage.migrate import upgrade_engine
from readiness.members import MemberAggregate
from readiness.surveys import SurveyRound

T0 = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
MARKER = "zz-marker-only-in-one-answer"


def traces(path: Path) -> list[str]:
    """The files of the SQLite database at `path` whose bytes contain the marker."""
    files = [path, path.with_name(path.name + "-wal")]
    return [f.name for f in files if f.exists() and MARKER.encode() in f.read_bytes()]


def test_a_closed_rounds_answers_are_gone_from_the_database_and_its_log(tmp_path: Path) -> None:
    path = tmp_path / "rounds.db"
    database = Database(f"sqlite:///{path}")
    try:
        upgrade_engine(database.engine)
        with database.unit_of_work() as uow:
            uow.rounds.add(SurveyRound("r1", "default", "nord", T0, T0 + timedelta(days=7)))
            uow.rounds.add_answer("r1", {MARKER: 4})
            uow.commit()
        # The answer is really on disk before the close: otherwise the test could not fail.
        assert traces(path), "the answer was never written where this test looks"
        with database.unit_of_work() as uow:
            uow.rounds.answers("r1")
            assert uow.rounds.close("r1", MemberAggregate(respondents=1), T0 + timedelta(days=1))
            uow.commit()
        assert traces(path) == []
    finally:
        database.dispose()
