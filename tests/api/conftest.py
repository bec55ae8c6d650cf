"""An app on a SQLite file of its own per test, driven in-process by FastAPI's TestClient.

`client` acts as an admin (a real API token, made in the test's database, sent on every
request); `anonymous_client` is nobody. Both talk to the same app, started once per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.conftest import make_profile
from tests.support.accounts import as_user


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}")


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def anonymous_client(app: FastAPI) -> Iterator[TestClient]:
    """Nobody signed in; this client also runs the app's start-up and shut-down."""
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(app: FastAPI, anonymous_client: TestClient) -> TestClient:
    """An admin: every request carries the admin's API token (the app runs for anonymous_client)."""
    client = TestClient(app)
    as_user(client, "admin")
    return client


@pytest.fixture
def stored(client: TestClient) -> dict[str, Any]:
    """One assessment stored through the API, as POST /assessments answered it."""
    answer = client.post("/api/v1/assessments", json={"team_id": "nord", **make_profile()})
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body
