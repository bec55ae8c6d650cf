"""A write is whole or absent: a request that fails inside its unit of work leaves nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.storage.repository import SqlAssessmentRepository
from api.storage.tables import AssessmentRow
from tests.conftest import make_profile
from tests.support.accounts import as_user


def _rows(app: FastAPI) -> int:
    with app.state.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AssessmentRow)) or 0)


def test_a_request_that_fails_after_its_insert_leaves_nothing_half_written(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    original: Callable[..., None] = SqlAssessmentRepository.add

    def write_then_fail(self: SqlAssessmentRepository, stored: Any) -> None:
        original(self, stored)
        raise RuntimeError("the database went away after the insert")

    with TestClient(app, raise_server_exceptions=False) as client:
        as_user(client, "admin")
        client.post("/api/v1/assessments", json=make_profile())
        monkeypatch.setattr(SqlAssessmentRepository, "add", write_then_fail)

        failed = client.post("/api/v1/assessments", json=make_profile())

    assert failed.status_code == 500
    assert _rows(app) == 1


def test_a_201_means_the_assessment_is_already_committed(app: FastAPI) -> None:
    with TestClient(app) as client:
        as_user(client, "admin")
        created = client.post("/api/v1/assessments", json=make_profile())

        visible_elsewhere = _rows(app)

    assert created.status_code == 201
    assert visible_elsewhere == 1
