"""The fast path decides and says exactly what the plain path does (docs: issue 12).

`assess` caches the engine's decisions by band and builds the words of each outcome once per
language; `assess_plainly` runs a fresh engine with no cache and builds every text anew. On
10,000 seeded random profiles (a third with members' answers, every context value, unanswered
items, teams with and without an id) in both languages, and through a members' aggregate as a
stored assessment is decided, the two give equal assessments, field for field and byte for byte.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from readiness import Assessment, assess, default_policy
from readiness.engine import RuleEngine, _QuietHost
from readiness.questionnaire import Respondent, load_questionnaire
from readiness.scoring import aggregate
from readiness.service import assess_plainly
from readiness.vocabulary import LANGS

PROFILES = 10_000
SOURCE = load_questionnaire()
POLICY = default_policy()
CONTEXT_CHOICES = {
    "goal_type": ("individual", "group", "mixed"),
    "rollout_plan": ("stepwise", "big_launch", "undecided"),
    "current_stage": ("none", "pilot", "expand", "sustain"),
}


def answers(rng: random.Random, level: float, respondent: Respondent) -> dict[str, int | None]:
    """Answers around `level` (1..5) for every dimension, each with at least the half needed;
    now and then the same raw answer everywhere, as a hurried respondent gives."""
    flat = rng.randint(1, 5) if rng.random() < 0.03 else None
    given: dict[str, int | None] = {}
    for dimension in SOURCE.dimensions:
        items = dimension.items_of(respondent)
        if not items or (respondent == "members" and rng.random() < 0.1):
            continue  # a member may skip a whole dimension
        shift = rng.uniform(-1.5, 1.5)
        count = rng.randint(dimension.min_answers_of(respondent), len(items))
        for item in rng.sample(items, count):
            value = round(level + shift + rng.gauss(0, 0.8))
            given[item.id] = flat or min(5, max(1, 6 - value if item.reverse else value))
        for item in items:
            if item.id not in given and rng.random() < 0.2:
                given[item.id] = None  # sent, but not answered
    return given


def random_profile(rng: random.Random, number: int) -> dict[str, Any]:
    level = rng.choice([rng.uniform(1, 5), rng.uniform(2.5, 4.5)])
    context: dict[str, Any] = {
        name: rng.choice(values) for name, values in CONTEXT_CHOICES.items() if rng.random() < 0.9
    }
    if rng.random() < 0.7:
        context["team_size"] = rng.choice([2, 3, 5, 8, 12, 20, 40, 500, rng.randint(2, 500)])
    if rng.random() < 0.7:
        context["months_together"] = rng.choice([0, 3, 6, 12, 24, 600, rng.randint(0, 600)])
    if rng.random() < 0.5:
        context["new_members_share"] = rng.choice([0, 0.2, 0.49, 0.5, 1, rng.random()])
    if rng.random() < 0.5:
        context["reorganization"] = rng.random() < 0.2
    profile: dict[str, Any] = {"answers": answers(rng, level, "manager"), "context": context}
    if number % 3 == 0:
        profile["member_answers"] = [
            answers(rng, level + rng.uniform(-1, 1), "members") for _ in range(rng.randint(1, 12))
        ]
    if rng.random() < 0.5:
        profile["team_id"] = f"team-{number}"
    return profile


def same(fast: Assessment, plain: Assessment) -> None:
    assert fast == plain
    assert fast.model_dump_json() == plain.model_dump_json()
    assert fast.model_dump_json(exclude_unset=True) == plain.model_dump_json(exclude_unset=True)


@pytest.fixture(scope="module")
def fresh_engine() -> RuleEngine:
    """An engine of its own on a host of its own, never asked through a cache."""
    return RuleEngine(POLICY, _QuietHost())


def test_the_fast_path_says_what_the_plain_path_says(fresh_engine: RuleEngine) -> None:
    rng = random.Random(20_240_612)
    profiles = [random_profile(rng, n) for n in range(PROFILES)]
    with_members = sum(1 for p in profiles if p.get("member_answers"))

    for number, profile in enumerate(profiles):
        lang = LANGS[number % 2]
        same(assess(profile, lang), assess_plainly(profile, lang, POLICY, fresh_engine))

    assert with_members >= PROFILES // 3


def test_a_members_aggregate_decides_the_same_both_ways(fresh_engine: RuleEngine) -> None:
    rng = random.Random(7)
    threshold = POLICY.settings.anonymity_threshold
    for number in range(0, 1_500, 3):  # only the profiles with members' answers
        profile = random_profile(rng, number)
        members = aggregate(profile["member_answers"], SOURCE, threshold)
        without = {k: v for k, v in profile.items() if k != "member_answers"}
        for lang in LANGS:
            fast = assess(without, lang, policy=POLICY, members=members)
            plain = assess_plainly(without, lang, POLICY, fresh_engine, members=members)
            same(fast, plain)


def test_the_profiles_reach_most_of_the_policy() -> None:
    """The comparison means something only if the profiles make every rule fire."""
    rng = random.Random(20_240_612)
    fired = {
        rule for n in range(2_000) for rule in assess(random_profile(rng, n), "en").fired_rules
    }

    assert fired == {rule.id for rule in POLICY.rules}
