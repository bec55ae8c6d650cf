"""One operator table, read alike by Python, by durable-rules and aloud on the policy page.

Every operator is probed on a number fact that may be missing (team size) and, unless it needs a
number, on a choice fact, with values below, on and above its constants. The probes come from
the table itself, so a new operator is checked here without a new test.
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError

from api.pages.i18n import gettext_for
from api.pages.policy_words import PolicyWords
from readiness import Policy, default_policy
from readiness.conditions import Comparison, parse_tests
from readiness.engine import engine_for
from readiness.operators import OPERATORS, Operator
from readiness.rule import Rule
from readiness.texts import Text
from readiness.vocabulary import Lang

# The constants each probe compares with: one, or a list of two, per kind of fact.
CONSTANTS: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "team_size": (10, (10, 12)),
    "goal_type": ("group", ("group", "mixed")),
}
# The fact values tried: missing, each constant, either side of each and between them.
VALUES: dict[str, list[Any]] = {
    "team_size": [None, 9, 9.5, 10, 10.5, 11, 12, 13],
    "goal_type": [None, "individual", "group", "mixed"],
}


def probes() -> Iterator[Comparison]:
    """One test per operator and fact it applies to, checked as a rule file's test is."""
    for op, fact in itertools.product(OPERATORS.values(), CONSTANTS):
        if op.needs_number and fact != "team_size":
            continue
        scalar, listed = CONSTANTS[fact]
        value = list(listed) if op.takes_list else scalar
        yield from parse_tests({fact: {op.name: value}})


def rule_id(test: Comparison) -> str:
    return f"probe-{test.fact}-{test.op}".replace("_", "-")


def probe_policy() -> Policy:
    """The default settings with one rule per probe and nothing else."""
    rules = tuple(
        Rule(
            id=rule_id(test),
            caveat="C1",
            title=Text(sv=test.describe(), en=test.describe()),
            when=(test,),
            then={"reassess_in_days": 30},
        )
        for test in probes()
    )
    return Policy(
        settings=default_policy().settings,
        rules=rules,
        files={rule.id: "probes.yaml" for rule in rules},
    )


def facts_tried() -> Iterator[dict[str, Any]]:
    for size, goal in itertools.product(VALUES["team_size"], VALUES["goal_type"]):
        given = {"team_size": size, "goal_type": goal}
        yield {name: value for name, value in given.items() if value is not None}


def test_every_operator_is_probed_on_every_kind_of_fact_it_applies_to() -> None:
    probed = {(t.fact, t.op) for t in probes()}

    for op in OPERATORS.values():
        assert ("team_size", op.name) in probed
        assert (("goal_type", op.name) in probed) is not op.needs_number


def test_the_engine_fires_a_test_exactly_where_its_python_predicate_holds() -> None:
    policy = probe_policy()
    engine = engine_for(policy)
    mismatches = []

    for facts in facts_tried():
        fired = set(engine.evaluate({**facts, "current_stage": "none"}, cached=False).fired)
        for test in probes():
            if (rule_id(test) in fired) is not test.holds(facts):
                mismatches.append((test.describe(), facts, test.holds(facts)))

    assert mismatches == []


def test_a_test_on_a_missing_fact_holds_neither_in_python_nor_in_the_engine() -> None:
    engine = engine_for(probe_policy())

    assert engine.evaluate({"current_stage": "none"}, cached=False).fired == ()
    assert not any(test.holds({}) for test in probes())


def test_operators_that_read_the_same_mean_the_same() -> None:
    # "in" with one value reads as "is"; a sentence shared by two operators that decide
    # differently would tell a reader something the engine does not do.
    for lang in ("sv", "en"):
        for first, second in itertools.combinations(OPERATORS.values(), 2):
            if first.sentence(lang) != second.sentence(lang):
                continue
            for fact, values in VALUES.items():
                scalar = CONSTANTS[fact][0]
                one = [(op, (scalar,) if op.takes_list else scalar) for op in (first, second)]
                decided = [[op.holds(v, value) for v in values] for op, value in one]
                assert decided[0] == decided[1], (lang, first.name, second.name, fact)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_policy_page_reads_every_operator_with_its_sentence_from_the_table(
    lang: Lang,
) -> None:
    words = PolicyWords(default_policy(), lang)
    either = gettext_for(lang)(" or ")

    for test in probes():
        when = [{"fact": test.fact, "op": test.op, "value": test.value}]
        values = either.join(words.value_name(test.fact, v) for v in test.constants())
        fact = words.fact_name(test.fact)

        assert words.conditions(when) == [
            test.operator.sentence(lang) % {"fact": fact, "value": values}
        ]


@pytest.mark.parametrize(
    ("op", "sv", "en"),
    [
        ("below", "Gruppens funktionsnivå är under 40", "The group's functional level is below 40"),
        (
            "at_least",
            "Gruppens funktionsnivå är minst 40",
            "The group's functional level is at least 40",
        ),
        ("not_in", "gruppens fas är varken 1 eller 2", "the group's phase is neither 1 or 2"),
    ],
)
def test_a_condition_reads_on_the_policy_page_as_it_always_has(op: str, sv: str, en: str) -> None:
    fact, value = ("phase", [1, 2]) if op == "not_in" else ("functional_level", 40)
    when = [{"fact": fact, "op": op, "value": value}]

    assert PolicyWords(default_policy(), "sv").conditions(when) == [sv]
    assert PolicyWords(default_policy(), "en").conditions(when) == [en]


def test_every_operator_in_the_table_has_every_form() -> None:
    for name, op in OPERATORS.items():
        scalar, listed = CONSTANTS["team_size"]
        value = listed if op.takes_list else scalar

        assert op.name == name
        assert op.symbol in Comparison("team_size", name, value).describe()
        assert op.sentence("sv") != op.sentence("en"), name
        assert "team_size" in json.dumps(op.condition("team_size", value)), name


def test_an_operator_without_a_durable_form_or_a_sentence_cannot_be_made() -> None:
    below = OPERATORS["below"]

    with pytest.raises(TypeError):
        Operator(name="under", symbol="<", test=operator.lt, sentence=below.sentence)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Operator(name="under", symbol="<", test=operator.lt, durable=below.durable)  # type: ignore[call-arg]


def test_an_operator_sentence_needs_both_languages_and_both_placeholders() -> None:
    with pytest.raises(ValidationError):
        Text(sv="%(fact)s är under %(value)s")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Text(sv="%(fact)s är under %(value)s", en="")
    with pytest.raises(ValueError, match="en sentence must name"):
        Operator(
            name="under",
            symbol="<",
            test=operator.lt,
            durable=OPERATORS["below"].durable,
            sentence=Text(sv="%(fact)s är under %(value)s", en="%(fact)s is below"),
        )
