"""/openapi.json describes every route as it answers: success and every error shape."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        if path.startswith("/api/v1/")
        for method, operation in item.items()
        if method in METHODS
    ]


def _schema_ref(response: dict[str, Any]) -> str:
    ref: str = response["content"]["application/json"]["schema"].get("$ref", "")
    return ref.rsplit("/", 1)[-1]


@pytest.fixture
def document(client: TestClient) -> dict[str, Any]:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


def test_the_api_documents_every_operation(document: dict[str, Any]) -> None:
    operations = {(method.upper(), path) for path, method, _ in _operations(document)}

    assert operations == {
        ("GET", "/api/v1/questionnaire"),
        ("POST", "/api/v1/evaluate"),
        ("POST", "/api/v1/assessments"),
        ("GET", "/api/v1/assessments/{assessment_id}"),
        ("GET", "/api/v1/teams/{team_id}/assessments"),
        ("GET", "/api/v1/policy"),
        ("GET", "/api/v1/healthz"),
        ("PUT", "/api/v1/teams/{team_id}"),
        ("GET", "/api/v1/teams"),
        ("GET", "/api/v1/teams/export"),
        ("POST", "/api/v1/organisations"),
        ("GET", "/api/v1/organisations"),
        ("POST", "/api/v1/organisations/{org_id}/units"),
        ("GET", "/api/v1/organisations/{org_id}/units"),
        ("GET", "/api/v1/portfolio"),
        ("GET", "/api/v1/rollout/proposal"),
        ("POST", "/api/v1/rollout/waves"),
        ("GET", "/api/v1/rollout/waves"),
        ("POST", "/api/v1/batches"),
        ("POST", "/api/v1/teams/{team_id}/rounds"),
        ("GET", "/api/v1/teams/{team_id}/rounds"),
        ("POST", "/api/v1/rounds/{round_id}/close"),
    }


def test_every_operation_names_the_model_of_its_success(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        success = [code for code in operation["responses"] if code.startswith("2")]

        assert len(success) == 1, f"{method} {path}"
        content = operation["responses"][success[0]]["content"]
        if path == "/api/v1/teams/export":  # a file, not JSON
            assert set(content) >= {"text/csv; charset=utf-8"}, path
            continue
        schema = content["application/json"]["schema"]
        assert schema.get("$ref") or schema.get("items", {}).get("$ref"), f"{method} {path}"


def test_every_operation_that_takes_input_documents_the_422_shape_it_answers(
    document: dict[str, Any],
) -> None:
    for path, _method, operation in _operations(document):
        if not (operation.get("parameters") or operation.get("requestBody")):
            continue

        assert _schema_ref(operation["responses"]["422"]) == "ValidationErrorResponse", path


def test_every_operation_on_an_id_documents_its_404(document: dict[str, Any]) -> None:
    for path, method, operation in _operations(document):
        if "{" not in path:
            continue

        assert _schema_ref(operation["responses"]["404"]) == "ErrorResponse", f"{method} {path}"


def test_every_operation_with_a_body_names_its_model_and_documents_413_and_415(
    document: dict[str, Any],
) -> None:
    with_body = [(p, m, o) for p, m, o in _operations(document) if o.get("requestBody")]

    for path, method, operation in with_body:
        content = operation["requestBody"]["content"]
        if path == "/api/v1/batches":  # a spreadsheet or JSON Lines, not one JSON object
            assert set(content) >= {"text/csv", "application/x-ndjson"}, path
        else:
            assert content["application/json"]["schema"]["$ref"], (method, path)
        for code in ("413", "415"):
            assert _schema_ref(operation["responses"][code]) == "ErrorResponse", (path, code)
    profiles = {
        p
        for p, _, o in with_body
        if o["requestBody"]["content"]
        .get("application/json", {})
        .get("schema", {})
        .get("$ref", "")
        .endswith("/TeamProfile")
    }
    assert profiles == {"/api/v1/evaluate", "/api/v1/assessments"}


def test_the_documented_422_shape_is_loc_msg_and_type(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]

    detail = schemas["ErrorDetail"]

    assert set(detail["properties"]) == {"loc", "msg", "type"}
    assert set(detail["required"]) == {"loc", "msg", "type"}


def test_the_health_check_documents_its_503(document: dict[str, Any]) -> None:
    operation = document["paths"]["/api/v1/healthz"]["get"]

    assert _schema_ref(operation["responses"]["503"]) == "Health"


def test_the_interactive_documentation_is_served(client: TestClient) -> None:
    answer = client.get("/docs")

    assert answer.status_code == 200
    assert "openapi.json" in answer.text
