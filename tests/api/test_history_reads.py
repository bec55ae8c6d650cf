"""A team's history never reads a profile it does not show, so a read's memory stays bounded.

The report: 101 profiles of about 830 kB stored under one team, and one read of
`/api/v1/teams/heavy/assessments` took 5 s and 176 MB (eight at once 1.6 GB). Here the same
team is read on SQLite and on PostgreSQL, and what is asserted is the SQL the read issues (which
rows, which columns) and the peak of Python's allocations during it, never the time.

Two stores of 101 assessments each: as the report made them (a profile of ~840 kB posted with
800 members, whose answers are now kept only as their aggregate), and with stored profile
documents of ~800 kB themselves (a stored document is read back as it is, so the history must not
depend on new ones being small).
"""

from __future__ import annotations

import json
import re
import tracemalloc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, insert, literal, select, update

from api.main import create_app
from api.settings import Settings
from api.storage import Database
from api.storage.tables import AssessmentRow, UTCDateTime
from readiness.builder import member_answers_for
from tests.conftest import STRONG, make_profile
from tests.support.accounts import as_user

STORED = 101
MEMBERS = 800  # a posted profile of ~840 kB, under the 1 MB limit
RENAMED_ITEMS = 34_000  # a stored profile document of ~800 kB
# Generous: a page read peaks at ~3 MB, and each large profile read costs ~4.4 MB of Python
# objects (reading all 101 of them, over 400 MB).
PEAK_BOUND_BYTES = 20_000_000
# A SELECT that reads the whole profile column (not profile_hash).
READS_PROFILE = re.compile(r"\bassessments\.profile\b(?!_)")


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """An admin (API token and session cookie) on an empty database of each kind."""
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        as_user(client)
        yield client


def database_of(client: TestClient) -> Database:
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    return database


def store_heavy_team(client: TestClient, *, large_documents: bool) -> list[str]:
    """101 assessments of the team `heavy`, newest first: one posted, then copied in the database
    (a day apart each), with its stored profile made ~800 kB when `large_documents`."""
    profile = {**make_profile(), "team_id": "heavy"}
    profile["member_answers"] = [member_answers_for(STRONG)] * MEMBERS
    body = json.dumps(profile)
    assert 800_000 < len(body) < 1_000_000
    posted = client.post(
        "/api/v1/assessments", content=body, headers={"content-type": "application/json"}
    )
    assert posted.status_code == 201, posted.text
    first = posted.json()["id"]
    table = AssessmentRow.__table__
    with database_of(client).session() as session, session.begin():
        if large_documents:
            stored = session.scalar(select(AssessmentRow.profile).where(AssessmentRow.id == first))
            assert stored is not None
            renamed = {f"renamed_since_{n:05d}": 3 for n in range(RENAMED_ITEMS)}
            document = {**stored, "answers": {**stored["answers"], **renamed}}
            assert 750_000 < len(json.dumps(document)) < 900_000
            session.execute(
                update(AssessmentRow).where(AssessmentRow.id == first).values(profile=document)
            )
        made = session.scalar(select(AssessmentRow.created_at).where(AssessmentRow.id == first))
        assert made is not None
        ids = [first]
        copied = [c for c in table.columns if c.name not in ("seq", "id", "created_at")]
        for n in range(1, STORED):
            ids.append(str(uuid.uuid4()))
            copy = select(
                literal(ids[-1]), literal(made - timedelta(days=n), UTCDateTime()), *copied
            ).where(table.c.id == first)
            session.execute(
                insert(table).from_select(["id", "created_at", *(c.name for c in copied)], copy)
            )
    return ids


@contextmanager
def recorded(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement sent to the database inside the block, with its parameters."""
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def peak_allocated() -> Iterator[list[int]]:
    """The peak of Python's allocations inside the block, in bytes (in the list, once it ends)."""
    peak: list[int] = []
    tracemalloc.start()
    try:
        yield peak
    finally:
        peak.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def ids_in(parameters: Any) -> set[str]:
    values = parameters.values() if isinstance(parameters, dict) else parameters
    return {value for value in values if isinstance(value, str)}


@pytest.mark.parametrize("large_documents", [False, True], ids=["as-reported", "large-documents"])
def test_the_team_page_reads_no_profile(client: TestClient, large_documents: bool) -> None:
    store_heavy_team(client, large_documents=large_documents)
    assert client.get("/teams/heavy").status_code == 200  # templates and caches warm

    with recorded(database_of(client).engine) as statements, peak_allocated() as peak:
        answer = client.get("/teams/heavy")

    assert answer.status_code == 200
    assert "heavy" in answer.text
    assert statements
    assert not [sql for sql, _ in statements if READS_PROFILE.search(sql)]
    assert peak[0] < PEAK_BOUND_BYTES, f"{peak[0]:,} bytes"


@pytest.mark.parametrize(
    ("large_documents", "limit"), [(False, 100), (True, 2)], ids=["as-reported", "large-documents"]
)
def test_the_api_reads_the_profiles_of_its_page_and_no_others(
    client: TestClient, large_documents: bool, limit: int
) -> None:
    ids = store_heavy_team(client, large_documents=large_documents)
    path = "/api/v1/teams/heavy/assessments"
    assert client.get(path, params={"limit": 1}).status_code == 200

    with recorded(database_of(client).engine) as statements, peak_allocated() as peak:
        answer = client.get(path, params={"limit": limit})

    assert answer.status_code == 200
    shown = [entry["id"] for entry in answer.json()["assessments"]]
    assert shown == ids[:limit]
    profile_reads = [ids_in(params) for sql, params in statements if READS_PROFILE.search(sql)]
    assert profile_reads == [set(shown)]  # one statement, for the entries shown: not the next
    assert answer.json()["next"] is not None
    assert peak[0] < PEAK_BOUND_BYTES, f"{peak[0]:,} bytes"
