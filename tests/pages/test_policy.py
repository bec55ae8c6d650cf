"""`/policy`: every rule and caveat of the policy in force, in readable words."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import readiness
from readiness.vocabulary import Lang
from tests.pages.conftest import page


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_rule_and_caveat_is_on_the_policy_page(client: TestClient, lang: Lang) -> None:
    policy = readiness.default_policy()

    document = page(client.get(f"/policy?lang={lang}"))

    assert document.find("html").attrs["lang"] == lang
    for caveat_id, caveat in policy.settings.caveats.items():
        assert caveat.title(lang) in document.by_id(caveat_id).find("h3").text()
    for rule in policy.rules:
        assert rule.title(lang) in document.by_id(f"rule-{rule.id}").find("h4").text()
    assert policy.version in document.text()


def test_a_rule_reads_as_a_sentence_with_the_questionnaires_words(client: TestClient) -> None:
    document = page(client.get("/policy?lang=sv"))

    rule = document.by_id("rule-functional-level-moderate")
    assert (
        "Gruppens funktionsnivå är minst 40, och Gruppens funktionsnivå är under 65" in rule.text()
    )
    assert "ledarskap högst: Coachande ledarskap – på väg" in rule.text()


def test_choices_and_decided_modes_are_named_as_a_reader_knows_them(client: TestClient) -> None:
    plan = next(f for f in readiness.questionnaire("en").context_fields if f.id == "rollout_plan")
    big_launch = next(c.label for c in plan.choices if c.value == "big_launch")

    document = page(client.get("/policy?lang=en"))

    assert f"{plan.title} is “{big_launch}”" in document.by_id("rule-big-launch").text()
    not_now = document.by_id("rule-not-now").text()
    assert "the decided leadership is “Structuring leadership – not now”" in not_now


def test_what_a_finding_quotes_is_named_rather_than_left_as_code(client: TestClient) -> None:
    document = page(client.get("/policy?lang=en"))

    text = document.by_id("rule-functional-level-low").text()
    assert "{functional_level}" not in text
    assert "[The group's functional level]" in text
