from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.storage import Database
from readiness import default_policy


def test_a_healthy_service_says_so_with_its_policy_version(client: TestClient) -> None:
    answer = client.get("/api/v1/healthz")

    assert answer.status_code == 200
    assert answer.json()["database"] == "ok"
    assert answer.json()["policy_version"] == default_policy().version


def test_health_is_503_when_the_database_does_not_answer(app: FastAPI, client: TestClient) -> None:
    app.state.database = Database("sqlite:////nonexistent/directory/readiness.db")

    answer = client.get("/api/v1/healthz")

    assert answer.status_code == 503
    assert answer.json()["status"] == "unavailable"
