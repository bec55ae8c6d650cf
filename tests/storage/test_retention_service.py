"""The retention setting applied by `readiness db prune`, by `readiness serve` at its start, and
by the server's daily run; on SQLite and on PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api.retention import DailyRetention
from api.storage import Database
from readiness import NotFoundError, assess
from readiness.usecases import StoredAssessment
from readiness_cli.main import main
from tests.conftest import keep, make_profile, stored_assessment
from tests.support.live_server import live_server

DEADLINE_SECONDS = 20.0  # a daily run that never comes fails the test instead of hanging


def old_and_new(database: Database) -> tuple[StoredAssessment, StoredAssessment]:
    """An assessment made two years ago and one made a day ago, both stored."""
    now = datetime.now(UTC)
    old, new = (
        stored_assessment(make_profile(), assess(make_profile()), created_at=now - age)
        for age in (timedelta(days=730), timedelta(days=1))
    )
    keep(database.unit_of_work(), old, new)
    return old, new


def stored(database: Database, assessment: StoredAssessment) -> bool:
    with database.unit_of_work() as uow:
        try:
            uow.assessments.get(assessment.id)
        except NotFoundError:
            return False
    return True


def test_db_prune_deletes_what_is_older_and_says_how_much(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = old_and_new(database)

    code = main(["db", "prune", "--months", "12", "--url", database.url])

    assert code == 0
    assert (
        "deleted 1 assessment(s) made and 0 survey round(s) closed before"
        in capsys.readouterr().out
    )
    assert not stored(database, old)
    assert stored(database, new)


def test_db_prune_takes_the_retention_from_the_setting(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = old_and_new(database)
    monkeypatch.setenv("READINESS_RETENTION_MONTHS", "12")
    monkeypatch.setenv("READINESS_DATABASE_URL", database.url)

    assert main(["db", "prune"]) == 0

    assert "deleted 1 assessment(s)" in capsys.readouterr().out
    assert not stored(database, old)


def test_db_prune_without_a_retention_names_the_setting(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READINESS_RETENTION_MONTHS", raising=False)
    old, _ = old_and_new(database)

    code = main(["db", "prune", "--url", database.url])

    assert code == 2
    assert "READINESS_RETENTION_MONTHS" in capsys.readouterr().err
    assert stored(database, old)


def test_db_prune_on_a_database_never_migrated_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["db", "prune", "--months", "12", "--url", f"sqlite:///{tmp_path / 'new.db'}"])

    assert code == 1
    assert "readiness db upgrade" in capsys.readouterr().err


def test_serve_applies_the_retention_when_it_starts(database: Database, tmp_path: Path) -> None:
    old, new = old_and_new(database)

    with live_server(
        database.url, env={"READINESS_RETENTION_MONTHS": "12"}, log_dir=tmp_path
    ) as server:
        output = server.output()

    assert "retention of 12 month(s): deleted 1 assessment(s)" in output
    assert not stored(database, old)
    assert stored(database, new)


def test_the_daily_run_deletes_what_has_grown_old_since(database: Database) -> None:
    retention = DailyRetention(database.url, 12, interval=0.05)  # a "day" of 50 ms
    retention.start()
    try:
        old, new = old_and_new(database)  # stored after the server started
        deadline = time.monotonic() + DEADLINE_SECONDS
        while stored(database, old) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        retention.stop()

    assert not stored(database, old)
    assert stored(database, new)
