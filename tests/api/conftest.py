"""An app on a SQLite file of its own per test, driven in-process by FastAPI's TestClient."""

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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}")


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def stored(client: TestClient) -> dict[str, Any]:
    """One assessment stored through the API, as POST /assessments answered it."""
    answer = client.post("/api/v1/assessments", json={"team_id": "nord", **make_profile()})
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body
