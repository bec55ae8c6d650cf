import json
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings, coverage_path
from readiness import default_policy
from readiness.rules_listing import read_coverage, rules_as_data


def test_the_policy_lists_every_rule_and_caveat_with_its_version(client: TestClient) -> None:
    policy = default_policy()

    answer = client.get("/api/v1/policy")

    assert answer.status_code == 200
    body = answer.json()
    assert body["policy_version"] == policy.version
    assert [rule["id"] for rule in body["rules"]] == [rule.id for rule in policy.rules]
    assert [caveat["id"] for caveat in body["caveats"]] == [f"C{n}" for n in range(1, 11)]


def test_the_policy_is_the_listing_the_cli_prints_in_that_language(client: TestClient) -> None:
    answer = client.get("/api/v1/policy", params={"lang": "en"})

    coverage = read_coverage(coverage_path(Settings()))
    assert answer.json() == json.loads(json.dumps(rules_as_data(default_policy(), "en", coverage)))


def test_every_rule_is_listed_with_the_scenarios_that_document_it(client: TestClient) -> None:
    rules = client.get("/api/v1/policy").json()["rules"]

    assert all(rule["scenarios"] for rule in rules)
    assert any("Funktionsnivån" in s for rule in rules for s in rule["scenarios"])


def test_another_coverage_record_is_the_one_listed(tmp_path: Path) -> None:
    record = tmp_path / "coverage.json"
    record.write_text(json.dumps({"functional-level-low": ["Ett påhittat scenario"]}))
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'p.db'}", coverage_file=record))

    with TestClient(app) as client:
        rules = {r["id"]: r for r in client.get("/api/v1/policy").json()["rules"]}

    assert rules["functional-level-low"]["scenarios"] == ["Ett påhittat scenario"]
    assert rules["functional-level-moderate"]["scenarios"] == []
