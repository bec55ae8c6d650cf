"""The members' figures decide and are worded the same whatever order their dimensions come in.

PostgreSQL's jsonb keeps an object's keys in an order of its own, so an aggregate read back from a
survey round or a stored profile can list its dimensions in another order than it was made in.
When two gaps between the manager's and the members' view are as large, the text names the one
that comes first: the aggregate keeps the questionnaire's order, so that is always the same one.
"""

from __future__ import annotations

import random

from readiness import assess, default_policy
from readiness.members import MemberAggregate
from readiness.questionnaire import load_questionnaire
from readiness.scoring import aggregate
from tests.test_differential import random_profile

POLICY = default_policy()
ORDER = [d.id for d in load_questionnaire().dimensions]


def test_an_aggregate_keeps_the_questionnaires_order_of_dimensions() -> None:
    medians = {"a_retired_dimension": 40.0} | dict.fromkeys(reversed(ORDER), 50.0)

    stored = MemberAggregate.model_validate({"respondents": 4, "medians": medians})

    assert list(stored.medians) == [*ORDER, "a_retired_dimension"]


def test_the_order_an_aggregate_is_read_in_changes_no_word() -> None:
    rng = random.Random(31)
    threshold = POLICY.settings.anonymity_threshold
    compared = 0
    for number in range(0, 900, 3):  # the profiles with members' answers
        profile = random_profile(rng, number)
        made = aggregate(profile["member_answers"], load_questionnaire(), threshold)
        if not made.medians:
            continue
        shuffled = list(made.medians.items())
        rng.shuffle(shuffled)
        read_back = MemberAggregate.model_validate(
            {"respondents": made.respondents, "medians": dict(reversed(shuffled))}
        )
        without = {k: v for k, v in profile.items() if k != "member_answers"}
        for lang in ("sv", "en"):
            as_made = assess(without, lang, policy=POLICY, members=made)
            as_read = assess(without, lang, policy=POLICY, members=read_back)
            assert as_read.model_dump_json() == as_made.model_dump_json()
            compared += 1
    assert compared > 300
