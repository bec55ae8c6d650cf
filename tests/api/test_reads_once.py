"""A request reads each thing it needs once: the API token with its user, the team once, and the
unit tree only for whom it decides (an HR partner limited to units).

Storing an assessment read its team three times (the access check twice, then the use case) and
its API token and user one after the other; a team page read the team and its managers three
times each; and every request read every unit of the organisation, though only an HR partner
limited to units is judged by the tree: with hundreds of units, hundreds of rows a request for
nothing. What is asserted is the SQL each request sends, on SQLite and on
PostgreSQL, and that the answers are the same as before: who may store is who may see.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.api.test_history_reads import database_of, recorded
from tests.conftest import make_profile
from tests.support.accounts import as_user

JSON = {"content-type": "application/json"}
UNITS = 40  # an organisation of some size: reading its tree is 40 rows


def tables_read(statements: list[tuple[str, object]]) -> Counter[str]:
    """How often each table was the one a SELECT read from."""
    found = (re.search(r"^\s*SELECT\b.*?\bFROM (\w+)", s, re.S) for s, _ in statements)
    return Counter(m.group(1) for m in found if m)


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """An organisation of UNITS units, and the team `nord` in the last of them, assessed once."""
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        as_user(client)
        for n in range(UNITS):
            made = client.post(
                "/api/v1/organisations/default/units", json={"id": f"unit-{n}", "name": f"U {n}"}
            )
            assert made.status_code == 201, made.text
        placed = client.put("/api/v1/teams/nord", json={"unit": f"unit-{UNITS - 1}"})
        assert placed.status_code == 200, placed.text
        first = client.post("/api/v1/assessments", content=body(), headers=JSON)
        assert first.status_code == 201, first.text
        client.headers.pop("Authorization")
        yield client


def body() -> str:
    return json.dumps({**make_profile(), "team_id": "nord"})


def store_once(client: TestClient) -> tuple[int, Counter[str]]:
    """The status of one more assessment of `nord`, and the tables it read."""
    client.post("/api/v1/assessments", content=body(), headers=JSON)  # this user's first
    with recorded(database_of(client).engine) as statements:
        answer = client.post("/api/v1/assessments", content=body(), headers=JSON)
    return answer.status_code, tables_read(statements)


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        ("admin", {}),
        ("manager", {"teams": ["nord"]}),
        ("hr", {}),  # of the whole organisation
    ],
)
def test_storing_reads_the_team_once_and_no_unit(
    client: TestClient, role: str, scope: dict[str, list[str]]
) -> None:
    as_user(client, role, **scope)
    status, read = store_once(client)
    assert status == 201
    assert read["api_tokens"] == 1  # and its user, in the same statement
    assert read["users"] == 0
    assert read["teams"] == 1
    assert read["team_managers"] == 1
    assert read["units"] == 0


def test_an_hr_partner_of_some_units_is_judged_by_the_tree(client: TestClient) -> None:
    as_user(client, "hr", units=[f"unit-{UNITS - 1}"])
    status, read = store_once(client)
    assert status == 201
    assert read["teams"] == 1
    assert read["units"] == 1  # the whole tree, in one statement

    client.headers.pop("Authorization")
    as_user(client, "hr", units=["unit-0"])  # another unit: the team is not theirs
    refused = client.post("/api/v1/assessments", content=body(), headers=JSON)
    assert refused.status_code == 404


@pytest.mark.parametrize(("role", "scope"), [("manager", {"teams": ["nord"]}), ("hr", {})])
def test_a_team_page_reads_the_team_and_its_managers_once_per_look(
    client: TestClient, role: str, scope: dict[str, list[str]]
) -> None:
    """The page asks twice (the history, then the survey rounds), each in its own transaction:
    once each, not three times."""
    as_user(client, role, **scope)
    assert client.get("/teams/nord").status_code == 200
    with recorded(database_of(client).engine) as statements:
        page = client.get("/teams/nord")
    assert page.status_code == 200
    read = tables_read(statements)
    assert read["teams"] <= 2
    assert read["team_managers"] <= 2
    assert read["units"] == 0
