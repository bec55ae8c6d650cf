"""One transaction per request: a request that fails after writing leaves nothing behind."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.routes import assessments
from api.storage.tables import AssessmentRow
from tests.conftest import make_profile


def _rows(app: FastAPI) -> int:
    with app.state.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(AssessmentRow)) or 0)


def test_a_request_that_fails_after_its_insert_leaves_nothing_half_written(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_answer(_stored: object) -> None:
        raise RuntimeError("the answer could not be made")

    with TestClient(app, raise_server_exceptions=False) as client:
        client.post("/api/v1/assessments", json=make_profile())
        monkeypatch.setattr(assessments.StoredAssessmentPublic, "of", broken_answer)

        failed = client.post("/api/v1/assessments", json=make_profile())

    assert failed.status_code == 500
    assert _rows(app) == 1


def test_a_201_means_the_assessment_is_already_committed(app: FastAPI) -> None:
    with TestClient(app) as client:
        created = client.post("/api/v1/assessments", json=make_profile())

        visible_elsewhere = _rows(app)

    assert created.status_code == 201
    assert visible_elsewhere == 1
