"""Every operation of the OpenAPI document, fuzzed by Schemathesis, on SQLite and on PostgreSQL,
by an anonymous caller and by an admin.

Requests are generated from the document the service publishes (valid and invalid ones) and
sent in-process to the ASGI app; every answer must not be a server error and must be what the
document promises for it: a documented status code, content type, headers and body schema.
The anonymous caller mostly meets the 401 of protected routes; the admin (a real API token, made
in the database) gets past it to every route's validation and storage.

Bounded: READINESS_FUZZ_EXAMPLES examples per operation (default 25), derandomised so that CI
runs the same requests every time. To explore further, raise it:

    READINESS_FUZZ_EXAMPLES=500 .venv/bin/pytest tests/api/test_fuzz.py
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.python import asgi

from api.main import create_app
from api.settings import Settings
from api.storage import Database
from api.storage.migrate import upgrade_engine
from tests.conftest import make_profile
from tests.support.accounts import as_user, make_user, token_for
from tests.support.postgres import PostgresServer

EXAMPLES = int(os.environ.get("READINESS_FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,  # derandomised: nothing to remember between runs
    suppress_health_check=[HealthCheck.too_slow],
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# POST /batches takes files: JSON Lines are text, a spreadsheet is bytes.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
schemathesis.serializer.alias(XLSX, "application/octet-stream")

# The document as the service publishes it; making the app opens no database.
schema = schemathesis.openapi.from_dict(create_app(Settings(database_url="sqlite://")).openapi())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database of each kind, shared by every operation: what one stores, the next
    one reads."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.create_database("fuzz")
    database = Database(url)
    upgrade_engine(database.engine)
    database.dispose()
    return url


@pytest.fixture(scope="module")
def app(database_url: str) -> Iterator[FastAPI]:
    """The app on the database; its lifespan starts on the first request."""
    yield create_app(Settings(database_url=database_url))
    asgi.shutdown_lifespans()  # closes the database before the server under it goes away


@pytest.fixture(scope="module", params=["anonymous", "admin"])
def caller(request: pytest.FixtureRequest, database_url: str) -> dict[str, str]:
    """The headers every request of the caller carries: none, or an admin's API token."""
    if request.param == "anonymous":
        return {}
    database = Database(database_url)
    try:
        return {"Authorization": f"Bearer {token_for(database, make_user(database, 'admin'))}"}
    finally:
        database.dispose()


@schema.parametrize()
@FUZZ
def test_every_operation_answers_as_documented(
    case: schemathesis.Case[Any], app: FastAPI, caller: dict[str, str]
) -> None:
    case.call_and_validate(app=app, checks=CHECKS, headers=caller)


# PostgreSQL refuses a NUL character in text, and the database's refusal used to be a 503
# "database unavailable" (found by the fuzzing above); the fuzzing may not generate one every
# run, so these ask for it.
NUL = "a\x00b"


@pytest.fixture(scope="module")
def on_postgresql(postgres: PostgresServer) -> Iterator[TestClient]:
    """An admin, so that each request gets past sign-in to the check of its input."""
    with TestClient(create_app(Settings(database_url=postgres.create_database("nul")))) as client:
        as_user(client)
        yield client


@pytest.mark.parametrize(
    ("method", "path", "params", "body"),
    [
        ("GET", "/api/v1/teams", {"org": NUL}, None),
        ("GET", "/api/v1/portfolio", {"org": NUL}, None),
        ("GET", "/api/v1/organisations/a%00b/units", {}, None),
        ("POST", "/api/v1/assessments", {"org": NUL}, make_profile()),
        ("POST", "/api/v1/organisations", {}, {"id": "nul", "name": NUL}),
        ("PUT", "/api/v1/teams/nord", {}, {"name": NUL}),
    ],
    ids=["teams", "portfolio", "units", "assessments", "organisations", "team-name"],
)
def test_a_nul_character_is_a_422_on_postgresql_not_a_server_error(
    on_postgresql: TestClient,
    method: str,
    path: str,
    params: dict[str, str],
    body: dict[str, Any] | None,
) -> None:
    answer = on_postgresql.request(method, path, params=params, json=body)

    assert answer.status_code == 422, answer.text
