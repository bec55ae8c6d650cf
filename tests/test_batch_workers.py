"""`readiness batch --workers N` shares the teams among processes and stores what one process
stores: the same teams, the same decisions, the same rejected rows."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from api.settings import Settings
from api.storage import Database
from readiness import default_policy
from readiness.engine import CACHE_SIZE, engine_for
from readiness.tabular import Row, RowError
from readiness.wording import OUTCOMES_KEPT, wording_for
from readiness_cli.batch import SHARED_FROM_BYTES, _workers_for
from readiness_cli.batch_workers import (
    DECISIONS_KEPT,
    YOUNG_COLLECTED_EVERY,
    Job,
    collect_less,
    outcomes,
    remember_more,
    shard_of,
    start_method,
)
from readiness_cli.store import unit_of_work
from tests.support.org_file import generate
from tests.support.postgres import PostgresServer


def row(team_id: str | None, number: int = 2) -> Row:
    return Row(number, {"team_id": team_id})


def test_every_way_of_writing_a_team_id_goes_to_the_same_process() -> None:
    spellings = ["Kundtjänst-Nord", " kundtjänst-nord ", "KUNDTJÄNST-NORD", "Kundtja\u0308nst-Nord"]

    shards = {shard_of(row(written), 7) for written in spellings}

    assert len(shards) == 1


def test_rows_of_no_team_go_to_the_first_process() -> None:
    assert shard_of(row(None), 5) == 0
    assert shard_of(RowError(3, "not a JSON object", "[1, 2]"), 5) == 0


def test_teams_are_spread_over_the_processes() -> None:
    shards = [shard_of(row(f"team-{n}"), 3) for n in range(300)]

    assert min(shards.count(s) for s in range(3)) > 60


def test_a_batch_process_collects_young_garbage_in_larger_rounds_and_leaves_the_rest() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 9, 11)

        collect_less()

        assert gc.get_threshold() == (YOUNG_COLLECTED_EVERY, 9, 11)
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_a_batch_process_keeps_more_decisions_and_words_but_never_fewer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy = default_policy()
    engine, swedish, english = (
        engine_for(policy),
        wording_for(policy, "sv"),
        wording_for(policy, "en"),
    )
    for limited, name, size in [
        (engine, "cache_size", CACHE_SIZE),
        (swedish, "outcomes_kept", OUTCOMES_KEPT),
        (english, "outcomes_kept", OUTCOMES_KEPT),
    ]:
        monkeypatch.setattr(limited, name, size)

    remember_more(policy, "sv")

    assert engine.cache_size == DECISIONS_KEPT > CACHE_SIZE
    assert swedish.outcomes_kept > OUTCOMES_KEPT
    assert english.outcomes_kept == OUTCOMES_KEPT  # the batch's language only

    monkeypatch.setattr(engine, "cache_size", 10 * DECISIONS_KEPT)
    remember_more(policy, "sv")

    assert engine.cache_size == 10 * DECISIONS_KEPT


def batch(
    tmp_path: Path, name: str, file: Path, *options: str, database: str | None = None
) -> tuple[Any, list[Any]]:
    database = database or f"sqlite:///{tmp_path / name}.db"
    report = tmp_path / f"{name}.jsonl"
    command = ["batch", str(file), "--report", str(report), *options]
    answer = subprocess.run(
        [sys.executable, "-m", "readiness_cli", *command],
        capture_output=True,
        text=True,
        env={**os.environ, "READINESS_DATABASE_URL": database},
        timeout=600,
    )
    written = report.read_text().splitlines() if report.exists() else []
    outcomes = [json.loads(line) for line in written]
    return answer, sorted(outcomes, key=lambda o: o["rows"])


def without_id(outcome: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in outcome.items() if k != "assessment_id"}


@pytest.mark.parametrize("workers", ["2", "3"])
def test_several_processes_store_what_one_process_stores(tmp_path: Path, workers: str) -> None:
    organisation = generate(300, [""], seed=3, bad=4)
    file = tmp_path / "teams.csv"
    organisation.write_csv(file)
    split = file.read_text(encoding="utf-8-sig").splitlines()
    # The first team's rows once more at the end: rejected, whichever process gets them.
    file.write_text("\n".join([*split, split[2]]) + "\n", encoding="utf-8")

    one, alone = batch(tmp_path, "one", file, "--workers", "1")
    many, shared = batch(tmp_path, f"many{workers}", file, "--workers", workers)

    assert one.returncode == many.returncode == 65, many.stderr
    assert sorted(one.stdout.splitlines()) == sorted(many.stdout.splitlines())
    assert [without_id(o) for o in shared] == [without_id(o) for o in alone]
    assert sum(o["status"] == "stored" for o in shared) == organisation.good_teams()
    assert "already had rows" in many.stdout


def test_several_processes_store_on_postgresql_what_one_process_stores(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    """The workers are forked from a process that has migrated the database (and closed its
    connections): each opens its own, and every team is stored once."""
    organisation = generate(200, [""], seed=7, bad=3)
    file = tmp_path / "teams.csv"
    organisation.write_csv(file)
    suffix = uuid.uuid4().hex[:12]
    one_url = postgres.create_database(f"batch_one_{suffix}")
    many_url = postgres.create_database(f"batch_many_{suffix}")

    one, alone = batch(tmp_path, "one", file, "--workers", "1", database=one_url)
    many, shared = batch(tmp_path, "many", file, "--workers", "2", database=many_url)

    assert one.returncode == many.returncode == 65, many.stderr
    assert [without_id(o) for o in shared] == [without_id(o) for o in alone]
    assert sum(o["status"] == "stored" for o in shared) == organisation.good_teams()
    ids = {o["assessment_id"] for o in shared if o["status"] == "stored"}
    database = Database(many_url)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, team_id FROM assessments")).all()
    finally:
        database.dispose()
    assert {row.id for row in rows} == ids  # each stored once, by one process or the other
    assert len(rows) == len(ids)


def test_workers_are_forked_only_in_a_process_that_runs_no_other_thread() -> None:
    alone = subprocess.run(
        [sys.executable, "-c", "from readiness_cli.batch_workers import *; print(start_method())"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait, daemon=True)
    beside.start()
    try:
        assert start_method() == "spawn"
    finally:
        stop.set()
        beside.join()
    assert alone.stdout.strip() == "fork", alone.stderr


def test_spawned_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    """The command, alone in its process, forks its workers (the tests above); beside another
    thread it spawns them, as here, where the test runner may run threads of its own."""
    organisation = generate(120, [""], seed=5, bad=2)
    file = tmp_path / "teams.csv"
    organisation.write_csv(file)
    _, alone = batch(tmp_path, "one", file, "--workers", "1")
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'spawned'}.db")
    with unit_of_work(settings) as uow, uow:  # migrated first, as `readiness batch` does
        uow.organisations.get("default")
    job = Job(file, "auto", settings, "sv", "default")

    shared = [outcome for outcome, _ in outcomes(job, 2, default_policy(), method="spawn")]

    reported = sorted(
        (json.loads(json.dumps(asdict(o), ensure_ascii=False, default=str)) for o in shared),
        key=lambda o: o["rows"],
    )
    assert [without_id(o) for o in reported] == [without_id(o) for o in alone]
    assert sum(o.status == "stored" for o in shared) == organisation.good_teams()


def test_a_bad_worker_count_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "teams.csv"
    generate(3, [""], seed=1, bad=0).write_csv(file)

    answer, _ = batch(tmp_path, "bad", file, "--workers", "-1")

    assert answer.returncode == 2
    assert "--workers" in answer.stderr


def test_a_large_file_is_shared_among_every_core_on_either_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    large, small = SHARED_FROM_BYTES, SHARED_FROM_BYTES - 1

    assert _workers_for(large, "sqlite:////var/lib/readiness/readiness.db") == 4
    assert _workers_for(large, "postgresql+psycopg://readiness@db/readiness") == 4
    assert _workers_for(small, "sqlite:////var/lib/readiness/readiness.db") == 1
    # An in-memory database would be a database of its own in each process.
    assert _workers_for(large, "sqlite:///:memory:") == 1
