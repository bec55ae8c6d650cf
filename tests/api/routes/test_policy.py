import json

from fastapi.testclient import TestClient

from readiness import default_policy
from readiness.rules_listing import rules_as_data


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

    assert answer.json() == json.loads(json.dumps(rules_as_data(default_policy(), "en")))
